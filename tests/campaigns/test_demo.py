import datetime
import io

import pytest
from django.core.management import call_command

from campaigns.models import Campaign, Hearing, SolidarityMessage, TimelineEntry

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
    assert navalny.status == Campaign.Status.DIED_IN_CUSTODY
    assert navalny.detention_ended_on == datetime.date(2024, 2, 16)
    assert azat.status == Campaign.Status.SENTENCED
    assert azat.detention_ended_on is None
    assert azat.facts_checked_on == datetime.date(2023, 9, 4)
    assert navalny.facts_checked_on is None
    assert azat.accepts_messages and not navalny.accepts_messages
    assert not SolidarityMessage.objects.exists()  # no facts to make messages from
    assert azat.timeline.count() == 7
    assert navalny.timeline.count() == 10

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
    assert "Lefortovo District Court" in navalny.timeline.all()[6].text
    assert [entry.date_display for entry in navalny.timeline.all()[7:]] == [
        "4 August 2023",
        "December 2023",
        "16 February 2024",
    ]
    assert "19 years in a special-regime penal colony" in navalny.timeline.all()[7].title
    assert "IK-3 in Kharp" in navalny.timeline.all()[8].title
    assert navalny.timeline.last().title == "Dies in custody"
    assert azat.updates.published().count() == 3
    assert navalny.updates.published().count() == 2
    assert navalny.updates.published().first().slug == "died-in-custody"
    # The facts give the European Court's ruling no date: background, not news of the day.
    background = navalny.updates.get(slug="why-we-call-for-his-release")
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


def test_the_demo_says_aleksei_navalny_died_in_custody_and_counts_no_more_days(client):
    call_command("load_demo")
    content = client.get("/campaigns/aleksei-navalny/").content.decode()
    assert 'class="status status--died_in_custody">Died in custody<' in content
    assert "Sentenced<" not in content
    assert "Detention ended on</dt><dd>16 February 2024</dd>" in content
    # 17 January 2021 to 16 February 2024, in the past tense; no count running to today.
    assert "Aleksei Navalny was held for <strong>1,125</strong> days." in content
    assert "behind bars" not in content
    assert "IK-3 in Kharp" in content
    assert "19 years in a special-regime penal colony" in content
    assert '<time datetime="2024-02-16">16 February 2024</time>' in content
    # "Free ..." is the share text of a campaign for a prisoner still held.
    assert "Free%20Aleksei%20Navalny" not in content
    assert "text=Aleksei%20Navalny" in content
    assert "Closed on 16 February 2024" in content  # his petition's card


def test_the_demo_claims_nothing_about_azat_miftakhov_after_4_september_2023(client):
    call_command("load_demo")
    azat = Campaign.objects.get(slug="azat-miftakhov")
    assert azat.days_behind_bars(now=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)) == 1343

    content = client.get(azat.get_absolute_url()).content.decode()
    assert 'Facts last checked: <time datetime="2023-09-04">4 September 2023</time>' in content
    # From the end of 2019 (the year is all the facts give) to the last check, not to today.
    assert "At least <strong>1,343</strong> days behind bars as of 4 September 2023" in content
    timeline_dates = {entry.starts_on for entry in azat.timeline.all()}
    assert max(timeline_dates) == datetime.date(2023, 9, 4)


def test_the_demo_has_the_one_hearing_the_facts_give_in_three_languages(client):
    call_command("load_demo")
    call_command("load_demo")
    assert not Hearing.objects.filter(campaign__slug="azat-miftakhov").exists()
    hearing = Hearing.objects.get()
    assert hearing.campaign.slug == "aleksei-navalny"
    assert hearing.starts_on == datetime.date(2022, 3, 22)
    # The facts give no time, no courtroom and no street address: none is invented; the court
    # sat in a penal colony, and that is where it was held.
    assert hearing.start_time is None
    assert hearing.courtroom == ""
    assert hearing.court == "Lefortovo District Court of Moscow"
    assert hearing.address == "Penal colony IK-2, Pokrov, Vladimir region"
    assert "fraud on an especially large scale" in hearing.outcome
    assert "contempt of court" in hearing.outcome
    assert hearing.is_published
    for language in ("fr", "ru"):
        assert hearing.has_translation(language)
        assert hearing.text_in("outcome", language)

    content = client.get("/campaigns/aleksei-navalny/").content.decode()
    timeline = content.split('id="timeline-heading"')[1].split("</section>")[0]
    # The hearing joins the timeline entry of that day: the day is shown once.
    assert timeline.count("22 March 2022") == 1
    assert "Lefortovo District Court of Moscow" in timeline
    assert "Next hearings" not in content
    russian = client.get("/ru/campaigns/aleksei-navalny/").content.decode()
    assert "Лефортовский районный суд Москвы" in russian


def test_the_demo_azat_campaign_takes_letters_with_the_poster_as_postcard_design(client):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    azat = Campaign.objects.get(slug="azat-miftakhov")
    assert azat.accepts_letters
    [design] = azat.postcard_designs.all()
    assert "FREE AZAT 04.09" in design.title
    assert design.image and design.thumbnail
    # No fact gives an address, a birthday or a fund: none is invented.
    assert not azat.prison_addresses.exists()
    assert azat.birthday is None and not azat.donation_url and not azat.channel_url
    assert not azat.letters.exists()
    form = client.get("/campaigns/azat-miftakhov/write/").content.decode()
    assert design.thumbnail.url in form
