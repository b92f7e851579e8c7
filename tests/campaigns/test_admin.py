import os

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from campaigns.models import LocalAction, Moderation, Photo
from tests.factories import add_local_action, add_photo, add_update, event_admin_form

pytestmark = pytest.mark.django_db


def test_the_organisers_group_may_edit_content_and_moderate_but_not_manage_users():
    organisers = Group.objects.get(name="Organisers")
    codenames = set(organisers.permissions.values_list("codename", flat=True))
    for model in ("campaign", "timelineentry", "caseupdate", "event", "localaction", "photo"):
        assert {f"add_{model}", f"change_{model}", f"view_{model}"} <= codenames
    assert not organisers.permissions.filter(content_type__app_label="auth").exists()
    assert Permission.objects.filter(codename="change_user").exists()


def test_an_organiser_cannot_open_user_management(client, staff_editor):
    client.force_login(staff_editor)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(reverse("admin:campaigns_campaign_changelist")).status_code == 200


def test_organisers_approve_local_actions_in_bulk(client, staff_editor, event):
    lyon = add_local_action(event, "Lyon", status=Moderation.PENDING)
    nice = add_local_action(event, "Nice", status=Moderation.PENDING)
    metz = add_local_action(event, "Metz", status=Moderation.PENDING)
    client.force_login(staff_editor)
    response = client.post(
        reverse("admin:campaigns_localaction_changelist"),
        {"action": "approve", "_selected_action": [lyon.pk, nice.pk]},
        follow=True,
    )
    assert "2 items approved." in response.content.decode()
    statuses = dict(LocalAction.objects.values_list("city", "status"))
    assert statuses == {"Lyon": "approved", "Nice": "approved", "Metz": "pending"}
    assert LocalAction.objects.get(pk=lyon.pk).reviewed_at is not None
    assert "Lyon" in client.get(event.get_absolute_url()).content.decode()
    assert metz.city not in client.get(event.get_absolute_url()).content.decode()


def test_organisers_reject_photos_in_bulk_and_see_thumbnails(client, staff_editor, event):
    photo = add_photo(event, status=Moderation.PENDING)
    client.force_login(staff_editor)
    changelist = client.get(reverse("admin:campaigns_photo_changelist")).content.decode()
    assert f'<img src="{photo.thumbnail.url}"' in changelist
    client.post(
        reverse("admin:campaigns_photo_changelist"),
        {"action": "reject", "_selected_action": [photo.pk]},
    )
    assert Photo.objects.get().status == Moderation.REJECTED


def test_deleting_a_photo_in_the_admin_removes_its_files(
    admin_client, event, django_capture_on_commit_callbacks
):
    photo = add_photo(event)
    paths = [photo.image.path, photo.thumbnail.path]
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:campaigns_photo_changelist"),
            {"action": "delete_selected", "_selected_action": [photo.pk], "post": "yes"},
        )
    assert not Photo.objects.exists()
    assert not any(os.path.exists(path) for path in paths)


def test_every_admin_page_opens(admin_client, campaign, event):
    update = add_update(campaign)
    action = add_local_action(event)
    photo = add_photo(event)
    for name, args in [
        ("admin:index", []),
        ("admin:campaigns_campaign_changelist", []),
        ("admin:campaigns_campaign_add", []),
        ("admin:campaigns_campaign_change", [campaign.pk]),
        ("admin:campaigns_caseupdate_changelist", []),
        ("admin:campaigns_caseupdate_change", [update.pk]),
        ("admin:campaigns_event_changelist", []),
        ("admin:campaigns_event_change", [event.pk]),
        ("admin:campaigns_localaction_changelist", []),
        ("admin:campaigns_localaction_change", [action.pk]),
        ("admin:campaigns_photo_changelist", []),
        ("admin:campaigns_photo_change", [photo.pk]),
    ]:
        assert admin_client.get(reverse(name, args=args)).status_code == 200, name
    for status in ("draft", "scheduled", "published"):
        url = reverse("admin:campaigns_caseupdate_changelist")
        assert admin_client.get(url, {"status": status}).status_code == 200


def test_view_on_site_previews_a_draft_update(client, staff_editor, campaign):
    update = add_update(campaign, "Draft news", days_ago=None)
    client.force_login(staff_editor)
    change = client.get(reverse("admin:campaigns_caseupdate_change", args=[update.pk]))
    assert "View on site" in change.content.decode()
    content_type = ContentType.objects.get_for_model(update)
    response = client.get(
        reverse("admin:view_on_site", args=[content_type.pk, update.pk]), follow=True
    )
    assert "Preview: this update is not published (draft)." in response.content.decode()


def stored(photo):
    return [photo.image.path, photo.thumbnail.path]


def test_changing_a_local_action_status_in_its_form_records_the_review(admin_client, event):
    action = add_local_action(event, "Lyon", status=Moderation.PENDING)
    url = reverse("admin:campaigns_localaction_change", args=[action.pk])
    data = admin_client.get(url).context["adminform"].form.initial
    data = {name: value for name, value in data.items() if value is not None}
    data.update(status=Moderation.APPROVED, starts_on=action.starts_on.isoformat())
    data.update(start_time="18:00")
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    action.refresh_from_db()
    assert action.status == Moderation.APPROVED
    assert action.reviewed_at is not None


def test_changing_a_status_in_the_event_inline_records_the_review(admin_client, event):
    action = add_local_action(event, "Lyon", status=Moderation.PENDING)
    untouched = add_local_action(event, "Nice", status=Moderation.PENDING)
    data = event_admin_form(
        event, **{"local_actions-TOTAL_FORMS": "2", "local_actions-INITIAL_FORMS": "2"}
    )
    for index, (local_action, status) in enumerate(
        [(action, Moderation.APPROVED), (untouched, Moderation.PENDING)]
    ):
        prefix = f"local_actions-{index}-"
        data.update(
            {
                prefix + "id": local_action.pk,
                prefix + "event": event.pk,
                prefix + "status": status,
                prefix + "country": "FR",
                prefix + "city": local_action.city,
                prefix + "place": local_action.place,
                prefix + "starts_on": local_action.starts_on.isoformat(),
                prefix + "start_time": "18:00",
                prefix + "time_zone": "Europe/Paris",
                prefix + "submitter_email": local_action.submitter_email,
            }
        )
    response = admin_client.post(reverse("admin:campaigns_event_change", args=[event.pk]), data)
    assert response.status_code == 302
    action.refresh_from_db()
    untouched.refresh_from_db()
    assert action.status == Moderation.APPROVED and action.reviewed_at is not None
    assert untouched.reviewed_at is None


def photo_form_data(photo, **changes):
    return {
        "event": photo.event.pk,
        "status": photo.status,
        "city": photo.city,
        "country": photo.country.code,
        "consent": "on",
        **changes,
    }


def test_rejecting_a_photo_in_its_form_records_the_review_and_deletes_its_files(
    admin_client, event, django_capture_on_commit_callbacks
):
    photo = add_photo(event, status=Moderation.PENDING)
    paths = stored(photo)
    url = reverse("admin:campaigns_photo_change", args=[photo.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, photo_form_data(photo, status=Moderation.REJECTED))
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.status == Moderation.REJECTED and photo.reviewed_at is not None
    assert not photo.image and not photo.thumbnail
    assert not any(os.path.exists(path) for path in paths)
    assert admin_client.get(url).status_code == 200
    assert admin_client.get(reverse("admin:campaigns_photo_changelist")).status_code == 200

    response = admin_client.post(url, photo_form_data(photo, status=Moderation.APPROVED))
    assert response.status_code == 200
    assert "its files were deleted when it was rejected." in response.content.decode()
    assert Photo.objects.get().status == Moderation.REJECTED


def test_rejecting_photos_in_bulk_deletes_their_files_and_they_cannot_come_back(
    client, staff_editor, event, django_capture_on_commit_callbacks
):
    photo = add_photo(event, status=Moderation.PENDING)
    kept = add_photo(event, status=Moderation.PENDING)
    paths = stored(photo)
    client.force_login(staff_editor)
    changelist = reverse("admin:campaigns_photo_changelist")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(changelist, {"action": "reject", "_selected_action": [photo.pk]})
    assert not any(os.path.exists(path) for path in paths)
    assert all(os.path.exists(path) for path in stored(kept))
    client.post(changelist, {"action": "approve", "_selected_action": [photo.pk, kept.pk]})
    statuses = dict(Photo.objects.values_list("pk", "status"))
    assert statuses == {photo.pk: Moderation.REJECTED, kept.pk: Moderation.APPROVED}
    assert client.get(event.get_absolute_url()).status_code == 200


def test_deleting_an_event_deletes_the_files_of_its_photos(
    admin_client, event, django_capture_on_commit_callbacks
):
    photo = add_photo(event)
    paths = stored(photo)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:campaigns_event_delete", args=[event.pk]), {"post": "yes"}
        )
    assert response.status_code == 302
    assert not Photo.objects.exists()
    assert not any(os.path.exists(path) for path in paths)


def test_campaign_event_and_update_texts_have_a_preview(client, staff_editor, campaign, event):
    client.force_login(staff_editor)
    for model, fields in [
        ("campaign", {"name": "Jane Doe", "biography": "A **journalist**.", "charges": ""}),
        ("event", {"title": "Day", "description": "", "call_to_action": "Hold a **rally**."}),
        ("caseupdate", {"title": "News", "body": "Moved to **prison no. 2**."}),
    ]:
        assert (
            'formtarget="_blank"' in client.get(f"/admin/campaigns/{model}/add/").content.decode()
        )
        response = client.post(f"/admin/campaigns/{model}/preview/", fields)
        assert response.status_code == 200, model
        assert "<strong>" in response.content.decode(), model


def test_the_campaign_preview_shows_the_timeline_texts_but_those_being_deleted(admin_client):
    response = admin_client.post(
        "/admin/campaigns/campaign/preview/",
        {
            "name": "Jane Doe",
            "timeline-TOTAL_FORMS": "3",
            "timeline-0-title": "Arrested",
            "timeline-0-text": "Taken at **dawn**.",
            "timeline-1-title": "Removed",
            "timeline-1-text": "Not *this* one.",
            "timeline-1-DELETE": "on",
            "timeline-2-title": "Nothing written",
        },
    )
    content = response.content.decode()
    assert "<h3>Arrested</h3>" in content
    assert "Taken at <strong>dawn</strong>." in content
    assert "Removed" not in content and "Nothing written" not in content
