"""Unsubscribing from a petition's updates and milestone emails: the link in each of them, and
the one-click POST of RFC 8058 that mail programs send for their own "Unsubscribe" button.

The link's token is signed for one signature and never expires. Opening it only asks (mail
scanners follow links); the page's button POSTs with a CSRF token as any form does. The mail
program's POST carries no token (it has no page): that POST alone is exempt.
"""

from django.core import signing
from django.db import transaction
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from petitions import links, webhooks
from petitions.emails import absolute_url
from petitions.models import Recipient, Signature
from petitions.my_data import my_data_token

SALT = "petitions.unsubscribe"
ONE_CLICK = "One-Click"


def unsubscribe_token(signature):
    return signing.dumps(signature.pk, salt=SALT)


def unsubscribe_url(signature):
    return absolute_url(reverse("petitions:unsubscribe", args=[unsubscribe_token(signature)]))


def unsubscribe(*, signature_id):
    """Stop the updates and milestone emails to a signature; its pending ones are skipped.
    Idempotent: the first date stays. Returns the signature, or None if it is gone."""
    with transaction.atomic():
        signature = Signature.objects.select_for_update().filter(pk=signature_id).first()
        if signature is None:
            return None
        was_subscribed = signature.wants_updates
        signature.wants_updates = False
        signature.unsubscribed_at = signature.unsubscribed_at or timezone.now()
        signature.save(update_fields=["wants_updates", "unsubscribed_at"])
        if was_subscribed and signature.confirmed_at is not None:  # the tools may know of it
            webhooks.signature_unsubscribed(signature)
        pending = Recipient.objects.filter(signature=signature, status=Recipient.Status.PENDING)
        pending.update(status=Recipient.Status.SKIPPED)
    return signature


def _signature(token):
    try:
        signature = links.signature_from_token(token, SALT)
    except signing.BadSignature:
        return None
    if signature is None or signature.anonymised_at:
        return None
    return signature


def _bad_link(request):
    return render(request, "petitions/link_problem.html", {"petition": None}, status=404)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe_view(request, token):
    if request.method == "POST" and request.POST.get("List-Unsubscribe") == ONE_CLICK:
        signature = _signature(token)
        if signature is None:
            return _bad_link(request)
        unsubscribe(signature_id=signature.pk)
        return _page(request, signature, done=True)
    return _unsubscribe_page(request, token)


@csrf_protect
def _unsubscribe_page(request, token):
    signature = _signature(token)
    if signature is None:
        return _bad_link(request)
    done = signature.unsubscribed_at is not None
    if request.method == "POST":
        unsubscribe(signature_id=signature.pk)
        done = True
    return _page(request, signature, done=done)


def _page(request, signature, done):
    context = {
        "petition": signature.petition,
        "done": done,
        "my_data_token": my_data_token(signature),
    }
    return render(request, "petitions/unsubscribe.html", context)
