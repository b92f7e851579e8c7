"""Dates and "… ago" times as each language writes them, on the pages that show them.

Russian and Ukrainian name the month in the genitive after a day ("2 сентября 2023 г."); a day
of the month has no leading zero anywhere.
"""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.formats import date_format

from campaigns.dates import DatePrecision, format_period
from campaigns.models import CaseUpdate, Event
from tests.factories import add_petition, add_signature

pytestmark = pytest.mark.django_db

EVENT = "/campaigns/azat-miftakhov/events/international-day-of-solidarity-2023/"


def prefix(language):
    return "" if language == "en" else f"/{language}"


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "Saturday, 2 September 2023"),
        ("fr", "samedi, 2 septembre 2023"),
        ("de", "Samstag, 2. September 2023"),
        ("es", "sábado, 2 de septiembre de 2023"),
        ("ru", "Суббота, 2 сентября 2023 г."),
        ("uk", "Субота, 2 вересня 2023 р."),
    ],
)
def test_an_events_day_reads_in_the_languages_form(client, language, shown):
    call_command("load_demo", verbosity=0)
    html = client.get(f"{prefix(language)}{EVENT}").text
    assert f'<time datetime="2023-09-02">{shown}</time>' in html


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "Saturday, 2 September 2023, 18:00"),
        ("de", "Samstag, 2. September 2023 18:00"),
        ("es", "sábado, 2 de septiembre de 2023 a las 18:00"),
        ("ru", "Суббота, 2 сентября 2023 г. 18:00"),
        ("uk", "Субота, 2 вересня 2023 р. 18:00"),
    ],
)
def test_an_events_day_and_hour_read_in_the_languages_form(client, campaign, language, shown):
    Event.objects.create(
        campaign=campaign,
        title="Day of solidarity",
        slug="day-of-solidarity",
        starts_on=datetime.date(2023, 9, 2),
        start_time=datetime.time(18, 0),
        time_zone="Europe/Paris",
        is_published=True,
    )
    html = client.get(f"{prefix(language)}/campaigns/jane-doe/events/day-of-solidarity/").text
    assert f">{shown}</time>" in html


@pytest.mark.parametrize(
    ("language", "shown"), [("ru", "2 сентября 2023 г."), ("uk", "2 вересня 2023 р.")]
)
def test_an_updates_date_has_no_leading_zero(client, campaign, language, shown):
    CaseUpdate.objects.create(
        campaign=campaign,
        title="Verdict",
        slug="verdict",
        body="Six years.",
        publish_at=datetime.datetime(2023, 9, 2, 9, tzinfo=datetime.UTC),
    )
    html = client.get(f"{prefix(language)}/campaigns/jane-doe/updates/verdict/").text
    assert f">{shown}</time>" in html


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "24 October"), ("de", "24. Oktober"), ("ru", "24 октября"), ("uk", "24 жовтня")],
)
def test_a_day_and_month_read_in_the_languages_form(language, shown):
    with translation.override(language):
        assert date_format(datetime.date(2023, 10, 24), "MONTH_DAY_FORMAT") == shown


@pytest.mark.parametrize(
    ("language", "minute", "minutes"),
    [
        ("en", "a minute ago", "5\xa0minutes ago"),
        ("fr", "il y a une minute", "il y a 5\xa0minutes"),
        ("ru", "1\xa0минуту назад", "5\xa0минут назад"),
        ("uk", "1\xa0хвилину тому", "5\xa0хвилин тому"),
    ],
)
def test_recent_signers_are_dated_in_the_languages_form(
    client, campaign, language, minute, minutes
):
    petition = add_petition(campaign)
    now = timezone.now()
    for email, seconds in [("one@example.org", 90), ("five@example.org", 330)]:
        confirmed_at = now - datetime.timedelta(seconds=seconds)
        add_signature(petition, email, show_publicly=True, confirmed_at=confirmed_at)
    html = client.get(f"{prefix(language)}/petitions/free-jane-doe/").text
    assert f", {minute}</li>" in html
    assert f", {minutes}</li>" in html


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "July–August 2023"),
        ("de", "Juli–August 2023"),
        ("es", "julio–agosto de 2023"),
        ("ru", "Июль–август 2023"),
        ("uk", "Липень–серпень 2023"),
    ],
)
def test_a_range_of_months_names_the_second_in_running_text(language, shown):
    july, august = datetime.date(2023, 7, 1), datetime.date(2023, 8, 1)
    with translation.override(language):
        assert format_period(july, DatePrecision.MONTH, august) == shown


@pytest.mark.parametrize(
    ("language", "shown"),
    [("de", "17. Januar 2021"), ("ru", "17 января 2021 г."), ("uk", "17 січня 2021 р.")],
)
def test_the_day_of_a_detention_reads_as_the_other_dates_of_the_profile(client, language, shown):
    call_command("load_demo", verbosity=0)
    html = client.get(f"/{language}/campaigns/aleksei-navalny/").text
    assert f"<dd>{shown}</dd>" in html
