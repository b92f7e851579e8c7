"""Approved letters as one print-ready PDF: a letter per A4 page, with the prison's postal
address, the postcard's design and the text, in Inter (Latin, Cyrillic, Greek), like the
drawn posters (fpdf2, the font embedded)."""

import io
from functools import cache

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from fontTools.ttLib import TTFont
from fpdf import FPDF

from sitewide import artwork

FONT = artwork.SEMIBOLD
FAMILY = "Inter"
MARGIN = 56  # points
DESIGN_HEIGHT = 300  # the postcard's picture, at most this high


@cache
def _characters():
    """Every character the font can draw."""
    return set(map(chr, TTFont(FONT).getBestCmap()))


def missing_characters(text):
    """The characters of `text` the font lacks (white space aside): a script Inter has not."""
    return sorted({char for char in text if not char.isspace()} - _characters())


def batch(letters, today=None):
    """The PDF (bytes) of `letters`, each with its campaign's address on `today`."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_margin(MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    pdf.set_title(_("Letters to post"))
    pdf.set_creator(settings.SITE_NAME)
    pdf.add_font(FAMILY, fname=str(FONT))
    addresses = {}
    for letter in letters:
        campaign = letter.campaign
        if campaign.pk not in addresses:
            addresses[campaign.pk] = campaign.current_address(today or timezone.localdate())
        _page(pdf, letter, addresses[campaign.pk])
    return bytes(pdf.output())


def _page(pdf, letter, address):
    pdf.add_page()
    pdf.set_font(FAMILY, size=11)
    pdf.set_text_color(*artwork.INK)
    if address:
        _paragraph(pdf, 15, address.address)
    else:
        pdf.set_text_color(*artwork.GREY)
        _paragraph(pdf, 15, _("Address to be added by the organisers"))
        pdf.set_text_color(*artwork.INK)
    pdf.ln(24)
    if letter.design and letter.design.image:
        with letter.design.image.open("rb") as image:
            pdf.image(io.BytesIO(image.read()), h=DESIGN_HEIGHT, keep_aspect_ratio=True, w=pdf.epw)
        pdf.ln(18)
    pdf.set_font(FAMILY, size=12)
    missing = missing_characters(letter.text + letter.name)
    if missing:
        pdf.set_text_color(*artwork.GREY)
        _paragraph(
            pdf,
            17,
            _(
                "This letter is written in a script the PDF font cannot show (%(sample)s). "
                "Copy it from the letter's page in the admin and print it separately."
            )
            % {"sample": " ".join(f"U+{ord(char):04X}" for char in missing[:3])},
        )
        return
    _paragraph(pdf, 17, letter.text)
    pdf.ln(12)
    _paragraph(pdf, 17, f"{letter.name}, {letter.country.name}")


def _paragraph(pdf, line_height, text):
    """Text set ragged right (justified lines read badly in a short letter), then a new line."""
    pdf.multi_cell(0, line_height, text, align="L", new_x="LMARGIN", new_y="NEXT")
