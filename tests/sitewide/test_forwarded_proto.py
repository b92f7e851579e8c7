"""The proxy's protocol header (SECURE_PROXY_SSL_HEADER) is believed only from TRUSTED_PROXIES."""

import pytest

from sitewide.checks import check_trusted_proxies

pytestmark = pytest.mark.django_db

PROXY = "172.28.0.10"


@pytest.fixture
def behind_a_tls_proxy(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.TRUSTED_PROXIES = [PROXY]


def test_the_proxy_may_say_the_request_came_over_https(client, behind_a_tls_proxy):
    response = client.get("/", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR=PROXY)
    assert response.status_code == 200


def test_anyone_else_claiming_https_is_still_sent_to_https(client, behind_a_tls_proxy):
    response = client.get("/", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_the_deploy_check_fails_on_a_protocol_header_without_trusted_proxies(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.VISITOR_IP_HEADER = ""
    settings.TRUSTED_PROXIES = []
    assert [error.id for error in check_trusted_proxies(None)] == ["solidarity.E005"]
    settings.TRUSTED_PROXIES = [PROXY]
    assert check_trusted_proxies(None) == []


@pytest.mark.parametrize("peer", ["", "not an address", "unix:/run/gunicorn.sock"])
def test_an_odd_peer_address_is_not_a_proxy_and_never_an_error(client, behind_a_tls_proxy, peer):
    response = client.get("/", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR=peer)
    assert response.status_code == 301
