from datetime import timedelta

import pytest
from django.utils import timezone

from petitions.models import Petition
from tests.factories import add_petition

pytestmark = pytest.mark.django_db


def test_the_petitions_page_lists_open_then_closed_petitions_and_hides_drafts(client, campaign):
    add_petition(campaign, "open-one", title="Open petition")
    add_petition(campaign, "closed-one", title="Closed petition", status=Petition.Status.CLOSED)
    add_petition(
        campaign,
        "expired-one",
        title="Expired petition",
        closes_at=timezone.now() - timedelta(hours=1),
    )
    add_petition(campaign, "draft-one", title="Draft petition", status=Petition.Status.DRAFT)
    add_petition(
        campaign, "future-one", title="Future petition", opens_at=timezone.now() + timedelta(days=1)
    )

    response = client.get("/petitions/")

    assert response.status_code == 200
    html = response.text
    open_part, closed_part = html.split("Closed petitions")
    assert "Open petition" in open_part
    assert "Sign the petition" in open_part
    assert "Closed petition" in closed_part and "Expired petition" in closed_part
    assert "Read the petition" in closed_part
    assert "Draft petition" not in html
    assert "Future petition" not in html


def test_the_petitions_page_says_so_when_none_is_open(client, db):
    response = client.get("/petitions/")
    assert "No petition is open for signatures right now." in response.text
    assert "Closed petitions" not in response.text


def test_every_page_links_to_the_petitions(client, db):
    assert 'href="/petitions/"' in client.get("/").text
    assert 'href="/fr/petitions/"' in client.get("/fr/").text


def test_the_campaign_page_shows_its_petitions_with_their_counters(client, campaign):
    add_petition(campaign, "free-jane", title="Free Jane Doe", offset=785)
    add_petition(campaign, "draft", title="Draft petition", status=Petition.Status.DRAFT)

    html = client.get(campaign.get_absolute_url()).text

    assert "Free Jane Doe" in html
    assert 'href="/petitions/free-jane/"' in html
    assert "785" in html
    assert "Draft petition" not in html
    assert "No petition is open for this campaign yet." not in html


def test_the_home_page_invites_visitors_to_sign_the_open_petitions(client, campaign):
    add_petition(campaign, "free-jane", title="Free Jane Doe")
    add_petition(campaign, "closed-one", title="Closed petition", status=Petition.Status.CLOSED)

    html = client.get("/").text

    assert "Sign now" in html
    assert 'href="/petitions/free-jane/"' in html
    assert "Closed petition" not in html
