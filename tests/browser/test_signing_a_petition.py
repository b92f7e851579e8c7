import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import expect

from petitions.models import Demand, Signature
from sitewide import page_cache
from tests.factories import add_petition

pytestmark = pytest.mark.browser


@pytest.fixture
def petition(transactional_db, campaign, settings):
    # Playwright types faster than any person: the minimum fill time would take it for a bot.
    settings.PETITIONS_MIN_FILL_SECONDS = 0
    cache.clear()
    petition = add_petition(
        campaign, introduction="Jane Doe has been held without trial since 2021.", offset=785
    )
    Demand.objects.create(petition=petition, text="release Jane Doe at once")
    return petition


def sign_on(tab):
    tab.goto("/petitions/free-jane-doe/")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Free Jane Doe")
    expect(tab.locator(".counter__number:visible")).to_have_text("785")
    tab.get_by_label("First name", exact=True).fill("Ada")
    tab.get_by_label("Last name", exact=True).fill("Lovelace")
    tab.get_by_label("Email", exact=True).fill("ada@example.org")
    tab.get_by_label("Country", exact=True).select_option("GB")
    tab.get_by_label("Show my first name and country").check()
    tab.get_by_role("button", name="Sign", exact=True).click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Thank you! Now check your email")


def confirmation_path():
    [message] = mail.outbox
    return re.search(r"https?://[^/\s]+(/petitions/confirm/\S+/)", message.body).group(1)


def test_a_supporter_signs_on_a_phone_confirms_and_watches_the_counter_go_up(phone_page, petition):
    sign_on(phone_page)

    petition_tab = phone_page.context.new_page()
    petition_tab.goto("/petitions/free-jane-doe/")
    counter = petition_tab.locator(".counter__number:visible")
    expect(counter).to_have_text("785")

    phone_page.goto(confirmation_path())
    # Opening the link only asks: the signer sees their details and presses the button.
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Confirm your signature")
    phone_page.get_by_role("button", name="Confirm my signature").click()
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Your signature is confirmed")

    petition_tab.bring_to_front()
    # The page polls count.json every few seconds; no reload.
    expect(counter).to_have_text("786", timeout=20_000)
    assert Signature.objects.get().status == Signature.Status.CONFIRMED


def test_without_javascript_a_supporter_signs_confirms_and_is_counted(
    browser, live_server, petition, clock
):
    context = browser.new_context(
        base_url=live_server.url,
        locale="en-GB",
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        java_script_enabled=False,
    )
    context.set_default_timeout(10_000)
    tab = context.new_page()
    try:
        sign_on(tab)
        tab.goto(confirmation_path())
        tab.get_by_role("button", name="Confirm my signature").click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Your signature is confirmed")
        # What cron (or the next page view a few seconds later) does.
        call_command("fold_signature_counts", verbosity=0)
        clock.advance(page_cache.FRESH_SECONDS)  # the page shows a count that recent at most
        tab.get_by_role("link", name="See the petition").click()
        expect(tab.locator(".counter__number:visible")).to_have_text("786")
        expect(tab.locator(".recent-signers")).to_contain_text("Ada, United Kingdom")
    finally:
        context.close()


def test_errors_are_announced_and_the_typed_values_kept(phone_page, petition):
    phone_page.goto("/petitions/free-jane-doe/")
    phone_page.get_by_label("First name", exact=True).fill("Ada")
    phone_page.get_by_label("Email", exact=True).fill("not-an-email")
    phone_page.get_by_role("button", name="Sign", exact=True).click()
    summary = phone_page.get_by_role("heading", name="Please correct the fields marked below.")
    expect(summary).to_be_in_viewport()
    # Focus is on the summary, which names each field in error and links to it.
    expect(phone_page.locator("#form-errors")).to_be_focused()
    expect(phone_page).to_have_title(re.compile(r"^Error: Free Jane Doe"))
    phone_page.get_by_role("link", name="Email: Enter a valid email address.").click()
    expect(phone_page.get_by_label("Email", exact=True)).to_be_focused()
    email = phone_page.get_by_label("Email", exact=True)
    expect(email).to_have_value("not-an-email")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_accessible_description(re.compile("Enter a valid email address"))
    expect(phone_page.get_by_label("First name", exact=True)).to_have_value("Ada")
    assert not Signature.objects.exists()


def test_with_recaptcha_on_and_google_unreachable_a_supporter_still_signs(
    phone_page, petition, settings
):
    settings.RECAPTCHA_PUBLIC_KEY = "site-key"
    settings.RECAPTCHA_PRIVATE_KEY = "secret-key"
    google_requests = []

    def unreachable(route):
        google_requests.append(route.request.url)
        route.abort("internetdisconnected")

    phone_page.route(re.compile(r"^https://www\.(google|gstatic)\.com/"), unreachable)

    sign_on(phone_page)

    assert google_requests, "the sign form asked for Google's reCAPTCHA script"
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert signature.review_reason == Signature.Review.CAPTCHA_UNAVAILABLE
    assert len(mail.outbox) == 1


def test_with_recaptcha_on_the_form_sends_the_token_from_googles_script(
    phone_page, petition, settings, monkeypatch
):
    settings.RECAPTCHA_PUBLIC_KEY = "site-key"
    settings.RECAPTCHA_PRIVATE_KEY = "secret-key"
    verified_tokens = []

    class Verdict:
        is_valid = True
        error_codes = []
        extra_data = {"score": 0.9}
        action = "sign"

    def verify(**kwargs):
        verified_tokens.append(kwargs["recaptcha_response"])
        return Verdict()

    monkeypatch.setattr("django_recaptcha.client.submit", verify)
    # A stand-in for Google's api.js: the same two calls our script makes.
    phone_page.route(
        re.compile(r"^https://www\.google\.com/recaptcha/api\.js"),
        lambda route: route.fulfill(
            content_type="text/javascript",
            body="window.grecaptcha = {ready: f => f(), execute: (key, options) =>"
            " Promise.resolve(key + ':' + options.action + ':token')};",
        ),
    )

    sign_on(phone_page)

    assert verified_tokens == ["site-key:sign:token"]
    signature = Signature.objects.get()
    assert (signature.status, signature.review_reason) == (Signature.Status.PENDING, "")


def test_a_supporter_sees_where_the_email_went_and_corrects_a_mistyped_address(
    phone_page, petition
):
    phone_page.goto("/petitions/free-jane-doe/")
    phone_page.get_by_label("First name", exact=True).fill("Ada")
    phone_page.get_by_label("Last name", exact=True).fill("Lovelace")
    phone_page.get_by_label("Email", exact=True).fill("ada@mistyped.example")
    phone_page.get_by_label("Country", exact=True).select_option("GB")
    phone_page.get_by_role("button", name="Sign", exact=True).click()
    expect(phone_page.locator(".sent-to")).to_contain_text("We sent it to ada@mistyped.example.")
    assert "mistyped" not in phone_page.url

    phone_page.get_by_role("button", name="Wrong address? Sign again").click()
    expect(phone_page.get_by_role("status")).to_contain_text(
        "The signature sent to ada@mistyped.example is cancelled"
    )
    expect(phone_page.get_by_label("Email", exact=True)).to_have_value("")
    assert Signature.objects.get().status == Signature.Status.WITHDRAWN

    phone_page.get_by_label("First name", exact=True).fill("Ada")
    phone_page.get_by_label("Last name", exact=True).fill("Lovelace")
    phone_page.get_by_label("Email", exact=True).fill("ada@example.org")
    phone_page.get_by_label("Country", exact=True).select_option("GB")
    phone_page.get_by_role("button", name="Sign", exact=True).click()
    expect(phone_page.locator(".sent-to")).to_contain_text("We sent it to ada@example.org.")

    # Another browser gets the same page, without anyone's address.
    stranger = phone_page.context.browser.new_context(
        base_url=phone_page.url.split("/petitions")[0]
    )
    try:
        other = stranger.new_page()
        other.goto("/petitions/free-jane-doe/thanks/")
        expect(other.get_by_role("heading", level=1)).to_have_text(
            "Thank you! Now check your email"
        )
        expect(other.locator(".sent-to")).to_have_count(0)
    finally:
        stranger.close()
