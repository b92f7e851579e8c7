"""The petition on a partner's site: the embed pages, framed only by the origins the organiser
listed, and signing inside the frame without any cookie (petitions/widget.py)."""

import re

import pytest
from django.core import mail
from django.test import Client

from petitions.models import Petition, Signature
from tests.factories import form_data
from tests.petitions.helpers import confirm_by_link

pytestmark = pytest.mark.django_db

PARTNERS = "https://partner.example\nhttps://friends.example:8443"
EMBED = "/petitions/free-jane-doe/embed/"
COUNTER = "/petitions/free-jane-doe/embed/counter/"


@pytest.fixture
def partnered(petition):
    petition.partner_origins = PARTNERS
    petition.partner_return_url = "https://partner.example/jane"
    petition.save()
    return petition


def frame_ancestors(response):
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
    )
    return policy["frame-ancestors"]


def test_the_embed_page_shows_the_counter_and_the_form_without_the_site_around_it(
    client, partnered
):
    response = client.get(EMBED)
    assert response.status_code == 200
    assert 'class="counter"' in response.text
    assert f'action="{EMBED}#form-errors" target="_self"' in response.text
    assert 'name="started"' in response.text
    assert "site-header" not in response.text and "site-footer" not in response.text
    # Links leave the frame: the site's other pages refuse to be framed.
    assert '<base target="_blank">' in response.text
    assert not response.cookies


def test_the_counter_embed_shows_the_count_and_a_link_to_sign_and_no_form(client, partnered):
    partnered.offset = 1234
    partnered.save()
    response = client.get(COUNTER)
    assert response.status_code == 200
    assert "1,234" in response.text
    assert 'href="/petitions/free-jane-doe/"' in response.text
    assert "<form" not in response.text
    assert "public" in response["Cache-Control"]


@pytest.mark.parametrize("url", [EMBED, COUNTER, f"/fr{EMBED}", f"/fr{COUNTER}"])
def test_the_embed_pages_may_be_framed_by_exactly_the_listed_origins(client, partnered, url):
    response = client.get(url)
    assert response.status_code == 200
    assert frame_ancestors(response) == "https://partner.example https://friends.example:8443"
    assert "X-Frame-Options" not in response


@pytest.mark.parametrize("url", [EMBED, COUNTER])
def test_without_partner_origins_the_embed_pages_refuse_framing_yet_work_opened_directly(
    client, petition, url
):
    response = client.get(url)
    assert response.status_code == 200
    assert frame_ancestors(response) == "'none'"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    "url", ["/", "/petitions/free-jane-doe/", "/petitions/free-jane-doe/thanks/", "/privacy/"]
)
def test_every_other_page_keeps_refusing_any_frame(client, partnered, url):
    response = client.get(url)
    assert response["X-Frame-Options"] == "DENY"
    assert frame_ancestors(response) == "'none'"


def test_an_edit_of_the_partner_origins_shows_at_once_on_the_cached_embed_page(client, partnered):
    assert "partner.example" in frame_ancestors(client.get(EMBED))
    petition = Petition.objects.get()
    petition.partner_origins = "https://other.example"
    petition.save()
    assert frame_ancestors(client.get(EMBED)) == "https://other.example"


def test_each_visitor_gets_the_cached_embed_page_with_a_fresh_start_token(partnered):
    started = re.compile(r'name="started" value="([^"]+)"')
    ada, bob = Client().get(EMBED), Client().get(EMBED)
    assert started.search(ada.text)[1] != "start-token-of-this-visitor"
    assert started.sub("", ada.text) == started.sub("", bob.text)
    assert "private" in ada["Cache-Control"]


@pytest.mark.parametrize("url", [EMBED, COUNTER])
def test_the_embed_pages_come_from_the_cache_with_their_partner_policy(
    client, partnered, url, django_assert_num_queries
):
    first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "X-Frame-Options" not in again


def test_with_recaptcha_on_the_embed_lets_google_in_and_keeps_the_partner_policy(
    client, partnered, settings
):
    settings.RECAPTCHA_PUBLIC_KEY = "public-key"
    settings.RECAPTCHA_PRIVATE_KEY = "private-key"
    response = client.get(EMBED)
    assert "https://www.google.com/recaptcha/" in response["Content-Security-Policy"]
    assert frame_ancestors(response) == "https://partner.example https://friends.example:8443"


def signed_in_the_frame(petition, **overrides):
    """Sign as a browser does inside a partner's frame: the form's page is ours (same-origin
    post), and no cookie at all is sent (third-party cookies blocked: no CSRF cookie)."""
    client = Client(enforce_csrf_checks=True)
    headers = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}
    return client.post(EMBED, form_data(petition, **overrides), **headers)


def test_signing_in_the_frame_without_any_cookie_records_a_pending_signature_and_emails_it(
    partnered,
):
    response = signed_in_the_frame(partnered)
    assert response.status_code == 200
    assert "Thank you! Now check your email" in response.text
    assert "ada@example.org" in response.text
    # The thanks is the answer itself: no redirect, no cookie, kept by no cache.
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    assert frame_ancestors(response) == "https://partner.example https://friends.example:8443"
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert signature.via_widget
    [message] = mail.outbox
    assert message.to == ["ada@example.org"]


def test_a_cross_site_post_to_the_embed_form_is_refused(partnered):
    client = Client()
    headers = {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://partner.example"}
    response = client.post(EMBED, form_data(partnered), **headers)
    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_a_bot_filling_the_honeypot_sees_the_thanks_and_is_kept_as_spam(partnered):
    response = signed_in_the_frame(partnered, website="http://spam.example")
    assert "Thank you! Now check your email" in response.text
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.SPAM
    assert signature.review_reason == Signature.Review.HONEYPOT
    assert mail.outbox == []


def test_a_post_without_a_genuine_start_token_is_kept_as_spam(partnered):
    signed_in_the_frame(partnered, started="forged")
    assert Signature.objects.get().review_reason == Signature.Review.NO_TOKEN
    assert mail.outbox == []


def test_the_rate_limit_holds_in_the_frame(partnered, settings):
    settings.PETITIONS_RATE_PER_PETITION = "2/h"
    for number in range(2):
        assert signed_in_the_frame(partnered, email=f"p{number}@example.org").status_code == 200
    response = signed_in_the_frame(partnered, email="p3@example.org")
    assert response.status_code == 429
    assert Signature.objects.count() == 2


def test_a_form_with_errors_comes_back_in_the_frame_with_what_was_typed(partnered):
    response = signed_in_the_frame(partnered, email="ada@mailinator.com", first_name="Adà")
    assert response.status_code == 400
    assert "temporary email services" in response.text
    assert 'value="Adà"' in response.text
    assert "site-header" not in response.text
    assert not Signature.objects.exists()


def test_a_closed_petition_shows_its_count_and_no_form_in_the_frame(client, partnered):
    partnered.status = Petition.Status.CLOSED
    partnered.save()
    response = client.get(EMBED)
    assert "This petition is closed" in response.text
    assert "<form" not in response.text
    signed_in_the_frame(partnered)
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    "url", ["/petitions/nothing-here/embed/", "/petitions/nothing/embed/counter/"]
)
def test_an_unknown_petition_has_no_embed(client, url):
    assert client.get(url).status_code == 404


def test_after_confirming_a_signature_from_the_frame_the_signer_is_offered_the_way_back(
    client, partnered
):
    signed_in_the_frame(partnered)
    page = confirm_by_link(client, mail.outbox[0])
    assert "Your signature is confirmed" in page.text
    assert '<a class="button" href="https://partner.example/jane">' in page.text
    assert "Back to partner.example" in page.text


def test_a_signature_made_on_our_own_page_gets_no_partner_link(client, partnered):
    client.post(partnered.get_absolute_url(), form_data(partnered))
    page = confirm_by_link(client, mail.outbox[0])
    assert "Your signature is confirmed" in page.text
    assert "partner.example" not in page.text


def test_without_a_return_address_the_confirmation_offers_no_way_back(client, partnered):
    partnered.partner_return_url = ""
    partnered.save()
    signed_in_the_frame(partnered)
    page = confirm_by_link(client, mail.outbox[0])
    assert "Your signature is confirmed" in page.text
    assert "Back to" not in page.text


def test_the_privacy_notice_says_what_signing_in_a_partner_frame_shares(client):
    notice = client.get("/privacy/").text
    assert "in a frame on a partner organisation’s website" in notice
    assert "never to the partner’s website" in notice


def test_the_widget_says_whether_names_go_to_the_target_as_the_petition_page_does(
    client, partnered
):
    assert "Your name is not handed over to the Minister of Justice" in client.get(EMBED).text
    partnered.hand_over_names = True
    partnered.save()
    assert "receives the first names and countries" in client.get(EMBED).text
