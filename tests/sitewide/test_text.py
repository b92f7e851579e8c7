"""The one cleaning of what the public types: what goes, what stays, what is refused."""

import pytest
from django.core.exceptions import ValidationError

from sitewide.text import clean_multiline_text, clean_text, refuse_hidden_characters

SCOTLAND_FLAG = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Ada\x00\x07\x1b[31m", "Ada[31m"),  # C0 controls
        ("Ada\x9b\x80", "Ada"),  # C1 controls
        ("Ada\nLovelace", "Ada Lovelace"),  # a line break in a one-line field is a space
        ("Ada\x85\x1fLovelace", "Ada Lovelace"),  # and so are the controls that are spaces
        ("\u202egnp.exe", "gnp.exe"),  # bidi override
        ("\u202aA\u202bB\u202cC\u202dD", "ABCD"),  # bidi embeddings
        ("\u2066A\u2067B\u2068C\u2069", "ABC"),  # bidi isolates
        ("Ada\U000e0041\U000e0042\U000e007f", "Ada"),  # tag characters smuggling text
        ("\U000e0001Ada", "Ada"),  # the language tag
        ("A\ue000d\U000f0000a\U0010fffd", "Ada"),  # private use
        ("A\ufdd0d\ufffea\uffff\U0010ffff", "Ada"),  # noncharacters
        ("A\u0378da", "Ada"),  # unassigned
        ("A\ud800da", "Ada"),  # a lone surrogate
        ("A\u200bd\ufeffa\u00ad\u2060", "Ada"),  # zero-width space, BOM, soft hyphen, joiner
        ("  Ada \u3000  Lovelace  ", "Ada Lovelace"),
        ("\u202e\u200b", ""),
    ],
)
def test_hidden_and_control_characters_are_stripped_from_one_line_text(typed, kept):
    assert clean_text(typed) == kept


@pytest.mark.parametrize(
    "text",
    [
        "مريم الأحمد",  # Arabic, right to left
        "אברהם כהן",  # Hebrew
        "\u200fמרים\u200e (Tel Aviv)",  # right-to-left and left-to-right marks
        "\u061cمريم",  # Arabic letter mark
        "می\u200cخواهم",  # Persian: the zero-width non-joiner spells the word
        "क्\u200dष",  # Devanagari: the zero-width joiner picks the half form
        "Zoë Ñúñez e\u0301",  # combining marks
        "👩\u200d👩\u200d👧 👋🏽 1\ufe0f\u20e3 🇫🇷",  # emoji ZWJ sequence, skin tone, keycap, flag
        f"Glasgow {SCOTLAND_FLAG}",  # a subdivision flag is made of tag characters
        "new emoji \U0001fae9",  # newer than Python's Unicode database
        "小明 王",
    ],
)
def test_scripts_marks_and_emoji_are_kept_as_typed(text):
    assert clean_text(text) == text
    assert clean_multiline_text(text) == text


def test_tag_characters_outside_a_flag_are_stripped_even_next_to_one():
    smuggled = "\U000e0069\U000e0067\U000e006e\U000e006f\U000e0072\U000e0065"
    assert clean_text(f"{SCOTLAND_FLAG}{smuggled}") == SCOTLAND_FLAG
    assert clean_text(f"\U0001f3f4{smuggled}") == "\U0001f3f4"  # no CANCEL TAG: no flag


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Banners\r\nand speeches\rat six", "Banners\nand speeches\nat six"),
        ("Bring:\n\t- banners\n\t- candles", "Bring:\n\t- banners\n\t- candles"),
        ("one\u2028two\u2029three\x85four\x0bfive\x0csix", "one\ntwo\nthree\nfour\nfive\nsix"),
        ("one\n\n\n\n\n\ntwo", "one\n\ntwo"),
        ("\u202e\n  Banners\x07 \u2066and\x00 speeches\U000e0041\n\n", "Banners and speeches"),
    ],
)
def test_multiline_text_keeps_its_line_breaks_and_tabs_only(typed, kept):
    assert clean_multiline_text(typed) == kept


@pytest.mark.parametrize(
    ("address", "named"),
    [
        ("https://example.org/\u202emarseille", "U+202E"),
        ("https://exa\u200bmple.org/", "U+200B"),
        ("me@exa\ue000mple.org", "U+E000"),
        ("https://example.org/a\x07b", "U+0007"),
    ],
)
def test_an_address_with_hidden_characters_is_refused_naming_them(address, named):
    with pytest.raises(ValidationError) as refusal:
        refuse_hidden_characters(address)
    assert refusal.value.code == "hidden_characters"
    assert named in refusal.value.messages[0]


@pytest.mark.parametrize("address", ["https://example.org/مرحبا", "me@exämple.org", ""])
def test_an_address_in_any_script_is_accepted(address):
    refuse_hidden_characters(address)
