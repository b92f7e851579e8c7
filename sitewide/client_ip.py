"""The visitor's IP address, as rate limits, blocked IP ranges and the keyed IP hash see it.

Behind a reverse proxy the peer (REMOTE_ADDR) is the proxy itself; VISITOR_IP_HEADER names the
request header where the proxy puts the visitor's address (for example HTTP_X_REAL_IP). The
header is believed only when the peer is one of TRUSTED_PROXIES: anyone else reaching the site
directly could write any address there and get a fresh rate-limit bucket with each request.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

# What django-ratelimit gets when no address can be found (a Unix socket and no header): such
# requests share one rate-limit bucket rather than fail.
UNKNOWN_ADDRESS = "0.0.0.0"  # noqa: S104 - a placeholder, nothing listens on it


def _valid(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return ""


@lru_cache(maxsize=8)
def trusted_networks(entries):
    """The networks in TRUSTED_PROXIES (a tuple of its entries); malformed entries are left
    out, so they trust nothing (`check --deploy` names them: solidarity.E004)."""
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip()))
        except ValueError:
            continue
    return tuple(networks)


def is_trusted_proxy(address):
    """Whether `address` (a peer's, as text) is one of TRUSTED_PROXIES; never raises."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    if ip.version == 6 and ip.ipv4_mapped:  # a dual-stack socket's view of an IPv4 peer
        ip = ip.ipv4_mapped
    return any(ip in network for network in trusted_networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request):
    """The visitor's address, or "" when none can be found; never raises.

    From a trusted proxy, the configured header may hold a list ("client, proxy1, proxy2", as
    X-Forwarded-For does): each proxy appends the address it received the request from, so it
    is read from the right, past our own proxies, up to the first address that is not one of
    them; the entries to its left are whatever the client chose to send. A missing, empty or
    garbled header falls back to REMOTE_ADDR.
    """
    peer = _valid(request.META.get("REMOTE_ADDR", ""))
    header = settings.VISITOR_IP_HEADER
    if not header or not is_trusted_proxy(peer):
        return peer
    visitor = ""
    for entry in reversed(request.META.get(header, "").split(",")):
        address = _valid(entry)
        if not address:
            break
        visitor = address
        if not is_trusted_proxy(address):
            break
    return visitor or peer


def ratelimit_ip(request):
    """client_ip for django-ratelimit (RATELIMIT_IP_META_KEY), which needs an address."""
    return client_ip(request) or UNKNOWN_ADDRESS
