"""Messages of solidarity chosen to print, as an A4 PDF that organisers post with the letters.

Several messages a page, each with its writer's name and country under it, in the bundled Inter
font (Latin and Cyrillic; fpdf2 embeds the glyphs used). A message never breaks across pages.
Headings and country names are in the campaign's main language: the language of its letters.
Inter has no Arabic, Hebrew, Chinese...: `lacks_glyphs` names the messages that print with
blanks, for the organiser to copy by hand.
"""

import unicodedata
from functools import cache
from itertools import groupby

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from fontTools.ttLib import TTFont
from fpdf import FPDF

from sitewide import artwork

MARGIN = 20  # mm
TEXT_SIZE, TEXT_LINE = 12, 6  # points, mm
AUTHOR_SIZE, AUTHOR_LINE = 10, 5.5
GAP = 7  # mm between two messages
MUTED = (74, 74, 85)


def lacks_glyphs(message):
    """Whether the print font cannot draw some of the message's or its writer's characters."""
    return any(
        ord(char) not in _drawable() and not char.isspace() and unicodedata.category(char) != "Cf"
        for char in message.message + message.name
    )


@cache
def _drawable():
    with TTFont(artwork.SEMIBOLD) as font:
        return frozenset(font.getBestCmap())


def print_pdf(messages):
    """The PDF (bytes) of `messages`, a page run for each campaign."""
    pdf = FPDF(format="A4")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(False)
    pdf.set_creator(settings.SITE_NAME)
    pdf.set_title(gettext("Messages of solidarity"))
    pdf.add_font("text", fname=str(artwork.SEMIBOLD))
    pdf.add_font("heading", fname=str(artwork.BLACK))
    for campaign, its_messages in groupby(messages, key=lambda message: message.campaign):
        with translation.override(campaign.language):
            _campaign_pages(pdf, campaign, its_messages)
    return bytes(pdf.output())


def _campaign_pages(pdf, campaign, messages):
    pdf.add_page()
    pdf.set_font("heading", size=20)
    pdf.set_text_color(0)
    heading = gettext("Messages of solidarity for %(name)s") % {"name": campaign.name}
    pdf.multi_cell(0, 9, heading, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(GAP)
    for message in messages:
        author = f"— {message.name}, {message.country.name}"
        pdf.set_font("text", size=TEXT_SIZE)
        text_lines = pdf.multi_cell(
            0, TEXT_LINE, message.message, align="L", dry_run=True, output="LINES"
        )
        pdf.set_font("text", size=AUTHOR_SIZE)
        author_lines = pdf.multi_cell(
            0, AUTHOR_LINE, author, align="L", dry_run=True, output="LINES"
        )
        height = len(text_lines) * TEXT_LINE + 2 + len(author_lines) * AUTHOR_LINE
        if pdf.get_y() + height > pdf.h - MARGIN:
            pdf.add_page()
        pdf.set_font("text", size=TEXT_SIZE)
        pdf.set_text_color(0)
        pdf.multi_cell(0, TEXT_LINE, message.message, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.set_font("text", size=AUTHOR_SIZE)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(0, AUTHOR_LINE, author, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(GAP / 2)
        pdf.set_draw_color(214, 211, 204)
        pdf.line(MARGIN, pdf.get_y(), pdf.w - MARGIN, pdf.get_y())
        pdf.ln(GAP / 2)
