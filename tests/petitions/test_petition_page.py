from datetime import timedelta

import pytest
from django.utils import timezone

from petitions.models import Petition, Signature

pytestmark = pytest.mark.django_db


def test_the_petition_page_shows_the_text_demands_counter_and_form(client, petition):
    petition.offset = 785
    petition.save()
    response = client.get("/petitions/free-jane-doe/")
    content = response.content.decode()
    assert response.status_code == 200
    assert '<h1 lang="en">Free Jane Doe</h1>' in content
    assert "<strong>without trial</strong>" in content
    assert "We call on the Minister of Justice to:" in content
    assert "<li>release Jane Doe at once</li>" in content
    assert 'data-value="785">785</strong> people have signed' in content
    assert '<progress class="counter__bar" max="1000" value="785"' in content
    assert 'name="email"' in content


def test_the_page_counts_from_the_stored_count_not_the_table(client, petition, signature):
    signature.status = Signature.Status.CONFIRMED
    signature.save()
    Petition.objects.filter(pk=petition.pk).update(confirmed_count=41)
    content = client.get(petition.get_absolute_url()).content.decode()
    assert 'data-value="41">41</strong> people have signed' in content


def test_a_goal_that_steps_up_shows_the_next_step(client, petition):
    Petition.objects.filter(pk=petition.pk).update(goal=100, goal_steps_up=True, offset=130)
    content = client.get(petition.get_absolute_url()).content.decode()
    assert 'max="250" value="130"' in content


def test_a_closed_petition_shows_its_final_count_and_no_form(client, petition):
    Petition.objects.filter(pk=petition.pk).update(status=Petition.Status.CLOSED, offset=1234)
    response = client.get(petition.get_absolute_url())
    content = response.content.decode()
    assert "This petition is closed" in content
    assert "It closed with 1,234 signatures" in content
    assert 'name="email"' not in content


def test_a_petition_past_its_closing_time_refuses_signatures(client, petition, sign):
    Petition.objects.filter(pk=petition.pk).update(closes_at=timezone.now() - timedelta(hours=1))
    response = sign()
    assert response.status_code == 200
    assert "This petition is closed" in response.content.decode()
    assert not Signature.objects.exists()


def test_drafts_and_unknown_petitions_are_not_found(client, petition):
    Petition.objects.filter(pk=petition.pk).update(status=Petition.Status.DRAFT)
    assert client.get(petition.get_absolute_url()).status_code == 404
    assert client.get("/petitions/no-such-petition/").status_code == 404


def test_recent_signers_who_opted_in_are_listed_by_first_name_and_country(client, petition):
    # Half an hour from the nearest change of wording, however slow the test runs.
    confirmed_at = timezone.now() - timedelta(days=3, hours=12, minutes=30)
    Signature.objects.create(
        petition=petition, first_name="Rosa", last_name="Parks", email="rosa@example.org",
        country="US", status=Signature.Status.CONFIRMED, show_publicly=True,
        confirmed_at=confirmed_at,
    )  # fmt: skip
    Signature.objects.create(
        petition=petition, first_name="Hidden", last_name="Person", email="h@example.org",
        country="FR", status=Signature.Status.CONFIRMED, confirmed_at=timezone.now(),
    )  # fmt: skip
    content = client.get(petition.get_absolute_url()).content.decode()
    assert "Rosa, United States of America, 3\xa0days, 12\xa0hours ago" in content
    assert "Parks" not in content
    assert "Hidden" not in content


def test_the_french_address_of_a_petition_is_in_french(client, petition):
    Petition.objects.filter(pk=petition.pk).update(language="fr", offset=1500)
    content = client.get("/fr/petitions/free-jane-doe/").content.decode()
    assert '<html lang="fr">' in content
    assert "Signer la pétition" in content
    assert "Nous appelons the Minister of Justice à\xa0:" in content
    assert 'data-value="1500">1\xa0500</strong> personnes ont signé' in content


def test_the_goal_carries_its_raw_number_for_the_live_counter(client, petition):
    content = client.get(petition.get_absolute_url()).content.decode()
    assert 'Goal: <span data-goal data-value="1000">1,000</span>' in content
    content = client.get("/fr/petitions/free-jane-doe/").content.decode()
    assert 'Objectif\xa0: <span data-goal data-value="1000">1\xa0000</span>' in content
