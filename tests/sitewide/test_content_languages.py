"""What organisers write, in several languages: each page in the address's interface language,
its content in that language where translated, else in the main language, with `lang` set on it
(sitewide/content_languages.py)."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from petitions.models import Demand
from sitewide import page_cache
from tests.factories import add_petition, add_update

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "de", "es", "ru", "uk"]
# The interface's word for "Petitions" in the languages whose catalogue the repository has.
PETITIONS_IN = {"en": "Petitions", "fr": "Pétitions"}
STAFF_NOTICE = '<p class="notice notice--staff">'


def prefix(language):
    return "" if language == "en" else f"/{language}"


@pytest.fixture
def french_petition(campaign):
    """A petition written in French first, translated into English, not into the others."""
    petition = add_petition(
        campaign,
        "liberte-pour-jane-doe",
        language="fr",
        title_fr="Liberté pour Jane Doe !",
        target_fr="le ministre de la Justice",
        introduction_fr="Jane Doe est détenue **sans procès**.",
        title="Freedom for Jane Doe!",
        target="the Minister of Justice",
        introduction="Jane Doe is held **without trial**.",
    )
    Demand.objects.create(petition=petition, text_fr="libérer Jane Doe", order=1)
    return petition


@pytest.fixture
def russian_campaign(campaign):
    campaign.summary_ru = "Журналистка, заключённая за свои репортажи."
    campaign.name_ru = "Джейн Доу"
    campaign.save()
    return campaign


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_of_page_answers_in_each_language(client, event, language):
    update = add_update(event.campaign, "Verdict")
    petition = add_petition(event.campaign)
    paths = [
        reverse("home"),
        event.campaign.get_absolute_url(),
        update.get_absolute_url(),
        event.get_absolute_url(),
        petition.get_absolute_url(),
        reverse("petitions:list"),
        reverse("privacy"),
    ]
    for path in paths:
        response = client.get(prefix(language) + path)
        assert response.status_code == 200, path
        assert f'<html lang="{language}">' in response.text, path
        # Written in English only: every language shows it, marked as English.
        if path != reverse("privacy"):
            assert 'lang="en"' in response.text, path


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_interface_follows_the_address(client, french_petition, language):
    html = client.get(f"{prefix(language)}/petitions/").text
    assert f"<h1>{PETITIONS_IN[language]}</h1>" in html


def test_a_french_petition_at_its_english_address_has_an_english_interface(client, campaign):
    petition = add_petition(
        campaign, "liberte", language="fr", title="", title_fr="Liberté pour Jane !"
    )
    html = client.get(petition.get_absolute_url()).text
    assert '<html lang="en">' in html
    assert "Sign the petition" in html
    assert '<h1 lang="fr">Liberté pour Jane\u202f!</h1>' in html
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)[0]
    assert 'href="/petitions/liberte/" lang="en" hreflang="en" aria-current="true"' in switcher
    assert 'href="/fr/petitions/liberte/"' in switcher


def test_each_language_reads_its_translation_or_else_the_main_language(client, french_petition):
    english = client.get("/petitions/liberte-pour-jane-doe/").text
    assert '<h1 lang="en">Freedom for Jane Doe!</h1>' in english
    assert "<strong>without trial</strong>" in english
    french = client.get("/fr/petitions/liberte-pour-jane-doe/").text
    assert '<h1 lang="fr">Liberté pour Jane Doe\u202f!</h1>' in french
    assert "<strong>sans procès</strong>" in french
    # No German: the main language, French, not English.
    german = client.get("/de/petitions/liberte-pour-jane-doe/").text
    assert '<html lang="de">' in german
    assert '<h1 lang="fr">Liberté pour Jane Doe\u202f!</h1>' in german
    assert '<ol class="petition__demands" lang="fr">' in german
    assert "libérer Jane Doe" in german


def test_a_translation_missing_a_text_shows_that_text_in_the_main_language(client, campaign):
    petition = add_petition(
        campaign, "p", language="fr", title_fr="Liberté", body_fr="Le texte.", title_de="Freiheit"
    )
    german = client.get(f"/de{petition.get_absolute_url()}").text
    assert '<h1 lang="de">Freiheit</h1>' in german
    assert "Le texte." in german


def test_a_campaign_page_in_russian(client, russian_campaign):
    html = client.get("/ru/campaigns/jane-doe/").text
    assert '<h1 lang="ru">Джейн Доу</h1>' in html
    assert '<p class="lead" lang="ru">Журналистка, заключённая за свои репортажи.</p>' in html
    # Not translated into Spanish: English, the campaign's main language, marked as such.
    spanish = client.get("/es/campaigns/jane-doe/").text
    assert '<h1 lang="en">Jane Doe</h1>' in spanish


def test_updates_and_events_are_read_in_the_visitors_language(client, event):
    add_update(event.campaign, "Verdict", title_fr="Le verdict", body_fr="Six ans.")
    event.title_fr = "Journée de solidarité"
    event.save()
    update_page = client.get("/fr/campaigns/jane-doe/updates/verdict/").text
    assert '<h1 lang="fr">Le verdict</h1>' in update_page
    assert "Six ans." in update_page
    assert "About Verdict." in client.get("/de/campaigns/jane-doe/updates/verdict/").text
    event_page = client.get("/fr/campaigns/jane-doe/events/day-of-solidarity/").text
    assert '<h1 lang="fr">Journée de solidarité</h1>' in event_page
    campaign_page = client.get("/fr/campaigns/jane-doe/").text
    assert '<h3 lang="fr"><a href="/fr/campaigns/jane-doe/updates/verdict/">Le verdict' in (
        campaign_page
    )


def test_staff_are_told_of_a_missing_translation_and_visitors_never_are(
    client, staff_editor, french_petition, campaign
):
    organiser = Client()
    organiser.force_login(staff_editor)
    for path in ["/de/petitions/liberte-pour-jane-doe/", "/de/campaigns/jane-doe/"]:
        assert organiser.get(path).text.count(STAFF_NOTICE) == 1, path
        # The visitor right after the organiser: no notice, even from the page cache.
        assert STAFF_NOTICE not in client.get(path).text, path
        assert STAFF_NOTICE not in client.get(path).text, path
    # Translated: no notice for staff either.
    assert STAFF_NOTICE not in organiser.get("/fr/petitions/liberte-pour-jane-doe/").text
    english = organiser.get("/campaigns/jane-doe/").text
    assert STAFF_NOTICE not in english


def test_a_staff_visit_after_a_visitors_is_not_served_from_the_cache(
    client, staff_editor, french_petition
):
    assert STAFF_NOTICE not in client.get("/de/petitions/liberte-pour-jane-doe/").text
    organiser = Client()
    organiser.force_login(staff_editor)
    notice = organiser.get("/de/petitions/liberte-pour-jane-doe/").text
    assert STAFF_NOTICE in notice
    assert "Besuchende lesen den Inhalt dieser Seite auf Französisch" in notice


def test_alternate_languages_are_those_the_content_is_written_in(client, french_petition):
    html = client.get("/de/petitions/liberte-pour-jane-doe/").text
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)
    assert alternates == [
        ("en", "http://testserver/petitions/liberte-pour-jane-doe/"),
        ("fr", "http://testserver/fr/petitions/liberte-pour-jane-doe/"),
    ]


def test_the_sitemap_lists_each_petition_in_its_languages(client, french_petition):
    content = client.get("/sitemap.xml").text
    assert "<loc>http://testserver/fr/petitions/liberte-pour-jane-doe/</loc>" in content
    assert "<loc>http://testserver/petitions/liberte-pour-jane-doe/</loc>" in content
    assert "/de/petitions/liberte-pour-jane-doe/" not in content


def test_the_french_feed_gives_french_titles_where_translated(client, campaign):
    add_update(campaign, "Verdict", title_fr="Le verdict")
    add_update(campaign, "Appeal", days_ago=2)
    feed = client.get("/fr/campaigns/updates/atom/").text
    assert "<title>Le verdict</title>" in feed
    assert "<title>Appeal</title>" in feed
    assert 'xml:lang="fr"' in feed
    assert "http://testserver/fr/campaigns/jane-doe/updates/verdict/" in feed
    assert "<title>Verdict</title>" in client.get("/campaigns/updates/atom/").text


def test_each_language_of_a_petition_is_cached_apart(
    client, french_petition, django_assert_num_queries
):
    french = client.get("/fr/petitions/liberte-pour-jane-doe/").text
    russian = client.get("/ru/petitions/liberte-pour-jane-doe/").text
    assert '<html lang="fr">' in french and '<html lang="ru">' in russian
    with django_assert_num_queries(0):
        again = {
            code: Client().get(f"/{code}/petitions/liberte-pour-jane-doe/") for code in ["fr", "ru"]
        }
    assert '<html lang="fr">' in again["fr"].text
    assert '<html lang="ru">' in again["ru"].text
    keys = {page_cache._key(again[code].wsgi_request, "") for code in again}
    assert len(keys) == 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_switching_language_keeps_the_visitor_on_the_same_petition(
    client, french_petition, language
):
    response = client.post(
        reverse("set_language"),
        {"language": language, "next": "/fr/petitions/liberte-pour-jane-doe/"},
    )
    assert response["Location"] == f"{prefix(language)}/petitions/liberte-pour-jane-doe/"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_campaign_page_costs_the_same_queries_in_every_language(
    client, russian_campaign, event, language, django_assert_num_queries
):
    add_update(russian_campaign, "Verdict", title_ru="Приговор")
    add_petition(russian_campaign, title_ru="Свободу Джейн Доу")
    # campaign, timeline, latest updates, upcoming events, past events, petitions, hearings,
    # messages of solidarity: in every language alike
    with django_assert_num_queries(8):
        html = client.get(f"{prefix(language)}/campaigns/jane-doe/").text
    assert ("Приговор" in html) == (language == "ru")
