import re

import pytest
from playwright.sync_api import expect

from petitions import signing
from petitions.models import Petition, Signature
from tests.factories import add_petition, add_signature

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


def test_the_home_counters_follow_each_confirmed_signature_live(page, campaign):
    add_petition(campaign, "free-jane-doe", title="Free Jane Doe", offset=785)
    add_petition(campaign, "free-john-roe", title="Free John Roe", offset=12)
    page.goto("/")
    jane = page.locator(".petition-card", has_text="Free Jane Doe").locator(".counter__number")
    john = page.locator(".petition-card", has_text="Free John Roe").locator(".counter__number")
    expect(jane).to_have_text("785")

    signature = add_signature(
        Petition.objects.get(slug="free-jane-doe"), "ada@example.org", Signature.Status.PENDING
    )
    signing.confirm(signature_id=signature.pk)

    # No reload: the page asks count.json every few seconds.
    expect(jane).to_have_text("786", timeout=20_000)
    expect(john).to_have_text("12")


def test_a_page_with_two_counters_of_one_petition_asks_for_its_count_once_each_time(
    new_tab, campaign
):
    """On a phone the petition page shows its counter twice (the sign bar, the form's panel)."""
    add_petition(campaign, "free-jane-doe", title="Free Jane Doe")
    tab = new_tab(viewport={"width": 390, "height": 844}, is_mobile=True)
    asked = []
    tab.on(
        "request",
        lambda request: asked.append(request.url) if "count.json" in request.url else None,
    )
    tab.goto("/petitions/free-jane-doe/")
    assert tab.locator("[data-count-url]").count() == 2
    for _ in range(2):
        with tab.expect_response(lambda response: "count.json" in response.url, timeout=20_000):
            pass
    assert len(asked) == 2
