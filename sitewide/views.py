"""Site-wide pages: the home page, which gathers campaigns and petitions, the health check,
robots.txt, privacy, accessibility, and the error pages every app shows."""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views import i18n
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from campaigns.models import Campaign, CaseUpdate, Event, Hearing
from petitions.models import Petition, WebhookEndpoint, WebhookEvent
from petitions.receipt import RECEIPT_SECONDS
from petitions.spam import recaptcha_enabled
from sitewide import page_cache

LATEST_UPDATES_ON_HOME = 5
NEXT_EVENTS_ON_HOME = 3
NEXT_HEARINGS_ON_HOME = 3
OPEN_PETITIONS_ON_HOME = 3


def home(request):
    return page_cache.public_page(request, lambda: _home(request))


def _home(request):
    latest_updates = CaseUpdate.objects.published().select_related("campaign")
    next_events = Event.objects.published().upcoming().select_related("campaign")
    next_hearings = Hearing.objects.published().upcoming().select_related("campaign")
    return render(
        request,
        "sitewide/home.html",
        {
            "campaigns": Campaign.objects.published(),
            "open_petitions": Petition.objects.open()[:OPEN_PETITIONS_ON_HOME],
            "latest_updates": latest_updates[:LATEST_UPDATES_ON_HOME],
            "next_events": next_events[:NEXT_EVENTS_ON_HOME],
            "next_hearings": next_hearings[:NEXT_HEARINGS_ON_HOME],
        },
    )


@never_cache
@require_safe
def healthz(request):
    """For load balancers, Docker and monitoring: 503 when the database does not answer.

    When only the cache is down the site still serves pages and takes signatures (rate limits
    fail open), so the answer stays 200, saying "degraded": taking the web servers out of
    service or restarting them would not bring Redis back. Monitoring alerts on "degraded".
    """
    database_up = _database_answers()
    cache_up = _cache_answers()
    if not database_up:
        status, code = "unavailable", 503
    else:
        status, code = ("ok" if cache_up else "degraded"), 200
    return JsonResponse(
        {
            "status": status,
            "database": "up" if database_up else "down",
            "cache": "up" if cache_up else "down",
        },
        status=code,
    )


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


def _cache_answers():
    """Whether the cache keeps a value: with Redis down, django-redis answers every read with a
    miss (settings.CACHE_OUTAGE_OPTIONS). A key of its own, so probes never race each other."""
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, 1, timeout=10)
        kept = cache.get(key) == 1
        cache.delete(key)
    except Exception:  # a backend that raises when it is down: an answer all the same
        return False
    return kept


def set_language(request):
    """Django's set_language (the admin's language switch, and any form that posts to it),
    reading the page to go back to in the language of that page's own address: Django's reads
    it in the language of this request, which has no prefix, so from a French page (/fr/...) it
    found no page and sent the visitor back to the French one."""
    back = request.POST.get("next", request.GET.get("next")) or request.META.get("HTTP_REFERER")
    try:
        path = urlsplit(back or "").path
    except ValueError:  # not an address at all: Django's view refuses it
        path = ""
    with translation.override(translation.get_language_from_path(path)):
        return i18n.set_language(request)


@require_safe
def robots_txt(request):
    """Crawlers may read the public pages; the admin and the forms are not for them."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/join/",
        "Disallow: /*/photos/send/",
        "Disallow: /*/messages/write/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def privacy(request):
    """The privacy notice, its controller, contact and delays from the settings in force."""
    return render(
        request,
        "sitewide/privacy.html",
        {
            "anonymise_after_days": settings.PETITIONS_ANONYMISE_AFTER_DAYS,
            "confirm_days": settings.PETITIONS_CONFIRM_DAYS,
            "letter_email_days": settings.LETTERS_KEEP_EMAIL_DAYS,
            "my_data_days": settings.PETITIONS_MY_DATA_DAYS,
            "receipt_minutes": RECEIPT_SECONDS // 60,
            "recaptcha": recaptcha_enabled(),
            # Whether signers who opt in go to the organiser's own tools (petitions.webhooks).
            "webhooks": WebhookEndpoint.objects.listening_to(WebhookEvent.CONFIRMED),
        },
    )


def accessibility(request):
    return render(request, "sitewide/accessibility.html")


def bad_request(request, exception=None):
    """A request Django could not read: a body in another charset than UTF-8, a forged host.

    Django's own bad_request view runs the CSRF check again, which reads the body again; a form
    body in latin-1 raises on every read, and that second raise turned the 400 into a 500. This
    view never touches request.POST.
    """
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered with the request so the page keeps the site's layout and language; the
    # template touches no database, so it renders even when the error came from there.
    return render(request, "500.html", status=500)


def rate_limited(request, exception=None):
    """Shown by django-ratelimit (RATELIMIT_VIEW) when someone sends too many requests."""
    return render(request, "429.html", status=429)


def service_unavailable(request):
    response = render(request, "503.html", status=503)
    response["Retry-After"] = "30"
    return response
