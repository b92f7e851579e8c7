"""One petition in several languages, as supporters use it in a browser."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from petitions.models import Signature
from tests.factories import add_petition

pytestmark = pytest.mark.browser


@pytest.fixture
def petition(transactional_db, campaign, settings):
    """Written in French first, translated into English, in no other language."""
    settings.PETITIONS_MIN_FILL_SECONDS = 0  # Playwright types faster than any person
    cache.clear()
    return add_petition(
        campaign,
        "liberte-pour-jane-doe",
        language="fr",
        title_fr="Liberté pour Jane Doe !",
        target_fr="le ministre de la Justice",
        title="Freedom for Jane Doe!",
        offset=785,
    )


def test_a_visitor_switches_language_on_a_petition_and_stays_on_it(page, petition):
    page.goto("/petitions/liberte-pour-jane-doe/")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Freedom for Jane Doe!")
    switcher = page.get_by_role("navigation", name="Language")

    switcher.get_by_role("link", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/petitions/liberte-pour-jane-doe/$"))
    expect(heading).to_have_text("Liberté pour Jane Doe !")
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    # No German translation: a German interface, the petition in its main language, French.
    page.get_by_role("navigation", name="Langue").get_by_role("link", name="Deutsch").click()
    expect(page).to_have_url(re.compile(r"/de/petitions/liberte-pour-jane-doe/$"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(heading).to_have_text("Liberté pour Jane Doe !")
    expect(heading).to_have_attribute("lang", "fr")

    page.locator(".language-switcher").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/petitions/liberte-pour-jane-doe/$"))
    expect(heading).to_have_text("Freedom for Jane Doe!")


def sign(tab, address, email):
    tab.goto(address)
    form = tab.locator("form.sign-form")
    form.locator("[name=first_name]").fill("Ada")
    form.locator("[name=last_name]").fill("Lovelace")
    form.locator("[name=email]").fill(email)
    form.locator("[name=country]").select_option("FR")
    form.locator("button[type=submit]").click()
    expect(tab).to_have_url(re.compile(r"/thanks/"))


def confirm(tab, email, button):
    [message] = [message for message in mail.outbox if message.to == [email]]
    tab.goto(re.search(r"https?://[^/\s]+(/\S*/confirm/\S+/)", message.body).group(1))
    tab.get_by_role("button", name=button).click()


def test_a_french_and_an_english_signature_move_the_same_counter(new_tab, petition):
    french, english = new_tab(), new_tab()
    sign(french, "/fr/petitions/liberte-pour-jane-doe/", "marie@example.org")
    sign(english, "/petitions/liberte-pour-jane-doe/", "ada@example.org")
    confirm(french, "marie@example.org", "Confirmer ma signature")
    expect(french.get_by_role("heading", level=1)).to_have_text("Votre signature est confirmée")
    confirm(english, "ada@example.org", "Confirm my signature")
    assert sorted(Signature.objects.values_list("language", flat=True)) == ["en", "fr"]

    for tab, address in [
        (french, "/fr/petitions/liberte-pour-jane-doe/"),
        (english, "/petitions/liberte-pour-jane-doe/"),
    ]:
        tab.goto(address)
        # The page polls count.json every few seconds: both confirmations show.
        expect(tab.locator(".petition__action .counter__number")).to_have_text(
            "787", timeout=20_000
        )
