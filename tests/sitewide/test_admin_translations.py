"""Organisers write each text in every language side by side; a required text is required in the
main language only (sitewide/admin_translation.py)."""

import re

import pytest

from campaigns.models import Campaign
from petitions.models import Petition
from tests.factories import add_petition

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "de", "es", "ru", "uk"]


def petition_form(**fields):
    """The admin's add form for a petition, as an organiser sends it."""
    return {
        "language": "en",
        "status": "open",
        "slug": "liberte",
        "goal": "1000",
        "offset": "0",
        "opens_at_0": "2023-07-23",
        "opens_at_1": "09:00",
        "demands-TOTAL_FORMS": "0",
        "demands-INITIAL_FORMS": "0",
        **fields,
    }


def test_each_text_of_a_petition_comes_in_every_language_on_one_line(admin_client, campaign):
    petition = add_petition(campaign)
    page = admin_client.get(f"/admin/petitions/petition/{petition.pk}/change/").text
    for text in ["title", "target", "introduction", "body", "thank_you_text", "share_text"]:
        line = re.search(
            rf'<div class="form-row flex-container form-multiline field-{text}_en', page
        )
        assert line, text
        for language in LANGUAGES:
            assert f'name="{text}_{language}"' in page
    assert re.search(r'<input type="text" name="title_fr"[^>]* lang="fr"', page)
    assert 'name="demands-0-text_ru"' in page


def test_the_admin_loads_nothing_from_another_host(admin_client, campaign):
    petition = add_petition(campaign)
    for path in [
        f"/admin/petitions/petition/{petition.pk}/change/",
        "/admin/petitions/petition/add/",
        f"/admin/campaigns/campaign/{campaign.pk}/change/",
        "/admin/campaigns/caseupdate/add/",
        "/admin/campaigns/event/add/",
    ]:
        page = admin_client.get(path).text
        sources = re.findall(r'(?:src|href)="([^"]+)"', page)
        assert [s for s in sources if s.startswith(("//", "http"))] == [], path
        assert "googleapis" not in page


def test_a_french_petition_needs_its_texts_in_french_only(admin_client):
    response = admin_client.post(
        "/admin/petitions/petition/add/",
        petition_form(language="fr", title_fr="Liberté !", target_fr="les autorités"),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    petition = Petition.objects.get()
    assert (petition.title_fr, petition.title_en) == ("Liberté !", None)


def test_a_petition_without_its_main_languages_title_is_refused_with_a_message(admin_client):
    response = admin_client.post(
        "/admin/petitions/petition/add/",
        petition_form(language="fr", title_en="Freedom!", target_en="the authorities"),
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors == {
        "title_fr": ["This field is required."],
        "target_fr": ["This field is required."],
    }
    assert 'value="Freedom!"' in response.text  # what the organiser typed is kept
    assert not Petition.objects.exists()


def test_a_demand_is_required_in_its_petitions_language(admin_client):
    response = admin_client.post(
        "/admin/petitions/petition/add/",
        petition_form(
            language="fr",
            title_fr="Liberté !",
            target_fr="les autorités",
            **{
                "demands-TOTAL_FORMS": "1",
                "demands-0-text_en": "free him",
                "demands-0-order": "1",
            },
        ),
    )
    assert response.status_code == 200
    [demands] = response.context["inline_admin_formsets"]
    assert demands.formset.errors == [{"text_fr": ["This field is required."]}]


def test_no_language_is_required_before_the_form_is_sent(admin_client, campaign):
    campaign.language = "fr"
    campaign.summary_fr = "Journaliste."
    campaign.save()
    form = (
        admin_client.get(f"/admin/campaigns/campaign/{campaign.pk}/change/")
        .context["adminform"]
        .form
    )
    assert not form.fields["summary_en"].required
    assert not form.fields["summary_fr"].required  # decided on sending, by the language chosen


def test_campaign_texts_are_searched_in_every_language(admin_client, campaign):
    Campaign.objects.filter(pk=campaign.pk).update(summary_ru="Журналистка")
    page = admin_client.get("/admin/campaigns/campaign/", {"q": "Журналистка"}).text
    assert "Jane Doe" in page


def test_the_preview_shows_each_language_written(admin_client):
    response = admin_client.post(
        "/admin/petitions/petition/preview/",
        {"title_fr": "Liberté", "introduction_en": "*Free*", "introduction_fr": "**Libre**"},
    )
    content = response.text
    assert '<h2 class="markdown-preview__heading">Liberté</h2>' in content
    assert "<em>Free</em>" in content and "<strong>Libre</strong>" in content
    assert "introduction [fr]" in content.lower()
