"""The visitor's IP address, as rate limits, blocked IP ranges and the keyed IP hash see it.

Behind a reverse proxy the peer (REMOTE_ADDR) is the proxy itself; VISITOR_IP_HEADER names the
request header where the proxy puts the visitor's address (for example HTTP_X_REAL_IP).
"""

import ipaddress

from django.conf import settings

# What django-ratelimit gets when no address can be found (a Unix socket and no header): such
# requests share one rate-limit bucket rather than fail.
UNKNOWN_ADDRESS = "0.0.0.0"  # noqa: S104 - a placeholder, nothing listens on it


def _valid(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return ""


def client_ip(request):
    """The visitor's address, or "" when none can be found; never raises.

    The configured header may hold a list ("client, proxy1, proxy2", as X-Forwarded-For does):
    each proxy appends the address it received the request from, so only the right-most entry,
    written by our own proxy, can be trusted; the entries to its left are whatever the client
    chose to send. A missing, empty or garbled header falls back to REMOTE_ADDR.
    """
    header = getattr(settings, "VISITOR_IP_HEADER", "")
    if header:
        entries = request.META.get(header, "").split(",")
        address = _valid(entries[-1])
        if address:
            return address
    return _valid(request.META.get("REMOTE_ADDR", ""))


def ratelimit_ip(request):
    """client_ip for django-ratelimit (RATELIMIT_IP_META_KEY), which needs an address."""
    return client_ip(request) or UNKNOWN_ADDRESS
