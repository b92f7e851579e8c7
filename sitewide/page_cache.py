"""Rendered pages kept a few seconds in the shared cache, so that a surge of visitors costs one
render of each page every few seconds instead of one per visitor.

- An entry is keyed by the page's address (scheme, host and path: no query string, so that a
  tracking parameter costs no render; nothing on a cached page reads the query) and language.
- It is fresh for `fresh_for` seconds (the counters it shows are at most that old). Then the
  first request to find it stale renders it again while the others are still served the stale
  copy, so an expiry under load costs one render, not one per waiting visitor.
- Every entry carries the site's content version, which changes whenever an organiser saves or
  deletes published content (CONTENT_MODELS), at once and again once the transaction commits:
  an edit shows on the next request, never after a timeout.
- What is per visitor is never in an entry: the view fills it in on each request (`fill`), such
  as the sign form's start token.
- Only answers 200 are kept. While the cache is down every request renders, as before.
- A request with a session (an organiser signed in to the admin) neither reads nor writes an
  entry: what staff alone see (previews, the notice of a missing translation) is never kept.

Facts that only organisers change (what signing reads of a petition) are kept under the same
version (`cached_for_version`).

Pages with nothing per visitor are also marked for the proxy or CDN in front (`public`): it may
keep them SHARED_SECONDS, and a surge of readers then never reaches the site at all.
"""

import hashlib
import time
import uuid
from dataclasses import dataclass
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control

VERSION_KEY = "pages:version"
FRESH_SECONDS = 2
# How long a stale entry may still be served while one request renders the page again.
STALE_SECONDS = 30
# A request renewing a page that dies in the attempt blocks renewal for this long at most.
RENEW_SECONDS = 5
# How long a proxy or CDN in front may keep a page that holds nothing per visitor.
SHARED_SECONDS = 10
# Shown on cached pages: changing any of them changes the content version.
CONTENT_MODELS = [
    "campaigns.Campaign",
    "campaigns.TimelineEntry",
    "campaigns.CaseUpdate",
    "campaigns.Event",
    "campaigns.Hearing",
    "petitions.Petition",
    "petitions.Demand",
]


@dataclass(frozen=True)
class Entry:
    version: str
    fresh_until: float
    content: str
    content_type: str
    data: object  # what `fill` needs, from `render`


def cached_page(request, render, *, fill=None, fresh_for=FRESH_SECONDS, variant=""):
    """The page for this request, from the cache when it holds a copy of it.

    `render()` returns (response, data); an answer 200 is kept (its content and content type:
    the middleware adds the headers on every response). `fill(content, data)` returns the
    content with what is per visitor filled in; it runs on every request. `variant` tells
    apart pages the configuration changes (reCAPTCHA on or off).
    """
    if request.method not in ("GET", "HEAD") or has_session(request):
        response, data = render()
        if fill and response.status_code == 200 and not response.streaming:
            response.content = fill(response.content.decode(response.charset), data)
        return response
    key = _key(request, variant)
    entry, version = _lookup(key)
    if entry is not None:
        content = fill(entry.content, entry.data) if fill else entry.content
        return HttpResponse(content, content_type=entry.content_type)
    try:
        response, data = render()
    except Http404:
        cache.delete(key)  # gone or unpublished: no stale copy of it may be served
        raise
    if response.status_code == 200 and not response.streaming:
        content = response.content.decode(response.charset)
        if version is not None:
            fresh_until = time.time() + fresh_for
            entry = Entry(version, fresh_until, content, response["Content-Type"], data)
            cache.set(key, entry, timeout=fresh_for + STALE_SECONDS)
            cache.delete(_renewing(key))
        if fill:
            response.content = fill(content, data)
    else:
        cache.delete(key)  # no stale copy of a page that no longer renders may be served
    return response


def cached_for_version(key, compute, timeout=300):
    """`compute()`, kept in the shared cache until the content version changes (an organiser's
    edit), for facts that only organisers change. Computed afresh while the cache is down."""
    version, cached = _versioned(key)
    if isinstance(cached, tuple) and len(cached) == 2 and cached[0] == version:
        return cached[1]
    value = compute()
    if version is not None:
        cache.set(key, (version, value), timeout=timeout)
    return value


def has_session(request):
    """Whether the request carries a session: only organisers signed in to the admin have
    one. A request without one never touches the session (which would make the page vary
    with the Cookie header): it gets the page everyone gets."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def public(response):
    """Let the proxy or CDN in front keep an answer 200 for SHARED_SECONDS: it holds nothing
    per visitor. (config.middleware.SharedCacheGuardMiddleware makes it private again should it
    set a cookie or vary with the visitor's cookies after all.)"""
    if response.status_code == 200:
        patch_cache_control(response, public=True, s_maxage=SHARED_SECONDS)
    return response


def public_response(view):
    """A view decorator: `public` on each of the view's answers."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return public(view(request, *args, **kwargs))

    return wrapped


def public_page(request, render):
    """A page the same for every visitor: from the cache, and public. A request with a session
    (an organiser, who may see previews) gets it rendered afresh and private."""
    if has_session(request):
        response = render()
        patch_cache_control(response, private=True)
        return response
    return public(cached_page(request, lambda: (render(), None)))


def bump_version(**_signal_arguments):
    """A new content version: every cached page is rendered again on its next request."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def content_changed(sender, **kwargs):
    """Content shown on cached pages was saved or deleted: bump the version now, so that no
    page renders stale from the cache, and again after the commit, so that no page rendered
    during the transaction (from the data before it) outlives it."""
    bump_version()
    transaction.on_commit(bump_version, using=kwargs.get("using"), robust=True)


def watch_content():
    """Connect `content_changed` to every model of CONTENT_MODELS (from AppConfig.ready)."""
    for name in CONTENT_MODELS:
        model = apps.get_model(name)
        post_save.connect(content_changed, sender=model, dispatch_uid=f"pages.save.{name}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"pages.delete.{name}")


def digest(text):
    """A short fixed-length stand-in for `text` in a cache key (any text, of any length)."""
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _key(request, variant):
    address = request.build_absolute_uri(request.path)
    language = getattr(request, "LANGUAGE_CODE", "")
    return f"pages:{digest(f'{language} {variant} {address}')}"


def _renewing(key):
    return f"{key}:renewing"


def _versioned(key):
    """(the content version, or None when the cache does not answer; what `key` holds), in
    one round trip. A cache without a version yet gets one."""
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        return _first_version(), None
    return version, found.get(key)


def _lookup(key):
    """(a copy to serve or None, the content version or None when the cache does not answer)."""
    version, entry = _versioned(key)
    if not isinstance(entry, Entry) or entry.version != version:
        return None, version
    if time.time() < entry.fresh_until:
        return entry, version
    if cache.add(_renewing(key), 1, timeout=RENEW_SECONDS):
        return None, version  # this request renders it again
    return entry, version  # another one is rendering it: the stale copy meanwhile


def _first_version():
    cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    return cache.get(VERSION_KEY)
