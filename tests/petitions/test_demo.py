from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from petitions.models import Petition

pytestmark = pytest.mark.django_db


def test_the_demo_has_the_navalny_and_azat_petitions_and_can_be_loaded_twice(client):
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    assert Petition.objects.count() == 2

    navalny = Petition.objects.get(slug="free-aleksei-navalny")
    assert navalny.target == "President Vladimir Putin"
    assert navalny.signature_count == 785
    assert navalny.status == Petition.Status.CLOSED
    assert navalny.closes_at.date().isoformat() == "2024-02-16"
    assert not navalny.is_open
    assert navalny.campaign.slug == "aleksei-navalny"
    assert [d.text for d in navalny.demands.all()] == [
        "Ensure Aleksei Navalny's immediate and unconditional release.",
        "End the intimidation and persecution of Aleksei Navalny and all other government critics.",
    ]
    assert navalny.is_demo

    azat = Petition.objects.get(slug="liberte-pour-azat-miftakhov")
    assert azat.text_in("title", "fr") == "Liberté pour Azat Miftakhov !"
    assert azat.language == "fr"
    assert azat.translated_languages() == ["en", "fr", "ru"]
    assert navalny.translated_languages() == ["en", "fr", "ru"]
    assert azat.opens_at == datetime(2023, 7, 23, tzinfo=UTC)
    assert azat.campaign.slug == "azat-miftakhov"

    assert azat.is_open


def test_the_navalny_petition_page_shows_it_closed_with_its_final_count_and_no_form(client):
    call_command("load_demo", verbosity=0)
    response = client.get("/petitions/free-aleksei-navalny/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'data-value="785">785</strong> people have signed' in content
    assert "This petition is closed" in content
    assert "It closed on 16 February 2024 with 785 signatures." in content
    assert "died in custody on 16 February 2024" in content
    assert "We called on President Vladimir Putin to:" in content
    assert "<form" not in content
    assert 'name="email"' not in content


def test_the_navalny_petition_takes_no_signature(client):
    call_command("load_demo", verbosity=0)
    response = client.post(
        "/petitions/free-aleksei-navalny/",
        {"first_name": "Ada", "last_name": "L", "email": "ada@example.org", "country": "FR"},
    )
    assert "This petition is closed" in response.content.decode()
    assert not Petition.objects.get(slug="free-aleksei-navalny").signatures.exists()
