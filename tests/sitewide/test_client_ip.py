import pytest

from sitewide.client_ip import client_ip


@pytest.fixture
def behind_proxies(settings):
    settings.VISITOR_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "2001:db8:ffff::/48"]
    return settings


def test_without_a_header_configured_the_peer_is_the_visitor(rf, settings):
    settings.VISITOR_IP_HEADER = ""
    request = rf.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_ip(request) == "203.0.113.9"


def test_the_header_is_read_when_a_trusted_proxy_sent_the_request(rf, behind_proxies):
    request = rf.get("/", REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_ip(request) == "198.51.100.1"
    request = rf.get("/", REMOTE_ADDR="2001:db8:ffff::5", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert client_ip(request) == "198.51.100.2"


def test_the_header_is_ignored_from_anyone_else(rf, behind_proxies):
    request = rf.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_ip(request) == "203.0.113.9"


def test_the_header_is_ignored_when_no_proxy_is_trusted(rf, behind_proxies):
    behind_proxies.TRUSTED_PROXIES = []
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_ip(request) == "127.0.0.1"


def test_our_own_proxies_in_a_chain_are_skipped_and_what_the_visitor_sent_is_not_believed(
    rf, behind_proxies
):
    # The visitor claimed 192.0.2.66; our load balancer (10.0.0.2) added the address it saw.
    request = rf.get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.66, 198.51.100.7, 10.0.0.2"
    )
    assert client_ip(request) == "198.51.100.7"


def test_a_chain_of_trusted_proxies_only_gives_the_first_of_them(rf, behind_proxies):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9, 10.0.0.2")
    assert client_ip(request) == "10.9.9.9"


def test_a_malformed_trusted_proxy_entry_trusts_nothing_more(rf, behind_proxies):
    behind_proxies.TRUSTED_PROXIES = ["not a network", "10.0.0.0/8"]
    trusted = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_ip(trusted) == "198.51.100.1"
    other = rf.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_ip(other) == "203.0.113.9"
