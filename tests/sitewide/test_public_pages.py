"""Pages with nothing per visitor may be kept by the proxy or CDN in front (Cache-Control: public,
s-maxage): no cookie, no CSRF token, no Vary on the visitor's cookies or languages. Pages that
hold something of the visitor's, or an organiser's, are private."""

import re

import pytest
from django.http import HttpResponse
from django.test import Client

from config.middleware import SharedCacheGuardMiddleware
from sitewide import page_cache
from tests.factories import add_petition, add_update

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/fr/",
    "/campaigns/jane-doe/",
    "/campaigns/updates/",
    "/campaigns/jane-doe/updates/",
    "/campaigns/jane-doe/updates/news/",
    "/petitions/",
    "/petitions/free-jane-doe/thanks/",
    "/campaigns/updates/rss/",
    "/campaigns/updates/atom/",
    "/campaigns/jane-doe/updates/atom/",
]


@pytest.fixture
def content(campaign):
    add_update(campaign, "News")
    add_petition(campaign)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_pages_with_nothing_per_visitor_may_be_kept_by_a_proxy(client, content, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert response["Cache-Control"] == f"public, s-maxage={page_cache.SHARED_SECONDS}"
    assert not response.cookies
    assert "Vary" not in response
    assert "csrfmiddlewaretoken" not in response.text


def test_the_petition_page_holds_a_start_token_of_its_own_and_is_private(client, content):
    response = client.get("/petitions/free-jane-doe/")
    assert response["Cache-Control"] == "private"
    assert 'name="started"' in response.text
    assert not response.cookies


@pytest.mark.parametrize("path", ["/", "/campaigns/jane-doe/", "/campaigns/jane-doe/updates/news/"])
def test_pages_an_organiser_sees_are_private(content, staff_editor, path):
    organiser = Client()
    organiser.force_login(staff_editor)
    assert organiser.get(path)["Cache-Control"] == "private"


def test_a_public_page_that_sets_a_cookie_after_all_is_made_private(rf):
    def view(request):
        response = page_cache.public(HttpResponse("a page"))
        response.set_cookie("csrftoken", "a-visitors-secret")
        return response

    response = SharedCacheGuardMiddleware(view)(rf.get("/"))
    assert response["Cache-Control"] == "private"


def test_a_public_page_that_varies_with_cookies_is_made_private(rf):
    def view(request):
        response = page_cache.public(HttpResponse("a page"))
        response["Vary"] = "Cookie"
        return response

    assert SharedCacheGuardMiddleware(view)(rf.get("/"))["Cache-Control"] == "private"


def test_an_address_without_a_prefix_is_in_english_whatever_the_browser_asks(client, campaign):
    response = client.get("/campaigns/jane-doe/", HTTP_ACCEPT_LANGUAGE="fr")
    assert '<html lang="en">' in response.text
    assert response["Content-Language"] == "en"
    assert "Accept-Language" not in response.get("Vary", "")


def test_the_language_links_lead_to_this_page_in_each_language(client, campaign):
    page = client.get("/fr/campaigns/jane-doe/?page=2").text
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', page, re.S)[0]
    assert 'href="/campaigns/jane-doe/" lang="en"' in switcher
    assert 'href="/fr/campaigns/jane-doe/" lang="fr" hreflang="fr" aria-current="true"' in switcher
    assert "<form" not in switcher


def test_on_a_french_petition_the_language_links_still_lead_to_each_language(client, campaign):
    petition = add_petition(campaign, language="fr")
    page = client.get(petition.get_absolute_url()).text
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', page, re.S)[0]
    assert 'href="/petitions/free-jane-doe/"' in switcher
    assert 'href="/fr/petitions/free-jane-doe/"' in switcher
