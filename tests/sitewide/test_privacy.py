"""The privacy notice: who is responsible, what is kept, for how long, and who sees it, from the
settings in force."""

import pytest
from django.urls import reverse

from petitions.receipt import RECEIPT_SECONDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(settings):
    settings.ORGANISER_NAME = "Friends of Jane Doe"
    settings.CONTACT_EMAIL = "privacy@friends-of-jane.example.org"
    return settings


def test_the_privacy_notice_names_the_organiser_as_data_controller_and_its_contact(
    client, organiser
):
    text = client.get(reverse("privacy")).text
    assert "is run by Friends of Jane Doe, which is responsible for the personal data" in text
    assert "(the data controller)" in text
    assert (
        '<a href="mailto:privacy@friends-of-jane.example.org">'
        "privacy@friends-of-jane.example.org</a>"
    ) in text


def test_the_privacy_notice_gives_the_delays_in_force(client, settings):
    settings.PETITIONS_ANONYMISE_AFTER_DAYS = 45
    settings.PETITIONS_CONFIRM_DAYS = 1
    text = client.get(reverse("privacy")).text
    assert "45 days after a petition closes, we erase every signer’s name" in text
    assert "The confirmation link works for 1 day." in text

    settings.PETITIONS_ANONYMISE_AFTER_DAYS = 90
    assert "90 days after a petition closes" in client.get(reverse("privacy")).text


def test_the_privacy_notice_tells_of_the_receipt_cookie_for_as_long_as_it_lives(client):
    text = client.get(reverse("privacy")).text
    minutes = RECEIPT_SECONDS // 60
    assert f"After you sign, your browser keeps for {minutes} minutes a cookie" in text
    assert "no other browser sees the address" in text


def test_the_privacy_notice_says_what_is_stored_and_what_goes_to_the_target(client):
    text = client.get(reverse("privacy")).text
    assert "We never store your IP address." in text
    assert "the person or body it addresses receives a delivery pack" in text
    assert "that list never holds email addresses" in text


def test_the_privacy_notice_mentions_recaptcha_only_when_the_site_uses_it(client, settings):
    settings.RECAPTCHA_PUBLIC_KEY = settings.RECAPTCHA_PRIVATE_KEY = ""
    text = client.get(reverse("privacy")).text
    assert "reCAPTCHA" not in text
    assert "loads nothing from other websites." in text

    settings.RECAPTCHA_PUBLIC_KEY = settings.RECAPTCHA_PRIVATE_KEY = "key"
    assert "except Google’s reCAPTCHA on petition forms" in client.get(reverse("privacy")).text


def test_the_privacy_notice_is_served_in_french(client, organiser):
    response = client.get("/fr/privacy/")
    assert response.status_code == 200
    assert '<html lang="fr">' in response.text
    assert "Friends of Jane Doe" in response.text


def test_the_privacy_notice_says_who_goes_to_the_organisers_tool_once_a_webhook_sends_them(
    client,
):
    from petitions.models import WebhookEndpoint

    said = "also go to the organiser’s own mailing tool"
    assert said not in client.get(reverse("privacy")).text
    WebhookEndpoint.objects.create(url="https://crm.example.org/", events=["signature.confirmed"])
    text = client.get(reverse("privacy")).text
    assert said in text
    assert "Without that tick, the tool learns only that a signature from your country" in text
