"""Emails to the writers of letters, as tasks: why a letter was rejected, and the prisoner's
reply. Each is sent in the language the writer used the form in, at most once: its "sent"
mark is set only after a successful send, and a marked email is never sent again.

A send that fails leaves the mark empty; the admin says so, and its action "Send unsent
emails again" queues the send once more.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import TaskResultStatus, task
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from campaigns.models import Letter, Moderation

logger = logging.getLogger(__name__)
# %(name)s is the prisoner's name.
REJECTION_SUBJECT = _("Your letter to %(name)s could not be sent")
REPLY_SUBJECT = _("A reply from %(name)s")


def _send(letter, template, subject):
    with translation.override(letter.language or settings.LANGUAGE_CODE):
        context = {
            "letter": letter,
            "campaign": letter.campaign,
            "site_name": settings.SITE_NAME,
            "campaign_url": settings.SITE_URL.rstrip("/") + letter.campaign.get_absolute_url(),
        }
        EmailMessage(
            subject=str(subject) % {"name": letter.campaign.name},
            body=render_to_string(f"campaigns/email/{template}.txt", context),
            to=[letter.email],
            reply_to=[letter.campaign.organiser_email or settings.CONTACT_EMAIL],
        ).send()


def _claim(letter_id, sent_field, **conditions):
    """The letter, locked, if its email is still to send; None otherwise."""
    return (
        Letter.objects.select_for_update()
        .select_related("campaign")
        .filter(pk=letter_id, **{f"{sent_field}__isnull": True}, **conditions)
        .exclude(email="")
        .first()
    )


@task
def send_rejection(letter_id):
    """Tell the writer why their letter will not be posted."""
    with transaction.atomic():
        letter = _claim(letter_id, "rejection_sent_at", status=Moderation.REJECTED)
        if letter is None or not letter.rejection_reason:
            return False
        _send(letter, "letter_rejected", REJECTION_SUBJECT)
        Letter.objects.filter(pk=letter_id).update(rejection_sent_at=timezone.now())
    return True


@task
def send_reply(letter_id):
    """Forward the prisoner's reply to a writer who left an email and agreed."""
    with transaction.atomic():
        letter = _claim(letter_id, "reply_sent_at", reply_by_email=True)
        if letter is None or not letter.reply:
            return False
        _send(letter, "letter_reply", REPLY_SUBJECT)
        Letter.objects.filter(pk=letter_id).update(reply_sent_at=timezone.now())
    return True


def queue(email_task, letter_id):
    """Queue an email; True if it is sent or on its way. A failure to queue or, with the
    immediate backend, to send is logged and answered False: the letter stays unsent."""
    try:
        result = email_task.enqueue(letter_id)
    except Exception:
        logger.exception("Could not queue %s for letter %s", email_task.name, letter_id)
        return False
    return result.status != TaskResultStatus.FAILED


def unsent(letters):
    """The emails still owed for `letters`: [(task, letter id)]."""
    owed = []
    for letter in letters.exclude(email=""):
        rejected = letter.status == Moderation.REJECTED and letter.rejection_reason
        if rejected and letter.rejection_sent_at is None:
            owed.append((send_rejection, letter.pk))
        if letter.reply and letter.reply_by_email and letter.reply_sent_at is None:
            owed.append((send_reply, letter.pk))
    return owed
