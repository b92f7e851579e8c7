import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaigns.models import Campaign
from tests.factories import NO_CAMPAIGN_INLINES

UTC = datetime.UTC


def at(*args):
    return datetime.datetime(*args, tzinfo=UTC)


def prisoner(**fields):
    return Campaign(slug="x", name="X", summary="", **fields)


def test_days_are_counted_from_the_detention_date():
    campaign = prisoner(detained_on=datetime.date(2023, 7, 23))
    assert campaign.days_behind_bars(now=at(2023, 7, 23, 12)) == 0
    assert campaign.days_behind_bars(now=at(2023, 7, 24, 0, 1)) == 1
    assert campaign.days_behind_bars(now=at(2023, 9, 2, 12)) == 41


def test_the_29th_of_february_counts_in_a_leap_year():
    assert (
        prisoner(detained_on=datetime.date(2020, 2, 28)).days_behind_bars(now=at(2020, 3, 1, 12))
        == 2
    )
    assert (
        prisoner(detained_on=datetime.date(2019, 2, 28)).days_behind_bars(now=at(2019, 3, 1, 12))
        == 1
    )
    assert (
        prisoner(detained_on=datetime.date(2019, 1, 1)).days_behind_bars(now=at(2023, 1, 1, 12))
        == 365 * 4 + 1
    )


@pytest.mark.parametrize(
    ("time_zone", "expected"),
    [("UTC", 0), ("Europe/Moscow", 1), ("America/Los_Angeles", 0), ("Pacific/Kiritimati", 1)],
)
def test_the_day_turns_at_midnight_where_the_prisoner_is_held(time_zone, expected):
    # 22:30 UTC on 1 January is already 2 January in Moscow (UTC+3) and Kiritimati (UTC+14).
    campaign = prisoner(detained_on=datetime.date(2023, 1, 1), time_zone=time_zone)
    assert campaign.days_behind_bars(now=at(2023, 1, 1, 22, 30)) == expected


def test_the_server_time_zone_does_not_change_the_count(settings):
    campaign = prisoner(detained_on=datetime.date(2023, 1, 1), time_zone="Europe/Moscow")
    settings.TIME_ZONE = "America/New_York"
    assert campaign.days_behind_bars(now=at(2023, 1, 1, 22, 30)) == 1


def test_counting_stops_at_release():
    campaign = prisoner(
        detained_on=datetime.date(2019, 1, 1),
        detention_ended_on=datetime.date(2023, 9, 4),
        status=Campaign.Status.RELEASED,
    )
    assert campaign.days_behind_bars(now=at(2026, 11, 21)) == 1707
    assert campaign.days_behind_bars(now=at(2023, 9, 1)) == 1704
    assert not campaign.is_in_detention


def test_while_held_the_count_stops_at_the_day_the_facts_were_last_checked():
    campaign = prisoner(
        detained_on=datetime.date(2019, 1, 1),
        detained_on_precision="year",
        facts_checked_on=datetime.date(2023, 9, 4),
    )
    assert campaign.is_in_detention
    assert campaign.days_counted_until == datetime.date(2023, 9, 4)
    assert campaign.days_behind_bars(now=at(2030, 1, 1)) == 1343
    # A check dated ahead of today claims no day that has not come.
    assert campaign.days_behind_bars(now=at(2020, 1, 10)) == 10


def test_the_date_of_the_last_check_does_not_move_the_end_of_a_detention():
    campaign = prisoner(
        detained_on=datetime.date(2021, 1, 17),
        detention_ended_on=datetime.date(2024, 2, 16),
        status=Campaign.Status.DIED_IN_CUSTODY,
        facts_checked_on=datetime.date(2023, 9, 4),
    )
    assert campaign.days_counted_until is None
    assert campaign.days_behind_bars(now=at(2030, 1, 1)) == 1125


def test_a_detention_known_by_its_year_counts_a_sure_minimum_from_the_end_of_that_year():
    campaign = prisoner(detained_on=datetime.date(2019, 1, 1), detained_on_precision="year")
    assert campaign.days_are_a_minimum
    assert campaign.days_behind_bars(now=at(2020, 1, 10)) == 10


def test_a_detention_known_by_its_month_counts_from_the_end_of_that_month():
    campaign = prisoner(detained_on=datetime.date(2024, 2, 1), detained_on_precision="month")
    assert campaign.days_behind_bars(now=at(2024, 3, 1)) == 1


def test_no_detention_date_means_no_figure():
    assert prisoner().days_behind_bars() is None


def test_a_detention_cannot_end_before_it_began():
    campaign = prisoner(
        detained_on=datetime.date(2023, 1, 2), detention_ended_on=datetime.date(2023, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        campaign.clean()
    assert "detention_ended_on" in error.value.message_dict


@pytest.mark.parametrize(
    "status",
    [Campaign.Status.RELEASED, Campaign.Status.IN_EXILE, Campaign.Status.DIED_IN_CUSTODY],
)
def test_a_person_out_of_detention_needs_the_date_it_ended(status):
    campaign = prisoner(detained_on=datetime.date(2019, 1, 1), status=status)
    with pytest.raises(ValidationError) as error:
        campaign.clean()
    assert "detention_ended_on" in error.value.message_dict
    campaign.detention_ended_on = datetime.date(2023, 9, 4)
    campaign.clean()


@pytest.mark.parametrize(
    "status",
    [Campaign.Status.RELEASED, Campaign.Status.IN_EXILE, Campaign.Status.DIED_IN_CUSTODY],
)
def test_without_an_end_date_the_count_stops_for_a_person_out_of_detention(status):
    # Saved before the end date was required, or through the shell: no figure that keeps growing.
    campaign = prisoner(detained_on=datetime.date(2019, 1, 1), status=status)
    assert campaign.days_behind_bars(now=at(2026, 11, 21)) is None
    assert not campaign.is_in_detention


def test_the_page_of_a_released_prisoner_without_an_end_date_shows_no_live_count(client, campaign):
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.RELEASED)
    content = client.get(campaign.get_absolute_url()).content.decode()
    assert "behind bars" not in content


def test_the_admin_asks_for_the_end_date_of_a_released_prisoner(client, admin_user, campaign):
    client.force_login(admin_user)
    url = reverse("admin:campaigns_campaign_change", args=[campaign.pk])
    data = {
        "language": "en",
        "name_en": campaign.name,
        "slug": campaign.slug,
        "summary_en": campaign.summary,
        "status": Campaign.Status.RELEASED,
        "order": 0,
        "detained_on": "2022-03-01",
        "detained_on_precision": "day",
        "detention_ended_on": "",
        "time_zone": "Europe/Paris",
        **NO_CAMPAIGN_INLINES,
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Enter the date the detention ended" in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DETAINED

    response = client.post(url, data | {"detention_ended_on": "2026-01-15"})
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.RELEASED
    assert campaign.detention_ended_on == datetime.date(2026, 1, 15)


def test_the_page_of_a_prisoner_whose_facts_were_checked_counts_up_to_that_day_only(
    client, campaign
):
    Campaign.objects.filter(pk=campaign.pk).update(facts_checked_on=datetime.date(2023, 9, 4))
    content = client.get(campaign.get_absolute_url()).content.decode()
    # Detained on 1 March 2022 (the fixture): 552 days to 4 September 2023, whatever today is.
    assert "<strong>552</strong> days behind bars as of 4 September 2023" in content
    assert 'Facts last checked: <time datetime="2023-09-04">4 September 2023</time>' in content


def test_a_profile_without_a_date_of_last_check_shows_none(client, campaign):
    content = client.get(campaign.get_absolute_url()).content.decode()
    assert "Facts last checked" not in content
    assert " as of " not in content
