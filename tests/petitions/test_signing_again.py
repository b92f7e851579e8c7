"""After signing with a mistyped address: "wrong address? sign again" withdraws the signature
nobody can confirm and lets the signer sign again (petitions/receipt.py, signing.discard); and
both offers of the thanks page through outages."""

import socket

import pytest
from django.core import mail

from petitions import counter, receipt
from petitions.models import Petition, Signature
from tests.petitions.helpers import confirm_by_link, link_from

pytestmark = pytest.mark.django_db

THANKS = "/petitions/free-jane-doe/thanks/"
RESEND = "/petitions/free-jane-doe/thanks/resend/"
SIGN_AGAIN = "/petitions/free-jane-doe/thanks/sign-again/"


def sent_count():
    return len(mail.outbox)


# Wrong address? Sign again ------------------------------------------------------------------


def test_signing_again_withdraws_the_mistyped_signature_and_shows_the_empty_form(client, sign):
    sign(email="ada@mistyped.example")
    strangers_link = link_from(mail.outbox[0], "confirm")

    response = client.post(SIGN_AGAIN)
    assert response.status_code == 200
    assert "The signature sent to ada@mistyped.example is cancelled" in response.text
    assert 'name="email"' in response.text and 'value="ada@mistyped.example"' not in response.text
    assert "no-store" in response["Cache-Control"]
    assert response.cookies[receipt.COOKIE_NAME].value == ""  # the receipt is taken back
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.WITHDRAWN
    assert (signature.first_name, signature.email) == ("", "")

    # Whoever reads the mistyped mailbox cannot confirm it; nothing is counted.
    assert client.get(strangers_link).status_code == 404
    assert client.post(strangers_link, {"shown": "x"}).status_code == 404
    counter.fold_counts()
    assert Petition.objects.get().confirmed_count == 0

    client.cookies.clear()
    assert sign(email="ada@example.org").status_code == 302
    confirm_by_link(client, mail.outbox[-1])
    counter.fold_counts()
    assert Petition.objects.get().confirmed_count == 1
    assert Signature.objects.filter(status=Signature.Status.CONFIRMED).count() == 1


def test_the_mistyped_address_blocks_nobody(client, sign):
    sign(email="someone@example.org")
    client.post(SIGN_AGAIN)
    client.cookies.clear()
    # The real owner of that address signs later: a fresh confirmation reaches them.
    sign(email="someone@example.org", first_name="Someone")
    signature = Signature.objects.get()
    assert (signature.status, signature.first_name) == (Signature.Status.PENDING, "Someone")
    assert [message.to for message in mail.outbox] == [["someone@example.org"]] * 2
    confirm_by_link(client, mail.outbox[-1])
    assert Signature.objects.get().status == Signature.Status.CONFIRMED


def test_signing_again_and_again_floods_no_mailbox(client, sign):
    for _ in range(4):
        sign(email="victim@example.org")
        client.post(SIGN_AGAIN)
    assert sent_count() == 2  # the first email, then one more within the hour


def test_a_confirmed_signature_is_never_withdrawn_from_the_thanks_page(client, sign):
    sign()
    confirm_by_link(client, mail.outbox[0])
    response = client.post(SIGN_AGAIN)
    assert response.status_code == 200
    assert Signature.objects.get().status == Signature.Status.CONFIRMED


def test_someone_signing_with_a_confirmed_address_cannot_withdraw_it(client, sign):
    sign(email="owner@example.org")
    confirm_by_link(client, mail.outbox[0])
    client.cookies.clear()
    sign(email="owner@example.org", first_name="Impostor")  # gets a receipt for that mailbox
    client.post(SIGN_AGAIN)
    signature = Signature.objects.get()
    assert (signature.status, signature.first_name) == (Signature.Status.CONFIRMED, "Ada")


def test_sign_again_is_rate_limited(client, sign):
    sign()
    for _ in range(5):
        assert client.post(SIGN_AGAIN).status_code == 200
    assert client.post(SIGN_AGAIN).status_code == 429


# Outages ---------------------------------------------------------------------------------


def test_while_the_cache_is_down_the_receipt_and_both_offers_work(client, sign, unreachable_cache):
    sign(email="ada@example.org")
    assert "ada@example.org" in client.get(THANKS).text
    assert client.post(RESEND).status_code == 200
    assert sent_count() == 2
    assert client.post(SIGN_AGAIN).status_code == 200
    assert Signature.objects.get().status == Signature.Status.WITHDRAWN


def test_while_the_mail_server_refuses_send_again_still_answers(client, sign, settings):
    sign(email="ada@example.org")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]  # nothing listens there once the probe is closed
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": closed_port, "timeout": 2},
        }
    }
    response = client.post(RESEND)
    assert response.status_code == 200
    assert "we have sent the email again" in response.text
    # Not sent: marked so, for resend_confirmations to pick up.
    assert Signature.objects.get().confirmation_sent_at is None


def test_a_mail_server_that_never_answers_does_not_hold_send_again(
    client, sign, settings, silent_server
):
    sign(email="ada@example.org")
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": silent_server, "timeout": 1},
        }
    }
    assert client.post(RESEND).status_code == 200
