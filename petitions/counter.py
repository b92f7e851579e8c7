"""The petition counter: one place for every change to it.

A counted status change (confirm, withdraw, spam, restore, delete) appends +1 or -1 to the
CountChange log instead of updating the petition row, so a rush of confirmations never queues on
one lock. `fold_counts` adds the log into Petition.confirmed_count by batches: from cron
(`fold_signature_counts`) and, throttled through the shared cache, from page views
(`fresh_count`). `recount` repairs a count that drifted (`recount_signatures`). A fold-in that
takes the count across a step (1, 2, 5, 10, 20...) has the share cards drawn again, and one
across the goal sends the goal-reached email (petitions.milestones).
"""

import logging

from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import Count, F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from petitions import milestones, share_cards
from petitions.models import CountChange, Petition, Signature

logger = logging.getLogger(__name__)

# At most one fold-in per petition in this many seconds from page views, whatever the traffic.
FOLD_EVERY_SECONDS = 2
# When fold_counts last ran, in the shared cache: the admin's dashboard shows it.
LAST_FOLD_KEY = "petitions:last_fold"


def log_change(petition_id, delta):
    """Append +1 or -1 to a petition's counter log (the only writer of CountChange rows)."""
    CountChange.objects.create(petition_id=petition_id, delta=delta)


def change_status(signature, status, *, review_reason=None):
    """Set a signature's status and log the counter change it implies. Caller holds the row."""
    was_counted = signature.is_counted
    signature.status = status
    if review_reason is not None:
        signature.review_reason = review_reason
    if status == Signature.Status.CONFIRMED and signature.confirmed_at is None:
        signature.confirmed_at = timezone.now()
    signature.save()
    if signature.is_counted != was_counted:
        log_change(signature.petition_id, 1 if signature.is_counted else -1)


def fold_counts(*, petition_id=None, batch_size=5000):
    """Add the logged counter changes into each petition's stored count, by batches.

    Each batch holds the petition row (as its UPDATE would anyway) and deletes the changes it
    added, so a change is never added twice and a recount never sees a fold half done. A count
    never goes below zero (drift is for `recount` to repair), and a petition whose fold fails is
    logged and skipped, never holding up the others.
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
    cache.set(LAST_FOLD_KEY, timezone.now(), timeout=None)
    return folded


def _fold_petition(pid, batch_size):
    folded = 0
    before = None
    while True:
        with transaction.atomic():
            # The petition row first: a recount must not run in the middle of a fold-in.
            # (Only a "no key" lock: confirmations keep inserting log rows meanwhile.) Its
            # count, and the count its share cards show, tell whether a step was crossed.
            locked = Petition.objects.select_for_update(no_key=True).filter(pk=pid)
            row = list(
                locked.values_list("confirmed_count", "paper_count", "offset", "share_cards__count")
            )
            if not row:
                break
            confirmed, paper, offset, drawn_count = row[0]
            if before is None:
                before = confirmed + paper + offset
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
            count = max(confirmed + total, 0) + paper + offset
        if len(changes) < batch_size:
            break
    if folded:
        share_cards.refresh_after_fold(pid, count=count, drawn_count=drawn_count)
        milestones.count_changed(petition_id=pid, before=before, after=count)
    return folded


def fresh_count(petition):
    """Fold a petition's pending changes in before its page or count.json shows the count, at
    most once every FOLD_EVERY_SECONDS (the shared cache holds the throttle). Returns it."""
    due = cache.add(f"petitions:fold:{petition.pk}", 1, timeout=FOLD_EVERY_SECONDS)
    if due and fold_counts(petition_id=petition.pk):
        petition.refresh_from_db(fields=["confirmed_count"])
    return petition


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
