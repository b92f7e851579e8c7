"""A supporter's browser talks to this site only: every request a public page makes, images
and share images included, goes to our own host."""

import io
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from campaigns.models import Campaign, Event
from petitions.models import Petition

pytestmark = pytest.mark.browser


def test_the_demo_pages_request_nothing_from_another_host(new_tab, live_server, transactional_db):
    call_command("load_demo", stdout=io.StringIO())  # draws the visuals as it commits
    pages = ["/", "/petitions/", "/campaigns/updates/"]
    pages += [campaign.get_absolute_url() for campaign in Campaign.objects.all()]
    pages += [petition.get_absolute_url() for petition in Petition.objects.all()]
    pages += [event.get_absolute_url() for event in Event.objects.all()]
    pages += ["/fr/", "/fr/campaigns/azat-miftakhov/"]
    ours = urlsplit(live_server.url).netloc
    for size in ({"width": 390, "height": 844}, {"width": 1280, "height": 800}):
        tab = new_tab(viewport=size)
        requested = []
        tab.on("request", lambda request, seen=requested: seen.append(request.url))
        for page in pages:
            tab.goto(page, wait_until="load")
        elsewhere = {
            url for url in requested if not url.startswith("data:") and urlsplit(url).netloc != ours
        }
        assert elsewhere == set()
        images = [url for url in requested if "/media/" in url]
        assert images, "the pages show the drawn campaign visuals"
