"""Webhooks over TLS, as in production: the certificate is checked against the endpoint's name
while the connection goes to the address vetted beforehand. A local CA (trustme) stands in for
a public one; SSL_CERT_FILE makes the client trust it, as the system's store would."""

import json

import pytest
import trustme

from petitions import webhooks
from petitions.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from tests.petitions.webhook_receiver import start_receiver

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate_authority(monkeypatch, tmp_path, settings):
    settings.WEBHOOKS_ALLOW_LOCAL = True  # the receiver runs on this machine
    settings.WEBHOOKS_TIMEOUT_SECONDS = 2
    authority = trustme.CA()
    bundle = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    return authority


def deliver_to(receiver_url):
    WebhookEndpoint.objects.create(url=receiver_url, events=["signature.confirmed"])
    webhooks._queue("signature.confirmed", {"signature": {"id": 7}}, 7)
    return WebhookDelivery.objects.get(), WebhookAttempt.objects.get()


@pytest.fixture
def tls_receiver(certificate_authority, request):
    server, receiver = start_receiver(certificate_authority.issue_cert(*request.param))
    yield receiver
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("tls_receiver", [("localhost",)], indirect=True)
def test_an_https_endpoint_with_a_valid_certificate_gets_the_event(tls_receiver):
    delivery, attempt = deliver_to(tls_receiver.url)
    assert (attempt.status_code, attempt.error) == (200, "")
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    [request] = tls_receiver.requests
    assert json.loads(request.body)["data"] == {"signature": {"id": 7}}
    assert request.headers["Host"].startswith("localhost:")


@pytest.mark.parametrize("tls_receiver", [("crm.example.org",)], indirect=True)
def test_a_certificate_for_another_name_is_refused(tls_receiver):
    delivery, attempt = deliver_to(tls_receiver.url)
    assert "CERTIFICATE_VERIFY_FAILED" in attempt.error
    assert tls_receiver.requests == []
    assert delivery.status == WebhookDelivery.Status.FAILED


def test_a_certificate_no_trusted_authority_signed_is_refused(settings, monkeypatch, tmp_path):
    settings.WEBHOOKS_ALLOW_LOCAL = True
    settings.WEBHOOKS_TIMEOUT_SECONDS = 2
    empty_store = tmp_path / "none.pem"
    trustme.CA().cert_pem.write_to_path(str(empty_store))  # some other authority
    monkeypatch.setenv("SSL_CERT_FILE", str(empty_store))
    server, receiver = start_receiver(trustme.CA().issue_cert("localhost"))
    try:
        _delivery, attempt = deliver_to(receiver.url)
    finally:
        server.shutdown()
        server.server_close()
    assert "CERTIFICATE_VERIFY_FAILED" in attempt.error
    assert receiver.requests == []
