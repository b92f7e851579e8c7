"""The petition on a partner organisation's site: an embed page with the counter and the sign
form, and one with the counter alone, for an <iframe> (the snippets are in the admin).

Framing: only the origins the organiser listed for the petition may frame them (CSP
`frame-ancestors`, and no X-Frame-Options); with none listed, no site may, as for every other
page of the site, though the pages still work opened directly.

Signing in the frame needs no cookie, so it works with third-party cookies blocked: in a
partner's frame every cookie of ours is a third-party one (a SameSite=Lax CSRF cookie would not
even be sent with the frame's POST). The form is defended as the petition page's is
(sitewide/same_origin.py: the frame's POST is same-origin by Sec-Fetch-Site, a forged one from
the partner's page or elsewhere is cross-site), plus the form's signed start token, the
honeypot, the rate limits and the other spam layers (petitions/spam.py). A forged signature
would gain nothing anyway: it is counted only once its email is confirmed. The thanks is the
POST's answer itself, rendered at once (no redirect to a page that reads a receipt cookie).
"""

from functools import wraps

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.csp import CSP
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from petitions import signing, spam
from petitions.counter import fresh_count
from petitions.forms import SignatureForm
from petitions.models import Petition
from petitions.views import (
    STARTED_PLACEHOLDER,
    _fill_in_start_token,
    _petition_for_signing,
    _published_petition,
    _render,
    sign_from_form,
)
from sitewide import page_cache
from sitewide.same_origin import same_origin_only
from sitewide.views import rate_limited


def _partner_origins(slug):
    """The origins that may frame the petition `slug`'s embed pages; cached until an edit."""

    def origins():
        found = Petition.objects.published().filter(slug=slug).values_list("partner_origins")
        return found[0][0].split() if found else []

    return page_cache.cached_for_version(f"petitions:partners:{page_cache.digest(slug)}", origins)


def framed_by_partners(view):
    """Let the petition's partner sites, and them alone, frame the view's answers."""

    @wraps(view)
    def wrapped(request, slug, *args, **kwargs):
        response = view(request, slug, *args, **kwargs)
        origins = _partner_origins(slug)
        # On top of the policy the view chose (the sign form's widens it for reCAPTCHA).
        policy = getattr(response, "_csp_config", settings.SECURE_CSP)
        response._csp_config = {**policy, "frame-ancestors": origins or [CSP.NONE]}
        # X-Frame-Options knows no list of sites: without it, the CSP above decides.
        response.xframe_options_exempt = bool(origins)
        return response

    return wrapped


@framed_by_partners
@same_origin_only
@require_http_methods(["GET", "HEAD", "POST"])
@spam.allow_recaptcha
def embed(request, slug):
    """The counter and the sign form, compact; the same for everyone but the start token."""
    if request.method == "POST":
        return _form_sent(request, slug)
    response = page_cache.cached_page(
        request,
        lambda: _embed_for_everyone(request, slug),
        fill=_fill_in_start_token,
        variant="recaptcha" if spam.recaptcha_enabled() else "",
    )
    patch_cache_control(response, private=True)
    return response


@framed_by_partners
@require_safe
def embed_counter(request, slug):
    """The counter alone, with a link to the petition: the same for everyone."""

    def render():
        petition = fresh_count(_published_petition(slug))
        return _render(request, petition, "petitions/embed/counter.html", {})

    return page_cache.public_page(request, render)


def _embed_for_everyone(request, slug):
    petition = fresh_count(_published_petition(slug))
    form = None
    if petition.is_open:
        form = SignatureForm(petition=petition)
        form.initial["started"] = STARTED_PLACEHOLDER
    return _embed_page(request, petition, form), petition.pk


def _embed_page(request, petition, form, status=200):
    return _render(request, petition, "petitions/embed/sign.html", {"form": form}, status=status)


def _form_sent(request, slug):
    petition = _petition_for_signing(slug)
    if not petition.is_open:
        return _embed_page(request, fresh_count(_published_petition(slug)), None)
    if spam.rate_limited(request, petition):
        return rate_limited(request)
    form = SignatureForm(request.POST, petition=petition)
    if not form.is_valid():
        return _embed_page(request, fresh_count(_published_petition(slug)), form, status=400)
    try:
        sign_from_form(request, petition, form, via_widget=True)
    except signing.SigningError:  # closed between showing and sending the form
        return _embed_page(request, fresh_count(_published_petition(slug)), None)
    # Everyone, bots included, sees the same thanks, with the address they typed.
    context = {"email": form.cleaned_data["email"]}
    response = _render(request, _published_petition(slug), "petitions/embed/thanks.html", context)
    patch_cache_control(response, private=True, no_store=True)
    return response


# Heights that show each embed whole at a phone's width; the partner may change them.
SNIPPETS = [
    ("petitions:embed", _("Counter and sign form"), 1200),
    ("petitions:embed_counter", _("Counter only"), 360),
]


def snippets(petition):
    """The <iframe> snippets to copy, for each language the petition is written in:
    [(language name, [(what it shows, snippet)])]."""
    found = []
    for language in petition.translated_languages():
        with translation.override(language):
            title = petition.text_in("title", language)
            codes = [
                (label, _snippet(name, petition.slug, title, height))
                for name, label, height in SNIPPETS
            ]
        found.append((translation.get_language_info(language)["name_local"], codes))
    return found


def _snippet(name, slug, title, height):
    src = settings.SITE_URL.rstrip("/") + reverse(name, args=[slug])
    return format_html(
        '<iframe src="{}" title="{}" width="100%" height="{}" style="border: 0" '
        'loading="lazy"></iframe>',
        src,
        title,
        height,
    )
