"""What the site holds about a signer, to download (JSON) or erase, from the link in every email
to them. The link is signed for one signature and works PETITIONS_MY_DATA_DAYS days; it stands
for the mailbox: it shows every signature made with the same address, and no one else's.

Signing again gets a fresh link (in the "already signed" email, or the new confirmation).
"""

import json

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from petitions import anonymisation, links, webhooks
from petitions.models import Recipient, Signature

SALT = "petitions.my-data"


def my_data_token(signature):
    return signing.dumps(signature.pk, salt=SALT)


def signatures_of(signature):
    """The signatures made with the mailbox of `signature` and not erased yet."""
    if signature.anonymised_at or not signature.email_normalised:
        return Signature.objects.none()
    return Signature.objects.not_anonymised().filter(email_normalised=signature.email_normalised)


def _iso(moment):
    return moment.isoformat() if moment else None


def held_about(signature):
    """Everything the site holds about the signer of `signature`, as a JSON-ready dict."""
    entries = []
    signatures = signatures_of(signature).select_related("petition").order_by("created_at")
    for held in signatures:
        sent = held.mailings_received.filter(status=Recipient.Status.SENT).select_related("mailing")
        entries.append(
            {
                "petition": held.petition.title,
                "petition_address": settings.SITE_URL.rstrip("/")
                + held.petition.get_absolute_url(),
                "first_name": held.first_name,
                "last_name": held.last_name,
                "email": held.email,
                "country": held.country.code,
                "postal_code": held.postal_code,
                "language": held.language,
                "status": held.status,
                "consents": {
                    "updates_from_the_organiser": held.wants_updates,
                    "listed_publicly": held.show_publicly,
                },
                "signed_at": _iso(held.created_at),
                "confirmed_at": _iso(held.confirmed_at),
                "unsubscribed_at": _iso(held.unsubscribed_at),
                "emails_from_the_organiser": [
                    {"subject": str(received.mailing), "sent_at": _iso(received.sent_at)}
                    for received in sent
                ],
            }
        )
    return {"email": signature.email, "signatures": entries}


def erase(*, signature_id):
    """Erase what the site holds about the signer of `signature_id`, on every petition they
    signed with that address: names, address, postal code and scrambled IP go, as when a
    petition's data is anonymised. A confirmed signature still counts, without a name; one
    not confirmed yet is withdrawn (it never counted). No more emails. Returns how many."""
    with transaction.atomic():
        signature = Signature.objects.filter(pk=signature_id).first()
        if signature is None:
            return 0
        ids = list(signatures_of(signature).select_for_update().values_list("pk", flat=True))
        erased = Signature.objects.filter(pk__in=ids)
        erased.filter(status=Signature.Status.PENDING).update(status=Signature.Status.WITHDRAWN)
        erased.filter(unsubscribed_at__isnull=True).update(unsubscribed_at=timezone.now())
        Recipient.objects.filter(signature_id__in=ids, status=Recipient.Status.PENDING).update(
            status=Recipient.Status.SKIPPED
        )
        count = anonymisation.anonymise(erased)
        webhooks.signatures_erased(erased)
        return count


def _signature_or_problem(request, token):
    """(the link's signature, None), or (None, the page that says what is wrong)."""
    try:
        max_age = settings.PETITIONS_MY_DATA_DAYS * 24 * 3600
        signature = links.signature_from_token(token, SALT, max_age=max_age)
    except signing.SignatureExpired:
        expired = links.signature_from_expired_token(token, SALT)
        context = {"petition": expired.petition if expired else None, "expired": True}
        return None, _problem(request, context, status=410)
    except signing.BadSignature:
        return None, _problem(request, {"petition": None}, status=400)
    if signature is None:
        return None, _problem(request, {"petition": None}, status=404)
    return signature, None


def _problem(request, context, status):
    context["my_data"] = True
    return render(request, "petitions/link_problem.html", context, status=status)


@never_cache
@require_safe
def my_data_page(request, token):
    signature, problem = _signature_or_problem(request, token)
    if problem:
        return problem
    held = signatures_of(signature).select_related("petition").order_by("created_at")
    return render(request, "petitions/my_data.html", {"token": token, "signatures": held})


@never_cache
@require_safe
def my_data_download(request, token):
    signature, problem = _signature_or_problem(request, token)
    if problem:
        return problem
    content = json.dumps(held_about(signature), ensure_ascii=False, indent=2)
    response = HttpResponse(content, content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def my_data_erase(request, token):
    # A GET only asks: mail scanners follow links.
    signature, problem = _signature_or_problem(request, token)
    if problem:
        return problem
    done = False
    if request.method == "POST":
        erase(signature_id=signature.pk)
        done = True
    context = {"token": token, "done": done, "signatures": signatures_of(signature)}
    return render(request, "petitions/my_data_erase.html", context)
