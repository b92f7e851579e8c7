import re

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from campaigns.models import Campaign


@pytest.mark.django_db
def test_the_home_page_lists_published_campaigns_only(client, campaign):
    Campaign.objects.create(slug="draft", name="Unpublished Person", summary="Draft.")

    response = client.get("/")

    assert response.status_code == 200
    assert "Jane Doe" in response.text
    assert campaign.get_absolute_url() in response.text
    assert "Unpublished Person" not in response.text


@pytest.mark.django_db
def test_the_home_page_says_so_when_no_campaign_is_published(client):
    response = client.get("/")
    assert "No campaigns are published yet." in response.text


@pytest.mark.django_db
def test_an_unpublished_campaign_is_not_found(client):
    Campaign.objects.create(slug="draft", name="Unpublished Person", summary="Draft.")
    response = client.get("/campaigns/draft/")
    assert response.status_code == 404


@pytest.mark.django_db
def test_pages_are_served_in_french_under_the_fr_prefix(client, campaign):
    response = client.get("/fr/")

    assert response.status_code == 200
    assert '<html lang="fr">' in response.text
    assert "Libérez les prisonniers politiques" in response.text
    assert 'href="/fr/campaigns/jane-doe/"' in response.text


@pytest.mark.django_db
def test_the_language_switcher_redirects_to_the_same_page_in_the_chosen_language(client, campaign):
    response = client.post(
        reverse("set_language"), {"language": "fr", "next": "/campaigns/jane-doe/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/campaigns/jane-doe/"


@pytest.mark.django_db
def test_every_page_has_the_shared_layout(client):
    response = client.get(reverse("privacy"))

    assert response.status_code == 200
    html = response.text
    assert 'href="#main"' in html  # skip link
    assert '<main id="main"' in html
    assert 'aria-label="Main"' in html  # navigation landmark
    assert "<footer" in html
    assert 'href="/privacy/"' in html
    assert "mailto:" in html


@pytest.mark.django_db
def test_pages_load_nothing_from_other_hosts(client, campaign):
    # Resources a browser fetches by itself: scripts, stylesheets, icons, images, frames.
    resource = re.compile(r"<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)=\"([^\"]+)\"")
    for url in ["/", campaign.get_absolute_url(), reverse("privacy")]:
        for address in resource.findall(client.get(url).text):
            assert address.startswith(("/", "http://testserver/")), address


@pytest.mark.django_db
def test_an_unknown_address_gets_a_friendly_404_page(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.text
    assert 'href="/"' in response.text


@pytest.mark.django_db
def test_the_404_page_is_translated(client):
    response = client.get("/fr/no-such-page/")
    assert response.status_code == 404
    assert "Page introuvable" in response.text


@pytest.mark.django_db
def test_a_server_error_gets_a_friendly_500_page(client, monkeypatch):
    def broken_view(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("sitewide.views.Campaign.objects.published", broken_view)
    client.raise_request_exception = False

    response = client.get("/")

    assert response.status_code == 500
    assert "Something went wrong" in response.text


@pytest.mark.django_db
def test_a_lost_database_connection_gets_a_friendly_503_page(client, monkeypatch):
    def database_down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("sitewide.views.Campaign.objects.published", database_down)

    response = client.get("/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Temporarily unavailable" in response.text


@pytest.mark.django_db
def test_a_form_posted_without_its_csrf_token_gets_a_friendly_403_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("set_language"), {"language": "fr"})

    assert response.status_code == 403
    assert "Your form session may have expired" in response.text


@pytest.mark.django_db
def test_the_rate_limit_page_is_friendly(rf):
    from sitewide.views import rate_limited

    response = rate_limited(rf.get("/"))

    assert response.status_code == 429
    assert b"Too many requests" in response.content


@pytest.mark.django_db
def test_pages_allow_no_script_style_or_image_from_other_hosts(client):
    policy = client.get("/")["Content-Security-Policy"]

    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
