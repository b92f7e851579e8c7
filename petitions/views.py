import json
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from django.core.signing import BadSignature, SignatureExpired
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods, require_safe

from petitions import links, receipt, share_cards, signing, spam
from petitions.counter import fresh_count
from petitions.forms import SignatureForm
from petitions.models import Petition, Signature
from sitewide import artwork_files, page_cache
from sitewide.client_ip import client_ip
from sitewide.same_origin import same_origin_only
from sitewide.views import rate_limited

RECENT_SIGNERS = 8
# What signing a petition reads of it (_petition_for_signing).
SIGNING_FIELDS = ("id", "slug", "status", "opens_at", "closes_at")
# The one thing per visitor in the sign form, as the cached page holds it
# (sitewide/page_cache.py): filled in on each request with a start token dated by that request.
STARTED_PLACEHOLDER = "start-token-of-this-visitor"
# count.json's figures, kept COUNT_FRESH_SECONDS in each process's own memory.
LIVE_COUNTS = LocMemCache("petitions-live-counts", {"MAX_ENTRIES": 1000})
COUNT_FRESH_SECONDS = 1


@require_safe
@page_cache.public_response
def petition_list(request):
    petitions = Petition.objects.published().select_related("campaign")
    return render(
        request,
        "petitions/petition_list.html",
        {"open_petitions": petitions.open(), "closed_petitions": petitions.closed()},
    )


def _published_petition(slug):
    return get_object_or_404(Petition.objects.published().select_related("campaign"), slug=slug)


def _petition_for_signing(slug):
    """The published petition `slug`, with what signing reads (SIGNING_FIELDS), from the shared
    cache until an organiser edits content (page_cache's version): a rush of signatures costs
    no query for it. Whether it is open is still decided at each request, from its dates."""
    key = f"petitions:for-signing:{page_cache.digest(slug)}"
    values = page_cache.cached_for_version(key, lambda: _signing_values(slug))
    return Petition.from_db("default", SIGNING_FIELDS, values)


def _signing_values(slug):
    found = list(Petition.objects.published().filter(slug=slug).values_list(*SIGNING_FIELDS))
    if not found:
        raise Http404
    return found[0]


def _render(request, petition, template, context, status=200):
    """Render a petition's page: the interface in the address's language, the petition in it
    where translated, else in its main language (its `content_language`, set as `lang`)."""
    return render(request, template, {"petition": petition, **context}, status=status)


# Cross-site forgery is refused by what the browser says (Sec-Fetch-Site, Origin), not by a
# token: a token would make the page differ for each visitor and set a cookie.
@same_origin_only
@require_http_methods(["GET", "HEAD", "POST"])
@spam.allow_recaptcha
def petition_detail(request, slug):
    if request.method == "POST":
        return _form_sent(request, slug)
    response = page_cache.cached_page(
        request,
        lambda: _page_for_everyone(request, slug),
        fill=_fill_in_start_token,
        variant="recaptcha" if spam.recaptcha_enabled() else "",
    )
    # The start token is dated by this request: no proxy may hand the page to anyone else.
    patch_cache_control(response, private=True)
    return response


def _page_for_everyone(request, slug):
    """The page as every visitor gets it, with a placeholder for the form's start token; and
    the petition's id, to fill it in."""
    petition = fresh_count(_published_petition(slug))
    form = None
    if petition.is_open:
        form = SignatureForm(petition=petition)
        form.initial["started"] = STARTED_PLACEHOLDER
    return _detail_page(request, petition, form), petition.pk


def _fill_in_start_token(content, petition_id):
    if STARTED_PLACEHOLDER not in content:  # a closed petition: no form
        return content
    return content.replace(STARTED_PLACEHOLDER, spam.form_started_token_for(petition_id))


def _form_sent(request, slug):
    # No counter fold-in here: pages and count.json do it (and cron).
    petition = _petition_for_signing(slug)
    if not petition.is_open:
        return _detail_page(request, _published_petition(slug), None)
    if spam.rate_limited(request, petition):
        return rate_limited(request)
    form = SignatureForm(request.POST, petition=petition)
    if form.is_valid():
        return _sign(request, petition, form)
    return _detail_page(request, _published_petition(slug), form, status=400)


def _detail_page(request, petition, form, status=200, **context):
    """The petition's page rendered for this request (never from the cache)."""
    recent = petition.signatures.recent_public()[:RECENT_SIGNERS]
    context |= {"form": form, "recent_signers": recent, "demands": petition.demands.all()}
    return _render(request, petition, "petitions/petition_detail.html", context, status=status)


def _sign(request, petition, form):
    try:
        signature, verdict = sign_from_form(request, petition, form)
    except signing.SigningError:
        # Closed between showing and sending the form: the page now says so.
        return redirect(petition)
    # Everyone, bots included, lands on the same page, with a receipt of the same shape.
    response = redirect("petitions:thanks", slug=petition.slug)
    receipt.give(
        response,
        petition=petition,
        signature=signature,
        email=form.cleaned_data["email"],
        is_spam=verdict.is_spam,
    )
    return response


def sign_from_form(request, petition, form, **extra):
    """Judge a valid sign form (petitions.spam) and sign with it (petitions.signing); returns
    (signature, verdict). `extra` goes to signing.sign. Raises signing.SigningError."""
    data = form.cleaned_data
    ip = client_ip(request)
    verdict = spam.judge(petition=petition, data=data, captcha_outcome=form.captcha_outcome, ip=ip)
    signature = signing.sign(
        petition=petition,
        first_name=data["first_name"],
        last_name=data["last_name"],
        email=data["email"],
        country=data["country"],
        postal_code=data["postal_code"],
        wants_updates=data["wants_updates"],
        show_publicly=data["show_publicly"],
        language=translation.get_language(),
        ip=ip,
        verdict=verdict,
        **extra,
    )
    return signature, verdict


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """The link in the confirmation email. Opening it only shows what would be confirmed, with
    one button: mail scanners follow links, and nobody must appear on a petition because one
    opened a mail someone else triggered. The button's POST confirms. Idempotent."""
    max_age = settings.PETITIONS_CONFIRM_DAYS * 24 * 3600
    try:
        signature = links.signature_from_token(token, links.CONFIRM_SALT, max_age=max_age)
    except SignatureExpired:
        signature = links.signature_from_expired_token(token, links.CONFIRM_SALT)
        if signature is not None and signature.status == Signature.Status.CONFIRMED:
            # Idempotent even after expiry: a later click on a used link is still a success.
            return _confirmed(request, signature)
        context = {"petition": signature.petition if signature else None, "expired": True}
        return render(request, "petitions/link_problem.html", context, status=410)
    except BadSignature:
        return render(request, "petitions/link_problem.html", {"petition": None}, status=400)
    if signature is None or signature.status == Signature.Status.WITHDRAWN:
        return render(request, "petitions/link_problem.html", {"petition": None}, status=404)
    petition = signature.petition
    if signature.status == Signature.Status.CONFIRMED:
        return _confirmed(request, signature)
    if signature.status == Signature.Status.PENDING and not petition.is_open:
        context = {"petition": petition, "closed": True}
        return render(request, "petitions/link_problem.html", context, status=404)
    shown = links.details_fingerprint(signature)
    if request.method == "POST" and request.POST.get("shown") == shown:
        try:
            signing.confirm(signature_id=signature.pk)
        except signing.SigningError as error:  # withdrawn or closed since the page was shown
            context = {"petition": petition, "closed": error.code == "closed"}
            return render(request, "petitions/link_problem.html", context, status=404)
        return _confirmed(request, signature)
    # A POST whose details changed since the page was shown asks again, with what is now there.
    context = {"signature": signature, "shown": shown, "changed": request.method == "POST"}
    return _render(request, petition, "petitions/confirm.html", context)


def _confirmed(request, signature):
    petition = signature.petition
    context = {"share_url": request.build_absolute_uri(petition.get_absolute_url())}
    if signature.via_widget and petition.partner_return_url:
        # Only the organiser's configured page, never an address from the request.
        context["return_url"] = petition.partner_return_url
        context["partner"] = urlsplit(petition.partner_return_url).hostname
    return _render(request, petition, "petitions/confirmed.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def withdraw(request, token):
    # A GET only asks: mail scanners follow links, and must not withdraw anyone.
    try:
        signature = links.signature_from_token(token, links.WITHDRAW_SALT)
    except BadSignature:
        signature = None
    if signature is None or signature.anonymised_at:
        return render(request, "petitions/link_problem.html", {"petition": None}, status=404)
    petition = signature.petition
    done = signature.status == Signature.Status.WITHDRAWN
    if request.method == "POST" and not done:
        signing.withdraw(signature_id=signature.pk)
        done = True
    return _render(request, petition, "petitions/withdraw.html", {"done": done})


@require_safe
def count_json(request, slug):
    """The live counter's figures, which every open page asks for every few seconds. Each
    process keeps them COUNT_FRESH_SECONDS in its own memory: no round trip to Redis."""
    key = f"petitions:count:{page_cache.digest(slug)}"
    content = LIVE_COUNTS.get(key)
    if content is None:
        petition = fresh_count(get_object_or_404(Petition.objects.published(), slug=slug))
        figures = {
            "count": petition.signature_count,
            "goal": petition.current_goal,
            "closed": petition.is_closed,
        }
        content = json.dumps(figures)
        LIVE_COUNTS.set(key, content, timeout=COUNT_FRESH_SECONDS)
    response = HttpResponse(content, content_type="application/json")
    patch_cache_control(response, public=True, max_age=3)
    return response


@require_safe
def share_card(request, slug):
    """The petition's share card in this address's language (og:image); the campaign's share
    image, or the site's, until it is drawn. One found out of date is queued for drawing."""
    petition = _published_petition(slug)
    if petition.share_cards.get("source") != share_cards.source(petition):
        artwork_files.queue_once(share_cards.render_cards, petition.pk)
    campaign_image = petition.campaign.visual if petition.campaign else {}
    names = [petition.share_card.get("share_name"), campaign_image.get("share_name")]
    return artwork_files.serve_png(request, names)
