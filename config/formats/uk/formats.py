"""Ukrainian dates: Django's own formats, but the day without a leading zero ("2 вересня 2023 р.")
and the month after a day in the genitive ("24 жовтня", not "24 Жовтень")."""

DATE_FORMAT = "j E Y р."
DATETIME_FORMAT = "j E Y р. H:i"
MONTH_DAY_FORMAT = "j E"
