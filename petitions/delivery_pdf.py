"""The delivery pack drawn as an A4 PDF to print (fpdf2, with the bundled Inter font: Latin,
Cyrillic and Greek). Called by petitions.delivery_pack, in the petition's language."""

import unicodedata

from django.conf import settings
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from fpdf import FPDF

from sitewide import artwork

MARGIN = 56  # points: 2 cm
INK = (24, 24, 24)
GREY = (96, 96, 96)
RULE = (200, 200, 200)
HEADING, TEXT = "Inter-Black", "Inter-SemiBold"
COUNTRY_WIDTH, COUNT_WIDTH = 300, 80  # the table by country, in points


def printable(text):
    """`text` without control characters, which the font has no glyph for."""
    return "".join(" " if unicodedata.category(char) == "Cc" else char for char in str(text))


def grouped(number):
    return number_format(number, force_grouping=True)


class PackPDF(FPDF):
    footer_text = ""

    def footer(self):
        self.set_y(-MARGIN + 16)
        self.set_font(TEXT, size=8)
        self.set_text_color(*GREY)
        self.cell(0, 10, self.footer_text.replace("{page}", str(self.page_no())), align="C")

    def paragraph(self, text, *, size=10.5, family=TEXT, colour=INK, after=6):
        self.set_font(family, size=size)
        self.set_text_color(*colour)
        self.multi_cell(0, size * 1.4, printable(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(after)

    def heading(self, text, *, size=14, before=8):
        if self.will_page_break(before + 60):  # never a heading alone at the bottom of a page
            self.add_page()
        self.ln(before)
        self.paragraph(text, size=size, family=HEADING, after=4)

    def rule(self):
        self.set_draw_color(*RULE)
        self.line(MARGIN, self.get_y(), self.w - MARGIN, self.get_y())
        self.ln(8)


def draw(pack):
    """The pack's pages: the petition, its total, the table by country, then the names."""
    pdf = PackPDF(unit="pt", format="A4")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    pdf.set_title(printable(pack.title))
    pdf.set_creator(settings.SITE_NAME)
    pdf.add_font(HEADING, fname=str(artwork.BLACK))
    pdf.add_font(TEXT, fname=str(artwork.SEMIBOLD))
    pdf.footer_text = printable(
        _("%(title)s · page %(page)s of %(pages)s")
        % {"title": pack.title, "page": "{page}", "pages": "{nb}"}
    )
    pdf.add_page()

    counted = _("Signatures counted on %(date)s") % {
        "date": date_format(pack.counted_on, "DATE_FORMAT")
    }
    pdf.paragraph(counted, size=9, colour=GREY, after=10)
    pdf.paragraph(pack.title, size=24, family=HEADING, after=4)
    pdf.paragraph(_("To: %(target)s") % {"target": pack.target}, size=13, after=14)
    _total(pdf, pack)
    if pack.demands:
        pdf.heading(_("We call on %(target)s to:") % {"target": pack.target})
        for number, demand in enumerate(pack.demands, start=1):
            pdf.paragraph(f"{number}. {demand}", size=11.5, after=4)
    if pack.paragraphs:
        pdf.heading(_("The petition"))
        for text in pack.paragraphs:
            pdf.paragraph(text)
    _countries(pdf, pack)
    _signers(pdf, pack)
    return bytes(pdf.output())


def _total(pdf, pack):
    pdf.rule()
    total = ngettext("%(count)s signature", "%(count)s signatures", pack.total)
    pdf.paragraph(total % {"count": grouped(pack.total)}, size=30, family=HEADING, after=2)
    online = ngettext(
        "%(count)s signed online and confirmed their email address",
        "%(count)s signed online and confirmed their email address",
        pack.online,
    ) % {"count": grouped(pack.online)}
    if pack.elsewhere:
        elsewhere = ngettext(
            "%(count)s gathered elsewhere (on paper or on other platforms)",
            "%(count)s gathered elsewhere (on paper or on other platforms)",
            pack.elsewhere,
        ) % {"count": grouped(pack.elsewhere)}
        online = _("%(online)s; %(elsewhere)s.") % {"online": online, "elsewhere": elsewhere}
    else:
        online = _("%(online)s.") % {"online": online}
    pdf.paragraph(online, size=11, colour=GREY, after=8)
    pdf.rule()


def _countries(pdf, pack):
    if not pack.by_country:
        return
    pdf.heading(_("Signatures by country"))
    pdf.paragraph(_("Signed online and confirmed."), size=9, colour=GREY, after=4)
    pdf.set_font(TEXT, size=10.5)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(*RULE)
    for _code, name, total in pack.by_country:
        pdf.cell(COUNTRY_WIDTH, 18, printable(name), border="B")
        pdf.cell(COUNT_WIDTH, 18, grouped(total), border="B", align="R")
        pdf.ln()


def _signers(pdf, pack):
    pdf.heading(_("Signers"))
    if pack.names is None:
        pdf.paragraph(_("Signers’ names are not part of this petition’s delivery."))
        return
    pdf.paragraph(
        _("The first names of the people who signed online and confirmed, by country."),
        size=9,
        colour=GREY,
    )
    for country, names in pack.names:
        pdf.heading(f"{country} ({grouped(len(names))})", size=11, before=0)
        pdf.paragraph(", ".join(names), after=8)
