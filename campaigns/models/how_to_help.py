"""The "How to help" part of a campaign's profile: what organisers ask supporters to do besides
signing (write, send a birthday card, donate, follow), filled in the campaign admin."""

import datetime

from django.conf import global_settings
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from sitewide.help_texts import MARKDOWN_HELP

# The birthday notice shows this long before the day.
BIRTHDAY_NOTICE = datetime.timedelta(weeks=4)
# Links supporters follow: never javascript:, ftp: or the like.
web_link = URLValidator(schemes=["http", "https"])


def next_birthday(birthday, today):
    """The next `birthday` on or after `today`; 29 February is 28 February in other years."""
    for year in (today.year, today.year + 1):
        try:
            day = birthday.replace(year=year)
        except ValueError:
            day = datetime.date(year, 2, 28)
        if day >= today:
            return day
    raise AssertionError("unreachable")


class HowToHelp(models.Model):
    """Optional fields of a campaign's "How to help" panel."""

    accepts_letters = models.BooleanField(
        _("supporters may write letters and postcards"),
        default=False,
        help_text=_("Letters wait for your approval; you print and post them."),
    )
    letter_language = models.CharField(
        _("language letters must be written in"),
        max_length=10,
        choices=global_settings.LANGUAGES,
        blank=True,
        help_text=_("The prison’s censor may hold back letters in other languages."),
    )
    letter_rules = models.TextField(
        _("rules for letters"),
        blank=True,
        help_text=format_lazy(
            "{} {}", _("What gets a letter past the prison’s censor."), MARKDOWN_HELP
        ),
    )
    birthday = models.DateField(
        _("birthday"),
        null=True,
        blank=True,
        help_text=_("The page asks for birthday cards in the four weeks before it."),
    )
    donation_url = models.URLField(
        _("donation link"),
        blank=True,
        validators=[web_link],
        help_text=_("The legal or parcel fund."),
    )
    channel_url = models.URLField(
        _("public channel"),
        blank=True,
        validators=[web_link],
        help_text=_("The lawyer’s or the committee’s public channel, for news."),
    )

    class Meta:
        abstract = True

    def birthday_soon(self, today=None):
        """The coming birthday if it is at most four weeks away (today included), else None."""
        if self.birthday is None:
            return None
        today = today or timezone.localdate()
        day = next_birthday(self.birthday, today)
        return day if day - today <= BIRTHDAY_NOTICE else None

    def current_address(self, today=None):
        """The postal address letters go to today: the latest one already valid, or None."""
        today = today or timezone.localdate()
        return self.prison_addresses.filter(valid_from__lte=today).order_by("-valid_from").first()
