"""Emails to the signers who asked to hear from the organiser, updates and milestones alike,
sent by batches through Django's tasks framework, each recipient exactly once.

Starting a mailing lists its recipients as Recipient rows, in one transaction. A batch claims
the pending rows one at a time with SELECT ... FOR UPDATE SKIP LOCKED, holds the row while the
mail server takes the message and marks it sent in the same transaction: two workers never send
the same one, and a worker that dies in the middle of a send leaves that row pending.
`manage.py send_mailings` (from cron) resumes whatever a crash or a mail server outage left.
"""

import logging
import smtplib
import socket

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from petitions.emails import absolute_url, signer_links
from petitions.models import Mailing, Recipient, Signature
from petitions.unsubscribe import unsubscribe_url

logger = logging.getLogger(__name__)

BATCH_SIZE = 50
# A recipient refused this many times is marked failed and left alone.
MAX_ATTEMPTS = 3
# The mail server cannot be reached: nobody's fault, the batch stops and counts no attempt.
OUTAGES = (
    ConnectionError,
    TimeoutError,
    socket.gaierror,
    smtplib.SMTPConnectError,
    smtplib.SMTPServerDisconnected,
)

GOAL_REACHED_SUBJECT = _("“{title}” has reached its goal")
GOAL_REACHED_BODY = _(
    "“{title}” has reached its goal of {goal} signatures. Thank you for signing, and for "
    "sharing it: every signature counts until the petition is handed over."
)


class MailingError(Exception):
    """A mailing refused; `code` says why."""

    def __init__(self, code, message=""):
        super().__init__(message or code)
        self.code = code


def start_sending(*, mailing_id):
    """List the recipients of a mailing (confirmed signers who opted in and have not
    unsubscribed; for a campaign, one signature per person) and queue its first batch.
    Returns how many there are.

    Raises MailingError: "not_found", "already_started", "milestones_off" (a milestone email
    for a petition whose milestone emails are off), "no_text" (no subject in the main language
    of its petition or campaign).
    """
    with transaction.atomic():
        mailing = (
            Mailing.objects.select_for_update(of=("self",))
            .select_related("petition", "campaign")
            .filter(pk=mailing_id)
            .first()
        )
        if mailing is None:
            raise MailingError("not_found")
        if mailing.sending_started_at is not None:
            raise MailingError("already_started")
        if mailing.kind in Mailing.MILESTONES and not mailing.petition.milestone_emails:
            raise MailingError("milestones_off")
        has_subject = mailing.text_in("subject", mailing.audience.language).strip()
        if mailing.kind != Mailing.Kind.GOAL_REACHED and not has_subject:
            raise MailingError("no_text")
        mailing.sending_started_at = timezone.now()
        mailing.save(update_fields=["sending_started_at"])
        signature_ids = signatures_to_reach(mailing).values_list("pk", flat=True)
        rows = [Recipient(mailing=mailing, signature_id=pk) for pk in signature_ids]
        Recipient.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    queue(mailing.pk)
    return len(rows)


def signatures_to_reach(mailing):
    """The signatures a mailing goes to. For a campaign: the latest of each person's (by
    normalised email) on its petitions; its language and unsubscribe link are used."""
    if mailing.petition_id:
        return mailing.petition.signatures.wanting_updates()
    wanting = _campaign_signatures(mailing).wanting_updates()
    wanting = wanting.exclude(email_normalised__in=_left(mailing).values("email_normalised"))
    latest = wanting.filter(email_normalised=OuterRef("email_normalised"))
    return wanting.filter(pk=Subquery(latest.order_by("-created_at", "-pk").values("pk")[:1]))


def _campaign_signatures(mailing):
    return Signature.objects.filter(petition__campaign_id=mailing.campaign_id)


def _left(mailing):
    """The campaign's signatures unsubscribed. An email's unsubscribe link stops the one
    signature it was sent for: whoever used it, in any email about the campaign, asked not to
    hear about it again, whichever of its petitions their other signatures are on."""
    return _campaign_signatures(mailing).filter(unsubscribed_at__isnull=False)


def queue(mailing_id):
    """Queue a batch; a failure to queue loses nothing (send_mailings resumes it)."""
    try:
        send_batch.enqueue(mailing_id)
    except Exception:
        logger.exception("Could not queue a batch of mailing %s", mailing_id)


@task
def send_batch(mailing_id):
    """Send a batch of a mailing, then queue the next one while there may be more."""
    sent, full = _send_batch(mailing_id, BATCH_SIZE)
    if full:
        queue(mailing_id)
    return sent


def send_pending(*, mailing_id, limit=None):
    """Send up to `limit` (a batch) of a mailing's pending recipients. Returns how many went."""
    sent, _full = _send_batch(mailing_id, limit or BATCH_SIZE)
    return sent


def resume_all():
    """Queue a batch for every mailing with recipients still pending. Returns how many."""
    ids = list(
        Recipient.objects.filter(status=Recipient.Status.PENDING)
        .values_list("mailing_id", flat=True)
        .distinct()
        .order_by()
    )
    for mailing_id in ids:
        queue(mailing_id)
    return len(ids)


def _send_batch(mailing_id, limit):
    """Returns (how many were sent, whether the batch was full and more may wait). Stops at
    the first sign of a mail server outage: the next run (cron) tries again."""
    sent = handled = 0
    tried = []
    while handled < limit:
        with transaction.atomic():
            recipient = (
                Recipient.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("signature", "mailing__petition", "mailing__campaign")
                .filter(mailing_id=mailing_id, status=Recipient.Status.PENDING)
                .exclude(pk__in=tried)
                .order_by("pk")
                .first()
            )
            if recipient is None:
                return sent, False
            tried.append(recipient.pk)
            handled += 1
            outcome = _send_to(recipient)
        if outcome == Recipient.Status.SENT:
            sent += 1
        elif outcome == "outage":
            return sent, False
    return sent, True


def _send_to(recipient):
    """Send to one recipient and record the outcome on its (locked) row."""
    signature = recipient.signature
    still_wanted = (
        signature.wants_updates
        and signature.unsubscribed_at is None
        and signature.anonymised_at is None
        and signature.status == signature.Status.CONFIRMED
    )
    mailing = recipient.mailing
    if still_wanted and mailing.campaign_id:
        still_wanted = (
            not _left(mailing).filter(email_normalised=signature.email_normalised).exists()
        )
    if not still_wanted:
        recipient.status = Recipient.Status.SKIPPED
        recipient.save(update_fields=["status"])
        return recipient.status
    try:
        message(recipient).send()
    except OUTAGES as error:
        logger.warning("No mail server, mailing %s paused: %r", recipient.mailing_id, error)
        return "outage"
    except Exception as error:
        logger.warning("Could not send to recipient row %s: %r", recipient.pk, error)
        recipient.attempts += 1
        if recipient.attempts >= MAX_ATTEMPTS:
            recipient.status = Recipient.Status.FAILED
        recipient.save(update_fields=["status", "attempts"])
        return "refused"
    recipient.attempts += 1
    recipient.status = Recipient.Status.SENT
    recipient.sent_at = timezone.now()
    recipient.save(update_fields=["status", "attempts", "sent_at"])
    return recipient.status


def texts(mailing):
    """(subject, body) in the active language, else the main one of its petition or campaign."""
    petition = mailing.petition
    if mailing.kind == Mailing.Kind.GOAL_REACHED:
        goal = number_format(petition.goal, force_grouping=True)
        values = {"title": petition.title, "goal": goal}
        return str(GOAL_REACHED_SUBJECT).format(**values), str(GOAL_REACHED_BODY).format(**values)
    return mailing.subject, mailing.body


def message(recipient):
    """The email to a recipient, in its signer's language, with the one-click unsubscribe
    headers of RFC 8058 and the links to unsubscribe and to the signer's data."""
    signature, mailing = recipient.signature, recipient.mailing
    # The petition they signed (for a campaign's update, the latest of theirs), and the page
    # the email links to.
    petition = mailing.petition or signature.petition
    with translation.override(signature.language):
        subject, body = texts(mailing)
        context = {
            "language": signature.language,
            "petition": petition,
            "campaign": mailing.campaign,
            "campaign_url": mailing.campaign and absolute_url(mailing.campaign.get_absolute_url()),
            "body": body,
            "is_markdown": mailing.kind != Mailing.Kind.GOAL_REACHED,
            "organiser_name": settings.ORGANISER_NAME,
            "petition_url": absolute_url(petition.get_absolute_url()),
            "unsubscribe_url": unsubscribe_url(signature),
            **signer_links(signature),
        }
        text = render_to_string("petitions/email/mailing.txt", context)
        html = render_to_string("petitions/email/mailing.html", context)
    email = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[signature.email],
        reply_to=[settings.CONTACT_EMAIL],
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    email.attach_alternative(html, "text/html")
    return email
