"""One-click Approve and Reject on each row of the moderation lists (campaigns.admin.moderated)."""

import os

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from campaigns.models import LocalAction, Moderation, Photo
from tests.factories import add_local_action, add_photo

pytestmark = pytest.mark.django_db

PENDING_PHOTOS = "/admin/campaigns/photo/?status__exact=pending"


def decide(client, submission, decision, **data):
    opts = submission._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{decision}", args=[submission.pk])
    return client.post(url, data)


def test_one_click_approves_a_photo_logs_it_and_comes_back_to_the_list(client, staff_editor, event):
    photo = add_photo(event, caption="At the Vieux-Port", status=Moderation.PENDING)
    client.force_login(staff_editor)

    response = decide(client, photo, "approve", next=PENDING_PHOTOS)

    assert response.status_code == 302
    assert response["Location"] == PENDING_PHOTOS
    photo.refresh_from_db()
    assert photo.status == Moderation.APPROVED and photo.reviewed_at is not None
    [entry] = LogEntry.objects.all()
    assert (entry.user, entry.object_id, entry.action_flag) == (staff_editor, str(photo.pk), CHANGE)
    assert entry.get_change_message() == "Approved: published on the site."
    message = client.get(PENDING_PHOTOS).content.decode()
    assert "“Paris (FR)” is approved: it is on the site now." in message
    assert "At the Vieux-Port" in client.get(photo.get_absolute_url()).content.decode()


def test_one_click_rejects_a_local_action_and_a_photo_whose_files_go(
    client, staff_editor, event, django_capture_on_commit_callbacks
):
    action = add_local_action(event, "Lyon", status=Moderation.PENDING)
    photo = add_photo(event, status=Moderation.APPROVED)
    paths = [photo.image.path, photo.thumbnail.path]
    client.force_login(staff_editor)

    decide(client, action, "reject")
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, photo, "reject")

    assert LocalAction.objects.get().status == Moderation.REJECTED
    photo.refresh_from_db()
    assert photo.status == Moderation.REJECTED and not photo.image
    assert not any(os.path.exists(path) for path in paths)
    assert LogEntry.objects.filter(change_message="Rejected: kept off the site.").count() == 2
    assert "Lyon" not in client.get(event.get_absolute_url()).content.decode()


def test_a_rejected_photo_cannot_be_approved_and_nothing_is_logged(client, staff_editor, event):
    photo = add_photo(event, status=Moderation.PENDING)
    client.force_login(staff_editor)
    decide(client, photo, "reject")

    response = decide(client, photo, "approve")

    assert response["Location"] == "/admin/campaigns/photo/"
    assert Photo.objects.get().status == Moderation.REJECTED
    assert LogEntry.objects.count() == 1
    content = client.get("/admin/campaigns/photo/").content.decode()
    assert "its files were deleted when it was rejected." in content


def test_approving_twice_changes_nothing_the_second_time(client, staff_editor, event):
    action = add_local_action(event, status=Moderation.PENDING)
    client.force_login(staff_editor)
    decide(client, action, "approve")
    decide(client, action, "approve")
    assert LogEntry.objects.count() == 1
    content = client.get("/admin/campaigns/localaction/").content.decode()
    assert "was already approved." in content


def test_the_buttons_only_answer_a_post_with_the_csrf_token(staff_editor, event):
    photo = add_photo(event, status=Moderation.PENDING)
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_editor)
    url = reverse("admin:campaigns_photo_approve", args=[photo.pk])

    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403

    client.get("/admin/campaigns/photo/")  # sets the CSRF cookie, as a browser would
    token = client.cookies["csrftoken"].value
    assert client.post(url, {"csrfmiddlewaretoken": token}).status_code == 302
    assert Photo.objects.get().status == Moderation.APPROVED


def test_who_may_not_change_submissions_cannot_decide(client, django_user_model, event):
    photo = add_photo(event, status=Moderation.PENDING)
    url = reverse("admin:campaigns_photo_approve", args=[photo.pk])
    assert client.post(url)["Location"].startswith("/admin/login/")

    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_photo"))
    client.force_login(viewer)
    assert client.post(url).status_code == 403
    assert "moderation-button" not in client.get("/admin/campaigns/photo/").content.decode()
    assert Photo.objects.get().status == Moderation.PENDING
    assert not LogEntry.objects.exists()


def test_an_unknown_submission_is_a_404(client, staff_editor):
    client.force_login(staff_editor)
    assert client.post("/admin/campaigns/photo/999999/approve/").status_code == 404


def test_the_way_back_stays_on_the_list(client, staff_editor, event):
    action = add_local_action(event, status=Moderation.PENDING)
    client.force_login(staff_editor)
    for elsewhere in ("https://evil.example/admin/", "/admin/auth/user/", "//evil.example/"):
        response = decide(client, action, "reject", next=elsewhere)
        assert response["Location"] == "/admin/campaigns/localaction/"


def test_each_row_has_the_buttons_its_status_allows(client, staff_editor, event):
    pending = add_photo(event, "Lyon", status=Moderation.PENDING)
    approved = add_photo(event, "Nice", status=Moderation.APPROVED)
    client.force_login(staff_editor)
    decide(client, add_photo(event, "Metz", status=Moderation.PENDING), "reject")

    content = client.get("/admin/campaigns/photo/?o=2").content.decode()

    def formaction(photo, decision):
        return f'formaction="/admin/campaigns/photo/{photo.pk}/{decision}/"'

    assert formaction(pending, "approve") in content and formaction(pending, "reject") in content
    assert formaction(approved, "reject") in content
    assert formaction(approved, "approve") not in content
    assert content.count("moderation-button--") == 3
    assert '<input type="hidden" name="next" value="/admin/campaigns/photo/?o=2">' in content


def test_bulk_decisions_log_each_item_that_changed(client, staff_editor, event):
    lyon = add_local_action(event, "Lyon", status=Moderation.PENDING)
    nice = add_local_action(event, "Nice", status=Moderation.PENDING)
    metz = add_local_action(event, "Metz", status=Moderation.APPROVED)
    client.force_login(staff_editor)
    client.post(
        reverse("admin:campaigns_localaction_changelist"),
        {"action": "approve", "_selected_action": [lyon.pk, nice.pk, metz.pk]},
    )
    logged = set(LogEntry.objects.values_list("object_id", flat=True))
    assert logged == {str(lyon.pk), str(nice.pk)}
