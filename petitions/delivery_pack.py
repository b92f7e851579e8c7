"""The delivery pack: what an organiser hands to a petition's target, as a PDF to print and a CSV
beside it, in the petition's main language.

It holds the petition (title, target, demands, text), the total with what was gathered online
and elsewhere, and the confirmed online signatures by country (anonymised ones too: their
country stays). The confirmed signers' first names and countries are added only when the
organiser chose it for the petition (Petition.hand_over_names); never last names or emails.
"""

import csv
import datetime
import html
import io
import re
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django_countries import countries

from petitions import delivery_pdf
from sitewide.spreadsheets import spreadsheet_safe
from sitewide.templatetags.markup import render_markdown

# Where a block of the rendered Markdown ends: the plain text starts a paragraph there.
BLOCK_END = re.compile(r"</(?:p|li|h[2-6]|blockquote|pre)>|<br\s*/?>|<hr\s*/?>")


@dataclass(frozen=True)
class Pack:
    slug: str
    language: str
    title: str
    target: str
    demands: list
    paragraphs: list
    online: int
    elsewhere: int
    by_country: list  # [(code, name, confirmed online signatures)], most first
    names: list | None  # [(country name, [first names])] when handed over, else None
    counted_on: datetime.date

    @property
    def total(self):
        return self.online + self.elsewhere

    def filename(self, extension):
        return f"{self.slug}-delivery.{extension}"


def plain_paragraphs(markdown_text):
    """An organiser's Markdown as plain paragraphs (list items marked with a bullet)."""
    rendered = BLOCK_END.sub("\n\n", render_markdown(markdown_text).replace("<li>", "<li>• "))
    text = html.unescape(strip_tags(rendered))
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]


def gather(petition):
    """What the pack holds for `petition`, read now, in the petition's main language."""
    with translation.override(petition.language):
        confirmed = petition.signatures.confirmed()
        counts = (
            confirmed.values("country").annotate(total=Count("pk")).order_by("-total", "country")
        )
        by_country = [
            (row["country"], str(countries.name(row["country"]) or row["country"]), row["total"])
            for row in counts
        ]
        return Pack(
            slug=petition.slug,
            language=petition.language,
            title=petition.title,
            target=petition.target,
            demands=[demand.text for demand in petition.demands.all()],
            paragraphs=plain_paragraphs(petition.introduction) + plain_paragraphs(petition.body),
            online=sum(total for _code, _name, total in by_country),
            elsewhere=petition.offset + petition.paper_count,  # paper: counted, never named
            by_country=by_country,
            names=_names(confirmed, by_country) if petition.hand_over_names else None,
            counted_on=timezone.localdate(),
        )


def _names(confirmed, by_country):
    """The confirmed signers' first names by country, in the order of the country table."""
    found = {}
    signers = (
        confirmed.not_anonymised()
        .exclude(first_name="")
        .order_by("confirmed_at", "pk")
        .values_list("country", "first_name")
    )
    for code, first_name in signers.iterator(chunk_size=2000):
        found.setdefault(code, []).append(first_name)
    return [(name, found[code]) for code, name, _total in by_country if code in found]


def pdf_bytes(pack):
    """The pack as a PDF to print."""
    with translation.override(pack.language):
        return delivery_pdf.draw(pack)


def csv_text(pack):
    """The pack as CSV: the totals, the table by country and, when handed over, the names;
    every cell made inert for spreadsheets."""
    with translation.override(pack.language):
        rows = [
            [_("Petition"), pack.title],
            [_("Target"), pack.target],
            *([_("Demand"), demand] for demand in pack.demands),
            [_("Counted on"), pack.counted_on.isoformat()],
            [_("Signatures in total"), pack.total],
            [_("Signed online and confirmed"), pack.online],
            [_("Gathered elsewhere"), pack.elsewhere],
            [],
            [_("Country code"), _("Country"), _("Confirmed signatures online")],
            *([code, name, total] for code, name, total in pack.by_country),
        ]
        if pack.names is not None:
            rows += [[], [_("First name"), _("Country")]]
            rows += [[first, country] for country, names in pack.names for first in names]
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    return output.getvalue()
