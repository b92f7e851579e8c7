"""Milestone emails to the signers who asked to hear from the organiser, when the petition's
milestone emails are on (off by default): the goal reached, sent by itself once when a fold-in
of the counter crosses it; the petition delivered and the target's response, written and sent
by an organiser as a Mailing of that kind (petitions/admin/mailings.py). All go out through
petitions.mailings."""

import logging

from django.db import IntegrityError, transaction

from petitions import mailings
from petitions.models import Mailing, Petition

logger = logging.getLogger(__name__)


def count_changed(*, petition_id, before, after):
    """The counter went from `before` to `after`: email the goal reached if it crossed it,
    once per petition. Never fails the fold-in that calls it."""
    if after <= before:
        return None
    try:
        petition = Petition.objects.filter(pk=petition_id, milestone_emails=True).first()
        if petition is None or not before < petition.goal <= after:
            return None
        try:
            with transaction.atomic():
                mailing = Mailing.objects.create(petition=petition, kind=Mailing.Kind.GOAL_REACHED)
        except IntegrityError:
            return None  # reached before: once is enough
        mailings.start_sending(mailing_id=mailing.pk)
        return mailing
    except Exception:
        logger.exception("Could not start the goal-reached email of petition %s", petition_id)
        return None
