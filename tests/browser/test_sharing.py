import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
# What a phone's browser offers: navigator.share opens its share sheet (here, records the call).
SHARE_SHEET = "navigator.share = (data) => { window.shared = data; return Promise.resolve(); };"


def test_on_a_phone_share_opens_the_share_sheet_with_the_page(new_tab, campaign):
    tab = new_tab(**PHONE)
    tab.add_init_script(SHARE_SHEET)
    tab.goto(campaign.get_absolute_url())
    share = tab.get_by_role("button", name="Share…")
    expect(share).to_be_visible()
    share.click()
    tab.wait_for_function("window.shared !== undefined")
    shared = tab.evaluate("window.shared")
    assert shared["url"].endswith("/campaigns/jane-doe/")
    assert shared["title"] == "Free Jane Doe"


def test_without_a_share_sheet_the_button_stays_hidden_and_the_links_remain(page, campaign):
    page.goto(campaign.get_absolute_url())
    assert page.evaluate("typeof navigator.share") == "undefined"
    expect(page.locator("[data-native-share]")).to_be_hidden()
    links = page.get_by_role("navigation", name="Share").get_by_role("link")
    expect(links).to_have_count(8)
    expect(page.get_by_role("link", name="WhatsApp")).to_have_attribute(
        "href",
        re.compile(r"^https://wa\.me/\?text=Free%20Jane%20Doe%20http%3A%2F%2F.+jane-doe%2F$"),
    )
    # Each link shows its icon, drawn from our own sprite.
    icon = page.get_by_role("link", name="Telegram").locator("svg use")
    assert icon.get_attribute("href").startswith("/static/img/share-icons.svg#")
    assert page.get_by_role("link", name="Telegram").locator("svg").bounding_box()["width"] > 0
