"""The one HTTP request webhooks make: a POST to an organiser's address, guarded.

- https only, unless WEBHOOKS_ALLOW_LOCAL (development and tests), which also allows http.
- Never to this machine or a private network (SSRF): the host name is resolved once, every
  address it gives must be public, and the connection goes to that vetted address (a name that
  resolves elsewhere a moment later, DNS rebinding, changes nothing). WEBHOOKS_ALLOW_LOCAL lifts
  it, for a receiver on 127.0.0.1.
- No redirect is followed (http.client follows none): a 3xx is a failed attempt.
- Each connect and read waits WEBHOOKS_TIMEOUT_SECONDS at most; only the first few bytes of
  the answer are read.
"""

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ANSWER_BYTES_READ = 1024


class RefusedAddress(Exception):
    """The address is not one webhooks may be sent to."""


@dataclass(frozen=True)
class Answer:
    status_code: int | None
    error: str = ""


def _allow_local():
    return settings.WEBHOOKS_ALLOW_LOCAL


@checks.register(checks.Tags.security, deploy=True)
def check_local_webhooks(app_configs, **kwargs):
    """In production an admin form must not reach this machine or its network (SSRF)."""
    if not settings.WEBHOOKS_ALLOW_LOCAL or settings.DEBUG:
        return []
    return [
        checks.Error(
            "WEBHOOKS_ALLOW_LOCAL is on: webhooks may be sent over http:// and to this machine "
            "or its private network.",
            hint="Leave WEBHOOKS_ALLOW_LOCAL unset (false) in production.",
            id="solidarity.E009",
        )
    ]


def validate_webhook_url(value):
    """For the admin's form: https (or http where local addresses are allowed), no address
    literal of a private network."""
    parts = urlsplit(value)
    schemes = {"https", "http"} if _allow_local() else {"https"}
    if parts.scheme not in schemes:
        raise ValidationError(_("Enter an address that starts with https://."), code="scheme")
    try:
        literal = ipaddress.ip_address(parts.hostname or "")
    except ValueError:
        return
    if not literal.is_global and not _allow_local():
        raise ValidationError(
            _("This address is on a private network: webhooks go to public addresses only."),
            code="private",
        )


def public_address(host, port):
    """The address to connect to for `host`: every address it resolves to must be public."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise RefusedAddress(f"cannot resolve {host}: {error}") from error
    addresses = [info[4][0] for info in found]
    if not addresses:
        raise RefusedAddress(f"{host} has no address")
    if not _allow_local():
        private = [a for a in addresses if not ipaddress.ip_address(a.split("%")[0]).is_global]
        if private:
            raise RefusedAddress(f"{host} resolves to a private address ({private[0]})")
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def post(url, body, headers):
    """POST `body` (bytes) to `url`. Returns an Answer: the status code, or an error."""
    parts = urlsplit(url)
    try:
        validate_webhook_url(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = public_address(parts.hostname, port)
    except (ValidationError, ValueError, RefusedAddress) as refused:
        message = refused.messages[0] if isinstance(refused, ValidationError) else str(refused)
        return Answer(None, f"refused: {message}")
    connection_class = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    timeout = settings.WEBHOOKS_TIMEOUT_SECONDS
    connection = connection_class(parts.hostname, port, address, timeout)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read(ANSWER_BYTES_READ)
        return Answer(response.status)
    except TimeoutError:
        return Answer(None, f"no answer within {timeout:g} s")
    except (OSError, http.client.HTTPException) as error:
        return Answer(None, f"{type(error).__name__}: {error}"[:500])
    finally:
        connection.close()
