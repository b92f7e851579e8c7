"""Webhooks: confirmations and withdrawals POSTed to a real local receiver, signed so that the
README's recipe verifies them, with what a signer agreed to share and nothing more."""

import hashlib
import hmac
import json
import time

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client
from django.utils import timezone

from petitions import signing
from petitions.models import (
    Signature,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from tests.factories import add_signature
from tests.petitions.helpers import confirm_by_link, link_from
from tests.petitions.webhook_receiver import start_receiver

pytestmark = pytest.mark.django_db
EVERY_EVENT = [event.value for event in WebhookEvent]


def verify(secret, header, body, tolerance=300):
    """The receiver's check, as the README documents it."""
    fields = dict(part.split("=", 1) for part in header.split(","))
    timestamp = int(fields["t"])
    signed = f"{timestamp}.".encode() + body
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    fresh = abs(time.time() - timestamp) <= tolerance
    return hmac.compare_digest(expected, fields["v1"]) and fresh


@pytest.fixture
def receiver(settings):
    settings.WEBHOOKS_ALLOW_LOCAL = True
    server, receiver = start_receiver()
    yield receiver
    server.shutdown()
    server.server_close()


@pytest.fixture
def endpoint(receiver):
    return WebhookEndpoint.objects.create(url=receiver.url, events=EVERY_EVENT)


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the test's transaction never commits)."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def test_a_confirmation_is_posted_signed_so_that_the_documented_recipe_verifies_it(
    client, sign, endpoint, receiver, after_commit
):
    sign(email="ada@example.org", wants_updates="on")
    assert receiver.requests == []  # signing is not confirming

    response = after_commit(lambda: confirm_by_link(client, mail.outbox[0]))

    assert response.status_code == 200
    [request] = receiver.requests
    assert request.path == "/hooks/solidarity"
    assert request.headers["Content-Type"] == "application/json"
    assert verify(endpoint.secret, request.headers["Solidarity-Signature"], request.body)
    event = json.loads(request.body)
    signature = Signature.objects.get()
    assert event["type"] == "signature.confirmed"
    assert event["id"].startswith("evt_")
    assert abs(event["created"] - time.time()) < 60
    assert event["data"]["petition"] == {
        "slug": "free-jane-doe",
        "url": "http://127.0.0.1:8000/petitions/free-jane-doe/",
    }
    assert event["data"]["signature"] | {"confirmed_at": None} == {
        "id": signature.pk,
        "country": "GB",
        "language": "en",
        "wants_updates": True,
        "confirmed_at": None,
        "signer": {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org"},
    }
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    assert delivery.payload == {}  # nothing personal kept once delivered
    [attempt] = WebhookAttempt.objects.all()
    assert (attempt.status_code, attempt.error, attempt.next_retry_at) == (200, "", None)


def test_a_body_altered_or_signed_with_another_secret_does_not_verify(
    client, sign, endpoint, receiver, after_commit
):
    sign()
    after_commit(lambda: confirm_by_link(client, mail.outbox[0]))
    [request] = receiver.requests
    header = request.headers["Solidarity-Signature"]
    assert not verify(endpoint.secret, header, request.body.replace(b"GB", b"FR"))
    assert not verify("whsec_another", header, request.body)
    assert not verify(endpoint.secret, header, request.body, tolerance=-1)  # too old


def test_a_signer_who_did_not_ask_to_hear_from_the_organiser_is_sent_without_name_or_email(
    client, sign, endpoint, receiver, after_commit
):
    sign(email="ada@example.org")
    after_commit(lambda: confirm_by_link(client, mail.outbox[0]))
    [request] = receiver.requests
    event = json.loads(request.body)
    assert event["data"]["signature"]["signer"] is None
    assert event["data"]["signature"]["wants_updates"] is False
    assert b"Lovelace" not in request.body and b"@" not in request.body


def test_a_withdrawal_names_the_signature_confirmed_earlier_and_nothing_personal(
    client, sign, endpoint, receiver, after_commit
):
    sign(wants_updates="on")
    after_commit(lambda: confirm_by_link(client, mail.outbox[0]))
    withdraw_path = link_from(mail.outbox[0], "withdraw")

    after_commit(lambda: client.post(withdraw_path))

    confirmed, withdrawn = (json.loads(request.body) for request in receiver.requests)
    assert withdrawn["type"] == "signature.withdrawn"
    assert withdrawn["id"] != confirmed["id"]
    assert withdrawn["data"]["signature"]["id"] == confirmed["data"]["signature"]["id"]
    assert withdrawn["data"]["signature"]["signer"] is None
    assert b"@" not in receiver.requests[1].body


def test_an_unconfirmed_signature_withdrawn_is_never_sent(
    petition, endpoint, receiver, after_commit
):
    signature = add_signature(petition, "ada@example.org", status=Signature.Status.PENDING)
    after_commit(lambda: signing.withdraw(signature_id=signature.pk))
    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_only_active_endpoints_that_asked_for_the_event_are_sent_it(
    petition, receiver, after_commit
):
    WebhookEndpoint.objects.create(url=receiver.url, events=["signature.withdrawn"])
    WebhookEndpoint.objects.create(url=receiver.url, events=EVERY_EVENT, is_active=False)
    signature = add_signature(petition, "ada@example.org", status=Signature.Status.PENDING)
    after_commit(lambda: signing.confirm(signature_id=signature.pk))
    assert receiver.requests == []


def test_nothing_is_sent_for_a_transaction_rolled_back(petition, endpoint, receiver, after_commit):
    signature = add_signature(petition, "ada@example.org", status=Signature.Status.PENDING)

    def confirm_then_fail():
        with transaction.atomic():
            signing.confirm(signature_id=signature.pk)
            transaction.set_rollback(True)

    after_commit(confirm_then_fail)
    assert receiver.requests == []
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_an_unsubscribe_by_the_emails_one_click_link_is_sent_without_name_or_email(
    petition, endpoint, receiver, after_commit
):
    from petitions import unsubscribe

    signature = add_signature(petition, "ada@example.org", wants_updates=True)
    url = f"/petitions/unsubscribe/{unsubscribe.unsubscribe_token(signature)}/"
    after_commit(lambda: Client().post(url, {"List-Unsubscribe": "One-Click"}))
    after_commit(lambda: Client().post(url, {"List-Unsubscribe": "One-Click"}))  # once only
    [request] = receiver.requests
    event = json.loads(request.body)
    assert event["type"] == "signature.unsubscribed"
    assert event["data"]["signature"]["id"] == signature.pk
    assert event["data"]["signature"]["signer"] is None
    assert b"@" not in request.body


def test_a_signer_who_erases_their_data_is_erased_from_the_tools_too(
    petition, endpoint, receiver, after_commit
):
    from petitions import my_data

    signature = add_signature(petition, "ada@example.org", wants_updates=True)
    WebhookDelivery.objects.create(  # a confirmation still waiting for a retry
        endpoint=endpoint,
        event_id="evt_waiting",
        event="signature.confirmed",
        signature_id=signature.pk,
        payload={"data": {"signer": {"email": "ada@example.org"}}},
    )
    after_commit(lambda: my_data.erase(signature_id=signature.pk))
    [request] = receiver.requests
    event = json.loads(request.body)
    assert event["type"] == "signature.erased"
    assert event["data"]["signature"]["id"] == signature.pk
    assert b"@" not in request.body
    waiting = WebhookDelivery.objects.get(event_id="evt_waiting")
    assert (waiting.status, waiting.payload) == (WebhookDelivery.Status.CANCELLED, {})


def test_a_redirect_is_not_followed_and_is_a_failed_attempt(
    petition, endpoint, receiver, after_commit
):
    receiver.answers = [302]
    signature = add_signature(petition, "ada@example.org", status=Signature.Status.PENDING)
    after_commit(lambda: signing.confirm(signature_id=signature.pk))
    assert len(receiver.requests) == 1
    [attempt] = WebhookAttempt.objects.all()
    assert (attempt.status_code, attempt.error) == (302, "answered 302")
    assert Signature.objects.get().status == Signature.Status.CONFIRMED


def test_a_signature_an_organiser_confirms_or_restores_is_sent_as_confirmed(
    petition, endpoint, receiver, after_commit
):
    from petitions import moderation

    pending = add_signature(petition, "ada@example.org", status=Signature.Status.PENDING)
    spam = add_signature(
        petition, "bob@example.org", status=Signature.Status.SPAM, confirmed_at=timezone.now()
    )
    after_commit(
        lambda: moderation.set_status(
            signatures=Signature.objects.filter(pk=pending.pk), status=Signature.Status.CONFIRMED
        )
    )
    after_commit(lambda: moderation.restore(signatures=Signature.objects.filter(pk=spam.pk)))
    sent = [json.loads(request.body)["data"]["signature"]["id"] for request in receiver.requests]
    assert sent == [pending.pk, spam.pk]
