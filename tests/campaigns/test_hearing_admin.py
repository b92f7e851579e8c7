import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Hearing
from tests.factories import add_hearing

pytestmark = pytest.mark.django_db


def hearing_form(campaign, **fields):
    """The admin's add form for a hearing as an organiser fills it in."""
    return {
        "campaign": campaign.pk,
        "starts_on": (timezone.localdate() + datetime.timedelta(days=10)).isoformat(),
        "start_time": "10:00",
        "time_zone": "Europe/Moscow",
        "court_en": "Moscow City Court",
        "courtroom_en": "Room 635",
        "subject_en": "Appeal",
        "public_access": "yes",
        "is_published": "on",
        **fields,
    }


def test_organisers_may_run_hearings():
    codenames = set(
        Group.objects.get(name="Organisers").permissions.values_list("codename", flat=True)
    )
    assert {"add_hearing", "change_hearing", "view_hearing", "delete_hearing"} <= codenames


def test_an_organiser_adds_a_hearing_in_the_courts_time_zone(client, staff_editor, campaign):
    client.force_login(staff_editor)
    response = client.post(reverse("admin:campaigns_hearing_add"), hearing_form(campaign))
    assert response.status_code == 302
    hearing = Hearing.objects.get()
    assert hearing.court == "Moscow City Court"
    assert hearing.local_start.hour == 10
    assert hearing.starts_at.hour == 7


def test_the_admin_refuses_an_outcome_for_a_hearing_ahead(client, staff_editor, campaign):
    client.force_login(staff_editor)
    response = client.post(
        reverse("admin:campaigns_hearing_add"), hearing_form(campaign, outcome_en="Acquitted")
    )
    assert response.status_code == 200
    assert "only once it has taken place" in response.content.decode()
    assert not Hearing.objects.exists()


def test_the_hearing_list_filters_upcoming_and_past_hearings(
    client, staff_editor, campaign, unpublished_campaign
):
    add_hearing(campaign, court="Court ahead")
    add_hearing(campaign, days_ahead=-5, court="Court behind")
    add_hearing(unpublished_campaign, court="Other campaign's court")
    client.force_login(staff_editor)
    url = reverse("admin:campaigns_hearing_changelist")
    upcoming = client.get(url, {"when": "upcoming"}).content.decode()
    assert "Court ahead" in upcoming and "Court behind" not in upcoming
    past = client.get(url, {"when": "past"}).content.decode()
    assert "Court behind" in past and "Court ahead" not in past
    mine = client.get(url, {"campaign__id__exact": campaign.pk}).content.decode()
    assert "Other campaign&#x27;s court" not in mine and "Court ahead" in mine
    hearing = Hearing.objects.get(court="Court ahead")
    assert (
        client.get(reverse("admin:campaigns_hearing_change", args=[hearing.pk])).status_code == 200
    )


def test_the_admin_menu_lists_hearings_after_events(admin_client):
    menu = admin_client.get(reverse("admin:index")).content.decode()
    assert menu.index("/admin/campaigns/event/") < menu.index("/admin/campaigns/hearing/")
    assert menu.index("/admin/campaigns/hearing/") < menu.index("/admin/campaigns/localaction/")
