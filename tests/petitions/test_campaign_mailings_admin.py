"""Organisers send an update to a whole campaign from the admin: a petition or a campaign,
exactly one, and the report as for a petition's update."""

import pytest
from django.core import mail

from petitions.models import Mailing
from tests.factories import add_petition, add_signature

pytestmark = pytest.mark.django_db
ADD = "/admin/petitions/mailing/add/"


@pytest.fixture
def organiser_client(client, staff_editor):
    client.force_login(staff_editor)
    return client


def update_form(**fields):
    return {"kind": "update", "subject_en": "Jane Doe wrote", "body_en": "A letter came."} | fields


def test_an_organiser_sends_an_update_to_a_campaign_and_reads_the_report(
    organiser_client, campaign, petition
):
    second = add_petition(campaign, "free-jane-doe-now")
    add_signature(petition, "ada@example.org", wants_updates=True)
    add_signature(second, "Ada@example.org", wants_updates=True)
    add_signature(second, "grace@example.org", wants_updates=True)
    add_signature(second, "left@example.org", wants_updates=True)
    add_signature(petition, "left@example.org", unsubscribed_at="2026-01-01T00:00Z")
    response = organiser_client.post(ADD, update_form(campaign=campaign.pk))
    assert response.status_code == 302, response.content.decode()[:3000]
    mailing = Mailing.objects.get()
    assert (mailing.campaign, mailing.petition) == (campaign, None)

    response = organiser_client.post(
        "/admin/petitions/mailing/",
        {"action": "send", "_selected_action": [mailing.pk]},
        follow=True,
    )
    assert "2 emails queued" in response.text
    assert len(mail.outbox) == 2

    page = organiser_client.get(f"/admin/petitions/mailing/{mailing.pk}/change/")
    assert "Sent: 2" in page.text
    assert "Failed: 0" in page.text
    assert "Pending: 0" in page.text
    assert "Unsubscribed since: 0" in page.text


def test_neither_a_petition_nor_a_campaign_is_refused_with_a_clear_error(organiser_client):
    response = organiser_client.post(ADD, update_form())
    assert response.status_code == 200
    assert "Choose the petition or the campaign whose signers get this email." in response.text
    assert "Jane Doe wrote" in response.text  # what was typed stays
    assert not Mailing.objects.exists()


def test_both_a_petition_and_a_campaign_is_refused_with_a_clear_error(
    organiser_client, campaign, petition
):
    response = organiser_client.post(ADD, update_form(campaign=campaign.pk, petition=petition.pk))
    assert response.status_code == 200
    assert "Choose a petition or a campaign, not both" in response.text
    assert not Mailing.objects.exists()


def test_a_milestone_email_for_a_whole_campaign_is_refused(organiser_client, campaign):
    response = organiser_client.post(ADD, update_form(campaign=campaign.pk, kind="delivered"))
    assert response.status_code == 200
    assert "Only updates go to a whole campaign" in response.text
    assert not Mailing.objects.exists()
