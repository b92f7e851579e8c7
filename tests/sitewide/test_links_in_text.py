import pytest

from sitewide.links_in_text import find_link


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("Read https://example.org/azat now", "https://example.org/azat"),
        ("see HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG"),
        ("at www.example.org today", "www.example.org"),
        ("WWW.free-azat", "WWW.free-azat"),
        ("Visit example.com!", "example.com"),
        ("cheap-pills.shop.", "cheap-pills.shop"),
        ("write to me at ada@example.org", "example.org"),
        ("Поддержка: пример.рф", "пример.рф"),
        ("a page on someone.github.io", "someone.github.io"),
        ("thank.you", "thank.you"),
    ],
)
def test_links_and_web_addresses_are_found(text, link):
    assert find_link(text) == link


@pytest.mark.parametrize(
    "text",
    [
        "Hello.World",
        "We are with you.Stay strong",
        "FREE AZAT 04.09",
        "Pi is 3.14, and J.R.R. Tolkien wrote books.",
        "Free.Azat",
        "Ends with a full stop. Then another sentence...",
        "co.uk on its own is no address anyone can open",
        "Solidarity <3",
        "",
    ],
)
def test_sentences_numbers_and_initials_are_not_links(text):
    assert find_link(text) is None
