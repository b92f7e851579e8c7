"""The partner sites an organiser lets show a petition in a frame (petitions/widget.py): each is
an origin, which goes as it is into the embed pages' Content-Security-Policy `frame-ancestors`,
so only a plain `https://host[:port]` passes, rebuilt from its parts: nothing else a header
could carry (spaces, quotes, semicolons, wildcards) gets through."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

# Hosts a developer's own machine serves partner pages from, over plain http.
LOCAL_HOSTS = {"localhost", "127.0.0.1"}


def clean_origins(text):
    """The origins in `text` (one a line, blank lines skipped) in their plain form, or a
    ValidationError naming the first line that is not one."""
    origins = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = clean_origin(line.strip())
        if origin is None:
            raise ValidationError(
                _(
                    "Line %(number)s is not the address of a site: write it as "
                    "https://example.org, without a page, one site a line."
                ),
                code="origin",
                params={"number": number},
            )
        if origin not in origins:
            origins.append(origin)
    return origins


def clean_origin(text):
    """`text` as `scheme://host[:port]`, lower case, the host in ASCII; None if it is not one."""
    try:
        parts = urlsplit(text)
        port = parts.port
        host = parts.hostname.encode("idna").decode("ascii") if parts.hostname else ""
    except (ValueError, UnicodeError):
        return None
    scheme = parts.scheme.lower()
    if parts.username is not None or parts.path not in ("", "/") or parts.query or parts.fragment:
        return None
    if text.rstrip("/").lower() != f"{scheme}://{parts.netloc}".lower():
        return None  # something urlsplit set aside: a backslash, a stray character
    local = settings.DEBUG and host in LOCAL_HOSTS
    if scheme != "https" and not (scheme == "http" and local):
        return None
    origin = f"{scheme}://{host}" + (f":{port}" if port is not None else "")
    if not local:
        try:
            URLValidator(schemes=["https"])(origin)
        except ValidationError:
            return None
    return origin


def origin_of(url):
    """The origin of the address `url`, as clean_origin writes it; None when it has none."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return clean_origin(f"{parts.scheme}://{parts.netloc}")
