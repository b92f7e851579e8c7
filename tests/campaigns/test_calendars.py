"""iCalendar files: the feeds (site-wide, per campaign) and one file per hearing or event, read
back with the icalendar library as a calendar application would."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.urls import reverse

from campaigns.models import Event
from tests.factories import add_hearing

pytestmark = pytest.mark.django_db

MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")


def read(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "public" in response["Cache-Control"]
    return icalendar.Calendar.from_ical(response.content)


def events_of(calendar):
    return {str(vevent["UID"]): vevent for vevent in calendar.walk("VEVENT")}


def hearing_url(hearing):
    return reverse("campaigns:hearing_calendar", args=[hearing.campaign.slug, hearing.pk])


def test_a_hearing_file_holds_the_hearing_in_the_courts_time_zone(client, campaign):
    hearing = add_hearing(campaign, starts_on=datetime.date(2026, 12, 1))
    response = client.get(hearing_url(hearing))
    calendar = read(response)
    disposition = 'attachment; filename="jane-doe-hearing-2026-12-01.ics"'
    assert response["Content-Disposition"] == disposition
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == f"hearing-{hearing.pk}@testserver"
    assert vevent["DTSTAMP"].dt.tzinfo is not None
    start = vevent["DTSTART"]
    assert start.params["TZID"] == "Europe/Moscow"
    assert start.dt == datetime.datetime(2026, 12, 1, 10, 0, tzinfo=MOSCOW)
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Moscow"
    assert str(vevent["SUMMARY"]) == "Court hearing: Jane Doe"
    assert str(vevent["LOCATION"]) == "Moscow City Court, Room 635, Bogorodsky Val 8, Moscow"
    description = str(vevent["DESCRIPTION"])
    assert "Appeal against the sentence" in description
    assert "The public may attend" in description
    assert str(vevent["URL"]) == f"http://testserver/campaigns/jane-doe/#hearing-{hearing.pk}"


def test_a_hearing_with_no_time_is_a_whole_day(client, campaign):
    hearing = add_hearing(campaign, starts_on=datetime.date(2022, 3, 22), start_time=None)
    calendar = read(client.get(hearing_url(hearing)))
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["DTSTART"].params["VALUE"] == "DATE"
    assert vevent["DTSTART"].dt == datetime.date(2022, 3, 22)
    assert vevent["DTEND"].dt == datetime.date(2022, 3, 23)
    assert calendar.walk("VTIMEZONE") == []


def test_a_past_hearing_file_tells_its_outcome(client, campaign):
    hearing = add_hearing(campaign, days_ahead=-30, outcome="Sentenced to five years.")
    (vevent,) = read(client.get(hearing_url(hearing))).walk("VEVENT")
    assert "Sentenced to five years." in str(vevent["DESCRIPTION"])


def test_an_event_file_holds_the_event_in_plain_text(client, event):
    url = reverse("campaigns:event_calendar", args=[event.campaign.slug, event.slug])
    response = client.get(url)
    (vevent,) = read(response).walk("VEVENT")
    assert response["Content-Disposition"] == 'attachment; filename="day-of-solidarity.ics"'
    assert str(vevent["UID"]) == f"event-{event.pk}@testserver"
    assert str(vevent["SUMMARY"]) == "Day of solidarity"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Paris"
    assert vevent["DTSTART"].dt.hour == 18
    assert "Hold a rally." in str(vevent["DESCRIPTION"])
    assert "**" not in str(vevent["DESCRIPTION"]) and "<" not in str(vevent["DESCRIPTION"])
    assert str(vevent["URL"]) == f"http://testserver{event.get_absolute_url()}"


def test_an_event_page_offers_its_file_until_the_event_is_over(client, event, past_event):
    url = reverse("campaigns:event_calendar", args=[event.campaign.slug, event.slug])
    assert f'href="{url}">Add to calendar<' in client.get(event.get_absolute_url()).text
    assert "Add to calendar" not in client.get(past_event.get_absolute_url()).text


def test_the_campaign_feed_holds_its_published_hearings_and_events(
    client, campaign, unpublished_campaign, event, past_event
):
    ahead = add_hearing(campaign)
    over = add_hearing(campaign, days_ahead=-100, start_time=None)
    draft = add_hearing(campaign, is_published=False)
    elsewhere = add_hearing(unpublished_campaign)
    Event.objects.filter(pk=past_event.pk).update(is_published=False)
    response = client.get(reverse("campaigns:campaign_calendar", args=[campaign.slug]))
    calendar = read(response)
    assert response["Content-Disposition"] == 'inline; filename="jane-doe.ics"'
    assert str(calendar["X-WR-CALNAME"]) == "Jane Doe: hearings and events"
    uids = set(events_of(calendar))
    assert uids == {
        f"hearing-{ahead.pk}@testserver",
        f"hearing-{over.pk}@testserver",
        f"event-{event.pk}@testserver",
    }
    assert f"hearing-{draft.pk}@testserver" not in uids
    assert f"hearing-{elsewhere.pk}@testserver" not in uids
    assert {zone["TZID"] for zone in calendar.walk("VTIMEZONE")} == {
        "Europe/Moscow",
        "Europe/Paris",
    }
    start = events_of(calendar)[f"hearing-{ahead.pk}@testserver"]["DTSTART"]
    assert start.params["TZID"] == "Europe/Moscow"
    assert start.dt == datetime.datetime.combine(ahead.starts_on, ahead.start_time, MOSCOW)


def test_the_site_wide_feed_covers_every_published_campaign(
    client, campaign, unpublished_campaign, event
):
    public = add_hearing(campaign)
    hidden = add_hearing(unpublished_campaign)
    calendar = read(client.get(reverse("campaigns:calendar")))
    uids = set(events_of(calendar))
    assert f"hearing-{public.pk}@testserver" in uids
    assert f"event-{event.pk}@testserver" in uids
    assert f"hearing-{hidden.pk}@testserver" not in uids


def test_the_feed_speaks_the_language_of_its_address(client, campaign):
    hearing = add_hearing(campaign, subject_fr="Appel de la condamnation")
    calendar = read(client.get(f"/fr{reverse('campaigns:calendar')}"))
    vevent = events_of(calendar)[f"hearing-{hearing.pk}@testserver"]
    assert "Appel de la condamnation" in str(vevent["DESCRIPTION"])
    assert vevent["DESCRIPTION"].params["LANGUAGE"] == "fr"
    assert str(vevent["URL"]).startswith("http://testserver/fr/campaigns/jane-doe/")


def test_hidden_characters_an_organiser_pasted_are_left_out(client, campaign):
    hearing = add_hearing(campaign, court="Moscow\x1b[31m City\u202e Court", address="")
    (vevent,) = read(client.get(hearing_url(hearing))).walk("VEVENT")
    assert str(vevent["LOCATION"]) == "Moscow[31m City Court, Room 635"
    assert b"\x1b" not in client.get(hearing_url(hearing)).content


@pytest.mark.parametrize(
    "url",
    [
        "/campaigns/nobody/calendar.ics",
        "/campaigns/john-roe/calendar.ics",
        "/campaigns/nobody/hearings/1.ics",
        "/campaigns/jane-doe/events/nothing/calendar.ics",
    ],
)
def test_unknown_or_unpublished_calendars_are_not_found(
    client, campaign, unpublished_campaign, url
):
    assert client.get(url).status_code == 404


def test_a_hearing_not_published_or_of_another_campaign_is_not_found(
    client, campaign, unpublished_campaign
):
    draft = add_hearing(campaign, is_published=False)
    other = add_hearing(unpublished_campaign)
    assert client.get(hearing_url(draft)).status_code == 404
    assert client.get(hearing_url(other)).status_code == 404
    assert client.get(f"/campaigns/jane-doe/hearings/{other.pk}.ics").status_code == 404


def test_calendars_are_read_only(client, campaign):
    url = reverse("campaigns:campaign_calendar", args=[campaign.slug])
    assert client.post(url).status_code == 405
