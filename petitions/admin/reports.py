"""An organiser's reports on a petition: the confirmed signatures for delivery to its target
(CSV), and its statistics by country and by day (charts, tables, CSV)."""

import csv
import datetime

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries

from sitewide.charts import bar_chart, share_percent
from sitewide.spreadsheets import spreadsheet_safe

# The chart by day shows at most this many days, the latest (the table lists them all).
DAYS_CHARTED = 366


class Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value):
        return value


def csv_download(filename, header, rows):
    """A streamed CSV file of `rows` under `header`, every cell made inert for spreadsheets."""
    writer = csv.writer(Echo())

    def lines():
        yield writer.writerow(header)
        for row in rows:
            yield writer.writerow([spreadsheet_safe(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def signatures_csv(petition):
    """The confirmed signatures, oldest first, for delivery to the target: no emails."""
    signatures = (
        petition.signatures.confirmed()
        .not_anonymised()
        .order_by("confirmed_at", "pk")
        .values_list("first_name", "last_name", "country", "postal_code", "confirmed_at")
    )
    rows = (
        (first, last, country, postal_code, signed.date().isoformat() if signed else "")
        for first, last, country, postal_code, signed in signatures.iterator(chunk_size=2000)
    )
    header = [_("First name"), _("Last name"), _("Country"), _("Postal code"), _("Signed on")]
    return csv_download(f"{petition.slug}-signatures.csv", header, rows)


def by_country(petition):
    """Confirmed signatures per country, most first: name, code, count, share of the total
    (percent) and length of its bar (percent of the first)."""
    rows = list(
        petition.signatures.confirmed()
        .values("country")
        .annotate(total=Count("pk"))
        .order_by("-total", "country")
    )
    total = sum(row["total"] for row in rows)
    most = rows[0]["total"] if rows else 0
    return [
        {
            "code": row["country"],
            "name": countries.name(row["country"]) or row["country"],
            "total": row["total"],
            "percent": share_percent(row["total"], total),
            "bar": share_percent(row["total"], most),
        }
        for row in rows
    ]


def by_day(petition):
    """{day: confirmed signatures} for the days that had any, in the site's time zone."""
    rows = (
        petition.signatures.confirmed()
        .annotate(day=TruncDate("confirmed_at"))
        .values("day")
        .annotate(total=Count("pk"))
        .order_by("day")
    )
    return {row["day"]: row["total"] for row in rows}


def day_chart(petition, counts):
    """A bar a day from the first confirmed signature to today (or to the closing day), the
    last DAYS_CHARTED days at most; None before any signature. Returns (chart, first, last)."""
    if not counts:
        return None, None, None
    last = timezone.localdate()
    if petition.closes_at and petition.closes_at < timezone.now():
        last = timezone.localdate(petition.closes_at)
    last = max(last, max(counts))
    first = max(min(counts), last - datetime.timedelta(days=DAYS_CHARTED - 1))
    days = [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
    points = [
        (
            ngettext("%(day)s: %(count)d signature", "%(day)s: %(count)d signatures", count)
            % {"day": date_format(day, "DATE_FORMAT"), "count": count},
            count,
        )
        for day, count in ((day, counts.get(day, 0)) for day in days)
    ]
    chart = bar_chart(points, description=_("Confirmed signatures per day"))
    return chart, first, last


def countries_csv(petition):
    rows = ((row["code"], row["name"], row["total"]) for row in by_country(petition))
    header = [_("Country code"), _("Country"), _("Confirmed signatures")]
    return csv_download(f"{petition.slug}-by-country.csv", header, rows)


def days_csv(petition):
    rows = ((day.isoformat(), total) for day, total in by_day(petition).items())
    return csv_download(f"{petition.slug}-by-day.csv", [_("Day"), _("Confirmed signatures")], rows)
