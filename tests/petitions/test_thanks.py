import pytest

from petitions.models import Petition

pytestmark = pytest.mark.django_db


def thanks_page(client, petition, prefix=""):
    response = client.get(f"{prefix}/petitions/{petition.slug}/thanks/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_next_action_is_the_petitions_own_when_it_has_one(client, petition, event):
    Petition.objects.filter(pk=petition.pk).update(
        next_action_url="https://example.org/write", next_action_text="Write to Jane"
    )
    content = thanks_page(client, petition)
    assert '<a class="button" href="https://example.org/write" lang="en">Write to Jane</a>' in (
        content
    )
    assert event.get_absolute_url() not in content


def test_without_one_the_next_action_is_the_campaigns_next_event(client, petition, event):
    content = thanks_page(client, petition)
    assert "What next?" in content
    assert f'<a class="button" href="{event.get_absolute_url()}">Day of solidarity, ' in content


def test_unpublished_and_past_events_fall_back_to_the_campaign_page(
    client, petition, event, past_event
):
    event.is_published = False
    event.save()
    content = thanks_page(client, petition)
    assert event.get_absolute_url() not in content
    assert past_event.get_absolute_url() not in content
    assert f'<a href="{petition.campaign.get_absolute_url()}">More about Jane Doe' in content


def test_on_the_french_page_the_next_event_is_dated_in_french(client, petition, event):
    content = thanks_page(client, petition, prefix="/fr")
    month = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"][event.starts_on.month - 1]  # fmt: skip
    assert f"Day of solidarity, {event.starts_on.day} {month} {event.starts_on.year}" in content
