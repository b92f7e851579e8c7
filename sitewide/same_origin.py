"""Forms defended against cross-site request forgery by what the browser says, not by a token.

A CSRF token differs for each visitor and needs a cookie, so a page that holds one cannot be the
same for everyone, nor come from a cache. The petition's sign form, on the page a surge reads,
is defended instead as Go's net/http CrossOriginProtection does it, from headers that every
current browser adds to a request and that no page can set:

- Sec-Fetch-Site (every current browser): "same-origin", or "none" (typed or bookmarked), is
  let through; "cross-site" and "same-site" (another subdomain, maybe not ours) are refused.
- Without it, Origin (on every cross-origin POST since 2020): this site's own origin, or one of
  CSRF_TRUSTED_ORIGINS, is let through; any other, "null" included, is refused.
- With neither, the request comes from no browser (a script, which could fetch a token as well)
  or from one older than both headers: it is let through.

The form signs nobody in and a signature counts only once its email is confirmed, so the
browsers this lets through put nobody at risk; the other forms keep Django's tokens.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import get_callable
from django.utils.http import is_same_domain
from django.views.decorators.csrf import csrf_exempt

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
SAME_ORIGIN_FETCHES = {"same-origin", "none"}


def is_cross_site(request):
    """Whether a browser says that this request comes from a page of another site."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site.lower() not in SAME_ORIGIN_FETCHES
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    return not _trusted(origin, request)


def _trusted(origin, request):
    if origin == f"{request.scheme}://{request.get_host()}":
        return True
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return True
    try:
        parsed = urlsplit(origin)
    except ValueError:
        return False
    for trusted in settings.CSRF_TRUSTED_ORIGINS:
        allowed = urlsplit(trusted)
        if (
            "*" in allowed.netloc
            and parsed.scheme == allowed.scheme
            and is_same_domain(parsed.netloc, allowed.netloc.lstrip("*"))
        ):
            return True
    return False


def same_origin_only(view):
    """Refuse a cross-site request that could change something, with the CSRF failure page
    (403), instead of Django's token check."""

    @csrf_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in SAFE_METHODS and is_cross_site(request):
            refused = get_callable(settings.CSRF_FAILURE_VIEW)
            return refused(request, reason="Cross-site request (Sec-Fetch-Site or Origin).")
        return view(request, *args, **kwargs)

    return wrapped
