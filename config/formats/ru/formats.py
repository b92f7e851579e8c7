"""Russian dates: Django's own formats, but the month after a day in the genitive ("24 октября",
not "24 Октябрь")."""

MONTH_DAY_FORMAT = "j E"
