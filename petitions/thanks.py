"""The page every submission of the sign form lands on, and what it offers the browser that
signed (petitions.receipt): the address the email went to, "send it again" and "wrong address?
sign again"."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_POST, require_safe
from django_ratelimit.core import is_ratelimited

from petitions import receipt, signing
from petitions.forms import SignatureForm
from petitions.views import _detail_page, _petition_for_signing, _published_petition, _render
from sitewide import page_cache
from sitewide.same_origin import same_origin_only
from sitewide.views import rate_limited

# Per visitor address, each flow on its own: "send again" sends at most one email an hour to a
# mailbox anyway (signing.REPEAT_EMAIL_EVERY); these bound what one visitor may ask for.
RESEND_RATE = "5/h"
SIGN_AGAIN_RATE = "5/h"


@require_safe
def thanks(request, slug):
    """The same page for everyone, bots included, from the shared cache; the browser that
    signed sees where the email went, filled in on its own answer, which nothing may keep."""
    shown = receipt.read(request, slug)

    def fill(content, _data):
        return receipt.fill_in(content, shown)

    if page_cache.has_session(request):  # an organiser: rendered afresh, as public_page does
        response = _thanks_page(request, slug)
        response.content = fill(response.content.decode(), None)
        patch_cache_control(response, private=True)
    else:
        response = page_cache.cached_page(
            request, lambda: (_thanks_page(request, slug), None), fill=fill
        )
        if shown is None:
            return page_cache.public(response)
    return response if shown is None else _for_this_browser_alone(response)


@same_origin_only
@require_POST
def resend(request, slug):
    """Send the email again, to the address of this browser's receipt."""
    petition = _petition_for_signing(slug)
    if _rate_limited(request, "resend", RESEND_RATE):
        return rate_limited(request)
    shown = receipt.read(request, slug)
    if shown is None:  # expired, or another browser: the page says where to go from here
        return redirect("petitions:thanks", slug=slug)
    if shown.genuine and petition.is_open:
        signing.resend(signature_id=shown.signature_id, email=shown.email)
    response = _thanks_page(request, slug, sent_again=True)
    response.content = receipt.fill_in(response.content.decode(), shown)
    return _for_this_browser_alone(response)


@same_origin_only
@require_POST
def sign_again(request, slug):
    """A mistyped address: its unconfirmed signature is withdrawn (nobody there can confirm
    it, and it blocks nobody), and the form is shown again, empty, to sign with the right one."""
    petition = _petition_for_signing(slug)
    if _rate_limited(request, "sign_again", SIGN_AGAIN_RATE):
        return rate_limited(request)
    shown = receipt.read(request, slug)
    if shown is not None and shown.genuine:
        signing.discard(signature_id=shown.signature_id, email=shown.email)
    form = SignatureForm(petition=petition) if petition.is_open else None
    context = {"withdrawn_address": shown.email if shown else None}
    response = _detail_page(request, _published_petition(slug), form, **context)
    receipt.take_back(response, slug)
    return _for_this_browser_alone(response)


def _rate_limited(request, flow, rate):
    return is_ratelimited(
        request,
        group=f"petitions.{flow}",
        key="ip",
        rate=rate,
        method="POST",
        increment=True,
    )


def _thanks_page(request, slug, **context):
    petition = _published_petition(slug)
    # The forms post to this page's own address, in the language of the request (the one the
    # receipt's cookie is sent to), whatever language the page is written in.
    context |= {
        "share_url": request.build_absolute_uri(petition.get_absolute_url()),
        "next_event": _next_event(petition),
        "resend_url": reverse("petitions:resend", args=[slug]),
        "sign_again_url": reverse("petitions:sign_again", args=[slug]),
        "address_placeholder": receipt.ADDRESS_PLACEHOLDER,
    }
    return _render(request, petition, "petitions/thanks.html", context)


def _next_event(petition):
    """The campaign's next event, offered after signing when the petition names no next action."""
    if petition.next_action_url or petition.campaign is None:
        return None
    return petition.campaign.events.published().upcoming().first()


def _for_this_browser_alone(response):
    """A page that shows a receipt's address (or a form's start token): no cache may keep it."""
    patch_cache_control(response, private=True, no_store=True)
    return response
