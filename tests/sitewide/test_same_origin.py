"""Cross-site requests told apart by what the browser says (sitewide/same_origin.py). The sign
form refusing them: tests/petitions/test_petition_page_cache.py."""

import pytest
from django.http import HttpResponse

from sitewide.same_origin import is_cross_site, same_origin_only


@pytest.mark.parametrize(
    ("headers", "cross_site"),
    [
        ({"HTTP_SEC_FETCH_SITE": "same-origin"}, False),
        ({"HTTP_SEC_FETCH_SITE": "none"}, False),  # typed in the address bar, a bookmark
        ({"HTTP_SEC_FETCH_SITE": "same-site"}, True),
        ({"HTTP_SEC_FETCH_SITE": "cross-site"}, True),
        ({"HTTP_SEC_FETCH_SITE": "Cross-Site"}, True),
        ({"HTTP_ORIGIN": "http://testserver"}, False),
        ({"HTTP_ORIGIN": "https://testserver"}, True),  # another scheme is another origin
        ({"HTTP_ORIGIN": "http://testserver.evil.example"}, True),
        ({"HTTP_ORIGIN": "null"}, True),
        ({"HTTP_ORIGIN": "http://[::1"}, True),
        ({}, False),
    ],
)
def test_what_the_browser_says_decides(rf, headers, cross_site):
    assert is_cross_site(rf.post("/", **headers)) is cross_site


def test_trusted_origins_are_let_through_wildcards_included(rf, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.example.org", "https://*.example.net"]
    assert not is_cross_site(rf.post("/", HTTP_ORIGIN="https://www.example.org"))
    assert not is_cross_site(rf.post("/", HTTP_ORIGIN="https://shop.example.net"))
    assert is_cross_site(rf.post("/", HTTP_ORIGIN="http://shop.example.net"))
    assert is_cross_site(rf.post("/", HTTP_ORIGIN="https://example.org"))


def test_only_requests_that_change_something_are_refused(rf):
    view = same_origin_only(lambda request: HttpResponse("done"))
    cross_site = {"HTTP_SEC_FETCH_SITE": "cross-site"}
    assert view(rf.get("/", **cross_site)).status_code == 200
    assert view(rf.post("/", **cross_site)).status_code == 403
    assert view(rf.post("/", HTTP_SEC_FETCH_SITE="same-origin")).status_code == 200
    assert view.csrf_exempt
