"""Regenerates the README's screenshots (the home page on a laptop, a petition on a phone):
`make screenshot`.

Not part of the suite (the file name does not start with test_), so tests never write into
tracked files; it runs only when asked for by path.
"""

from pathlib import Path

import pytest
from django.core.management import call_command

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCREENSHOT = DOCS / "home.png"
PHONE_SCREENSHOT = DOCS / "petition-phone.png"

pytestmark = pytest.mark.browser


def test_screenshot_of_the_home_page_with_the_demo_content(page, transactional_db):
    call_command("load_demo")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOT, full_page=True)
    assert SCREENSHOT.stat().st_size > 0


def test_screenshot_of_the_open_demo_petition_on_a_phone(page, transactional_db):
    call_command("load_demo")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/petitions/liberte-pour-azat-miftakhov/")
    DOCS.mkdir(exist_ok=True)
    page.screenshot(path=PHONE_SCREENSHOT)
    assert PHONE_SCREENSHOT.stat().st_size > 0
