"""The lettering of the drawn images: every letter drawn, in the box, never cut, never tofu."""

import pytest
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw

from sitewide import artwork

NAMES = [
    "Azat Miftakhov",
    "Азат Мифтахов",
    "Алексей Анатольевич Навальный",
    "Αλέξης Παπαδόπουλος",
    "Łukasz Żółkiewski-Ćwikła",
    "Nguyễn Văn Đức",
    "Maria Alexandrovna Konstantinopolskaya-Wolfeschlegelsteinhausen Sr.",
    "Supercalifragilisticexpialidociouslylongnamewithoutanyspaceatalltotestbreaking",
    "Liberté pour Azat Miftakhov !",
]


@pytest.mark.parametrize("path", [artwork.BLACK, artwork.SEMIBOLD])
@pytest.mark.parametrize("text", NAMES)
def test_the_bundled_font_has_a_glyph_for_every_letter_of_latin_cyrillic_and_greek_names(
    path, text
):
    cmap = TTFont(path).getBestCmap()
    missing = {letter for letter in text if not letter.isspace() and ord(letter) not in cmap}
    assert missing == set()


def test_cyrillic_and_greek_letters_draw_their_own_shapes_not_the_missing_glyph_box():
    face = artwork.font(artwork.BLACK, 80)
    missing = bytes(face.getmask("가"))  # Hangul is not in the font: the "missing glyph" box
    assert bytes(face.getmask("中")) == missing  # the check does see tofu
    for letter in "ЖФЩЯЮжфщяюλΩ":
        assert bytes(face.getmask(letter)) != missing, letter


@pytest.mark.parametrize("text", NAMES)
@pytest.mark.parametrize(("width", "height"), [(672, 500), (300, 120), (160, 60)])
def test_fitted_text_keeps_every_letter_and_stays_inside_its_box(text, width, height):
    block = artwork.fit(text.upper(), artwork.BLACK, width=width, height=height, largest=180)
    assert "".join(block.lines).replace("\u00a0", " ").replace(" ", "") == (
        text.upper().replace(" ", "")
    )
    assert block.width <= width
    assert block.height <= height
    # Drawn, the ink stays within the box too.
    image = Image.new("L", (width + 40, height + 40), 0)
    artwork.draw_block(ImageDraw.Draw(image), block, artwork.BLACK, left=20, top=20, fill=255)
    left, top, right, bottom = image.getbbox()
    assert left >= 19 and top >= 19 and right <= width + 21 and bottom <= height + 21


def test_words_are_not_broken_while_a_smaller_size_keeps_them_whole():
    block = artwork.fit("AZAT MIFTAKHOV", artwork.BLACK, width=400, height=400, largest=200)
    assert block.lines == ["AZAT", "MIFTAKHOV"]


def test_a_hyphenated_name_breaks_after_its_hyphen_and_punctuation_stays_with_its_word():
    block = artwork.fit(
        "Konstantinopolskaya-Wolfeschlegelsteinhausen",
        artwork.BLACK,
        width=500,
        height=400,
        largest=60,
    )
    assert block.lines[0].endswith("-")
    french = artwork.fit(
        "Liberté pour Azat Miftakhov !", artwork.BLACK, width=330, height=300, largest=60
    )
    assert not any(line.strip() == "!" for line in french.lines)


@pytest.mark.parametrize(
    ("background", "ink"),
    [((179, 18, 46), artwork.WHITE), ((242, 193, 78), artwork.INK), ((255, 255, 255), artwork.INK)],
)
def test_lettering_takes_whichever_of_white_and_ink_reads_better(background, ink):
    assert artwork.ink_on(background) == ink
    assert artwork.contrast(artwork.ink_on(background), background) >= 4.5


def test_a_light_campaign_colour_is_not_used_for_text_on_white():
    assert artwork.accent_on_white((242, 193, 78)) == artwork.INK
    assert artwork.accent_on_white((179, 18, 46)) == (179, 18, 46)
