"""A supporter's browser contacts no host but ours, on every kind of public page."""

from urllib.parse import urlsplit

import pytest

from tests.browser.public_pages import PHONE, load_public_site, visit_every_public_page

pytestmark = pytest.mark.browser


def test_no_public_page_makes_a_request_to_another_host(
    new_tab, live_server, transactional_db, settings
):
    event = load_public_site(settings)
    tab = new_tab(**PHONE)
    ours = urlsplit(live_server.url).netloc
    elsewhere, ours_asked = [], []
    tab.on(
        "request",
        lambda request: (ours_asked if urlsplit(request.url).netloc == ours else elsewhere).append(
            request.url
        ),
    )
    seen = list(visit_every_public_page(tab, event))
    assert len(seen) >= 28
    assert any("/static/css/site.css" in url for url in ours_asked)  # requests are seen
    assert not [url for url in elsewhere if not url.startswith("data:")], elsewhere
