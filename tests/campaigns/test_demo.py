import datetime

import pytest
from django.core.management import call_command

from campaigns.models import Campaign, TimelineEntry

pytestmark = pytest.mark.django_db


def test_load_demo_builds_both_campaigns_with_their_timelines_and_is_idempotent():
    call_command("load_demo")
    call_command("load_demo")
    azat = Campaign.objects.get(slug="azat-miftakhov")
    navalny = Campaign.objects.get(slug="aleksei-navalny")
    assert azat.is_demo and navalny.is_demo
    assert azat.organiser_name == "The Azat Miftakhov Committee"
    assert navalny.organiser_name == "Amnesty International Canada"
    assert azat.detained_on == datetime.date(2019, 1, 1)
    assert azat.detained_on_precision == "year"
    assert navalny.detained_on == datetime.date(2021, 1, 17)
    assert azat.timeline.count() == 7
    assert navalny.timeline.count() == 7

    dates = [entry.date_display for entry in azat.timeline.all()]
    assert dates == [
        "2019",
        "2021",
        "July–August 2023",
        "23 July 2023",
        "August 2023",
        "2 September 2023",
        "4 September 2023",
    ]
    titles = [entry.title for entry in navalny.timeline.all()]
    assert titles.index("Taken into custody on his return to Russia") < titles.index(
        "Imprisoned for 2 years and 8 months"
    )
    # The poisoning was established later: the entry of 20 August 2020 says what was known then.
    assert titles[0] == "Falls seriously ill on a flight to Moscow"
    assert "later conclude that he was poisoned" in navalny.timeline.first().text
    assert TimelineEntry.objects.filter(title__contains="Lefortovo").count() == 0
    assert "Lefortovo District Court" in navalny.timeline.last().text
    assert azat.updates.published().count() == 3
    assert navalny.updates.published().count() == 1
    # The facts give the European Court's ruling no date: background, not news of the day.
    background = navalny.updates.get()
    assert "European Court" not in background.title
    assert "The European Court of Human Rights has ruled" in background.body
    day = azat.events.get()
    assert day.title == "International Day of Solidarity with Azat"
    assert day.starts_on == datetime.date(2023, 9, 2)
    assert "FREE AZAT 04.09" in day.call_to_action
    assert "3 September 2023" in day.call_to_action
    assert not day.local_actions.exists()


def test_the_demo_campaigns_are_public(client):
    call_command("load_demo")
    response = client.get("/campaigns/azat-miftakhov/")
    assert response.status_code == 200
    assert "Omutninsk" in response.content.decode()
