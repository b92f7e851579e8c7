"""Organisers write an update in the admin, send it and read its report."""

import pytest
from django.core import mail

from petitions.models import Mailing, Recipient
from tests.factories import add_signature

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser_client(client, staff_editor):
    client.force_login(staff_editor)
    return client


def test_an_organiser_writes_an_update_sends_it_and_reads_the_report(organiser_client, petition):
    add_signature(petition, "ada@example.org", wants_updates=True)
    add_signature(petition, "grace@example.org", wants_updates=True)
    add_signature(petition, "quiet@example.org")
    response = organiser_client.post(
        "/admin/petitions/mailing/add/",
        {
            "petition": petition.pk,
            "kind": "update",
            "subject_en": "The hearing is postponed",
            "body_en": "New date to come.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    mailing = Mailing.objects.get()
    assert mail.outbox == []  # saving is not sending

    response = organiser_client.post(
        "/admin/petitions/mailing/",
        {"action": "send", "_selected_action": [mailing.pk]},
        follow=True,
    )
    assert "2 emails queued" in response.text
    assert sorted(m.to[0] for m in mail.outbox) == ["ada@example.org", "grace@example.org"]

    page = organiser_client.get(f"/admin/petitions/mailing/{mailing.pk}/change/")
    assert page.status_code == 200
    assert "Sent: 2" in page.text
    assert "Failed: 0" in page.text
    assert "Pending: 0" in page.text
    assert "Unsubscribed since: 0" in page.text


def test_sending_again_is_refused_with_a_message(organiser_client, petition):
    add_signature(petition, "ada@example.org", wants_updates=True)
    mailing = Mailing.objects.create(petition=petition, subject_en="News", body_en="Text")
    send = {"action": "send", "_selected_action": [mailing.pk]}
    organiser_client.post("/admin/petitions/mailing/", send)
    response = organiser_client.post("/admin/petitions/mailing/", send, follow=True)
    assert "already sent" in response.text
    assert len(mail.outbox) == 1
    assert Recipient.objects.count() == 1


def test_a_milestone_email_is_refused_while_milestones_are_off(organiser_client, petition):
    add_signature(petition, "ada@example.org", wants_updates=True)
    mailing = Mailing.objects.create(
        petition=petition, kind=Mailing.Kind.DELIVERED, subject_en="Delivered", body_en="Done"
    )
    send = {"action": "send", "_selected_action": [mailing.pk]}
    response = organiser_client.post("/admin/petitions/mailing/", send, follow=True)
    assert "milestone emails are off" in response.text
    assert mail.outbox == []
