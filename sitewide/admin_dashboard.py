"""The admin's index page, what organisers see first: the dashboard.

- Per open petition: the count, signatures today and in the last 7 days, a chart of the last
  30 days, and the goal.
- The queues waiting for an organiser, each a link to its filtered list. A new kind of
  submission to review is one more line in `review_queues`.
- What runs in the background: the counter's fold-in, the email queue, and the webhooks.

Everything is counted per request in a few aggregate queries; each part is shown only to
someone allowed to open what it links to.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth import get_permission_codename
from django.core.cache import cache
from django.db.models import Count, Min, Q
from django.db.models.functions import TruncDate
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from campaigns.models import Letter, LocalAction, Moderation, Photo, SolidarityMessage
from petitions import counter, emails
from petitions.models import CountChange, Petition, Signature, WebhookDelivery, WebhookEndpoint
from sitewide.charts import bar_chart

DAYS_CHARTED = 30
# Beyond these, the dashboard says that something in the background has stopped.
COUNTER_BEHIND_AFTER = datetime.timedelta(minutes=5)
EMAILS_STUCK_AFTER = datetime.timedelta(minutes=15)
FAILURES_COUNTED_FOR = datetime.timedelta(days=7)
JUST_NOW = datetime.timedelta(minutes=1)


@dataclass(frozen=True)
class Queue:
    label: str
    count: int
    url: str


def context(request):
    """The dashboard's part of the admin index's template context."""
    user = request.user
    return {
        "review_queues": review_queues(user),
        "open_petitions": open_petitions(user),
        "counter_health": counter_health() if _may(user, "view", Petition) else None,
        "email_queue": email_queue(user) if _may(user, "view", Petition) else None,
        "webhooks": webhook_health() if user.is_superuser else None,
    }


def _may(user, action, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")


def _admin_url(model, view, *args, query=None):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)
    return f"{url}?{urlencode(query)}" if query else url


def review_queues(user):
    """What waits for an organiser, in the lists this user may change."""
    queues = [
        (LocalAction, LocalAction.objects.pending(), _("Local actions to approve"), "status"),
        (Photo, Photo.objects.pending(), _("Photos to approve"), "status"),
        (
            SolidarityMessage,
            SolidarityMessage.objects.pending(),
            _("Messages of solidarity to approve"),
            "status",
        ),
        (Letter, Letter.objects.pending(), _("Letters and postcards to approve"), "status"),
        (Signature, Signature.objects.kept_for_review(), _("Signatures kept for review"), "review"),
        (
            Signature,
            Signature.objects.kept_as_spam(),
            _("Signatures kept as spam by the automatic checks"),
            "spam",
        ),
    ]
    filters = {
        "status": {"status__exact": Moderation.PENDING},
        "review": {"review": "review"},
        "spam": {"review": "spam"},
    }
    return [
        Queue(label, waiting.count(), _admin_url(model, "changelist", query=filters[kind]))
        for model, waiting, label, kind in queues
        if _may(user, "change", model)
    ]


@dataclass(frozen=True)
class PetitionSummary:
    petition: Petition
    today: int
    last_7_days: int
    chart: object
    first_day: datetime.date

    @property
    def count(self):
        return self.petition.signature_count

    @property
    def goal(self):
        return self.petition.current_goal

    @property
    def change_url(self):
        return _admin_url(Petition, "change", self.petition.pk)

    @property
    def statistics_url(self):
        return _admin_url(Petition, "statistics", self.petition.pk)

    @property
    def signatures_url(self):
        return _admin_url(Signature, "changelist", query={"petition__id__exact": self.petition.pk})


def open_petitions(user):
    """Each open petition with its confirmed signatures per day over the last DAYS_CHARTED
    days (in the site's time zone). None for a user who may not see petitions."""
    if not _may(user, "view", Petition):
        return None
    petitions = list(Petition.objects.open().order_by("-opens_at", "pk"))
    today = timezone.localdate()
    days = [today - datetime.timedelta(days=back) for back in range(DAYS_CHARTED - 1, -1, -1)]
    since = datetime.datetime.combine(days[0], datetime.time.min, timezone.get_current_timezone())
    per_day = {}
    rows = (
        Signature.objects.confirmed()
        .filter(petition__in=petitions, confirmed_at__gte=since)
        .annotate(day=TruncDate("confirmed_at"))
        .values("petition_id", "day")
        .annotate(total=Count("pk"))
        .order_by()
    )
    for row in rows:
        per_day[row["petition_id"], row["day"]] = row["total"]
    summaries = []
    for petition in petitions:
        counts = [per_day.get((petition.pk, day), 0) for day in days]
        points = [(_day_label(day, count), count) for day, count in zip(days, counts, strict=True)]
        summaries.append(
            PetitionSummary(
                petition=petition,
                today=counts[-1],
                last_7_days=sum(counts[-7:]),
                chart=bar_chart(
                    points,
                    description=_("Confirmed signatures per day, the last 30 days"),
                    highlight_last=True,
                ),
                first_day=days[0],
            )
        )
    return summaries


def _day_label(day, count):
    return ngettext("%(day)s: %(count)d signature", "%(day)s: %(count)d signatures", count) % {
        "day": date_format(day, "MONTH_DAY_FORMAT"),
        "count": count,
    }


def counter_health():
    """When the counters were last brought up to date, and what waits to be added to them."""
    waiting = CountChange.objects.aggregate(count=Count("pk"), oldest=Min("created_at"))
    oldest = waiting["oldest"]
    last_fold = cache.get(counter.LAST_FOLD_KEY)
    return {
        "last_fold": last_fold,
        "folded_just_now": last_fold is not None and timezone.now() - last_fold < JUST_NOW,
        "waiting": waiting["count"],
        "oldest": oldest,
        "is_behind": oldest is not None and timezone.now() - oldest > COUNTER_BEHIND_AFTER,
    }


def email_queue(user):
    """The emails waiting to be sent and those that failed lately. None when emails are sent
    at once, without a queue (the development and test setting)."""
    if not isinstance(emails.send_confirmation.get_backend(), DatabaseBackend):
        return None
    now = timezone.now()
    tasks = DBTaskResult.objects.filter(task_path__startswith=f"{emails.__name__}.")
    pending = tasks.filter(status=TaskResultStatus.READY).aggregate(
        count=Count("pk"), oldest=Min("enqueued_at")
    )
    failed = tasks.filter(
        status=TaskResultStatus.FAILED, finished_at__gte=now - FAILURES_COUNTED_FOR
    ).count()
    may_open = _may(user, "view", DBTaskResult)
    return {
        "pending": pending["count"],
        "oldest": pending["oldest"],
        "is_stuck": pending["oldest"] is not None and now - pending["oldest"] > EMAILS_STUCK_AFTER,
        "failed": failed,
        "pending_url": _tasks_url(TaskResultStatus.READY) if may_open else "",
        "failed_url": _tasks_url(TaskResultStatus.FAILED) if may_open else "",
    }


def _tasks_url(status):
    return _admin_url(DBTaskResult, "changelist", query={"status__exact": status})


def webhook_health():
    """Webhook deliveries waiting for a retry and those given up lately, for administrators
    (who alone configure webhooks: petitions/admin/webhooks.py). None without an endpoint."""
    if not WebhookEndpoint.objects.filter(is_active=True).exists():
        return None
    since = timezone.now() - FAILURES_COUNTED_FOR
    counts = WebhookDelivery.objects.aggregate(
        waiting=Count("pk", filter=Q(status=WebhookDelivery.Status.PENDING)),
        given_up=Count(
            "pk", filter=Q(status=WebhookDelivery.Status.FAILED, finished_at__gte=since)
        ),
    )
    return {
        **counts,
        "waiting_url": _admin_url(
            WebhookDelivery, "changelist", query={"status__exact": "pending"}
        ),
        "given_up_url": _admin_url(
            WebhookDelivery, "changelist", query={"status__exact": "failed"}
        ),
    }
