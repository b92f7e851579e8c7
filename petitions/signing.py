"""Signing a petition, confirming a signature and withdrawing it.

Views, admin actions and commands call these functions; none repeats their steps.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

from petitions import counter, emails, spam
from petitions.addresses import normalise_email
from petitions.models import Signature

# Someone (or a bot) signing again and again with an address gets at most one email in answer
# in this time: the site must not become a way to flood somebody's mailbox.
REPEAT_EMAIL_EVERY = timedelta(hours=1)


class SigningError(Exception):
    """A signature refused; `code` says why (for views, tests and logs)."""

    def __init__(self, code, message=""):
        super().__init__(message or code)
        self.code = code


def hash_ip(ip):
    """A keyed hash of an IP address: enough to group and rate-limit, useless to anyone else."""
    if not ip:
        return ""
    return salted_hmac("petitions.ip", ip, algorithm="sha256").hexdigest()


def sign(
    *,
    petition,
    first_name,
    last_name,
    email,
    country,
    postal_code="",
    wants_updates=False,
    show_publicly=False,
    language=settings.LANGUAGE_CODE,
    ip="",
    verdict=spam.CLEAN,
):
    """Record a signature and email the signer.

    A new address gets a confirmation email. An address whose signature is not confirmed yet
    takes the new details and gets a fresh confirmation; one already confirmed gets an "already
    signed" email. The caller shows the same page either way, so the site never reveals who
    signed, and a repeated submission is answered by at most one email an hour per signature. A spam
    `verdict` (petitions.spam) keeps the signature as spam, uncounted, and sends no email at
    all, not even to an address that has signed; a review verdict records its reason. Raises
    SigningError("closed") when the petition takes no more signatures. `language` is the one the
    signer signed in (the page's): every email to them is in it.
    """
    if not petition.is_open:
        raise SigningError("closed", "This petition is closed.")
    status = Signature.Status.SPAM if verdict.is_spam else Signature.Status.PENDING
    fields = {
        "first_name": first_name,
        "last_name": last_name,
        "email": email,
        "country": country,
        "postal_code": postal_code,
        "wants_updates": wants_updates,
        "show_publicly": show_publicly,
        "language": language,
        "ip_hash": hash_ip(ip),
        "review_reason": verdict.reason,
    }
    try:
        with transaction.atomic():
            signature = Signature.objects.create(petition=petition, status=status, **fields)
        outcome = "new"
    except IntegrityError:
        outcome, signature = _sign_again(petition=petition, status=status, fields=fields)

    if verdict.is_spam or signature.status == Signature.Status.SPAM:
        return signature
    if outcome == "new":
        emails.enqueue(emails.send_confirmation, signature.pk)
    elif _claim_repeat_email(signature):
        if outcome == "replaced":
            Signature.objects.filter(pk=signature.pk).update(confirmation_sent_at=None)
            emails.enqueue(emails.send_confirmation, signature.pk)
        else:
            emails.enqueue(emails.send_already_signed, signature.pk)
    return signature


def _claim_repeat_email(signature):
    """True when no email answered a repeated submission within the hour (and note that one
    does). One conditional UPDATE, so that simultaneous submissions cannot both claim it.
    """
    now = timezone.now()
    recent = Q(already_signed_sent_at__gt=now - REPEAT_EMAIL_EVERY)
    claimed = (
        Signature.objects.filter(pk=signature.pk).exclude(recent).update(already_signed_sent_at=now)
    )
    return claimed == 1


def _sign_again(*, petition, status, fields):
    """Someone signs with an address that has signed. Returns (outcome, signature).

    "new": a withdrawn signature, or one the automatic layers kept as spam, is reopened with the
    new details and needs its first confirmation. "replaced": an unconfirmed one takes the new
    details, since whoever proves the mailbox decides what is published: a stranger who signed
    first with a variant of the address (victim+x@...) cannot squat it. "again": a confirmed
    signature keeps its details.
    """
    with transaction.atomic():
        signature = Signature.objects.select_for_update().get(
            petition=petition, email_normalised=normalise_email(fields["email"])
        )
        if status != Signature.Status.PENDING:
            return "again", signature
        reopenable = signature.status == Signature.Status.WITHDRAWN or (
            signature.status == Signature.Status.SPAM
            and signature.review_reason in spam.AUTOMATIC_SPAM_REASONS
        )
        if reopenable or signature.status == Signature.Status.PENDING:
            for name, value in fields.items():
                setattr(signature, name, value)
            signature.confirmed_at = None
            if reopenable:
                signature.confirmation_sent_at = None
            counter.change_status(signature, Signature.Status.PENDING)
            return ("new" if reopenable else "replaced"), signature
    return "again", signature


def confirm(*, signature_id):
    """Confirm a signature; idempotent, so a second click or a mail scanner changes nothing.

    Returns the signature. Raises SigningError with code "not_found" for a deleted one,
    "withdrawn" for one the signer withdrew and "closed" when the petition closed first.
    """
    with transaction.atomic():
        # Lock the signature row only (of=self): locking the joined petition row as well would
        # make every confirmation queue on it, the hot row this design avoids.
        signature = (
            Signature.objects.select_for_update(of=("self",))
            .select_related("petition")
            .filter(pk=signature_id)
            .first()
        )
        if signature is None:
            raise SigningError("not_found")
        if signature.status == Signature.Status.WITHDRAWN:
            raise SigningError("withdrawn")
        if signature.status == Signature.Status.PENDING and not signature.petition.is_open:
            raise SigningError("closed", "This petition closed before the signature was confirmed.")
        if signature.status == Signature.Status.PENDING:
            counter.change_status(signature, Signature.Status.CONFIRMED)
        # A shadow-banned signature sees the same success page and stays uncounted.
    return signature


def withdraw(*, signature_id):
    """Withdraw a signature (the signer's link in every email). Idempotent.

    The signer's personal data goes at once. The normalised address stays: it keeps the row
    unique, so signing again with the same address reopens this signature.
    """
    with transaction.atomic():
        signature = Signature.objects.select_for_update().filter(pk=signature_id).first()
        if signature is None:
            raise SigningError("not_found")
        if signature.status != Signature.Status.WITHDRAWN:
            signature.first_name = signature.last_name = signature.email = ""
            signature.postal_code = signature.ip_hash = ""
            signature.show_publicly = signature.wants_updates = False
            counter.change_status(signature, Signature.Status.WITHDRAWN)
    return signature
