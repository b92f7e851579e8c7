import logging
from functools import wraps

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import DatabaseError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import is_ratelimited

from config.client_ip import client_ip
from config.views import rate_limited
from petitions import services
from petitions.forms import SignatureForm, recaptcha_enabled
from petitions.models import BlockedDomain, BlockedIPRange, Petition, Signature

logger = logging.getLogger(__name__)

RECENT_SIGNERS = 8
# At most one fold-in per petition in this many seconds, whatever the traffic.
FOLD_EVERY_SECONDS = 2


@require_safe
def petition_list(request):
    petitions = Petition.objects.published().select_related("campaign")
    return render(
        request,
        "petitions/petition_list.html",
        {"open_petitions": petitions.open(), "closed_petitions": petitions.closed()},
    )


def _published_petition(slug):
    return get_object_or_404(Petition.objects.published().select_related("campaign"), slug=slug)


def _render(request, petition, template, context, status=200):
    """Render a petition's page in the petition's own language."""
    with translation.override(petition.language):
        return render(request, template, {"petition": petition, **context}, status=status)


def _fresh_count(petition):
    """Fold pending confirmations in now and then (shared cache: once per few seconds).

    A fold that fails is logged; the page shows the count stored so far rather than an error.
    """
    throttle_key = f"petitions:fold:{petition.pk}"
    if not cache.add(throttle_key, 1, timeout=FOLD_EVERY_SECONDS):
        return petition
    try:
        if services.fold_counts(petition_id=petition.pk):
            petition.refresh_from_db(fields=["confirmed_count"])
    except DatabaseError:
        logger.exception("Could not fold the counter changes of petition %s", petition.pk)
    return petition


def _sign_rate_limited(request, petition):
    """Per IP per petition, and per IP across petitions; both count every POST."""
    per_petition = is_ratelimited(
        request,
        group=f"petitions.sign.{petition.pk}",
        key="ip",
        rate=settings.PETITIONS_RATE_PER_PETITION,
        method="POST",
        increment=True,
    )
    overall = is_ratelimited(
        request,
        group="petitions.sign",
        key="ip",
        rate=settings.PETITIONS_RATE_OVERALL,
        method="POST",
        increment=True,
    )
    return per_petition or overall


def allow_recaptcha(view):
    """The sign form is the one page that may load Google's reCAPTCHA, when it is turned on."""

    def policy():
        google = f"https://{getattr(settings, 'RECAPTCHA_DOMAIN', 'www.google.com')}/recaptcha/"
        return {
            **settings.SECURE_CSP,
            "script-src": [CSP.SELF, google, "https://www.gstatic.com/recaptcha/"],
            "frame-src": [google],
            "connect-src": [CSP.SELF, google],
        }

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if recaptcha_enabled():
            return csp_override(policy())(view)(request, *args, **kwargs)
        return view(request, *args, **kwargs)

    return wrapped


@require_http_methods(["GET", "HEAD", "POST"])
@allow_recaptcha
def petition_detail(request, slug):
    petition = _fresh_count(_published_petition(slug))
    form = None
    if petition.is_open:
        if request.method == "POST":
            if _sign_rate_limited(request, petition):
                return rate_limited(request)
            form = SignatureForm(request.POST, petition=petition)
            if form.is_valid():
                return _sign(request, petition, form)
        else:
            form = SignatureForm(petition=petition)
    recent = petition.signatures.recent_public()[:RECENT_SIGNERS]
    return _render(
        request,
        petition,
        "petitions/petition_detail.html",
        {"form": form, "recent_signers": recent, "demands": petition.demands.all()},
        status=400 if form is not None and form.errors else 200,
    )


def _sign(request, petition, form):
    data = form.cleaned_data
    ip = client_ip(request)
    spam_reason = form.spam_reason()
    if not spam_reason and BlockedDomain.blocks(data["email"]):
        spam_reason = Signature.Review.BLOCKED_DOMAIN
    if not spam_reason and BlockedIPRange.blocks(ip):
        spam_reason = Signature.Review.BLOCKED_IP
    try:
        services.sign(
            petition=petition,
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            country=data["country"],
            postal_code=data["postal_code"],
            wants_updates=data["wants_updates"],
            show_publicly=data["show_publicly"],
            ip=ip,
            spam_reason=spam_reason,
            review_reason=form.review_reason(),
        )
    except services.SigningError:
        # Closed between showing and sending the form: the page now says so.
        return redirect(petition)
    # Everyone, bots included, lands on the same page.
    return redirect("petitions:thanks", slug=petition.slug)


def _next_event(petition):
    """The campaign's next event, offered after signing when the petition names no next action."""
    if petition.next_action_url or petition.campaign is None:
        return None
    return petition.campaign.events.published().upcoming().first()


@require_safe
def thanks(request, slug):
    petition = _published_petition(slug)
    share_url = request.build_absolute_uri(petition.get_absolute_url())
    context = {"share_url": share_url, "next_event": _next_event(petition)}
    return _render(request, petition, "petitions/thanks.html", context)


def _signature_from_token(token, salt, max_age=None):
    """The signature a link points at; raises signing errors for broken or expired links."""
    signature_id = signing.loads(token, salt=salt, max_age=max_age)
    if type(signature_id) is not int:  # signed by us, but not a link we send (bool is an int)
        raise signing.BadSignature("Not a signature id")
    return Signature.objects.select_related("petition").filter(pk=signature_id).first()


def _signature_from_expired_token(token, salt):
    try:
        return _signature_from_token(token, salt)
    except signing.BadSignature:
        return None


@require_safe
def confirm(request, token):
    max_age = settings.PETITIONS_CONFIRM_DAYS * 24 * 3600
    try:
        signature = _signature_from_token(token, services.CONFIRM_SALT, max_age=max_age)
    except signing.SignatureExpired:
        signature = _signature_from_expired_token(token, services.CONFIRM_SALT)
        if signature is not None and signature.status == Signature.Status.CONFIRMED:
            # Idempotent even after expiry: a later click on a used link is still a success.
            return _confirmed(request, signature.petition)
        context = {"petition": signature.petition if signature else None, "expired": True}
        return render(request, "petitions/link_problem.html", context, status=410)
    except signing.BadSignature:
        return render(request, "petitions/link_problem.html", {"petition": None}, status=400)
    if signature is None:
        return render(request, "petitions/link_problem.html", {"petition": None}, status=404)
    try:
        signature = services.confirm(signature_id=signature.pk)
    except services.SigningError as error:
        context = {"petition": signature.petition, "closed": error.code == "closed"}
        return render(request, "petitions/link_problem.html", context, status=404)
    return _confirmed(request, signature.petition)


def _confirmed(request, petition):
    share_url = request.build_absolute_uri(petition.get_absolute_url())
    return _render(request, petition, "petitions/confirmed.html", {"share_url": share_url})


@require_http_methods(["GET", "HEAD", "POST"])
def withdraw(request, token):
    # A GET only asks: mail scanners follow links, and must not withdraw anyone.
    try:
        signature = _signature_from_token(token, services.WITHDRAW_SALT)
    except signing.BadSignature:
        signature = None
    if signature is None or signature.anonymised_at:
        return render(request, "petitions/link_problem.html", {"petition": None}, status=404)
    petition = signature.petition
    done = signature.status == Signature.Status.WITHDRAWN
    if request.method == "POST" and not done:
        services.withdraw(signature_id=signature.pk)
        done = True
    return _render(request, petition, "petitions/withdraw.html", {"done": done})


@require_safe
def count_json(request, slug):
    petition = get_object_or_404(Petition.objects.published(), slug=slug)
    petition = _fresh_count(petition)
    response = JsonResponse(
        {
            "count": petition.signature_count,
            "goal": petition.current_goal,
            "closed": petition.is_closed,
        }
    )
    patch_cache_control(response, public=True, max_age=3)
    return response
