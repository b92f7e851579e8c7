"""The demo as a newcomer meets it: loaded twice, on the home page."""

import pytest
from django.core.management import call_command

from campaigns.models import CaseUpdate, Event, TimelineEntry
from petitions.models import Demand, Petition

pytestmark = pytest.mark.django_db


def counts():
    models = [TimelineEntry, CaseUpdate, Event, Petition, Demand]
    return {model.__name__: model.objects.count() for model in models}


def test_loading_the_demo_twice_adds_nothing_the_second_time():
    call_command("load_demo", verbosity=0)
    first = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == first
    assert first == {"TimelineEntry": 17, "CaseUpdate": 5, "Event": 1, "Petition": 2, "Demand": 3}


def test_the_home_page_asks_to_sign_open_petitions_only(client):
    call_command("load_demo", verbosity=0)
    content = client.get("/").content.decode()
    sign_now = content.split('id="petitions-heading"')[1].split("</section>")[0]
    assert "Freedom for Azat Miftakhov!" in sign_now
    assert "Free Aleksei Navalny" not in sign_now
    assert "Died in custody" in content
    assert "Aleksei Navalny was held for <strong>1,125</strong> days." in content
    assert "days behind bars as of 4 September 2023" in content
