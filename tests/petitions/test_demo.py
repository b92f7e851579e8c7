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
    assert navalny.campaign.slug == "aleksei-navalny"
    assert [d.text for d in navalny.demands.all()] == [
        "Ensure Aleksei Navalny's immediate and unconditional release.",
        "End the intimidation and persecution of Aleksei Navalny and all other government critics.",
    ]
    assert navalny.is_demo

    azat = Petition.objects.get(slug="liberte-pour-azat-miftakhov")
    assert azat.title == "Liberté pour Azat Miftakhov !"
    assert azat.language == "fr"
    assert azat.opens_at == datetime(2023, 7, 23, tzinfo=UTC)
    assert azat.campaign.slug == "azat-miftakhov"

    content = client.get(navalny.get_absolute_url()).content.decode()
    assert 'data-value="785">785</strong> people have signed' in content
