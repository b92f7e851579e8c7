"""Endpoints that are dead, hung or failing, and addresses webhooks must never reach: the
signature always stands, each attempt is logged and the next is queued later, then given up."""

import json
import socket
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from petitions import signing, webhooks
from petitions.models import Signature, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from tests.factories import add_signature
from tests.petitions.webhook_receiver import start_receiver

EVERY_EVENT = ["signature.confirmed", "signature.withdrawn", "signature.unsubscribed"]


@pytest.fixture
def local_webhooks(settings):
    settings.WEBHOOKS_ALLOW_LOCAL = True
    settings.WEBHOOKS_TIMEOUT_SECONDS = 0.5


@pytest.fixture
def receiver(local_webhooks):
    server, receiver = start_receiver()
    yield receiver
    server.shutdown()
    server.server_close()


@pytest.fixture
def dead_port():
    """A port where nothing listens: every connection is refused."""
    with socket.socket() as bound_not_listening:
        bound_not_listening.bind(("127.0.0.1", 0))
        yield bound_not_listening.getsockname()[1]


def run_worker():
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)


def queued_deliveries():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path="petitions.webhooks.deliver")


def confirm_pending_signature(petition):
    signature = add_signature(
        petition, "ada@example.org", status=Signature.Status.PENDING, wants_updates=True
    )
    signing.confirm(signature_id=signature.pk)
    return signature


def assert_retry_scheduled(signature, error):
    """The signature is confirmed; one attempt failed, logged, and the next waits a minute."""
    assert Signature.objects.get(pk=signature.pk).status == Signature.Status.CONFIRMED
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.PENDING
    [attempt] = WebhookAttempt.objects.all()
    assert error in attempt.error
    in_a_minute = timezone.now() + timedelta(minutes=1)
    assert abs(attempt.next_retry_at - in_a_minute) < timedelta(seconds=30)
    assert delivery.next_attempt_at == attempt.next_retry_at
    [retry] = queued_deliveries().filter(status="READY")
    assert retry.run_after == attempt.next_retry_at
    assert retry.args_kwargs["args"] == [delivery.pk]


# The worker closes database connections between tasks: transactional tests.
@pytest.mark.django_db(transaction=True)
def test_a_dead_endpoint_never_holds_up_a_signature_and_is_tried_again_later(
    petition, local_webhooks, dead_port, database_tasks
):
    WebhookEndpoint.objects.create(url=f"http://127.0.0.1:{dead_port}/", events=EVERY_EVENT)
    signature = confirm_pending_signature(petition)
    assert queued_deliveries().count() == 1  # queued, not sent, by the confirmation

    run_worker()

    assert_retry_scheduled(signature, "ConnectionRefusedError")


@pytest.mark.django_db(transaction=True)
def test_a_hung_endpoint_is_given_up_after_the_timeout_and_tried_again_later(
    petition, local_webhooks, silent_server, database_tasks
):
    WebhookEndpoint.objects.create(url=f"http://127.0.0.1:{silent_server}/", events=EVERY_EVENT)
    signature = confirm_pending_signature(petition)
    run_worker()
    assert_retry_scheduled(signature, "no answer within 0.5 s")


@pytest.mark.django_db(transaction=True)
def test_an_endpoint_answering_500_is_tried_again_and_then_delivered(
    petition, receiver, database_tasks
):
    receiver.answers = [500, 200]
    WebhookEndpoint.objects.create(url=receiver.url, events=EVERY_EVENT)
    signature = confirm_pending_signature(petition)
    run_worker()
    assert_retry_scheduled(signature, "answered 500")
    assert WebhookAttempt.objects.get().status_code == 500

    queued_deliveries().filter(status="READY").update(run_after=timezone.now())
    run_worker()

    first, second = receiver.requests
    assert json.loads(first.body)["id"] == json.loads(second.body)["id"]  # the same event
    assert WebhookDelivery.objects.get().status == WebhookDelivery.Status.DELIVERED
    assert list(WebhookAttempt.objects.values_list("number", "status_code")) == [
        (1, 500),
        (2, 200),
    ]


@pytest.mark.django_db
def test_retries_back_off_from_a_minute_to_12_hours_then_the_delivery_is_given_up(
    petition, receiver, database_tasks
):
    receiver.answers = [503]
    WebhookEndpoint.objects.create(url=receiver.url, events=EVERY_EVENT)
    delivery_payload = webhooks.signature_data(add_signature(petition, "ada@example.org"))
    webhooks._queue("signature.confirmed", delivery_payload, None)
    delivery = WebhookDelivery.objects.get()

    for _attempt in range(6):
        webhooks.deliver.call(delivery.pk)

    attempts = list(WebhookAttempt.objects.all())
    waits = [round((a.next_retry_at - a.started_at).total_seconds() / 60) for a in attempts[:-1]]
    assert waits == [1, 5, 30, 120, 720]
    assert attempts[-1].next_retry_at is None
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert delivery.payload == {}  # the signer's name and address are not kept
    assert len(receiver.requests) == 6
    assert webhooks.deliver.call(delivery.pk) == "not waiting"


@pytest.mark.django_db
def test_a_signer_who_withdraws_before_delivery_is_never_sent(
    petition, local_webhooks, dead_port, database_tasks, django_capture_on_commit_callbacks
):
    WebhookEndpoint.objects.create(url=f"http://127.0.0.1:{dead_port}/", events=EVERY_EVENT)
    with django_capture_on_commit_callbacks(execute=True):
        signature = confirm_pending_signature(petition)
    confirmed = WebhookDelivery.objects.get()
    webhooks.deliver.call(confirmed.pk)  # fails: a retry waits

    with django_capture_on_commit_callbacks(execute=True):
        signing.withdraw(signature_id=signature.pk)

    confirmed.refresh_from_db()
    assert confirmed.status == WebhookDelivery.Status.CANCELLED
    assert confirmed.payload == {}
    assert webhooks.deliver.call(confirmed.pk) == "not waiting"
    withdrawn = WebhookDelivery.objects.exclude(pk=confirmed.pk).get()
    assert withdrawn.event == "signature.withdrawn"
    assert withdrawn.status == WebhookDelivery.Status.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/",
        "https://127.0.0.1:{port}/",
        "https://localhost:{port}/",
        "https://[::1]:{port}/",
        "https://10.0.0.7/",
        "https://169.254.169.254/latest/meta-data/",
    ],
)
def test_in_production_no_webhook_goes_to_this_machine_or_a_private_network(
    petition, settings, receiver, url
):
    settings.WEBHOOKS_ALLOW_LOCAL = False
    port = receiver.url.split(":")[2].split("/")[0]
    WebhookEndpoint.objects.create(url=url.format(port=port), events=EVERY_EVENT)
    webhooks._queue("signature.confirmed", {"signature": {"id": 1}}, None)

    assert receiver.requests == []
    [attempt] = WebhookAttempt.objects.all()
    assert attempt.error.startswith("refused: ")
    assert attempt.status_code is None


def test_deploy_check_fails_while_local_webhooks_are_allowed_in_production(settings):
    from petitions.webhook_http import check_local_webhooks

    settings.DEBUG, settings.WEBHOOKS_ALLOW_LOCAL = False, True
    assert [error.id for error in check_local_webhooks(None)] == ["solidarity.E009"]
    settings.WEBHOOKS_ALLOW_LOCAL = False
    assert check_local_webhooks(None) == []
