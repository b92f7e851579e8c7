"""Court hearings: on the campaign page while ahead, in its timeline once past, on the home page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse

from campaigns.models import Campaign, Hearing
from tests.factories import add_hearing, add_timeline_entry

pytestmark = pytest.mark.django_db


def test_a_hearing_time_is_kept_in_the_courts_time_zone(campaign):
    hearing = add_hearing(campaign, starts_on=datetime.date(2026, 3, 2))
    assert hearing.starts_at == datetime.datetime(2026, 3, 2, 7, 0, tzinfo=datetime.UTC)
    # Ahead until its day ends where the court sits.
    assert hearing.ends_at == datetime.datetime(2026, 3, 2, 21, 0, tzinfo=datetime.UTC)
    assert hearing.local_start.hour == 10


def test_only_published_hearings_of_published_campaigns_are_public(campaign, unpublished_campaign):
    public = add_hearing(campaign)
    add_hearing(campaign, is_published=False)
    add_hearing(unpublished_campaign)
    assert list(Hearing.objects.published()) == [public]


def test_upcoming_and_past_hearings_are_told_apart(campaign):
    later = add_hearing(campaign, days_ahead=30)
    sooner = add_hearing(campaign, days_ahead=3)
    over = add_hearing(campaign, days_ahead=-3)
    long_over = add_hearing(campaign, days_ahead=-300)
    assert list(Hearing.objects.upcoming()) == [sooner, later]
    assert list(Hearing.objects.past()) == [over, long_over]


def test_a_hearing_ahead_cannot_have_an_outcome(campaign):
    hearing = add_hearing(campaign, outcome="Acquitted")
    with pytest.raises(ValidationError) as refused:
        hearing.full_clean()
    assert "outcome" in refused.value.message_dict
    hearing.starts_on = datetime.date(2022, 3, 22)
    hearing.full_clean()


def test_the_campaign_page_shows_the_next_published_hearings(client, campaign):
    hearing = add_hearing(campaign, days_ahead=5)
    add_hearing(campaign, days_ahead=6, court="Secret court", is_published=False)
    add_hearing(campaign, days_ahead=-6, court="Court of the past")
    content = client.get(campaign.get_absolute_url()).content.decode()
    assert "Next hearings" in content
    next_hearings = content.split('id="hearings-heading"')[1].split("</section>")[0]
    assert "Moscow City Court" in next_hearings
    assert "Room 635" in next_hearings
    assert "Bogorodsky Val 8, Moscow" in next_hearings
    assert "Appeal against the sentence" in next_hearings
    assert "The public may attend" in next_hearings
    assert "10:00" in next_hearings and "Europe/Moscow" in next_hearings
    ics = reverse("campaigns:hearing_calendar", args=[campaign.slug, hearing.pk])
    assert f'href="{ics}"' in next_hearings and "Add to calendar" in next_hearings
    assert "Secret court" not in content
    assert "Court of the past" not in next_hearings


def test_the_campaign_page_says_when_the_public_may_not_attend(client, campaign):
    add_hearing(campaign, public_access=Hearing.PublicAccess.NO)
    add_hearing(campaign, public_access=Hearing.PublicAccess.UNKNOWN, court="Court two")
    content = client.get(campaign.get_absolute_url()).content.decode()
    assert "Closed to the public" in content
    assert "Not known whether the public may attend" in content
    assert "The public may attend" not in content


def test_a_campaign_without_hearings_ahead_has_no_next_hearings(client, campaign):
    add_hearing(campaign, days_ahead=-10)
    assert "Next hearings" not in client.get(campaign.get_absolute_url()).content.decode()


def test_a_past_hearing_appears_in_the_timeline_with_its_outcome(client, campaign):
    add_timeline_entry(campaign, datetime.date(2022, 1, 1), "Before")
    add_timeline_entry(campaign, datetime.date(2024, 1, 1), "After")
    add_hearing(
        campaign,
        starts_on=datetime.date(2023, 5, 10),
        start_time=None,
        subject="Verdict",
        outcome="Sentenced to five years.",
    )
    content = client.get(campaign.get_absolute_url()).content.decode()
    timeline = content.split('id="timeline-heading"')[1].split("</section>")[0]
    assert timeline.count('class="timeline__entry"') == 3
    assert timeline.index("Before") < timeline.index("Verdict") < timeline.index("After")
    assert "10 May 2023" in timeline
    assert "Moscow City Court" in timeline
    assert "Sentenced to five years." in timeline


def test_a_past_hearing_joins_the_timeline_entry_of_its_day(client, campaign):
    add_timeline_entry(campaign, datetime.date(2023, 5, 10), "Sentenced")
    add_timeline_entry(campaign, datetime.date(2023, 5, 1), "A month", precision="month")
    add_hearing(campaign, starts_on=datetime.date(2023, 5, 10), outcome="Five years.")
    content = client.get(campaign.get_absolute_url()).content.decode()
    timeline = content.split('id="timeline-heading"')[1].split("</section>")[0]
    assert timeline.count('class="timeline__entry"') == 2
    assert timeline.count("10 May 2023") == 1
    sentenced = timeline.split("Sentenced")[1]
    assert "Moscow City Court" in sentenced and "Five years." in sentenced


def test_the_home_page_lists_the_next_hearings_of_published_campaigns(
    client, campaign, unpublished_campaign
):
    add_hearing(campaign, days_ahead=4)
    add_hearing(campaign, days_ahead=-4, court="Court of the past")
    add_hearing(campaign, days_ahead=5, court="Draft court", is_published=False)
    add_hearing(unpublished_campaign, court="Hidden campaign court")
    content = client.get(reverse("home")).content.decode()
    hearings = content.split('id="hearings-heading"')[1].split("</section>")[0]
    assert "Next hearings" in content
    assert "Moscow City Court" in hearings and "Jane Doe" in hearings
    for hidden in ("Court of the past", "Draft court", "Hidden campaign court"):
        assert hidden not in content


def test_the_pages_link_their_calendars_for_calendar_applications(client, campaign):
    campaign_page = client.get(campaign.get_absolute_url()).content.decode()
    feed = reverse("campaigns:campaign_calendar", args=[campaign.slug])
    assert '<link rel="alternate" type="text/calendar"' in campaign_page
    assert f'href="{feed}"' in campaign_page
    home = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("campaigns:calendar")}"' in home
    assert '<link rel="alternate" type="text/calendar"' in home


def test_hearings_are_shown_in_the_visitors_language(client, campaign):
    add_hearing(campaign, court_fr="Tribunal de la ville de Moscou", subject_fr="Appel")
    content = client.get(f"/fr{campaign.get_absolute_url()}").content.decode()
    assert "Tribunal de la ville de Moscou" in content
    assert '<span lang="fr">' in content or 'lang="fr"' in content


def test_the_how_to_help_item_invites_to_a_hearing_open_to_the_public(campaign):
    hearing = add_hearing(campaign, starts_on=datetime.date(2026, 12, 1))
    item = render_to_string("includes/how_to_help_hearing.html", {"hearing": hearing})
    assert item.strip().startswith("<li")
    assert "Come to the hearing on" in item
    assert "1 December 2026" in item and "Moscow City Court" in item
    hearing.public_access = Hearing.PublicAccess.NO
    assert render_to_string("includes/how_to_help_hearing.html", {"hearing": hearing}).strip() == ""
    assert render_to_string("includes/how_to_help_hearing.html", {"hearing": None}).strip() == ""


def test_deleting_a_campaign_deletes_its_hearings(campaign):
    add_hearing(campaign)
    Campaign.objects.filter(pk=campaign.pk).delete()
    assert not Hearing.objects.exists()
