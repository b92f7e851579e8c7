"""A supporter's browser talks to this site only: every request that every kind of public page
makes (images, drawn visuals, share icons, scripts, count.json) goes to our own host."""

from urllib.parse import urlsplit

import pytest

from tests.browser.public_pages import LAPTOP, PHONE, load_public_site, visit_every_public_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("screen", ["phone", "laptop"])
def test_no_public_page_makes_a_request_to_another_host(
    new_tab, live_server, transactional_db, settings, screen
):
    event = load_public_site(settings)  # the demo draws its visuals as it commits
    tab = new_tab(**(PHONE if screen == "phone" else LAPTOP))
    ours = urlsplit(live_server.url).netloc
    requested = []
    tab.on("request", lambda request: requested.append(request.url))
    seen = list(visit_every_public_page(tab, event))
    assert len(seen) >= 29
    elsewhere = {
        url for url in requested if not url.startswith("data:") and urlsplit(url).netloc != ours
    }
    assert elsewhere == set()
    assert any("/static/css/site.css" in url for url in requested)  # requests are seen
    assert any("/media/" in url for url in requested), "the pages show the drawn visuals"
