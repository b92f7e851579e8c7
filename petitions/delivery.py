"""Emailing a closed petition's delivery pack (petitions.delivery_pack) to its target, once, when
the organiser asked for it (Petition.email_target_when_closed and target_email).

`manage.py deliver_closed_petitions`, run from cron, queues the sending; every attempt is logged
as a Delivery, shown on the petition's admin page. A failed attempt is tried again by the next
run; a sent pack is never sent again.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from petitions import delivery_pack
from petitions.models import Delivery, Petition

logger = logging.getLogger(__name__)

# What the log keeps of an error: enough to tell a refused connection from a refused address.
ERROR_LENGTH = 1000


def due():
    """Closed petitions whose pack should go to the target by email and has not gone yet."""
    return (
        Petition.objects.closed()
        .filter(email_target_when_closed=True)
        .exclude(target_email="")
        .exclude(deliveries__outcome=Delivery.Outcome.SENT)
    )


def queue_due():
    """Queue the sending of every pack that is due. Returns how many were queued."""
    ids = list(due().values_list("pk", flat=True))
    for petition_id in ids:
        try:
            email_pack.enqueue(petition_id)
        except Exception:
            logger.exception("Could not queue the delivery of petition %s", petition_id)
    return len(ids)


@task
def email_pack(petition_id):
    """Email a petition's pack to its target if it is still due, and log the attempt.

    Returns whether it was sent; a failure is logged, never raised (the next run tries again).
    """
    with transaction.atomic():
        # Held until the attempt is logged: two runs at once never email the target twice.
        locked = Petition.objects.select_for_update(no_key=True).filter(pk=petition_id)
        petition = locked.first()
        if petition is None or not due().filter(pk=petition_id).exists():
            return False
        pack = delivery_pack.gather(petition)
        error = ""
        try:
            _message(petition, pack).send()
        except Exception as exc:
            logger.exception("Could not email the pack of petition %s", petition_id)
            error = f"{type(exc).__name__}: {exc}"[:ERROR_LENGTH]
        Delivery.objects.create(
            petition=petition,
            recipient=petition.target_email,
            signature_count=pack.total,
            names_included=pack.names is not None,
            outcome=Delivery.Outcome.FAILED if error else Delivery.Outcome.SENT,
            error=error,
        )
    return not error


def _message(petition, pack):
    with translation.override(pack.language):
        body = render_to_string(
            "petitions/email/delivery.txt",
            {
                "pack": pack,
                "organiser_name": settings.ORGANISER_NAME,
                "contact_email": settings.CONTACT_EMAIL,
            },
        )
        message = EmailMessage(
            subject=_("Petition: %(title)s") % {"title": pack.title},
            body=body,
            to=[petition.target_email],
            reply_to=[settings.CONTACT_EMAIL],
        )
        message.attach(pack.filename("pdf"), delivery_pack.pdf_bytes(pack), "application/pdf")
        message.attach(pack.filename("csv"), delivery_pack.csv_text(pack), "text/csv")
    return message
