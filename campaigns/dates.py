"""Approximate dates: "2019", "July–August 2023", "23 July 2023".

Organisers often know only the year or the month of an event in a case. Such a date is stored as
the first day of its period with a precision; a range adds an end date of the same precision.
"""

import calendar
import datetime
import zoneinfo
from functools import cache

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def period_start(date, precision):
    """The first day of the period that `date` stands for."""
    if precision == DatePrecision.YEAR:
        return date.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return date.replace(day=1)
    return date


def period_end(date, precision):
    """The last day of the period that `date` stands for."""
    if precision == DatePrecision.YEAR:
        return date.replace(month=12, day=31)
    if precision == DatePrecision.MONTH:
        return date.replace(day=calendar.monthrange(date.year, date.month)[1])
    return date


def format_period(start, precision, end=None):
    """The period in words, in the active language: "2019–2021", "July–August 2023"."""
    # Translators: the formats follow Django's date syntax (j day, F month name, Y year).
    formats = {
        DatePrecision.YEAR: pgettext("date with a year only", "Y"),
        DatePrecision.MONTH: pgettext("date with a month and year", "F Y"),
        DatePrecision.DAY: pgettext("full date", "j F Y"),
    }
    full = formats[DatePrecision(precision)]
    if end is None or period_start(end, precision) == period_start(start, precision):
        return date_format(start, full)
    # Only repeat what differs: "July–August 2023", "30 August – 2 September 2023".
    if precision == DatePrecision.YEAR:
        return f"{date_format(start, full)}–{date_format(end, full)}"
    if start.year != end.year:
        return f"{date_format(start, full)} – {date_format(end, full)}"
    if precision == DatePrecision.MONTH:
        first = pgettext("first month of a range within a year", "F")
        return f"{date_format(start, first)}–{_in_running_text(date_format(end, full), end)}"
    if start.month == end.month:
        return f"{date_format(start, 'j')}–{date_format(end, full)}"
    first = pgettext("first day of a range within a year", "j F")
    return f"{date_format(start, first)} – {date_format(end, full)}"


def _in_running_text(text, date):
    """`text`, which starts with `date`'s month name, as it reads after another word.

    Russian and Ukrainian capitalise a month's name standing alone ("Август 2023") but not in
    running text ("Июль–август 2023"); their genitive ("августа") has the running-text case.
    """
    if date_format(date, "E").islower():
        return text[:1].lower() + text[1:]
    return text


@cache
def time_zone_names():
    return sorted(zoneinfo.available_timezones() - {"localtime"})


def time_zone_choices():
    """Every IANA time zone, for the select lists of organisers and supporters."""
    return [(name, name.replace("_", " ")) for name in time_zone_names()]


def localdate_in(time_zone, now=None):
    """Today's date in `time_zone` (an IANA name) at the instant `now` (default: now)."""
    return timezone.localdate(now, zoneinfo.ZoneInfo(time_zone))


def start_of_day(date, time_zone):
    """The aware instant a day begins in a time zone."""
    return datetime.datetime.combine(date, datetime.time.min, tzinfo=zoneinfo.ZoneInfo(time_zone))


def day_span(date, time, time_zone):
    """(the aware instant something starts, at `time` or else when its day begins; the instant
    its day ends) in `time_zone`: it is on until then, however long it lasts."""
    starts_at = datetime.datetime.combine(
        date, time or datetime.time.min, tzinfo=zoneinfo.ZoneInfo(time_zone)
    )
    return starts_at, start_of_day(date + datetime.timedelta(days=1), time_zone)
