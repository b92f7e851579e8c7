import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Event, LocalAction, Moderation
from tests.factories import add_local_action, local_action_form

pytestmark = pytest.mark.django_db


def join_url(event):
    return reverse("campaigns:local_action_create", args=[event.campaign.slug, event.slug])


def test_an_event_time_is_kept_in_its_own_time_zone(campaign):
    event = Event.objects.create(
        campaign=campaign,
        title="Rally",
        slug="rally",
        starts_on=datetime.date(2023, 9, 2),
        start_time=datetime.time(18, 0),
        time_zone="Europe/Paris",
    )
    assert event.starts_at == datetime.datetime(2023, 9, 2, 16, 0, tzinfo=datetime.UTC)
    assert event.ends_at == datetime.datetime(2023, 9, 2, 22, 0, tzinfo=datetime.UTC)
    assert event.local_start.hour == 18


def test_an_all_day_event_lasts_until_midnight_where_it_happens(campaign):
    event = Event.objects.create(
        campaign=campaign,
        title="Day",
        slug="day",
        starts_on=datetime.date(2023, 9, 2),
        time_zone="Asia/Tokyo",
    )
    assert event.starts_at == datetime.datetime(2023, 9, 1, 15, 0, tzinfo=datetime.UTC)
    assert event.ends_at == datetime.datetime(2023, 9, 2, 15, 0, tzinfo=datetime.UTC)
    assert not event.is_over(now=datetime.datetime(2023, 9, 2, 14, 59, tzinfo=datetime.UTC))
    assert event.is_over(now=datetime.datetime(2023, 9, 2, 15, 0, tzinfo=datetime.UTC))


def test_upcoming_and_past_events_are_told_apart(event, past_event):
    assert list(Event.objects.upcoming()) == [event]
    assert list(Event.objects.past()) == [past_event]


def test_an_upcoming_event_shows_a_countdown(client, event):
    # 18:00 in Paris ten days from today (UTC): from 9 days 17 hours to 10 days 17 hours
    # ahead, whatever the time now, so "1 week, 2 days" or "1 week, 3 days".
    event.starts_on = timezone.localdate() + datetime.timedelta(days=10)
    event.save()
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert (
        "Starts in 1\xa0week, 2\xa0days" in content or "Starts in 1\xa0week, 3\xa0days" in content
    )
    assert "18:00" in content and "Europe/Paris" in content
    assert "<strong>rally</strong>" in content
    assert "Join with your own action" in content


def test_a_past_event_says_when_it_happened(client, past_event):
    content = client.get(past_event.get_absolute_url()).content.decode()
    assert "Happened on 2 September 2023" in content
    assert "Join with your own action" not in content


def test_an_event_happening_today_says_so(client, event):
    event.starts_on = timezone.localdate(timezone.now(), datetime.UTC)
    event.start_time = None
    event.time_zone = "UTC"
    event.save()
    assert "Happening today" in client.get(event.get_absolute_url()).content.decode()


def test_local_actions_are_grouped_by_country_then_city_and_only_approved_ones_shown(client, event):
    add_local_action(event, "Paris", "FR", place="Place de la République")
    add_local_action(event, "Berlin", "DE", place="Brandenburger Tor")
    add_local_action(event, "Lyon", "FR", place="Place Bellecour")
    add_local_action(event, "Paris", "FR", place="Sorbonne", start_time=datetime.time(12, 0))
    add_local_action(event, "Hamburg", "DE", place="Pending square", status=Moderation.PENDING)
    add_local_action(event, "Oslo", "NO", place="Rejected square", status=Moderation.REJECTED)
    content = client.get(event.get_absolute_url()).content.decode()
    order = ["<h3>France</h3>", "<h4>Lyon</h4>", "<h4>Paris</h4>", "<h3>Germany</h3>"]
    positions = [content.index(text) for text in order]
    assert positions == sorted(positions)
    assert content.index("Sorbonne") < content.index("Place de la République")
    assert "Pending square" not in content
    assert "Rejected square" not in content


def test_one_city_spelt_differently_gets_one_heading(client, event):
    add_local_action(event, "paris", "FR", place="Sorbonne", start_time=datetime.time(12, 0))
    add_local_action(event, "Paris", "FR", place="Place de la République")
    add_local_action(event, " PARIS ", "FR", place="Gare du Nord", start_time=datetime.time(20, 0))
    add_local_action(event, "Lyon", "FR", place="Place Bellecour")
    add_local_action(event, "Paris", "US", place="Court house")  # Paris, Texas
    content = client.get(event.get_absolute_url()).content.decode()
    assert content.count("<h4>Paris</h4>") == 2  # once in France, once in the United States
    assert "<h4>paris</h4>" not in content and "PARIS" not in content
    positions = [
        content.index(text)
        for text in ("<h4>Lyon</h4>", "Sorbonne", "Place de la République", "Gare du Nord")
    ]
    assert positions == sorted(positions)


def test_the_submitter_email_is_never_shown_and_the_contact_only_with_consent(client, event):
    add_local_action(event, "Lyon", public_contact="@lyon-rally", contact_is_public=True)
    add_local_action(event, "Nice", public_contact="+33 6 00 00 00 00", contact_is_public=False)
    content = client.get(event.get_absolute_url()).content.decode()
    assert "private-supporter@example.org" not in content
    assert "@lyon-rally" in content
    assert "+33 6 00 00 00 00" not in content


def test_a_supporter_registers_an_action_which_waits_for_moderation(client, event):
    form = client.get(join_url(event))
    assert form.status_code == 200
    assert 'value="Europe/Paris" selected' in form.content.decode()

    data = local_action_form(event)
    response = client.post(join_url(event), data)
    assert response.status_code == 302
    assert response["Location"].endswith("/join/thanks/")
    action = LocalAction.objects.get()
    assert action.event == event
    assert action.status == Moderation.PENDING
    assert action.submitter_email == "me@example.org"
    assert action.start_time == datetime.time(17, 30)
    assert "Vieux-Port" not in client.get(event.get_absolute_url()).content.decode()
    assert client.get(response["Location"]).status_code == 200


def test_a_form_with_errors_keeps_what_was_typed_and_saves_nothing(client, event):
    data = local_action_form(event, starts_on="not a date", submitter_email="nope", city="")
    response = client.post(join_url(event), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Enter a valid date." in content
    assert "Enter a valid email address." in content
    assert 'value="Vieux-Port"' in content
    assert LocalAction.objects.count() == 0


def test_a_contact_needs_consent_to_be_published(client, event):
    data = local_action_form(event)
    del data["contact_is_public"]
    response = client.post(join_url(event), data)
    assert response.status_code == 200
    assert "Tick this box to publish your contact" in response.content.decode()
    assert LocalAction.objects.count() == 0


def test_an_unknown_time_zone_is_refused(client, event):
    data = local_action_form(event, time_zone="Mars/Base")
    response = client.post(join_url(event), data)
    assert response.status_code == 200
    assert LocalAction.objects.count() == 0


@pytest.mark.parametrize("days_from_the_event", [-7, 0, 7])
def test_an_action_may_be_held_within_a_week_of_the_event(client, event, days_from_the_event):
    day = event.starts_on + datetime.timedelta(days=days_from_the_event)
    response = client.post(join_url(event), local_action_form(event, starts_on=day.isoformat()))
    assert response.status_code == 302
    assert LocalAction.objects.get().starts_on == day


@pytest.mark.parametrize("days_from_the_event", [-8, 8, None])
def test_an_action_far_from_the_event_date_is_refused(client, event, days_from_the_event):
    if days_from_the_event is None:
        day = datetime.date(1, 1, 1)
    else:
        day = event.starts_on + datetime.timedelta(days=days_from_the_event)
    response = client.post(join_url(event), local_action_form(event, starts_on=day.isoformat()))
    assert response.status_code == 200
    first = event.starts_on - datetime.timedelta(days=7)
    last = event.starts_on + datetime.timedelta(days=7)
    expected = (
        f"Choose a date within a week of the event: from {first:%-d %B %Y} to {last:%-d %B %Y}."
    )
    content = response.content.decode()
    assert expected in content
    assert f'min="{first.isoformat()}" max="{last.isoformat()}"' in content
    assert LocalAction.objects.count() == 0


def test_the_form_is_closed_once_the_event_is_over(client, past_event):
    assert client.get(join_url(past_event)).status_code == 410
    assert client.post(join_url(past_event), local_action_form(past_event)).status_code == 410
    assert LocalAction.objects.count() == 0


def test_an_unpublished_event_is_not_found(client, event):
    event.is_published = False
    event.save()
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(join_url(event)).status_code == 404
    args = [event.campaign.slug, event.slug]
    for name in (
        "local_action_thanks",
        "photo_create",
        "photo_thanks",
        "photo_gallery",
    ):
        assert client.get(reverse(f"campaigns:{name}", args=args)).status_code == 404, name


def test_the_pages_of_an_event_of_an_unpublished_campaign_are_not_found(client, event):
    event.campaign.is_published = False
    event.campaign.save()
    args = [event.campaign.slug, event.slug]
    for name in ("event_detail", "local_action_create", "photo_create", "photo_gallery"):
        assert client.get(reverse(f"campaigns:{name}", args=args)).status_code == 404, name


def test_the_campaign_page_and_home_page_list_events(client, event, past_event):
    content = client.get(event.campaign.get_absolute_url()).content.decode()
    assert content.index("Day of solidarity") < content.index("Last year&#x27;s day")
    home = client.get(reverse("home")).content.decode()
    assert "Day of solidarity" in home
    assert "Last year" not in home


def test_a_flood_of_submissions_from_one_address_is_slowed_down(client, event):
    data = local_action_form(event)
    for _ in range(10):
        assert client.post(join_url(event), data).status_code == 302
    response = client.post(join_url(event), data)
    assert response.status_code == 429
    assert LocalAction.objects.count() == 10
