"""Regenerates the README's screenshot of the home page: `make screenshot`.

Not part of the suite (the file name does not start with test_), so tests never write into
tracked files; it runs only when asked for by path.
"""

from pathlib import Path

import pytest
from django.core.management import call_command

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "home.png"

pytestmark = pytest.mark.browser


def test_screenshot_of_the_home_page_with_the_demo_content(page, transactional_db):
    call_command("load_demo")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOT, full_page=True)
    assert SCREENSHOT.stat().st_size > 0
