"""The site with the counter design the CountChange log replaced, for bench_signing to compare.

Served by gunicorn as `tests.benchmarks.direct_count_wsgi`: the same code, except that a
confirmation (or any other counted status change) adds its +1/-1 straight to the petition row,
`UPDATE petitions_petition SET confirmed_count = confirmed_count + 1`, inside the confirmation's
own transaction, instead of inserting a CountChange row. Never used outside the benchmarks.
"""

from django.db.models import F
from django.utils import timezone

from config.wsgi import application
from petitions import counter
from petitions.models import Petition


def change_status_updating_the_petition_row(signature, status, *, review_reason=None):
    """counter.change_status, with the UPDATE of the petition row in place of the log row."""
    was_counted = signature.is_counted
    signature.status = status
    if review_reason is not None:
        signature.review_reason = review_reason
    if status == signature.Status.CONFIRMED and signature.confirmed_at is None:
        signature.confirmed_at = timezone.now()
    signature.save()
    if signature.is_counted != was_counted:
        Petition.objects.filter(pk=signature.petition_id).update(
            confirmed_count=F("confirmed_count") + (1 if signature.is_counted else -1)
        )


counter.change_status = change_status_updating_the_petition_row

__all__ = ["application"]
