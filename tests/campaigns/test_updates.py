import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Campaign, CaseUpdate
from tests.factories import add_update

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_an_update_is_a_draft_then_scheduled_then_published(campaign):
    update = add_update(campaign, days_ago=None)
    now = timezone.now()
    assert update.status() == CaseUpdate.Status.DRAFT
    update.publish_at = now + datetime.timedelta(hours=1)
    assert update.status(now) == CaseUpdate.Status.SCHEDULED
    assert update.status(now + datetime.timedelta(hours=2)) == CaseUpdate.Status.PUBLISHED


def test_only_published_updates_of_published_campaigns_are_public(campaign, unpublished_campaign):
    published = add_update(campaign, "Out")
    add_update(campaign, "Draft", days_ago=None)
    add_update(campaign, "Tomorrow", days_ago=-1)
    add_update(unpublished_campaign, "Hidden")
    assert list(CaseUpdate.objects.published()) == [published]


def test_the_update_page_shows_the_sanitised_text(client, campaign):
    update = add_update(campaign, "Verdict", body="The **verdict** <script>alert(1)</script>")
    response = client.get(update.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert '<h1 lang="en">Verdict</h1>' in content
    assert "<strong>verdict</strong>" in content
    assert "<script>alert" not in content


@pytest.mark.parametrize("days_ago", [None, -1])
def test_drafts_and_scheduled_updates_are_not_found(client, campaign, days_ago):
    update = add_update(campaign, "Soon", days_ago=days_ago)
    assert client.get(update.get_absolute_url()).status_code == 404


def test_an_organiser_previews_a_draft_from_the_admin(client, campaign, staff_editor):
    update = add_update(campaign, "Soon", days_ago=None)
    client.force_login(staff_editor)
    response = client.get(update.get_absolute_url())
    assert response.status_code == 200
    assert "Preview: this update is not published (draft)." in response.content.decode()


def test_the_update_list_is_paginated_newest_first(client, campaign):
    for number in range(12):
        add_update(campaign, f"Update {number}", days_ago=number + 1)
    url = reverse("campaigns:update_list", args=[campaign.slug])
    first = client.get(url).content.decode()
    assert "Update 0" in first and "Update 9" in first and "Update 10" not in first
    assert first.index("Update 0") < first.index("Update 9")
    assert "Page 1 of 2" in first
    second = client.get(url, {"page": 2}).content.decode()
    assert "Update 10" in second and "Update 11" in second and "Update 9<" not in second
    assert client.get(url, {"page": "999"}).status_code == 200


def test_the_site_wide_list_names_each_campaign(client, campaign, unpublished_campaign):
    add_update(campaign, "Visible")
    add_update(unpublished_campaign, "Invisible")
    content = client.get(reverse("campaigns:updates")).content.decode()
    assert "Visible" in content and "Jane Doe" in content
    assert "Invisible" not in content


def test_the_campaign_page_and_the_home_page_show_the_latest_updates(client, campaign):
    add_update(campaign, "Hearing postponed")
    add_update(campaign, "Unwritten", days_ago=None)
    for url in (campaign.get_absolute_url(), reverse("home")):
        content = client.get(url).content.decode()
        assert "Hearing postponed" in content
        assert "Unwritten" not in content


def test_the_campaign_update_list_of_an_unpublished_campaign_is_not_found(
    client, unpublished_campaign
):
    url = reverse("campaigns:update_list", args=[unpublished_campaign.slug])
    assert client.get(url).status_code == 404


def test_the_campaign_atom_feed_lists_its_published_updates(client, campaign, unpublished_campaign):
    add_update(campaign, "Appeal lodged", body="An **appeal**.")
    add_update(campaign, "Draft", days_ago=None)
    add_update(unpublished_campaign, "Elsewhere")
    response = client.get(reverse("campaigns:update_atom", args=[campaign.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Appeal lodged"]
    assert feed.findtext(f"{ATOM}title") == "Jane Doe: case updates"
    link = next(feed.iter(f"{ATOM}entry")).find(f"{ATOM}link").get("href")
    assert link == "http://testserver/campaigns/jane-doe/updates/appeal-lodged/"


def test_the_campaign_rss_feed_lists_its_published_updates(client, campaign):
    add_update(campaign, "Appeal lodged", body="An **appeal**.")
    response = client.get(reverse("campaigns:update_rss", args=[campaign.slug]))
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Appeal lodged"]
    assert "<strong>appeal</strong>" in items[0].findtext("description")
    assert items[0].findtext("pubDate")


def test_the_site_wide_feeds_cover_every_published_campaign(client, campaign, unpublished_campaign):
    add_update(campaign, "Public news")
    add_update(unpublished_campaign, "Private news")
    rss = client.get(reverse("campaigns:updates_rss")).content.decode()
    atom = client.get(reverse("campaigns:updates_atom")).content.decode()
    for feed in (rss, atom):
        assert "Public news" in feed
        assert "Private news" not in feed


def test_the_feed_of_an_unpublished_campaign_is_not_found(client, unpublished_campaign):
    url = reverse("campaigns:update_rss", args=[unpublished_campaign.slug])
    assert client.get(url).status_code == 404


def test_a_campaign_cannot_take_the_slug_of_the_updates_page(db):
    with pytest.raises(ValidationError):
        Campaign(slug="updates", name="X", summary="x").full_clean()


@pytest.mark.parametrize("slug", ["rss", "atom"])
def test_an_update_cannot_take_the_address_of_a_feed(campaign, slug):
    update = CaseUpdate(campaign=campaign, title="Feed", slug=slug, body="Text")
    with pytest.raises(ValidationError) as error:
        update.full_clean()
    assert "slug" in error.value.message_dict


def test_a_campaign_cannot_take_the_address_of_the_site_wide_updates(db):
    campaign = Campaign(slug="updates", name="Updates", summary="Clash")
    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert "slug" in error.value.message_dict


def test_the_admin_refuses_an_update_slug_that_a_feed_uses(client, admin_user, campaign):
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:campaigns_caseupdate_add"),
        {"campaign": campaign.pk, "title": "RSS", "slug": "rss", "body": "Text"},
    )
    assert response.status_code == 200
    assert "“rss” is the address of another page; choose another." in response.content.decode()
    assert not CaseUpdate.objects.exists()
