"""Signing, confirming and withdrawing signatures, the emails they send and the counter.

Views, admin actions and commands call these functions; none repeats their steps.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import CharField, Count, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Cast, Coalesce, Concat, Greatest
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from petitions.models import CountChange, Petition, Signature, normalise_email

logger = logging.getLogger(__name__)

CONFIRM_SALT = "petitions.confirm"
WITHDRAW_SALT = "petitions.withdraw"
# Reasons set by the automatic spam layers: a later clean submission may reopen such a signature
# (the confirmation email still proves the address). An organiser's "spam" verdict sticks.
AUTOMATIC_REVIEW_REASONS = {
    Signature.Review.HONEYPOT,
    Signature.Review.TOO_FAST,
    Signature.Review.CAPTCHA_FAILED,
    Signature.Review.BLOCKED_DOMAIN,
    Signature.Review.BLOCKED_IP,
}
# Verdicts of the spam layers that keep a signature as spam (shadow ban).
SPAM_REASONS = AUTOMATIC_REVIEW_REASONS
# Someone (or a bot) signing again and again with an address gets at most one "already signed"
# email in this time: the site must not become a way to flood somebody's mailbox.
ALREADY_SIGNED_EVERY = timedelta(hours=1)


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


def confirmation_token(signature):
    return signing.dumps(signature.pk, salt=CONFIRM_SALT)


def withdrawal_token(signature):
    return signing.dumps(signature.pk, salt=WITHDRAW_SALT)


def _change_status(signature, status, *, review_reason=None):
    """Set a signature's status and log the counter change it implies. Caller holds the row."""
    was_counted = signature.is_counted
    signature.status = status
    if review_reason is not None:
        signature.review_reason = review_reason
    if status == Signature.Status.CONFIRMED and signature.confirmed_at is None:
        signature.confirmed_at = timezone.now()
    signature.save()
    if signature.is_counted != was_counted:
        CountChange.objects.create(
            petition_id=signature.petition_id, delta=1 if signature.is_counted else -1
        )


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
    ip="",
    spam_reason="",
    review_reason="",
):
    """Record a signature and email the signer.

    A new address gets a confirmation email; an address that already signed gets an "already
    signed" email instead, and the caller shows the same page either way, so the site never
    reveals who signed; that email goes out at most once an hour per signature. `spam_reason`
    (from the spam layers) keeps the signature as spam, uncounted, and sends no email at all, not
    even to an address that has signed. Raises SigningError("closed") when the petition takes no
    more signatures.
    """
    if not petition.is_open:
        raise SigningError("closed", "This petition is closed.")
    status = Signature.Status.SPAM if spam_reason else Signature.Status.PENDING
    fields = {
        "first_name": first_name,
        "last_name": last_name,
        "email": email,
        "country": country,
        "postal_code": postal_code,
        "wants_updates": wants_updates,
        "show_publicly": show_publicly,
        "ip_hash": hash_ip(ip),
        "review_reason": spam_reason or review_reason,
    }
    try:
        with transaction.atomic():
            signature = Signature.objects.create(petition=petition, status=status, **fields)
        outcome = "new"
    except IntegrityError:
        outcome, signature = _sign_again(petition=petition, status=status, fields=fields)

    if spam_reason or signature.status == Signature.Status.SPAM:
        return signature
    if outcome == "new":
        _enqueue(send_confirmation, signature.pk)
    elif _claim_already_signed_email(signature):
        _enqueue(send_already_signed, signature.pk)
    return signature


def _claim_already_signed_email(signature):
    """True when no "already signed" email went out within the hour (and note that one does).

    One conditional UPDATE, so that simultaneous submissions cannot both claim it.
    """
    now = timezone.now()
    recent = Q(already_signed_sent_at__gt=now - ALREADY_SIGNED_EVERY)
    claimed = (
        Signature.objects.filter(pk=signature.pk).exclude(recent).update(already_signed_sent_at=now)
    )
    return claimed == 1


def _sign_again(*, petition, status, fields):
    """Someone signs with an address that has signed: reopen a withdrawn or auto-spam one."""
    with transaction.atomic():
        signature = Signature.objects.select_for_update().get(
            petition=petition, email_normalised=normalise_email(fields["email"])
        )
        reopenable = signature.status == Signature.Status.WITHDRAWN or (
            signature.status == Signature.Status.SPAM
            and signature.review_reason in AUTOMATIC_REVIEW_REASONS
        )
        if reopenable and status == Signature.Status.PENDING:
            for name, value in fields.items():
                setattr(signature, name, value)
            signature.confirmed_at = None
            signature.confirmation_sent_at = None
            _change_status(signature, Signature.Status.PENDING)
            return "new", signature
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
            _change_status(signature, Signature.Status.CONFIRMED)
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
            _change_status(signature, Signature.Status.WITHDRAWN)
    return signature


def _reviewable(signatures):
    """Signatures an organiser may still change: not withdrawn by their signer, not anonymised."""
    return signatures.exclude(status=Signature.Status.WITHDRAWN).filter(anonymised_at__isnull=True)


def set_status(*, signatures, status):
    """Organisers' bulk change (admin actions): confirm, mark spam. Returns how many changed.

    Withdrawn and anonymised signatures are left as they are.
    """
    changed = 0
    with transaction.atomic():
        for signature in _reviewable(signatures).select_for_update():
            if signature.status == status:
                continue
            reason = Signature.Review.ORGANISER if status == Signature.Status.SPAM else ""
            _change_status(signature, status, review_reason=reason)
            changed += 1
    return changed


def restore(*, signatures):
    """Organisers restore shadow-banned signatures. Returns how many.

    One the signer had confirmed before it was marked as spam is confirmed (and counted) again;
    any other is pending again and gets a confirmation email, sent afresh even if one went out.
    """
    restored, to_email = 0, []
    with transaction.atomic():
        spam = _reviewable(signatures).filter(status=Signature.Status.SPAM)
        for signature in spam.select_for_update():
            if signature.confirmed_at is not None:
                _change_status(signature, Signature.Status.CONFIRMED, review_reason="")
            else:
                signature.confirmation_sent_at = None
                _change_status(signature, Signature.Status.PENDING, review_reason="")
                to_email.append(signature.pk)
            restored += 1
    for signature_id in to_email:
        _enqueue(send_confirmation, signature_id)
    return restored


def delete_signatures(*, signatures):
    """Delete signatures, taking the confirmed ones off the counter."""
    with transaction.atomic():
        for signature in signatures.select_for_update():
            if signature.is_counted:
                CountChange.objects.create(petition_id=signature.petition_id, delta=-1)
            signature.delete()


def fold_counts(*, petition_id=None, batch_size=5000):
    """Add the logged counter changes into each petition's stored count, by batches.

    Each batch holds the petition row (as its UPDATE would anyway) and deletes the changes it
    added, so a change is never added twice and a recount never sees a fold half done. A count
    never goes below zero (drift is for `recount_signatures` to repair), and a petition whose
    fold fails is logged and skipped, never holding up the others.
    Returns the number of changes folded.
    """
    folded = 0
    petition_ids = (
        [petition_id]
        if petition_id
        else CountChange.objects.values_list("petition_id", flat=True).distinct()
    )
    for pid in list(petition_ids):
        try:
            folded += _fold_petition(pid, batch_size)
        except DatabaseError:
            logger.exception("Could not fold the counter changes of petition %s", pid)
    return folded


def _fold_petition(pid, batch_size):
    folded = 0
    while True:
        with transaction.atomic():
            # The petition row first: a recount must not run in the middle of a fold-in.
            # (Only a "no key" lock: confirmations keep inserting log rows meanwhile.)
            locked = Petition.objects.select_for_update(no_key=True).filter(pk=pid)
            if not list(locked.values_list("pk", flat=True)):
                break
            changes = list(
                CountChange.objects.select_for_update(skip_locked=True)
                .filter(petition_id=pid)
                .order_by("pk")
                .values_list("pk", "delta")[:batch_size]
            )
            if not changes:
                break
            total = sum(delta for _pk, delta in changes)
            Petition.objects.filter(pk=pid).update(
                confirmed_count=Greatest(F("confirmed_count") + total, 0)
            )
            CountChange.objects.filter(pk__in=[pk for pk, _delta in changes]).delete()
            folded += len(changes)
        if len(changes) < batch_size:
            break
    return folded


def recount(*, petition):
    """Recount a petition's confirmed signatures from the table and repair the stored count.

    One UPDATE sets the count to (confirmed signatures - changes not folded in yet), both read
    from the same snapshot, so confirmations arriving meanwhile are neither lost nor counted
    twice; the fold-in that follows adds the pending changes. Returns (old count, new count).
    """
    confirmed = (
        Signature.objects.filter(petition=OuterRef("pk"), status=Signature.Status.CONFIRMED)
        .order_by()
        .values("petition")
        .annotate(total=Count("pk"))
        .values("total")
    )
    pending = (
        CountChange.objects.filter(petition=OuterRef("pk"))
        .order_by()
        .values("petition")
        .annotate(total=Sum("delta"))
        .values("total")
    )
    with transaction.atomic():
        # Waits for a fold-in under way (it holds this lock); signers are not held up.
        old = (
            Petition.objects.select_for_update(no_key=True)
            .values_list("confirmed_count", flat=True)
            .get(pk=petition.pk)
        )
        Petition.objects.filter(pk=petition.pk).update(
            confirmed_count=Coalesce(Subquery(confirmed), 0) - Coalesce(Subquery(pending), 0)
        )
    fold_counts(petition_id=petition.pk)
    new = Petition.objects.values_list("confirmed_count", flat=True).get(pk=petition.pk)
    return old, new


def anonymise_closed(*, days):
    """Erase personal data of signers of petitions closed more than `days` days ago.

    Keeps status, country and dates, so the counter and statistics hold. Returns how many.
    """
    cutoff = timezone.now() - timedelta(days=days)
    signatures = Signature.objects.filter(
        petition__closes_at__lte=cutoff, anonymised_at__isnull=True
    )
    return signatures.update(
        first_name="",
        last_name="",
        email="",
        # Unique per petition, and no longer anybody's address.
        email_normalised=Concat(Value("anonymised-"), Cast("pk", CharField())),
        postal_code="",
        ip_hash="",
        show_publicly=False,
        wants_updates=False,
        anonymised_at=timezone.now(),
    )


# Emails -------------------------------------------------------------------------------------


def _enqueue(email_task, signature_id):
    """Queue an email; a failure to queue never loses the signature (resend_confirmations)."""
    try:
        email_task.enqueue(signature_id)
    except Exception:
        logger.exception("Could not queue %s for signature %s", email_task.name, signature_id)


def _absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def _send(signature, template, subject):
    petition = signature.petition
    with translation.override(petition.language):
        context = {
            "signature": signature,
            "petition": petition,
            "site_name": settings.SITE_NAME,
            "organiser_name": settings.ORGANISER_NAME,
            "petition_url": _absolute(petition.get_absolute_url()),
            "confirm_url": _absolute(
                reverse("petitions:confirm", args=[confirmation_token(signature)])
            ),
            "withdraw_url": _absolute(
                reverse("petitions:withdraw", args=[withdrawal_token(signature)])
            ),
        }
        text = render_to_string(f"petitions/email/{template}.txt", context)
        html = render_to_string(f"petitions/email/{template}.html", context)
        message = EmailMultiAlternatives(
            subject=str(subject).format(title=petition.title),
            body=text,
            to=[signature.email],
            reply_to=[settings.CONTACT_EMAIL],
        )
    message.attach_alternative(html, "text/html")
    message.send()


# The tasks framework does not retry a failed task by itself. With a backend that can defer
# (django-tasks-db), a failed send queues itself again a little later, a few times; whatever
# still fails is picked up by `manage.py resend_confirmations` through the "sent" mark.
MAX_SEND_ATTEMPTS = 4


def _retry_later(email_task, signature_id, attempt):
    backend = email_task.get_backend()
    if attempt >= MAX_SEND_ATTEMPTS or not backend.supports_defer:
        return
    delay = timedelta(minutes=2**attempt)
    email_task.using(run_after=timezone.now() + delay).enqueue(signature_id, attempt=attempt + 1)


@task
def send_confirmation(signature_id, attempt=1):
    """Email the link that confirms a signature, then mark it sent (see resend_confirmations)."""
    signature = Signature.objects.select_related("petition").filter(pk=signature_id).first()
    if signature is None or signature.status != Signature.Status.PENDING:
        return False
    if signature.confirmation_sent_at is not None:
        return False
    try:
        _send(signature, "confirm", _("Please confirm your signature: {title}"))
    except Exception:
        _retry_later(send_confirmation, signature_id, attempt)
        raise
    Signature.objects.filter(pk=signature_id).update(confirmation_sent_at=timezone.now())
    return True


@task
def send_already_signed(signature_id, attempt=1):
    """Tell someone who signs again that their signature is already there."""
    signature = Signature.objects.select_related("petition").filter(pk=signature_id).first()
    if signature is None or signature.status not in {
        Signature.Status.PENDING,
        Signature.Status.CONFIRMED,
    }:
        return False
    try:
        _send(signature, "already_signed", _("You have already signed: {title}"))
    except Exception:
        _retry_later(send_already_signed, signature_id, attempt)
        raise
    return True


def resend_unsent_confirmations(*, older_than_minutes=10):
    """Queue again the confirmations whose sending failed, for open petitions only (a closed
    one takes no more confirmations). Returns how many were queued."""
    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    ids = list(
        Signature.objects.filter(
            petition__in=Petition.objects.open(),
            status=Signature.Status.PENDING,
            confirmation_sent_at__isnull=True,
            created_at__lte=cutoff,
            anonymised_at__isnull=True,
        ).values_list("pk", flat=True)
    )
    for signature_id in ids:
        _enqueue(send_confirmation, signature_id)
    return len(ids)
