"""The admin's index page: the organisers' dashboard (sitewide/admin_dashboard.py)."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from campaigns.models import Moderation
from petitions import counter
from petitions.models import CountChange, Petition, Signature
from tests.factories import (
    add_letter,
    add_local_action,
    add_message,
    add_petition,
    add_photo,
    add_signature,
)

pytestmark = pytest.mark.django_db

Status, Review = Signature.Status, Signature.Review


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def test_the_admin_carries_the_sites_name_and_opens_on_the_dashboard(client, staff_editor):
    content = dashboard(client, staff_editor).content.decode()
    assert "<title>Dashboard | Solidarity organisers</title>" in content
    assert '<div id="site-name"><a href="/admin/">Solidarity</a></div>' in content
    assert "Django administration" not in content


def test_each_open_petition_shows_its_count_today_the_last_7_days_and_its_goal(
    client, staff_editor, campaign
):
    petition = add_petition(campaign, goal=500, offset=40)
    for n in range(2):
        add_signature(petition, f"today{n}@example.org")
    add_signature(petition, "three@example.org", confirmed_at=days_ago(3))
    add_signature(petition, "ten@example.org", confirmed_at=days_ago(10))
    add_signature(petition, "forty@example.org", confirmed_at=days_ago(40))
    add_signature(petition, "pending@example.org", status=Status.PENDING)
    add_signature(petition, "bot@example.org", status=Status.SPAM, confirmed_at=timezone.now())
    for _ in range(5):
        counter.log_change(petition.pk, 1)
    counter.fold_counts()

    response = dashboard(client, staff_editor)

    [summary] = response.context["open_petitions"]
    assert (summary.count, summary.today, summary.last_7_days, summary.goal) == (45, 2, 3, 500)
    bars = summary.chart.bars
    assert len(bars) == 30
    assert bars[-1].is_highlighted and bars[-1].height == 100
    assert bars[-4].height == 50 and bars[-11].height == 50
    assert sum(bar.height > 0 for bar in bars) == 3
    content = response.content.decode()
    assert '<dd class="dashboard-figures__count">45</dd>' in content
    assert '<progress class="dashboard-progress" max="500" value="45">9%</progress>' in content
    assert f'href="/admin/petitions/petition/{petition.pk}/statistics/"' in content


def test_only_open_petitions_are_on_the_dashboard(client, staff_editor, campaign):
    add_petition(campaign, "open-one", title="Open one")
    add_petition(campaign, "a-draft", title="A draft", status=Petition.Status.DRAFT)
    add_petition(campaign, "closed-one", title="Closed one", status=Petition.Status.CLOSED)
    add_petition(
        campaign, "not-yet", title="Not yet", opens_at=timezone.now() + datetime.timedelta(days=1)
    )

    summaries = dashboard(client, staff_editor).context["open_petitions"]

    assert [summary.petition.title for summary in summaries] == ["Open one"]


def test_the_chart_is_drawn_on_the_server_without_inline_style(client, staff_editor, campaign):
    add_signature(add_petition(campaign), "a@example.org")
    content = dashboard(client, staff_editor).content.decode()
    assert '<svg class="bar-chart" viewBox="0 0 300 100"' in content
    assert "style=" not in content
    assert "<script>" not in content


def test_the_queues_count_what_waits_and_link_to_the_filtered_lists(client, staff_editor, event):
    add_local_action(event, "Lyon", status=Moderation.PENDING)
    add_local_action(event, "Nice", status=Moderation.PENDING)
    add_local_action(event, "Metz", status=Moderation.APPROVED)
    add_photo(event, status=Moderation.PENDING)
    add_photo(event, status=Moderation.REJECTED)
    add_message(event.campaign, status=Moderation.PENDING)
    add_message(event.campaign, status=Moderation.APPROVED)
    add_letter(event.campaign, status=Moderation.PENDING)
    add_letter(event.campaign, status=Moderation.APPROVED)
    petition = add_petition(event.campaign)
    add_signature(
        petition, "fast@example.org", status=Status.PENDING, review_reason=Review.TOO_FAST
    )
    add_signature(petition, "nocaptcha@example.org", review_reason=Review.CAPTCHA_UNAVAILABLE)
    add_signature(petition, "fine@example.org")
    add_signature(
        petition, "gone@example.org", status=Status.WITHDRAWN, review_reason=Review.TOO_FAST
    )
    add_signature(petition, "bot@example.org", status=Status.SPAM, review_reason=Review.HONEYPOT)
    add_signature(petition, "seen@example.org", status=Status.SPAM, review_reason=Review.ORGANISER)

    response = dashboard(client, staff_editor)

    queues = {queue.label: (queue.count, queue.url) for queue in response.context["review_queues"]}
    assert queues == {
        "Local actions to approve": (2, "/admin/campaigns/localaction/?status__exact=pending"),
        "Photos to approve": (1, "/admin/campaigns/photo/?status__exact=pending"),
        "Messages of solidarity to approve": (
            1,
            "/admin/campaigns/solidaritymessage/?status__exact=pending",
        ),
        "Letters and postcards to approve": (1, "/admin/campaigns/letter/?status__exact=pending"),
        "Signatures kept for review": (2, "/admin/petitions/signature/?review=review"),
        "Signatures kept as spam by the automatic checks": (
            1,
            "/admin/petitions/signature/?review=spam",
        ),
    }
    content = response.content.decode()
    assert "Waiting for review" in content
    assert (
        '<a href="/admin/petitions/signature/?review=spam"><strong class="dashboard-queues__count">'
        "1</strong>" in content
    )
    listed = client.get("/admin/petitions/signature/?review=review").context["cl"].result_list
    assert {signature.email for signature in listed} == {
        "fast@example.org",
        "nocaptcha@example.org",
    }
    listed = client.get("/admin/petitions/signature/?review=spam").context["cl"].result_list
    assert [signature.email for signature in listed] == ["bot@example.org"]


def test_a_staff_member_sees_only_the_parts_they_may_open(client, django_user_model, event):
    add_photo(event, status=Moderation.PENDING)
    add_petition(event.campaign)
    moderator = django_user_model.objects.create_user("moderator", password="x", is_staff=True)
    moderator.user_permissions.add(Permission.objects.get(codename="change_photo"))

    response = dashboard(client, moderator)

    assert [queue.label for queue in response.context["review_queues"]] == ["Photos to approve"]
    assert response.context["open_petitions"] is None
    assert response.context["counter_health"] is None
    content = response.content.decode()
    assert "Open petitions" not in content
    assert "Free Jane Doe" not in content
    assert "Behind the scenes" not in content


def test_a_staff_member_without_permissions_sees_an_empty_dashboard(client, django_user_model):
    nobody = django_user_model.objects.create_user("nobody", password="x", is_staff=True)
    response = dashboard(client, nobody)
    assert response.context["review_queues"] == []
    assert "Waiting for review" not in response.content.decode()


def test_the_dashboard_tells_when_the_counters_were_last_brought_up_to_date(
    client, staff_editor, campaign
):
    petition = add_petition(campaign)
    content = dashboard(client, staff_editor).content.decode()
    assert "No update recorded yet." in content

    counter.log_change(petition.pk, 1)
    counter.log_change(petition.pk, 1)
    health = dashboard(client, staff_editor).context["counter_health"]
    assert (health["last_fold"], health["waiting"], health["is_behind"]) == (None, 2, False)

    CountChange.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=6))
    content = dashboard(client, staff_editor).content.decode()
    assert "2 confirmations wait to be added." in content
    assert "The counters are more than 5 minutes behind" in content

    before = timezone.now()
    counter.fold_counts()
    response = dashboard(client, staff_editor)
    health = response.context["counter_health"]
    assert health["last_fold"] >= before
    assert (health["waiting"], health["is_behind"]) == (0, False)
    assert "Brought up to date less than a minute ago." in response.content.decode()

    cache.set(counter.LAST_FOLD_KEY, timezone.now() - datetime.timedelta(minutes=3))
    content = dashboard(client, staff_editor).content.decode()
    assert "Last brought up to date 3\xa0minutes ago." in content


def add_task(status, path="petitions.emails.send_confirmation", **times):
    return DBTaskResult.objects.create(
        status=status,
        task_path=path,
        args_kwargs={"args": [1], "kwargs": {}},
        backend_name="default",
        run_after=timezone.now(),
        **times,
    )


def test_the_email_queue_shows_what_waits_and_what_failed_lately(
    client, staff_editor, admin_user, database_tasks
):
    waiting = add_task("READY")
    DBTaskResult.objects.filter(pk=waiting.pk).update(enqueued_at=days_ago(1))
    add_task("READY")
    add_task("READY", path="somewhere.else.task")
    add_task("FAILED", finished_at=days_ago(1))
    add_task("FAILED", finished_at=days_ago(8))
    add_task("SUCCESSFUL", finished_at=days_ago(0))

    response = dashboard(client, staff_editor)

    queue = response.context["email_queue"]
    assert (queue["pending"], queue["failed"], queue["is_stuck"]) == (2, 1, True)
    content = response.content.decode()
    assert "2 waiting to be sent." in content
    assert "1 failed in the last 7 days." in content
    assert "check the email worker (db_worker)" in content
    # Organisers see the counts; the task list itself is for administrators.
    assert queue["pending_url"] == ""
    assert client.get("/admin/django_tasks_database/dbtaskresult/").status_code == 403
    queue = dashboard(client, admin_user).context["email_queue"]
    assert queue["failed_url"] == "/admin/django_tasks_database/dbtaskresult/?status__exact=FAILED"


def test_without_a_queue_the_dashboard_says_emails_go_at_once(client, staff_editor):
    response = dashboard(client, staff_editor)
    assert response.context["email_queue"] is None
    assert "Sent at once, without a queue" in response.content.decode()
