import datetime

import pytest
from django.urls import reverse

from tests.factories import add_timeline_entry

pytestmark = pytest.mark.django_db


def test_the_profile_shows_the_prisoner_facts(client, campaign):
    response = client.get(campaign.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert '<h1 lang="en">Jane Doe</h1>' in content
    assert "Women&#x27;s prison no. 1" in content
    assert "Spreading false information" in content
    assert "Five years" in content
    assert "<strong>prisons</strong>" in content
    assert "Detained" in content
    assert "friends@example.org" in content
    assert "days behind bars" in content


def test_the_days_behind_bars_figure_comes_from_the_model(client, campaign):
    days = campaign.days_behind_bars()
    response = client.get(campaign.get_absolute_url())
    assert f"<strong>{days:,}</strong> days behind bars" in response.content.decode()


def test_a_released_prisoner_shows_how_long_she_was_held_in_the_past_tense(client, campaign):
    campaign.detention_ended_on = datetime.date(2022, 3, 11)
    campaign.status = campaign.Status.RELEASED
    campaign.save()
    content = client.get(campaign.get_absolute_url()).content.decode()
    assert "Jane Doe was held for <strong>10</strong> days." in content
    assert "behind bars" not in content
    assert "Released" in content
    assert "Detained on</dt><dd>1 March 2022</dd>" in content
    assert "Detention ended on</dt><dd>11 March 2022</dd>" in content
    assert "Last place of detention</dt>" in content


def test_an_approximate_detention_date_gives_a_minimum(client, campaign):
    campaign.detained_on_precision = "year"
    campaign.detained_on = datetime.date(2019, 1, 1)
    campaign.save()
    content = client.get(campaign.get_absolute_url()).content.decode()
    assert "At least <strong>" in content
    assert "Detained since</dt><dd>2019</dd>" in content


def test_the_timeline_is_in_date_order_with_each_date_as_precise_as_known(client, campaign):
    add_timeline_entry(campaign, datetime.date(2023, 7, 23), "Petition opens")
    add_timeline_entry(
        campaign,
        datetime.date(2023, 7, 1),
        "Punishments",
        ends_on=datetime.date(2023, 8, 1),
        precision="month",
    )
    add_timeline_entry(campaign, datetime.date(2019, 1, 1), "Detained", precision="year")
    add_timeline_entry(
        campaign,
        datetime.date(2021, 1, 1),
        "Sentenced",
        precision="year",
        sort_date=datetime.date(2023, 7, 24),
    )
    content = client.get(campaign.get_absolute_url()).content.decode()
    positions = [
        content.index(text)
        for text in ("Detained</h3>", "Punishments", "Petition opens", "Sentenced")
    ]
    assert positions == sorted(positions)
    assert ">2019<" in content
    assert ">July–August 2023<" in content
    assert '<time datetime="2023-07-23">23 July 2023</time>' in content


def test_the_timeline_reads_in_french_under_fr(client, campaign):
    add_timeline_entry(
        campaign,
        datetime.date(2023, 7, 1),
        "Punitions",
        ends_on=datetime.date(2023, 8, 1),
        precision="month",
    )
    add_timeline_entry(campaign, datetime.date(2023, 7, 23), "Pétition")
    response = client.get(f"/fr{campaign.get_absolute_url()}")
    content = response.content.decode()
    assert "juillet–août 2023" in content
    assert "23 juillet 2023" in content


def test_timeline_sources_become_links_and_hostile_text_is_sanitised(client, campaign):
    add_timeline_entry(
        campaign,
        datetime.date(2023, 1, 1),
        "Verdict",
        text="<script>alert(1)</script>The **verdict**.",
        sources="Court record | https://example.org/verdict\njavascript:alert(2)",
    )
    content = client.get(campaign.get_absolute_url()).content.decode()
    assert '<a href="https://example.org/verdict"' in content
    assert ">Court record</a>" in content
    assert "<script>alert" not in content
    assert "javascript:" not in content


def test_an_unpublished_campaign_is_not_found(client, unpublished_campaign):
    response = client.get(unpublished_campaign.get_absolute_url())
    assert response.status_code == 404


def test_an_organiser_previews_an_unpublished_campaign(client, unpublished_campaign, staff_editor):
    client.force_login(staff_editor)
    response = client.get(unpublished_campaign.get_absolute_url())
    assert response.status_code == 200
    assert "Preview: this campaign is not published." in response.content.decode()


def test_an_unknown_campaign_is_not_found(client, db):
    assert client.get(reverse("campaigns:detail", args=["nobody"])).status_code == 404


def test_without_a_petition_the_petitions_section_says_so(client, campaign):
    content = client.get(campaign.get_absolute_url()).content.decode()
    assert 'id="petitions"' in content
    assert "No petition is open for this campaign yet." in content
