"""The site with the counter design the CountChange log replaced, for bench_signing to compare.

Served by gunicorn as `tests.benchmarks.direct_count_wsgi`: the same code, except that a
confirmation (or any other counted status change) adds its +1/-1 straight to the petition row,
`UPDATE petitions_petition SET confirmed_count = confirmed_count + 1`, inside the confirmation's
own transaction, instead of inserting a CountChange row. Never used outside the benchmarks.
"""

from django.db.models import F

from config.wsgi import application
from petitions import counter
from petitions.models import Petition


def update_the_petition_row(petition_id, delta):
    """counter.log_change, as an UPDATE of the petition row instead of a log row."""
    Petition.objects.filter(pk=petition_id).update(confirmed_count=F("confirmed_count") + delta)


counter.log_change = update_the_petition_row

__all__ = ["application"]
