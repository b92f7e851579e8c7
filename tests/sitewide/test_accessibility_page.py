"""The accessibility statement: what is tested, its limits, and whom to tell about a barrier."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_accessibility_statement_says_what_is_tested_and_whom_to_tell(client, settings):
    settings.ORGANISER_NAME = "Friends of Jane Doe"
    settings.CONTACT_EMAIL = "access@friends-of-jane.example.org"

    response = client.get("/accessibility/")

    assert response.status_code == 200
    text = response.text
    assert "<h1>Accessibility</h1>" in text
    assert "axe-core against WCAG 2.2 level AA" in text
    assert "JavaScript turned off" in text
    assert "Known limitations" in text
    assert (
        "write to Friends of Jane Doe at "
        '<a href="mailto:access@friends-of-jane.example.org">access@friends-of-jane.example.org</a>'
    ) in text


def test_the_accessibility_statement_is_served_in_french(client):
    response = client.get("/fr/accessibility/")
    assert response.status_code == 200
    assert '<html lang="fr">' in response.text
    assert 'href="/fr/privacy/"' in response.text  # the footer stays in French


def test_every_page_links_the_accessibility_statement_beside_the_privacy_notice(client, campaign):
    for url in ["/", campaign.get_absolute_url(), "/privacy/", "/fr/"]:
        footer = client.get(url).text.split('<footer class="site-footer">')[1]
        privacy, accessibility = footer.index("/privacy/"), footer.index("/accessibility/")
        assert privacy < accessibility
