"""Signing a petition, confirming a signature and withdrawing it.

Views, admin actions and commands call these functions; none repeats their steps.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

from petitions import counter, emails, spam, webhooks
from petitions.addresses import normalise_email
from petitions.models import Signature

# Someone (or a bot) signing again and again with an address gets at most one email in answer
# in this time: the site must not become a way to flood somebody's mailbox.
REPEAT_EMAIL_EVERY = timedelta(hours=1)
# The signatures whose mailbox may be emailed again.
_EMAILED = {Signature.Status.PENDING, Signature.Status.CONFIRMED}


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
    via_widget=False,
):
    """Record a signature and email the signer.

    A new address gets a confirmation email. An address whose signature is not confirmed yet
    takes the new details and gets a fresh confirmation; one already confirmed gets an "already
    signed" email. The caller shows the same page either way, so the site never reveals who
    signed, and a repeated submission is answered by at most one email an hour per signature. A spam
    `verdict` (petitions.spam) keeps the signature as spam, uncounted, and sends no email at
    all, not even to an address that has signed; a review verdict records its reason. Raises
    SigningError("closed") when the petition takes no more signatures. `language` is the one the
    signer signed in (the page's): every email to them is in it. `via_widget`: signed in the
    frame on a partner's site (petitions.widget).
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
        "via_widget": via_widget,
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
    else:
        _answer_again(signature)
    return signature


def _answer_again(signature):
    """Email a mailbox that was emailed before: a fresh confirmation for an unconfirmed
    signature, "already signed" for a confirmed one; nothing if one went within the hour."""
    if not _claim_repeat_email(signature):
        return
    if signature.status == Signature.Status.PENDING:
        Signature.objects.filter(pk=signature.pk).update(confirmation_sent_at=None)
        emails.enqueue(emails.send_confirmation, signature.pk)
    else:
        emails.enqueue(emails.send_already_signed, signature.pk)


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

    "reopened": a withdrawn signature, or one the automatic layers kept as spam, is reopened
    with the new details and needs a confirmation again (within the hour limit of repeated
    emails, since a signature withdrawn from the thanks page, `discard`, had one a moment ago).
    "replaced": an unconfirmed one takes the new details, since whoever proves the mailbox
    decides what is published: a stranger who signed first with a variant of the address
    (victim+x@...) cannot squat it. "again": a confirmed signature keeps its details.
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
            return ("reopened" if reopenable else "replaced"), signature
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
            webhooks.signature_confirmed(signature)
        # A shadow-banned signature sees the same success page and stays uncounted.
    return signature


def withdraw(*, signature_id):
    """Withdraw a signature (the signer's link in every email). Idempotent.

    The signer's personal data goes at once. The normalised address stays: it keeps the row
    unique, so signing again with the same address reopens this signature, and gets an email at
    once (the mailbox's owner followed the link: the hour limit of repeated emails starts anew).
    """
    with transaction.atomic():
        signature = Signature.objects.select_for_update().filter(pk=signature_id).first()
        if signature is None:
            raise SigningError("not_found")
        if signature.status != Signature.Status.WITHDRAWN:
            _erase(signature)
            signature.already_signed_sent_at = None
            counter.change_status(signature, Signature.Status.WITHDRAWN)
            if signature.confirmed_at is not None:  # the organiser's tools may know of it
                webhooks.signature_withdrawn(signature)
    return signature


def resend(*, signature_id, email):
    """Send the email again, from the thanks page: as signing again with the same details
    would, a confirmation or "already signed", at most one an hour. Nothing for an address
    that is no longer the signature's, or a signature withdrawn or kept as spam. Returns
    nothing that tells these apart: the page says the same to everyone."""
    signature = _held_for(signature_id, email)
    if signature is not None and signature.status in _EMAILED:
        _answer_again(signature)


def discard(*, signature_id, email):
    """Withdraw an unconfirmed signature whose address was mistyped ("wrong address? sign
    again" on the thanks page): nobody at that address can confirm it any more, it is not
    counted, and the address may sign later (the row is reopened). A confirmed signature is
    left alone: only the link in its email withdraws it."""
    with transaction.atomic():
        signature = _held_for(signature_id, email, lock=True)
        if signature is not None and signature.status == Signature.Status.PENDING:
            _erase(signature)
            counter.change_status(signature, Signature.Status.WITHDRAWN)


def _held_for(signature_id, email, lock=False):
    """The signature `signature_id` while it is still the one of `email`'s mailbox, or None."""
    signatures = Signature.objects.select_for_update() if lock else Signature.objects
    signature = signatures.filter(pk=signature_id, anonymised_at__isnull=True).first()
    if signature is None or signature.email_normalised != normalise_email(email):
        return None
    return signature


def _erase(signature):
    signature.first_name = signature.last_name = signature.email = ""
    signature.postal_code = signature.ip_hash = ""
    signature.show_publicly = signature.wants_updates = False
