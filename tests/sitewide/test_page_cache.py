"""Pages kept a few seconds in the shared cache (sitewide/page_cache.py): one render serves every
visitor, an organiser's edit shows at once, and no visitor ever gets what is another's."""

import dataclasses
import re

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from campaigns.models import Campaign
from petitions.models import Petition
from petitions.spam import seconds_since
from sitewide import page_cache
from tests.factories import add_petition

pytestmark = pytest.mark.django_db

CAMPAIGN = "/campaigns/jane-doe/"


def cache_key(path, language="en"):
    request = RequestFactory().get(path)
    request.LANGUAGE_CODE = language
    return page_cache._key(request, "")


def test_a_second_visitor_gets_the_page_without_a_database_query(
    client, campaign, django_assert_num_queries
):
    first = client.get(CAMPAIGN)
    with django_assert_num_queries(0):
        second = Client().get(CAMPAIGN)
    assert second.status_code == 200
    assert second.content == first.content


def test_an_organisers_edit_shows_at_once(client, campaign):
    assert "Journalist imprisoned" in client.get(CAMPAIGN).text
    campaign.summary = "Released on bail."
    campaign.save()
    assert "Released on bail." in client.get(CAMPAIGN).text


def test_an_edit_of_a_petition_shows_at_once_on_the_pages_that_list_it(client, campaign):
    petition = add_petition(campaign, title="Free Jane Doe")
    assert "Free Jane Doe" in client.get("/").text
    assert "Free Jane Doe" in client.get(CAMPAIGN).text
    petition.title = "Justice for Jane Doe"
    petition.save()
    assert "Justice for Jane Doe" in client.get("/").text
    assert "Justice for Jane Doe" in client.get(CAMPAIGN).text


def test_a_page_rendered_while_an_edit_commits_is_not_kept_after_it(
    client, campaign, django_capture_on_commit_callbacks
):
    client.get(CAMPAIGN)
    copy_before_the_edit = cache.get(cache_key(CAMPAIGN))
    with django_capture_on_commit_callbacks(execute=True):
        campaign.summary = "Released on bail."
        campaign.save()
        # Meanwhile another request renders the page from the data before the commit and keeps
        # it under the version of that moment.
        version = cache.get(page_cache.VERSION_KEY)
        cache.set(cache_key(CAMPAIGN), dataclasses.replace(copy_before_the_edit, version=version))
    assert "Released on bail." in client.get(CAMPAIGN).text


def test_a_copy_is_rendered_again_once_it_is_a_few_seconds_old(client, campaign, clock):
    client.get(CAMPAIGN)
    # A change no organiser made through the models (a scheduled update coming out, a count):
    Campaign.objects.filter(pk=campaign.pk).update(summary="Released on bail.")
    assert "Released on bail." not in client.get(CAMPAIGN).text
    clock.advance(page_cache.FRESH_SECONDS + 0.1)
    assert "Released on bail." in client.get(CAMPAIGN).text


def test_a_stale_copy_is_served_while_another_request_renders_the_page_again(
    client, campaign, clock, django_assert_num_queries
):
    client.get(CAMPAIGN)
    Campaign.objects.filter(pk=campaign.pk).update(summary="Released on bail.")
    clock.advance(page_cache.FRESH_SECONDS + 0.1)
    renewing = page_cache._renewing(cache_key(CAMPAIGN))
    cache.add(renewing, 1)  # another request is rendering it
    with django_assert_num_queries(0):
        assert "Journalist imprisoned" in client.get(CAMPAIGN).text
    cache.delete(renewing)
    assert "Released on bail." in client.get(CAMPAIGN).text


def test_a_query_string_neither_costs_a_render_nor_shows_in_the_page(
    client, campaign, django_assert_num_queries
):
    client.get(CAMPAIGN)
    with django_assert_num_queries(0):
        page = client.get(CAMPAIGN, {"fbclid": "tracker-1234", "utm_source": "<share>"})
    assert page.status_code == 200
    assert "tracker-1234" not in page.text
    assert "utm_source" not in page.text


def test_each_language_has_its_own_copy(client, campaign):
    english = client.get(CAMPAIGN).text
    french = client.get(f"/fr{CAMPAIGN}").text
    assert '<html lang="en">' in english
    assert '<html lang="fr">' in french


def test_an_unpublished_campaign_is_gone_at_once(client, campaign):
    assert client.get(CAMPAIGN).status_code == 200
    campaign.is_published = False
    campaign.save()
    assert client.get(CAMPAIGN).status_code == 404


def test_an_organisers_preview_is_never_kept_for_visitors(
    client, staff_editor, unpublished_campaign
):
    organiser = Client()
    organiser.force_login(staff_editor)
    preview = organiser.get("/campaigns/john-roe/")
    assert preview.status_code == 200
    assert "Preview: this campaign is not published." in preview.text
    assert preview["Cache-Control"] == "private"
    assert client.get("/campaigns/john-roe/").status_code == 404


def test_a_deleted_petition_is_gone_at_once(client, campaign):
    petition = add_petition(campaign)
    assert client.get(petition.get_absolute_url()).status_code == 200
    Petition.objects.get(pk=petition.pk).delete()
    assert client.get(petition.get_absolute_url()).status_code == 404


def test_while_the_cache_is_down_pages_render_with_the_start_token_filled_in(
    client, campaign, unreachable_cache
):
    petition = add_petition(campaign)
    assert client.get(CAMPAIGN).status_code == 200
    page = client.get(petition.get_absolute_url())
    assert page.status_code == 200
    assert "of-this-visitor" not in page.text
    started = re.search(r'name="started" value="([^"]+)"', page.text)[1]
    assert seconds_since(started, petition) < 5
