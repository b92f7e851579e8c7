"""Webhooks: each signature confirmed, withdrawn, unsubscribed or erased is POSTed as JSON to the
organiser's own tools (endpoints configured in the admin), signed like Stripe's.

    Solidarity-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>

How a receiver checks it is in the README ("Webhooks"). Sending never holds up or fails a
signature: the deliveries are queued once its transaction commits, and a task of Django's tasks
framework sends each; an endpoint that fails, refuses or does not answer within
WEBHOOKS_TIMEOUT_SECONDS is tried again after 1 minute, 5, 30, 2 hours and 12 hours (with a
backend that can defer: django-tasks-db), then given up. Every attempt is logged (the admin's
webhook deliveries). What the payload holds about a signer, and why, is in `signature_data`.
"""

import hashlib
import hmac
import json
import logging
import time
import uuid
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from petitions import webhook_http
from petitions.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent

logger = logging.getLogger(__name__)

# The waits before each retry; after the last one fails, the delivery is given up.
RETRY_AFTER = [
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=12),
]
SIGNATURE_HEADER = "Solidarity-Signature"


def signature_header(secret, timestamp, body):
    """The value of the Solidarity-Signature header for `body` (bytes) sent at `timestamp`."""
    signed = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def signature_data(signature):
    """What an event says about a signature.

    Its id (the same in every event about it, so that a withdrawal can be matched), petition,
    country, language and whether the signer wants to hear from the organiser. The name and the
    email address only when they do: a signer who did not tick that box gave the address to
    confirm the signature, not for the organiser's mailing tools, and people who sign for
    political prisoners may be targeted, so it does not leave this site.
    """
    petition = signature.petition
    data = {
        "id": signature.pk,
        "country": str(signature.country),
        "language": signature.language,
        "wants_updates": signature.wants_updates,
        "confirmed_at": signature.confirmed_at.isoformat() if signature.confirmed_at else None,
        "signer": None,
    }
    if signature.wants_updates:
        data["signer"] = {
            "first_name": signature.first_name,
            "last_name": signature.last_name,
            "email": signature.email,
        }
    url = settings.SITE_URL.rstrip("/") + petition.get_absolute_url()
    return {"petition": {"slug": petition.slug, "url": url}, "signature": data}


def notify(event, payload, *, signature_id=None):
    """Queue `event` (a WebhookEvent) with `payload` (its "data", JSON-ready) for every active
    endpoint that listens to it, once the current transaction commits (at once outside one).
    Never raises: a failure is logged, and the signer's action stands."""
    transaction.on_commit(partial(_queue, event, payload, signature_id), robust=True)


def signature_confirmed(signature):
    notify(WebhookEvent.CONFIRMED, signature_data(signature), signature_id=signature.pk)


def signature_withdrawn(signature):
    """Tell the endpoints, and cancel the confirmation still waiting to tell them about the
    signer: a person who withdrew is never sent to anyone afterwards."""
    _tell_and_cancel(WebhookEvent.WITHDRAWN, signature)


def signature_unsubscribed(signature):
    """The signer no longer wants to hear from the organiser (petitions.unsubscribe)."""
    _tell_and_cancel(WebhookEvent.UNSUBSCRIBED, signature)


def signatures_erased(signatures):
    """Signers erased their data (petitions.my_data): the tools are told to, for each
    signature they may know of (confirmed once)."""
    for signature in signatures.filter(confirmed_at__isnull=False).select_related("petition"):
        _tell_and_cancel(WebhookEvent.ERASED, signature)


def _tell_and_cancel(event, signature):
    transaction.on_commit(partial(_cancel_waiting, signature.pk), robust=True)
    notify(event, signature_data(signature), signature_id=signature.pk)


def _queue(event, payload, signature_id):
    try:
        endpoints = WebhookEndpoint.objects.listening_to(event)
        if not endpoints:
            return
        envelope = {
            "id": f"evt_{uuid.uuid4().hex}",
            "type": str(event),
            "created": int(time.time()),
            "data": payload,
        }
        for endpoint in endpoints:
            delivery = WebhookDelivery.objects.create(
                endpoint=endpoint,
                event_id=envelope["id"],
                event=event,
                signature_id=signature_id,
                payload=envelope,
                next_attempt_at=timezone.now(),
            )
            enqueue(delivery.pk)
    except Exception:
        logger.exception("Could not queue the webhook event %s", event)


def enqueue(delivery_id, run_after=None):
    """Queue a delivery's next attempt; a failure to queue is logged (the admin's "send now"
    action queues it anew)."""
    try:
        deliver_task = deliver.using(run_after=run_after) if run_after else deliver
        deliver_task.enqueue(delivery_id)
    except Exception:
        logger.exception("Could not queue webhook delivery %s", delivery_id)


def _cancel_waiting(signature_id):
    """Cancel the confirmations of `signature_id` still waiting: the only events that carry a
    name and an address."""
    WebhookDelivery.objects.filter(
        signature_id=signature_id,
        status=WebhookDelivery.Status.PENDING,
        event=WebhookEvent.CONFIRMED,
    ).update(
        status=WebhookDelivery.Status.CANCELLED,
        payload={},
        next_attempt_at=None,
        finished_at=timezone.now(),
    )


def send_now(*, deliveries):
    """The admin's action: queue the attempt of deliveries still waiting (for their next retry,
    or because queueing them failed) at once. Returns how many."""
    waiting = list(
        deliveries.filter(status=WebhookDelivery.Status.PENDING).values_list("pk", flat=True)
    )
    for delivery_id in waiting:
        enqueue(delivery_id)
    return len(waiting)


@task
def deliver(delivery_id):
    """Make one attempt at a delivery; log it; queue the next one, or give up. Never raises."""
    delivery = (
        WebhookDelivery.objects.select_related("endpoint")
        .filter(pk=delivery_id, status=WebhookDelivery.Status.PENDING)
        .first()
    )
    if delivery is None:
        return "not waiting"
    endpoint = delivery.endpoint
    if not endpoint.is_active:
        _finish(delivery, WebhookDelivery.Status.CANCELLED)
        return "endpoint inactive"
    body = json.dumps(delivery.payload, ensure_ascii=False).encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Solidarity-Webhooks/1",
        SIGNATURE_HEADER: signature_header(endpoint.secret, int(time.time()), body),
    }
    started_at, started = timezone.now(), time.monotonic()
    answer = webhook_http.post(endpoint.url, body, headers)
    duration_ms = int((time.monotonic() - started) * 1000)
    number = delivery.attempts + 1
    succeeded = answer.status_code is not None and 200 <= answer.status_code < 300
    error = answer.error or ("" if succeeded else f"answered {answer.status_code}")
    next_retry_at = None
    if not succeeded and number <= len(RETRY_AFTER) and deliver.get_backend().supports_defer:
        next_retry_at = timezone.now() + RETRY_AFTER[number - 1]
    with transaction.atomic():
        WebhookAttempt.objects.create(
            delivery=delivery,
            number=number,
            started_at=started_at,
            duration_ms=duration_ms,
            status_code=answer.status_code,
            error=error[:500],
            next_retry_at=next_retry_at,
        )
        delivery.attempts = number
        if succeeded:
            _finish(delivery, WebhookDelivery.Status.DELIVERED)
        elif next_retry_at is None:
            _finish(delivery, WebhookDelivery.Status.FAILED)
        else:
            delivery.next_attempt_at = next_retry_at
            delivery.save(update_fields=["attempts", "next_attempt_at"])
    if next_retry_at is not None:
        enqueue(delivery.pk, run_after=next_retry_at)
    return delivery.status


def _finish(delivery, status):
    """Delivered, given up or cancelled: the payload, with any personal data, goes."""
    delivery.status = status
    delivery.payload = {}
    delivery.next_attempt_at = None
    delivery.finished_at = timezone.now()
    delivery.save(update_fields=["status", "payload", "next_attempt_at", "finished_at", "attempts"])
