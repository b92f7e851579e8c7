"""The emails sent to signers, as tasks of Django's tasks framework: the confirmation link, and
"you have already signed". Every email has a plain-text part, a withdraw link and a link to
what the site holds about the signer (petitions.my_data).

Immediate in development and tests; with django-tasks-db, `manage.py db_worker` sends them.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from petitions.links import confirmation_token, withdrawal_token
from petitions.models import Petition, Signature
from petitions.my_data import my_data_token

logger = logging.getLogger(__name__)

# The tasks framework does not retry a failed task by itself. With a backend that can defer
# (django-tasks-db), a failed send queues itself again a little later, a few times; whatever
# still fails is picked up by `manage.py resend_confirmations` through the "sent" mark.
MAX_SEND_ATTEMPTS = 4


def enqueue(email_task, signature_id):
    """Queue an email; a failure to queue never loses the signature (resend_confirmations)."""
    try:
        email_task.enqueue(signature_id)
    except Exception:
        logger.exception("Could not queue %s for signature %s", email_task.name, signature_id)


def absolute_url(path):
    return settings.SITE_URL.rstrip("/") + path


def signer_links(signature):
    """The links every email to a signer carries: withdraw, and their data."""
    return {
        "withdraw_url": absolute_url(
            reverse("petitions:withdraw", args=[withdrawal_token(signature)])
        ),
        "my_data_url": absolute_url(reverse("petitions:my_data", args=[my_data_token(signature)])),
    }


def _send(signature, template, subject):
    """Render and send in the language the signer signed in: the petition's texts in it where
    translated, the links to its pages in it."""
    petition = signature.petition
    with translation.override(signature.language):
        context = {
            "signature": signature,
            "language": signature.language,
            "petition": petition,
            "site_name": settings.SITE_NAME,
            "organiser_name": settings.ORGANISER_NAME,
            "petition_url": absolute_url(petition.get_absolute_url()),
            "confirm_url": absolute_url(
                reverse("petitions:confirm", args=[confirmation_token(signature)])
            ),
            **signer_links(signature),
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


def _send_or_retry(email_task, signature, attempt, template, subject):
    """Send; on failure queue `email_task` again later (if attempts and the backend allow) and
    re-raise, so the failure shows in the task's result."""
    try:
        _send(signature, template, subject)
    except Exception:
        backend = email_task.get_backend()
        if attempt < MAX_SEND_ATTEMPTS and backend.supports_defer:
            run_after = timezone.now() + timedelta(minutes=2**attempt)
            email_task.using(run_after=run_after).enqueue(signature.pk, attempt=attempt + 1)
        raise


def _signature(signature_id):
    return Signature.objects.select_related("petition").filter(pk=signature_id).first()


@task
def send_confirmation(signature_id, attempt=1):
    """Email the link that confirms a signature, then mark it sent (see resend_confirmations)."""
    signature = _signature(signature_id)
    if signature is None or signature.status != Signature.Status.PENDING:
        return False
    if signature.confirmation_sent_at is not None:
        return False
    subject = _("Please confirm your signature: {title}")
    _send_or_retry(send_confirmation, signature, attempt, "confirm", subject)
    Signature.objects.filter(pk=signature_id).update(confirmation_sent_at=timezone.now())
    return True


@task
def send_already_signed(signature_id, attempt=1):
    """Tell someone who signs again that their signature is already there."""
    signature = _signature(signature_id)
    if signature is None or signature.status not in {
        Signature.Status.PENDING,
        Signature.Status.CONFIRMED,
    }:
        return False
    subject = _("You have already signed: {title}")
    _send_or_retry(send_already_signed, signature, attempt, "already_signed", subject)
    return True


def resend_unsent_confirmations(*, older_than_minutes=10):
    """Queue again the confirmations whose sending failed, for open petitions only (a closed
    one takes no more confirmations). Returns how many were queued."""
    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    ids = list(
        Signature.objects.not_anonymised()
        .filter(
            petition__in=Petition.objects.open(),
            status=Signature.Status.PENDING,
            confirmation_sent_at__isnull=True,
            created_at__lte=cutoff,
        )
        .values_list("pk", flat=True)
    )
    for signature_id in ids:
        enqueue(send_confirmation, signature_id)
    return len(ids)
