"""How the apps' admin lists show a value in little room: statuses as badges, short dates."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html


def badge(value, label):
    """A status as a coloured label; admin.css gives each value its colour."""
    return format_html('<span class="status-badge status-badge--{}">{}</span>', value, label)


def short_datetime(moment):
    """A date and time in the active language's short format (23/07/2023 14:05), or a dash."""
    if moment is None:
        return "–"
    return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def short_date(day):
    """A date in the active language's short format (23/07/2023), or a dash."""
    return "–" if day is None else date_format(day, "SHORT_DATE_FORMAT")
