"""Event posters: uploaded by organisers (a PDF, or an image cleaned like a public photo), or
drawn from the event's poster text (such as "FREE AZAT 04.09") as a PDF and a PNG.

A drawn poster is drawn by a task when its text, the campaign's name or colour, or the event's
title change (Event.save queues it), and stored as files; never during a request.
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import PurePath

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.tasks import task
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from fpdf import FPDF

from campaigns import photos
from sitewide import artwork, artwork_files

POSTER_EXTENSIONS = ["pdf", "png", "jpg", "jpeg"]
# A4 at 300 dots per inch: sharp enough to print.
POSTER_LONG_SIDE = 3508


def clean_poster(upload):
    """Return the file to store for an uploaded poster, or raise ValidationError.

    A PDF is kept as sent once its first bytes say it is one. An image goes through the photos'
    cleaning: verified by Pillow, re-encoded as JPEG, every piece of metadata gone.
    """
    extension = PurePath(upload.name or "").suffix.lower().removeprefix(".")
    if extension not in POSTER_EXTENSIONS:
        raise ValidationError(_("A poster is a PDF, PNG or JPEG file."), code="extension")
    if extension == "pdf":
        upload.seek(0)
        if upload.read(5) != b"%PDF-":
            raise ValidationError(
                _("This file is not a PDF. Export the poster as PDF and send it again."),
                code="not_a_pdf",
            )
        upload.seek(0)
        return upload
    try:
        return photos.clean_photo(upload, long_side=POSTER_LONG_SIDE).image
    except ValidationError as error:
        if error.code in ("format", "not_an_image"):
            raise ValidationError(
                _("This file is not an image we can read. Send a PNG or JPEG image, or a PDF."),
                code=error.code,
            ) from error
        raise


# A drawn poster: A4, laid out once in points and painted twice, as a PDF to print (fpdf2:
# vector lettering with the font embedded) and as a PNG to show and share (Pillow).
A4 = (595.28, 841.89)  # points
PNG_SCALE = 2  # pixels a point: 1191 x 1684, enough for a screen and a home printer
DESIGN = 1
FOLDER = "posters/drawn"
MAX_LINE_SCALE = 1.6
LINE_GAP = 0.1  # between the headline's lines, in ems


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float
    colour: tuple


@dataclass(frozen=True)
class Line:
    x: float
    baseline: float
    text: str
    face: object  # a font path of sitewide.artwork
    size: float
    colour: tuple
    width: float  # at most this wide


def layout(*, headline, name, colour, footer):
    """What a drawn poster holds, in points: boxes, then lines of text."""
    width, height = A4
    background = artwork.rgb(colour)
    ink = artwork.ink_on(background)
    margin = 44
    inner = width - 2 * margin
    boxes = [Box(0, 0, width, height, background)]
    bar_width, bar_count = 26, 5
    gap = (width - bar_count * bar_width) / bar_count
    shade = artwork.shade(background)
    for number in range(bar_count):
        left = gap / 2 + number * (bar_width + gap)
        boxes.append(Box(left, 0, left + bar_width, height, shade))
    lines = []
    small = _block(footer, artwork.SEMIBOLD, inner, 44, 18, 1.3)
    small_top = height - margin - small.height / PNG_SCALE
    lines += _lines(small, artwork.SEMIBOLD, margin, small_top, ink, inner)
    named = _block(name.upper(), artwork.BLACK, inner, 90, 34, 1.0)
    name_top = small_top - 22 - named.height / PNG_SCALE
    lines += _lines(named, artwork.BLACK, margin, name_top, ink, inner)
    rule_bottom = name_top - 24
    boxes.append(Box(margin, rule_bottom - 6, width - margin, rule_bottom, ink))
    big = _headline(
        headline.upper(),
        left=margin,
        top=margin,
        width=inner,
        height=rule_bottom - 40 - margin,
        colour=ink,
    )
    return boxes, big + lines  # the headline first: the PDF's text reads in this order


def _headline(text, *, left, top, width, height, colour):
    """The poster's big words, each line enlarged to the full width as posters set them (up to
    MAX_LINE_SCALE times the size that the longest line allows), all shrunk together should
    they then be too tall."""
    block = _block(text, artwork.BLACK, width, height, 220, 0.9)
    sizes = []  # in points
    for line in block.lines:
        measured = artwork.font(artwork.BLACK, block.size).getlength(line)
        scale = min(MAX_LINE_SCALE, width * PNG_SCALE / measured)
        sizes.append(block.size * scale / PNG_SCALE)
    pairs = list(zip(block.lines, sizes, strict=True))
    needed = sum(sum(_ink(line, size)) + LINE_GAP * size for line, size in pairs)
    shrink = min(1, height / needed)
    lines, baseline = [], top
    for line, size in pairs:
        size *= shrink
        rise, drop = _ink(line, size)
        baseline += rise
        lines.append(Line(left, baseline, line, artwork.BLACK, size, colour, width))
        baseline += drop + LINE_GAP * size
    return lines


def _ink(line, size):
    """How far a line's letters rise above and drop below its baseline, in points."""
    box = artwork.font(artwork.BLACK, round(size * PNG_SCALE)).getbbox(line, anchor="ls")
    return -box[1] / PNG_SCALE, box[3] / PNG_SCALE


def _block(text, face, width, height, largest, spacing):
    """Fit in pixels of the PNG, for Pillow's measures at the size it paints."""
    return artwork.fit(
        text,
        face,
        width=width * PNG_SCALE,
        height=height * PNG_SCALE,
        largest=round(largest * PNG_SCALE),
        line_spacing=spacing,
    )


def _lines(block, face, left, top, colour, width):
    first = top + block.rise / PNG_SCALE
    return [
        Line(
            left,
            first + number * block.line_height / PNG_SCALE,
            text,
            face,
            block.size / PNG_SCALE,
            colour,
            width,
        )
        for number, text in enumerate(block.lines)
    ]


def paint_png(boxes, lines):
    image, draw = artwork.canvas(tuple(round(side * PNG_SCALE) for side in A4), boxes[0].colour)
    for box in boxes[1:]:
        draw.rectangle(
            [round(value * PNG_SCALE) for value in (box.left, box.top, box.right, box.bottom)],
            fill=box.colour,
        )
    for line in lines:
        face = artwork.font(line.face, round(line.size * PNG_SCALE))
        position = (line.x * PNG_SCALE, line.baseline * PNG_SCALE)
        draw.text(position, line.text, font=face, fill=line.colour, anchor="ls")
    return artwork.png(image)


def paint_pdf(boxes, lines, *, title):
    pdf = FPDF(unit="pt", format=A4)
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.set_title(title)
    pdf.set_creator(settings.SITE_NAME)
    pdf.add_page()
    added = set()
    for box in boxes:
        pdf.set_fill_color(*box.colour)
        pdf.rect(box.left, box.top, box.right - box.left, box.bottom - box.top, style="F")
    for line in lines:
        family = line.face.stem
        if family not in added:
            pdf.add_font(family, fname=str(line.face))
            added.add(family)
        pdf.set_font(family, size=line.size)
        # fpdf2 does not kern as Pillow does: a line a little wider is set a little smaller.
        if pdf.get_string_width(line.text) > line.width:
            pdf.set_font(family, size=line.size * line.width / pdf.get_string_width(line.text))
        pdf.set_text_color(*line.colour)
        pdf.text(line.x, line.baseline, line.text)
    return bytes(pdf.output())


def drawn_image(event):
    """The drawn poster as an image to show: (address, width, height), or None."""
    drawn = event.drawn_poster
    if not drawn.get("png"):
        return None
    return artwork_files.url(drawn["png"]), *drawn["png_size"]


def downloads(event):
    """The event's posters to download: [(address, file type, size in bytes or None)], the
    drawn poster first. An uploaded file the storage cannot measure comes without its size."""
    drawn = event.drawn_poster
    found = [
        (artwork_files.url(drawn[kind]), kind.upper(), drawn[f"{kind}_bytes"])
        for kind in ("pdf", "png")
        if drawn.get(kind)
    ]
    if event.poster:
        kind = PurePath(event.poster.name).suffix.lstrip(".").upper().replace("JPG", "JPEG")
        found.append((event.poster.url, kind, artwork_files.size(event.poster.name)))
    return found


def texts(event):
    """What the drawn poster says; the event's title in the site's main language (the poster
    is one for every language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return {
            "headline": event.poster_headline,
            "name": event.campaign.name,
            "colour": event.campaign.colour,
            "footer": event.title,
        }


def source(event):
    """A digest of what the drawn poster shows: it changes when the poster must be drawn again."""
    if not event.poster_headline:
        return ""
    drawn_from = json.dumps([DESIGN, texts(event)], sort_keys=True)
    return hashlib.sha256(drawn_from.encode()).hexdigest()[:16]


def refresh(event):
    """Queue the drawing if what the poster shows has changed since it was drawn."""
    if event.drawn_poster.get("source", "") != source(event):
        artwork_files.queue(render_poster, event.pk)


@task
def render_poster(event_id):
    """Draw an event's poster as PDF and PNG and store them; remove it when its text is gone."""
    event = apps.get_model("campaigns", "Event").objects.select_related("campaign")
    event = event.filter(pk=event_id).first()
    if event is None:
        return
    drawn_from = source(event)
    old = event.drawn_poster
    names = [old.get("pdf"), old.get("png")]
    if old.get("source", "") == drawn_from and all(map(artwork_files.exists, filter(None, names))):
        return
    drawn = {}
    if drawn_from:
        said = texts(event)
        boxes, lines = layout(**said)
        pdf = paint_pdf(boxes, lines, title=said["headline"])
        png = paint_png(boxes, lines)
        drawn = {
            "source": drawn_from,
            "pdf": artwork_files.store(FOLDER, pdf, "pdf"),
            "pdf_bytes": len(pdf),
            "png": artwork_files.store(FOLDER, png, "png"),
            "png_bytes": len(png),
            "png_size": [round(side * PNG_SCALE) for side in A4],
        }
    type(event).objects.filter(pk=event_id).update(drawn_poster=drawn)
    artwork_files.discard(names)
