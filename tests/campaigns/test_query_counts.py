"""A page costs the same number of queries whether it shows one item of each kind or many."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Event, Moderation
from campaigns.views import LETTERS_ON_WALL
from tests.factories import (
    add_hearing,
    add_letter,
    add_local_action,
    add_message,
    add_petition,
    add_photo,
    add_timeline_entry,
    add_update,
)

pytestmark = pytest.mark.django_db

SIZES = [1, 12]


def fill(event, size):
    campaign = event.campaign
    for number in range(size):
        add_timeline_entry(campaign, datetime.date(2020, 1, 1 + number), f"Entry {number}")
        add_update(campaign, f"Update {number}", days_ago=number + 1)
        add_local_action(event, f"City {number}", ("FR", "DE", "NO")[number % 3])
        add_photo(event, f"City {number}")
        add_hearing(campaign, days_ahead=(-1) ** number * (number + 1), court=f"Court {number}")
        add_message(campaign, f"Message {number}")
        Event.objects.create(
            campaign=campaign,
            title=f"Event {number}",
            slug=f"event-{number}",
            starts_on=event.starts_on + datetime.timedelta(days=(-1) ** number * 400),
            is_published=True,
        )


@pytest.mark.parametrize("size", SIZES)
def test_the_campaign_page_costs_eight_queries(client, event, size, django_assert_num_queries):
    fill(event, size)
    for number in range(size):
        add_petition(event.campaign, f"petition-{number}")
    # campaign, timeline, latest updates, upcoming events, past events, petitions, hearings, the
    # newest messages of solidarity with their count
    with django_assert_num_queries(8):
        response = client.get(event.campaign.get_absolute_url())
    html = response.content.decode()
    # Past hearings join the timeline (on days of their own here): one in two is past.
    assert html.count('class="timeline__entry"') == size + size // 2
    assert html.count('class="card petition-card"') == size
    assert html.count('class="hearing"') == (size + 1) // 2
    assert html.count('class="solidarity-message"') == size


@pytest.mark.parametrize("size", SIZES)
def test_letters_add_two_queries_to_the_campaign_page(
    client, event, size, django_assert_num_queries
):
    fill(event, size)
    campaign = event.campaign
    campaign.accepts_letters = True
    campaign.save()
    for number in range(size):
        add_petition(campaign, f"petition-{number}")
        add_letter(
            campaign,
            f"Letter {number}",
            status=Moderation.APPROVED,
            show_on_wall=True,
            posted_at=timezone.now(),
        )
    # the eight above, then letters sent and the wall of excerpts
    with django_assert_num_queries(10):
        response = client.get(campaign.get_absolute_url())
    html = response.content.decode()
    assert html.count('class="letter-wall__item"') == min(size, LETTERS_ON_WALL)
    assert f"{size} letter" in html


@pytest.mark.parametrize("size", SIZES)
def test_the_event_page_costs_three_queries(client, event, size, django_assert_num_queries):
    fill(event, size)
    # event with its campaign, approved local actions, latest photos
    with django_assert_num_queries(3):
        response = client.get(event.get_absolute_url())
    assert response.content.decode().count("<h4>City") == size


@pytest.mark.parametrize("size", SIZES)
def test_the_home_page_costs_five_queries(client, event, size, django_assert_num_queries):
    fill(event, size)
    for number in range(size):
        add_petition(event.campaign, f"petition-{number}")
    # campaigns, open petitions, latest updates, next events and next hearings with their
    # campaigns
    with django_assert_num_queries(5):
        response = client.get(reverse("home"))
    html = response.content.decode()
    assert "Update 0" in html
    assert "Court 0" in html
    assert html.count('class="card petition-card"') == min(size, 3)


@pytest.mark.parametrize("size", SIZES)
def test_the_update_list_and_gallery_cost_the_same_at_any_size(
    client, event, size, django_assert_num_queries
):
    fill(event, size)
    # campaign, count, page of updates with their campaigns
    with django_assert_num_queries(3):
        client.get(reverse("campaigns:update_list", args=[event.campaign.slug]))
    # event with its campaign, count, page of photos, the first photo for the link preview
    with django_assert_num_queries(4):
        client.get(reverse("campaigns:photo_gallery", args=[event.campaign.slug, event.slug]))


@pytest.mark.parametrize("size", SIZES)
def test_an_update_page_costs_one_query(client, event, size, django_assert_num_queries):
    fill(event, size)
    update = event.campaign.updates.get(slug="update-0")
    # the update with its campaign
    with django_assert_num_queries(1):
        response = client.get(update.get_absolute_url())
    assert "Update 0" in response.content.decode()
