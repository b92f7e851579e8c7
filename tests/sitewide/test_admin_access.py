"""Every admin page an organiser may reach, and those they may not (users, permissions, tasks).

Organisers are staff in the Organisers group, as the migrations set it up; a staff member with
no permission and an anonymous visitor reach none of the back office's own views.
"""

import pytest
from django.urls import reverse

from campaigns.models import Moderation
from tests.factories import add_local_action, add_petition, add_photo, add_signature, add_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(event):
    petition = add_petition(event.campaign)
    return {
        "petition": petition,
        "signature": add_signature(petition, "a@example.org"),
        "campaign": event.campaign,
        "update": add_update(event.campaign),
        "event": event,
        "action": add_local_action(event, status=Moderation.PENDING),
        "photo": add_photo(event, status=Moderation.PENDING),
    }


ORGANISER_PAGES = [
    ("admin:index", None),
    ("admin:petitions_petition_changelist", None),
    ("admin:petitions_petition_add", None),
    ("admin:petitions_petition_change", "petition"),
    ("admin:petitions_petition_history", "petition"),
    ("admin:petitions_petition_statistics", "petition"),
    ("admin:petitions_petition_export", "petition"),
    ("admin:petitions_petition_statistics_countries", "petition"),
    ("admin:petitions_petition_statistics_days", "petition"),
    ("admin:petitions_signature_changelist", None),
    ("admin:petitions_signature_change", "signature"),
    ("admin:petitions_blockeddomain_changelist", None),
    ("admin:petitions_blockeddomain_add", None),
    ("admin:petitions_blockediprange_changelist", None),
    ("admin:petitions_blockediprange_add", None),
    ("admin:campaigns_campaign_changelist", None),
    ("admin:campaigns_campaign_add", None),
    ("admin:campaigns_campaign_change", "campaign"),
    ("admin:campaigns_caseupdate_changelist", None),
    ("admin:campaigns_caseupdate_change", "update"),
    ("admin:campaigns_event_changelist", None),
    ("admin:campaigns_event_change", "event"),
    ("admin:campaigns_localaction_changelist", None),
    ("admin:campaigns_localaction_change", "action"),
    ("admin:campaigns_photo_changelist", None),
    ("admin:campaigns_photo_change", "photo"),
    ("admin:app_list", "petitions"),
    ("admin:password_change", None),
]
# What an organiser posts to, beside Django's own forms.
ORGANISER_POSTS = [
    ("admin:petitions_petition_preview", None, 200),
    ("admin:campaigns_campaign_preview", None, 200),
    ("admin:campaigns_event_preview", None, 200),
    ("admin:campaigns_caseupdate_preview", None, 200),
    ("admin:campaigns_localaction_approve", "action", 302),
    ("admin:campaigns_photo_reject", "photo", 302),
]
NEVER_FOR_ORGANISERS = [
    "admin:auth_user_changelist",
    "admin:auth_user_add",
    "admin:auth_group_changelist",
    "admin:auth_group_add",
    "admin:django_tasks_database_dbtaskresult_changelist",
    "admin:petitions_signature_add",  # signatures come from signers only
    "admin:campaigns_photo_add",  # photos come through the public form, which cleans them
]
BACK_OFFICE_VIEWS = [
    *((name, arg, "get") for name, arg in ORGANISER_PAGES if arg == "petition"),
    *((name, arg, "post") for name, arg, _status in ORGANISER_POSTS),
]


def url(name, arg, objects):
    if arg is None:
        return reverse(name)
    if arg == "petitions":
        return reverse(name, kwargs={"app_label": arg})
    return reverse(name, args=[objects[arg].pk])


@pytest.mark.parametrize(("name", "arg"), ORGANISER_PAGES)
def test_an_organiser_opens(client, staff_editor, objects, name, arg):
    client.force_login(staff_editor)
    assert client.get(url(name, arg, objects)).status_code == 200


@pytest.mark.parametrize(("name", "arg", "status"), ORGANISER_POSTS)
def test_an_organiser_posts_to(client, staff_editor, objects, name, arg, status):
    client.force_login(staff_editor)
    assert client.post(url(name, arg, objects), {"body": "*text*"}).status_code == status


@pytest.mark.parametrize("name", NEVER_FOR_ORGANISERS)
def test_an_organiser_never_opens(client, staff_editor, name):
    client.force_login(staff_editor)
    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize(("name", "arg", "method"), BACK_OFFICE_VIEWS)
def test_staff_without_permissions_reach_none_of_the_back_office_views(
    client, django_user_model, objects, name, arg, method
):
    staff = django_user_model.objects.create_user("staff", password="x", is_staff=True)
    client.force_login(staff)
    response = getattr(client, method)(url(name, arg, objects))
    assert response.status_code == 403
    objects["action"].refresh_from_db()
    objects["photo"].refresh_from_db()
    assert objects["action"].status == objects["photo"].status == Moderation.PENDING


@pytest.mark.parametrize(("name", "arg", "method"), BACK_OFFICE_VIEWS)
def test_visitors_are_sent_to_the_login_page(client, objects, name, arg, method):
    response = getattr(client, method)(url(name, arg, objects))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
