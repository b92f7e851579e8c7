import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_visitor_opens_the_home_page_follows_a_campaign_and_switches_to_french(page, campaign):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Free the political prisoners")

    page.get_by_role("link", name="Jane Doe").click()
    expect(page).to_have_url(re.compile(r"/campaigns/jane-doe/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Jane Doe")

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()

    expect(page).to_have_url(re.compile(r"/fr/campaigns/jane-doe/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("link", name="Retour à toutes les campagnes")).to_be_visible()


def test_the_skip_link_moves_keyboard_focus_to_the_main_content(page, db):
    page.goto("/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_the_content_security_policy_blocks_an_injected_inline_script(browser, live_server, db):
    context = browser.new_context(base_url=live_server.url)
    tab = context.new_page()
    tab.goto("/")

    ran = tab.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.head.append(script);
            return window.injected === true;
        }"""
    )

    context.close()
    assert ran is False
