"""The petition page from the cache: the same for everyone but for the sign form's start token,
filled in for each visitor, and without a cookie; cross-site posts are refused by what the
browser says (sitewide/same_origin.py); the spam layers hold; the counter is at most a few
seconds old, on the page and in count.json."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from petitions import counter, signing
from petitions.models import CountChange, Petition, Signature
from petitions.spam import seconds_since
from sitewide import page_cache
from tests.factories import form_data

pytestmark = pytest.mark.django_db


def hidden(page, name):
    return re.search(rf'name="{name}" value="([^"]+)"', page.text)[1]


def test_every_visitor_gets_the_same_page_but_for_the_start_token_and_no_cookie(petition):
    url = petition.get_absolute_url()
    ada, bob = Client().get(url), Client().get(url)
    assert not ada.cookies
    assert ada["Cache-Control"] == "private"
    assert "csrfmiddlewaretoken" not in ada.text
    started = re.compile(r'name="started" value="[^"]+"')
    assert started.sub("", ada.text) == started.sub("", bob.text)


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://elsewhere.example"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "https://other.testserver"},
        {"HTTP_ORIGIN": "https://elsewhere.example"},  # a browser older than Sec-Fetch-Site
        {"HTTP_ORIGIN": "null"},  # a sandboxed frame, a data: page
    ],
)
def test_a_cross_site_form_post_from_a_browser_is_refused(client, petition, headers):
    response = client.post(petition.get_absolute_url(), form_data(petition), **headers)
    assert response.status_code == 403
    assert "Your form session may have expired" in response.text
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_ORIGIN": "http://testserver"},
        {},  # no browser sends neither header: a script, which could read a token as well
    ],
)
def test_the_form_sent_from_our_own_page_is_taken(client, petition, headers):
    response = client.post(petition.get_absolute_url(), form_data(petition), **headers)
    assert response.status_code == 302
    assert Signature.objects.count() == 1


def test_every_page_view_gets_a_start_token_dated_by_that_view(client, petition, clock):
    url = petition.get_absolute_url()
    first = hidden(client.get(url), "started")
    clock.advance(1)
    second = hidden(Client().get(url), "started")  # the same cached copy
    clock.advance(30)
    assert seconds_since(first, petition) == pytest.approx(31, abs=1)
    assert seconds_since(second, petition) == pytest.approx(30, abs=1)


def test_a_form_sent_too_fast_from_a_cached_copy_is_still_kept_for_review(
    client, petition, clock, settings
):
    settings.PETITIONS_MIN_FILL_SECONDS = 1
    url = petition.get_absolute_url()
    client.get(url)
    clock.advance(1.5)  # the copy is still fresh, but this visitor loads the form now
    visitor = Client()
    started = hidden(visitor.get(url), "started")
    visitor.post(url, form_data(petition, started=started))
    assert Signature.objects.get().review_reason == Signature.Review.TOO_FAST


def test_a_failed_post_comes_back_with_what_was_typed_and_no_one_else_sees_it(client, petition):
    url = petition.get_absolute_url()
    client.get(url)
    response = client.post(url, form_data(petition, first_name="Zoë", email="not-an-email"))
    assert response.status_code == 400
    assert 'value="Zoë"' in response.text
    assert '<option value="GB" selected>United Kingdom</option>' in response.text
    assert "Enter a valid email address." in response.text

    other = Client().get(url).text
    assert "Zoë" not in other
    assert "not-an-email" not in other
    assert '<option value="" selected>' in other


def test_a_closed_petitions_page_has_no_form_to_fill_in(client, petition):
    petition.status = Petition.Status.CLOSED
    petition.save()
    page = client.get(petition.get_absolute_url())
    assert "This petition is closed" in page.text
    assert "of-this-visitor" not in page.text


def test_the_counter_on_the_page_is_at_most_a_few_seconds_old(client, petition, signature, clock):
    url = petition.get_absolute_url()
    assert 'data-value="0"' in client.get(url).text
    signing.confirm(signature_id=signature.pk)
    clock.advance(max(page_cache.FRESH_SECONDS, counter.FOLD_EVERY_SECONDS) + 0.1)
    assert 'data-value="1"' in client.get(url).text


def test_sending_the_form_folds_no_counter_changes_in(client, petition):
    counter.log_change(petition.pk, 1)
    client.post(petition.get_absolute_url(), form_data(petition))
    assert Signature.objects.count() == 1
    assert CountChange.objects.filter(petition=petition).count() == 1
    client.get(petition.get_absolute_url())  # a page view does
    assert not CountChange.objects.exists()


def test_count_json_is_kept_a_second_in_each_process(
    client, petition, signature, clock, django_assert_num_queries
):
    url = f"{petition.get_absolute_url()}count.json"
    assert client.get(url).json()["count"] == 0
    signing.confirm(signature_id=signature.pk)
    counter.fold_counts()
    with django_assert_num_queries(0):
        assert client.get(url).json()["count"] == 0
    clock.advance(1.1)
    response = client.get(url)
    assert response.json() == {"count": 1, "goal": 1000, "closed": False}
    assert response["Cache-Control"] == "public, max-age=3"


def test_count_json_for_a_slug_longer_than_any_is_a_plain_404(client, db):
    assert client.get(f"/petitions/{'a' * 300}/count.json").status_code == 404


def test_a_rush_of_signatures_reads_the_petition_from_the_cache(client, petition):
    url = petition.get_absolute_url()
    client.post(url, form_data(petition, email="first@example.org"))
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, form_data(petition, email="second@example.org"))
    assert response.status_code == 302
    assert Signature.objects.count() == 2
    assert not [q for q in queries if 'FROM "petitions_petition"' in q["sql"]]


def test_a_petition_closed_by_an_organiser_takes_no_more_signatures_at_once(client, petition):
    url = petition.get_absolute_url()
    client.post(url, form_data(petition, email="first@example.org"))
    petition.status = Petition.Status.CLOSED
    petition.save()
    response = client.post(url, form_data(petition, email="second@example.org"))
    assert "This petition is closed" in response.text
    assert Signature.objects.count() == 1


def test_a_petition_past_its_closing_time_takes_no_more_signatures(client, petition, monkeypatch):
    petition.closes_at = timezone.now() + datetime.timedelta(hours=1)
    petition.save()
    url = petition.get_absolute_url()
    client.post(url, form_data(petition, email="first@example.org"))
    later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    response = client.post(url, form_data(petition, email="second@example.org"))
    assert "This petition is closed" in response.text
    assert Signature.objects.count() == 1
