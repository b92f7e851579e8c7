"""What the images the site draws share (campaign visuals, share cards, posters): the bundled
typeface, text fitted to a box and never cut, colours that read on each other, the bars motif,
and PNG encoding.

The font is Inter (SIL Open Font License, `sitewide/fonts/OFL.txt`): Latin with its extensions,
Cyrillic and Greek, so that "Азат Мифтахов" draws as well as "Azat Miftakhov". It is only drawn
into images and PDFs; pages never load it (no web font).
"""

import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageDraw, ImageFont

FONTS = Path(__file__).resolve().parent / "fonts"
BLACK = FONTS / "Inter-Black.ttf"  # headlines: names, slogans, counts
SEMIBOLD = FONTS / "Inter-SemiBold.ttf"  # the small lines
HEX_COLOUR = re.compile(r"\A#[0-9a-fA-F]{6}\Z")
# A strong red that carries white lettering (contrast 6.9:1).
DEFAULT_COLOUR = "#b3122e"
validate_colour = RegexValidator(
    HEX_COLOUR,
    _("Enter a colour as # and six hexadecimal digits, such as #b3122e."),
    code="colour",
)
WHITE = (255, 255, 255)
INK = (17, 17, 17)
GREY = (78, 78, 78)
SMALLEST_SIZE = 6
# Punctuation that French sets after a space and that must not start a line on its own.
TRAILING_PUNCTUATION = re.compile(r"^[!?:;»%]+$")


@cache
def font(path, size):
    return ImageFont.truetype(str(path), size)


def rgb(hex_colour):
    """(r, g, b) of "#rrggbb"."""
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def luminance(colour):
    """WCAG relative luminance of an (r, g, b) colour."""

    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(value) for value in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def ink_on(background):
    """White or near-black, whichever reads better on `background`."""
    return WHITE if contrast(WHITE, background) >= contrast(INK, background) else INK


def accent_on_white(colour):
    """`colour` for large text on white if it reads there (3:1, WCAG's large text), else ink."""
    return colour if contrast(colour, WHITE) >= 3 else INK


def shade(colour):
    """A tone of `colour` for the bars: darker on a light colour, lighter on a dark one."""
    if luminance(colour) > 0.18:
        return tuple(round(value * 0.84) for value in colour)
    return tuple(min(255, value + 26) for value in colour)


def bars(draw, colour, *, width, height, bar_width, count, left=0, top=0):
    """The campaign's motif: `count` upright bars in a shade of `colour`, evenly spaced."""
    gap = (width - count * bar_width) / count
    for number in range(count):
        x = left + round(gap / 2 + number * (bar_width + gap))
        draw.rectangle((x, top, x + bar_width - 1, top + height), fill=shade(colour))


def canvas(size, colour):
    image = Image.new("RGB", size, colour)
    return image, ImageDraw.Draw(image)


def png(image):
    """The image as a palette PNG: flat colours and lettering need few, and the file is a
    third of a full-colour one."""
    palette = image.quantize(colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    palette.save(buffer, "PNG")
    return buffer.getvalue()


@dataclass(frozen=True)
class Block:
    """Lines of text set in one font size, and the box their ink takes: `rise` from the top of
    the highest letter to the first baseline, `height` from there to the lowest letter."""

    lines: list
    size: int
    line_height: int
    width: int
    height: int
    rise: int


def fit(text, path, *, width, height, largest, line_spacing=1.0, max_lines=None):
    """Set `text` in the largest size (at most `largest`) at which it fits `width` x `height`.

    Words wrap onto lines (also after a hyphen). Only a word too long for a line at a fifth of
    `largest` is broken between letters. Whatever the text, every letter ends up in the box:
    shrinking goes on down to SMALLEST_SIZE, the text is never cut.
    """
    words = _words(text)
    floor = max(SMALLEST_SIZE, largest // 5)
    for size in _sizes(largest, floor):
        block = _set(words, path, size, width, height, line_spacing, max_lines, False)
        if block:
            return block
    for size in _sizes(largest, SMALLEST_SIZE):
        block = _set(words, path, size, width, height, line_spacing, max_lines, True)
        if block or size == SMALLEST_SIZE:
            return block or _set(words, path, size, width, 10**6, line_spacing, None, True)
    raise AssertionError("unreachable: the smallest size always returns")


def _set(words, path, size, width, height, line_spacing, max_lines, break_words):
    """The block at `size`, or None if it does not fit."""
    face = font(path, size)
    lines = _wrap(words, face, width, break_words=break_words)
    if not lines or (max_lines and len(lines) > max_lines):
        return None
    line_height = round(size * line_spacing)
    widest = max(_width(face, line) for line in lines)
    rise = -face.getbbox(lines[0], anchor="ls")[1]
    drop = face.getbbox(lines[-1], anchor="ls")[3]
    block_height = rise + line_height * (len(lines) - 1) + drop
    if widest > width or block_height > height:
        return None
    return Block(lines, size, line_height, round(widest), block_height, rise)


def _sizes(largest, smallest):
    size = largest
    while size > smallest:
        yield size
        size = max(smallest, int(size * 0.94))
    yield smallest


def _words(text):
    """The words of `text`, each with what joins it to the previous one on a line: a space, or
    nothing after a hyphen (a line may break after the hyphen of "Rimsky-Korsakov")."""
    words = []
    for spaced in text.split():
        if words and TRAILING_PUNCTUATION.match(spaced):
            words[-1] = (words[-1][0], f"{words[-1][1]}\u00a0{spaced}")
            continue
        pieces = re.split(r"(?<=[-‐‑])(?=.)", spaced)
        words += [(" ", pieces[0])] + [("", piece) for piece in pieces[1:]]
    return words


def _wrap(words, face, width, *, break_words):
    """Greedy word wrap; None when a word does not fit a line and may not be broken."""
    lines, line = [], ""
    for joiner, word in words:
        candidate = f"{line}{joiner}{word}" if line else word
        if _width(face, candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        if _width(face, word) <= width:
            line = word
        elif break_words:
            pieces = _break(word, face, width)
            lines.extend(pieces[:-1])
            line = pieces[-1]
        else:
            return None
    if line:
        lines.append(line)
    return lines


def _break(word, face, width):
    pieces, piece = [], ""
    for letter in word:
        if piece and _width(face, piece + letter) > width:
            pieces.append(piece)
            piece = ""
        piece += letter
    return [*pieces, piece]


def _width(face, text):
    return face.getlength(text)


def draw_block(draw, block, path, *, left, top, fill, centre_in=None):
    """Draw a fitted block with the top of its highest letter at `top`; each line centred in a
    box `centre_in` wide from `left`, or else set from `left`."""
    face = font(path, block.size)
    for number, line in enumerate(block.lines):
        x = left + (centre_in - _width(face, line)) / 2 if centre_in else left
        baseline = top + block.rise + number * block.line_height
        draw.text((x, baseline), line, font=face, fill=fill, anchor="ls")


def sticker(draw, text, *, left, top, width, height, largest, fill, ink):
    """`text` in capitals, in `ink` on a box of `fill` (a slogan, a label). Returns the box's
    (width, height)."""
    text = text.upper()
    block = fit(text, BLACK, width=width, height=height, largest=largest, max_lines=1)
    if block.size < largest * 0.6:  # a long slogan: two lines read better than small letters
        block = fit(text, BLACK, width=width, height=height, largest=largest, max_lines=2)
    pad = round(block.size * 0.34)
    box = (block.width + 2 * pad, block.height + 2 * pad)
    draw.rectangle((left, top, left + box[0], top + box[1]), fill=fill)
    draw_block(draw, block, BLACK, left=left + pad, top=top + pad, fill=ink)
    return box


@cache
def site_card(site_name):
    """A 1200x630 PNG with the site's name: the share image while none other is drawn yet."""
    background = (26, 26, 26)
    image, draw = canvas((1200, 630), background)
    bars(draw, background, width=1200, height=630, bar_width=24, count=9)
    block = fit(site_name.upper(), BLACK, width=1072, height=380, largest=150)
    draw_block(draw, block, BLACK, left=64, top=(630 - block.height) // 2, fill=WHITE)
    return png(image)
