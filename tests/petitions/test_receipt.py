"""After signing: the thanks page shows the browser that signed where the email went, and offers
to send it again or, for a mistyped address, to sign again (petitions/receipt.py)."""

import json
from pathlib import Path

import pytest
from django.core import mail, signing
from django.urls import reverse

from petitions import receipt
from petitions.models import Petition, Signature
from tests.factories import form_data
from tests.petitions.helpers import confirm_by_link, link_from

pytestmark = pytest.mark.django_db

THANKS = "/petitions/free-jane-doe/thanks/"
RESEND = "/petitions/free-jane-doe/thanks/resend/"
SIGN_AGAIN = "/petitions/free-jane-doe/thanks/sign-again/"
NGINX_CONF = (Path(__file__).resolve().parents[2] / "config" / "nginx.conf").read_text()


def sent_count():
    return len(mail.outbox)


def test_the_thanks_page_shows_the_signer_where_the_email_went(client, sign):
    signed = sign(email="Ada@Example.org")
    assert signed["Location"] == THANKS  # never the address in a URL
    cookie = signed.cookies[receipt.COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["path"] == THANKS
    assert cookie["max-age"] == receipt.RECEIPT_SECONDS

    page = client.get(THANKS)
    assert 'We sent it to <span class="sent-to__address">Ada@example.org</span>.' in page.text
    assert "Send the email again" in page.text
    assert "Wrong address? Sign again" in page.text
    assert receipt.ADDRESS_PLACEHOLDER not in page.text
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]


def test_another_browser_gets_the_page_without_any_address_even_from_the_cache(client, sign):
    sign(email="ada@example.org")
    assert "ada@example.org" in client.get(THANKS).text  # fills the shared cache

    client.cookies.clear()
    page = client.get(THANKS)
    assert "ada@example.org" not in page.text
    assert "Send the email again" not in page.text
    assert receipt.ADDRESS_PLACEHOLDER not in page.text
    assert "No email after a few minutes?" in page.text
    assert "public" in page["Cache-Control"]


def test_an_organiser_signed_in_gets_the_page_private_with_or_without_a_receipt(
    client, sign, staff_editor
):
    client.force_login(staff_editor)
    page = client.get(THANKS)
    assert "private" in page["Cache-Control"] and "public" not in page["Cache-Control"]
    sign(email="ada@example.org")
    page = client.get(THANKS)
    assert "ada@example.org" in page.text
    assert "no-store" in page["Cache-Control"] and "public" not in page["Cache-Control"]


def test_the_proxy_in_front_never_answers_a_browser_holding_a_receipt_from_its_cache():
    assert f"proxy_cache_bypass $cookie_sessionid $cookie_{receipt.COOKIE_NAME};" in NGINX_CONF
    assert f"proxy_no_cache $cookie_sessionid $cookie_{receipt.COOKIE_NAME};" in NGINX_CONF


@pytest.mark.parametrize(
    "value",
    [
        "",
        "garbage",
        '\x00\xff<script>";=',  # what a wire can carry (latin-1)
        signing.get_cookie_signer(salt=receipt.COOKIE_NAME + receipt.SALT).sign("[1, 2]"),
        signing.get_cookie_signer(salt=receipt.COOKIE_NAME + receipt.SALT).sign('{"p": "x"}'),
        signing.get_cookie_signer(salt=receipt.COOKIE_NAME + "other").sign('{"p": "free"}'),
    ],
)
def test_a_broken_or_forged_receipt_shows_no_address_and_sends_nothing(client, sign, value):
    sign()
    sent = sent_count()
    client.cookies[receipt.COOKIE_NAME] = value
    for path in (THANKS, RESEND, SIGN_AGAIN):
        response = client.post(path) if path != THANKS else client.get(path)
        assert response.status_code in (200, 302)
        assert "ada@example.org" not in response.text
    assert sent_count() == sent
    assert Signature.objects.get().status == Signature.Status.PENDING


def forge(slug, signature_id, email):
    """A receipt signed with our key for another submission (as only we could make)."""
    value = json.dumps({"p": slug, "s": signature_id, "e": email, "k": "0" * 32})
    return signing.get_cookie_signer(salt=receipt.COOKIE_NAME + receipt.SALT).sign(value)


def test_a_receipt_without_the_keyed_proof_changes_nothing(client, sign):
    sign(email="ada@example.org")
    signature = Signature.objects.get()
    client.cookies[receipt.COOKIE_NAME] = forge("free-jane-doe", signature.pk, "ada@example.org")
    client.post(RESEND)
    client.post(SIGN_AGAIN)
    assert sent_count() == 1
    assert Signature.objects.get().status == Signature.Status.PENDING


# Send again -------------------------------------------------------------------------------


def test_send_again_sends_a_fresh_confirmation_at_most_once_an_hour(client, sign):
    sign(email="ada@example.org")
    first_link = link_from(mail.outbox[0], "confirm")

    again = client.post(RESEND)
    assert again.status_code == 200
    assert "we have sent the email again" in again.text
    assert "ada@example.org" in again.text
    assert "no-store" in again["Cache-Control"]
    assert [message.to for message in mail.outbox] == [["ada@example.org"]] * 2
    assert mail.outbox[1].subject == "Please confirm your signature: Free Jane Doe"

    client.post(RESEND)
    client.post(RESEND)
    assert sent_count() == 2  # the page says the same; the mailbox gets no more
    assert link_from(mail.outbox[1], "confirm") == first_link  # either link confirms


def test_send_again_after_confirming_says_already_signed(client, sign):
    sign()
    confirm_by_link(client, mail.outbox[0])
    client.post(RESEND)
    assert mail.outbox[-1].subject == "You have already signed: Free Jane Doe"


def test_a_submission_kept_as_spam_gets_the_same_page_and_no_email(client, petition):
    data = form_data(petition, website="https://spam.example")  # the honeypot
    signed = client.post(petition.get_absolute_url(), data)
    assert signed.cookies[receipt.COOKIE_NAME].value
    page = client.get(THANKS)
    assert 'We sent it to <span class="sent-to__address">ada@example.org</span>.' in page.text
    again = client.post(RESEND)
    assert "we have sent the email again" in again.text
    client.post(SIGN_AGAIN)
    assert mail.outbox == []
    assert Signature.objects.get().status == Signature.Status.SPAM


def test_send_again_is_rate_limited(client, sign, settings):
    sign()
    for _ in range(5):
        assert client.post(RESEND).status_code == 200
    assert client.post(RESEND).status_code == 429


def test_send_again_without_a_receipt_leads_back_to_the_thanks_page(client, petition):
    response = client.post(RESEND)
    assert (response.status_code, response["Location"]) == (302, THANKS)


def test_a_cross_site_post_is_refused(client, sign):
    sign()
    for path in (RESEND, SIGN_AGAIN):
        response = client.post(path, headers={"Sec-Fetch-Site": "cross-site"})
        assert response.status_code == 403
    assert sent_count() == 1


def test_send_again_on_a_closed_petition_sends_nothing(client, sign, petition):
    sign()
    petition.status = Petition.Status.CLOSED
    petition.save()
    assert client.post(RESEND).status_code == 200
    assert sent_count() == 1


def test_get_is_not_allowed_on_the_forms(client, sign):
    sign()
    assert client.get(RESEND).status_code == 405
    assert client.get(SIGN_AGAIN).status_code == 405


def test_a_french_signer_keeps_the_receipt_on_the_french_pages(client, petition):
    url = reverse("petitions:detail", args=[petition.slug])
    response = client.post(f"/fr{url}", form_data(petition, email="zoe@example.org"))
    assert response["Location"] == f"/fr{THANKS}"
    assert response.cookies[receipt.COOKIE_NAME]["path"] == f"/fr{THANKS}"
    page = client.get(f"/fr{THANKS}")
    assert "zoe@example.org" in page.text
    assert f'action="/fr{RESEND}"' in page.text
    assert f'action="/fr{SIGN_AGAIN}#sign-heading"' in page.text
