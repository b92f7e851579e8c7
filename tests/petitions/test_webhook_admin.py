"""Webhooks in the admin: an administrator adds an endpoint and copies its secret; every
delivery and each of its attempts is in the log; organisers do not configure them."""

import pytest
from django.utils import timezone

from petitions import webhooks
from petitions.models import Signature, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from tests.factories import add_signature
from tests.petitions.webhook_receiver import start_receiver

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/petitions/webhookendpoint/add/"


def test_an_administrator_adds_an_endpoint_and_is_shown_its_secret_and_how_to_check_it(
    admin_client,
):
    form = admin_client.get(ADD_URL).content.decode()
    assert "whsec_" not in form  # drawn on saving: a secret shown here would not be the one kept
    assert "HMAC-SHA256" in form
    response = admin_client.post(
        ADD_URL,
        {
            "url": "https://crm.example.org/hooks/solidarity",
            "description": "Our CRM",
            "events": ["signature.confirmed", "signature.withdrawn"],
            "is_active": "on",
        },
    )
    endpoint = WebhookEndpoint.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/petitions/webhookendpoint/{endpoint.pk}/change/"
    assert endpoint.events == ["signature.confirmed", "signature.withdrawn"]
    assert endpoint.secret.startswith("whsec_") and len(endpoint.secret) > 40

    page = admin_client.get(response["Location"]).content.decode()
    assert endpoint.secret in page
    assert "Solidarity-Signature" in page
    assert "HMAC-SHA256" in page


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://crm.example.org/hook", "Enter an address that starts with https://."),
        ("https://192.168.1.10/hook", "This address is on a private network"),
        ("javascript:alert(1)", "Enter a valid URL."),
    ],
)
def test_an_address_that_is_not_public_https_is_refused_with_a_message(
    admin_client, settings, url, message
):
    settings.WEBHOOKS_ALLOW_LOCAL = False
    response = admin_client.post(ADD_URL, {"url": url, "events": ["signature.confirmed"]})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_a_new_secret_can_be_generated(admin_client):
    endpoint = WebhookEndpoint.objects.create(url="https://crm.example.org/", events=[])
    old = endpoint.secret
    admin_client.post(
        "/admin/petitions/webhookendpoint/",
        {"action": "new_secret", "_selected_action": [endpoint.pk]},
    )
    endpoint.refresh_from_db()
    assert endpoint.secret != old and endpoint.secret.startswith("whsec_")


def test_the_delivery_log_shows_each_attempt_its_answer_error_duration_and_next_retry(
    admin_client, petition, settings
):
    settings.WEBHOOKS_ALLOW_LOCAL = True
    server, receiver = start_receiver()
    receiver.answers = [500]
    try:
        endpoint = WebhookEndpoint.objects.create(url=receiver.url, events=["signature.confirmed"])
        signature = add_signature(petition, "ada@example.org", status=Signature.Status.CONFIRMED)
        webhooks._queue("signature.confirmed", webhooks.signature_data(signature), signature.pk)
    finally:
        server.shutdown()
        server.server_close()
    delivery = WebhookDelivery.objects.get()
    WebhookAttempt.objects.create(
        delivery=delivery,
        number=2,
        started_at=timezone.now(),
        duration_ms=5003,
        error="no answer within 5 s",
        next_retry_at=timezone.now(),
    )

    listing = admin_client.get("/admin/petitions/webhookdelivery/").content.decode()
    assert "signature.confirmed" in listing or "A signature is confirmed" in listing
    assert str(endpoint) in listing
    page = admin_client.get(f"/admin/petitions/webhookdelivery/{delivery.pk}/change/")
    content = page.content.decode()
    assert page.status_code == 200
    assert "answered 500" in content
    assert "no answer within 5 s" in content
    assert "5003" in content
    assert "Given up" in content  # the immediate backend cannot wait to try again
    assert 'name="_save"' not in content  # a log, never edited


def test_organisers_do_not_configure_webhooks(client, staff_editor):
    client.force_login(staff_editor)
    assert client.get(ADD_URL).status_code == 403
    assert client.get("/admin/petitions/webhookdelivery/").status_code == 403


def test_the_dashboard_tells_administrators_of_deliveries_waiting_and_given_up(
    admin_client, client, staff_editor
):
    endpoint = WebhookEndpoint.objects.create(url="https://crm.example.org/", events=[])
    for status in ["pending", "failed", "failed", "delivered"]:
        WebhookDelivery.objects.create(
            endpoint=endpoint,
            event_id="evt_1",
            event="signature.confirmed",
            status=status,
            finished_at=None if status == "pending" else timezone.now(),
        )
    page = admin_client.get("/admin/").content.decode()
    assert "1 waiting to be sent or tried again." in page
    assert "2 given up in the last 7 days." in page
    assert "/admin/petitions/webhookdelivery/?status__exact=failed" in page

    client.force_login(staff_editor)
    assert "given up in the last 7 days" not in client.get("/admin/").content.decode()
