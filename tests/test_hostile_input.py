"""Generated hostile input against every public form and every URL that takes a parameter.

Whatever is sent: never a 5xx; a form with errors saves nothing and shows back what was typed;
a form that succeeds saves exactly one row, its text cleaned as sitewide.text documents.
Run with --hypothesis-show-statistics to see how the examples were answered.
"""

from urllib.parse import quote

import hypothesis
import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaigns.models import LocalAction, Photo, SolidarityMessage
from petitions import links, receipt
from petitions.models import Signature
from sitewide.text import clean_multiline_text, clean_text
from tests.factories import (
    add_petition,
    add_update,
    form_data,
    local_action_form,
    message_form,
)
from tests.hostile import API_URLS, hostile_text, post_and_check, receipts, submissions
from tests.images import image_bytes

pytestmark = pytest.mark.django_db

BOUNDED = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def petition(campaign):
    return add_petition(campaign)


@BOUNDED
@given(st.data())
def test_the_sign_form_never_fails_never_half_saves_and_shows_what_was_typed(
    client, petition, data
):
    valid = form_data(petition, postal_code="75001", website="")
    others = ["email", "country", "website", "started"]
    typed = data.draw(submissions(valid, ["first_name", "last_name", "postal_code"], others))
    post_and_check(
        client,
        petition.get_absolute_url(),
        typed,
        Signature,
        shown=["first_name", "last_name", "email", "postal_code"],
        stored={"first_name": clean_text, "last_name": clean_text, "postal_code": clean_text},
        content_type="application/x-www-form-urlencoded",
    )


@BOUNDED
@given(st.data())
def test_the_local_action_form_never_fails_never_half_saves_and_shows_what_was_typed(
    client, event, data
):
    free_text = ["city", "place", "description", "organiser_name", "public_contact"]
    valid = local_action_form(event)
    others = ["country", "starts_on", "start_time", "time_zone", "link", "submitter_email"]
    typed = data.draw(submissions(valid, free_text, others))
    post_and_check(
        client,
        f"{event.get_absolute_url()}join/",
        typed,
        LocalAction,
        shown=[*free_text, "starts_on", "start_time", "link", "submitter_email"],
        stored={name: clean_text for name in free_text} | {"description": clean_multiline_text},
        content_type="application/x-www-form-urlencoded",
    )


@BOUNDED
@given(st.data())
def test_the_photo_form_never_fails_never_half_saves_and_shows_what_was_typed(
    client, event, media_root, data
):
    valid = {"city": "Paris", "country": "FR", "name": "Camille", "caption": "Sorbonne"}
    typed = data.draw(submissions(valid, ["city", "name", "caption"], ["country"]))
    filename = data.draw(st.sampled_from(["photo.jpg", "\u202egpj.exe", "../../x.jpg", "\x00.jpg"]))
    upload = SimpleUploadedFile(filename, image_bytes("JPEG"), content_type="image/jpeg")
    files_before = len(list(media_root.rglob("*.*")))
    response = post_and_check(
        client,
        f"{event.get_absolute_url()}photos/send/",
        {**typed, "consent": "on", "image": upload},
        Photo,
        shown=["city", "name", "caption"],
        stored={"city": clean_text, "name": clean_text, "caption": clean_text},
    )
    files_added = len(list(media_root.rglob("*.*"))) - files_before
    assert files_added == (2 if response.status_code == 302 else 0)


@BOUNDED
@given(st.data())
def test_the_message_form_never_fails_never_half_saves_and_shows_what_was_typed(
    client, campaign, data
):
    campaign.accepts_messages = True
    campaign.save()
    typed = data.draw(submissions(message_form(campaign), ["name", "message"], ["country"]))
    post_and_check(
        client,
        f"{campaign.get_absolute_url()}messages/write/",
        typed,
        SolidarityMessage,
        shown=["name", "message"],
        stored={"name": clean_text, "message": clean_multiline_text},
        content_type="application/x-www-form-urlencoded",
    )


PUBLIC_URLS = [
    "/campaigns/{}/",
    "/campaigns/{}/updates/",
    "/campaigns/{}/updates/rss/",
    "/campaigns/{}/updates/atom/",
    "/campaigns/jane-doe/updates/{}/",
    "/campaigns/{}/events/day-of-solidarity/",
    "/campaigns/jane-doe/events/{}/",
    "/campaigns/jane-doe/events/{}/join/",
    "/campaigns/jane-doe/events/{}/join/thanks/",
    "/campaigns/jane-doe/events/{}/photos/",
    "/campaigns/jane-doe/events/{}/photos/send/",
    "/campaigns/jane-doe/events/{}/photos/send/thanks/",
    "/campaigns/{}/messages/write/",
    "/campaigns/{}/messages/write/thanks/",
    "/campaigns/{}/calendar.ics",
    "/campaigns/jane-doe/events/{}/calendar.ics",
    "/campaigns/jane-doe/hearings/{}.ics",
    "/campaigns/{}/hearings/1.ics",
    "/campaigns/calendar.ics?{query}={query}",
    "/petitions/{}/",
    "/fr/petitions/{}/",
    "/petitions/{}/thanks/",
    "/petitions/{}/thanks/resend/",
    "/petitions/{}/thanks/sign-again/",
    "/petitions/{}/count.json",
    "/petitions/confirm/{token}/",
    "/petitions/withdraw/{token}/",
    "/campaigns/updates/?page={query}",
    "/campaigns/jane-doe/updates/?page={query}",
    "/campaigns/jane-doe/events/day-of-solidarity/photos/?page={query}",
    "/campaigns/updates/rss/?page={query}",
    "/petitions/?page={query}",
    "/petitions/free-jane-doe/count.json?{query}={query}",
    "/petitions/{}/share.png",
    "/petitions/free-jane-doe/share.png?v={query}",
    "/campaigns/{}/share.png",
    "/campaigns/jane-doe/share.png?v={query}",
    *API_URLS,
]
ADMIN_URLS = [
    "/admin/petitions/signature/?q={query}",
    "/admin/petitions/signature/?country__exact={query}&status__exact={query}",
    "/admin/petitions/signature/?created_at__gte={query}&o={query}&p={query}",
    "/admin/petitions/signature/{}/change/",
    "/admin/campaigns/localaction/?q={query}&country__exact={query}&event__id__exact={query}",
    "/admin/campaigns/photo/?status__exact={query}&submitted_at__year={query}",
    "/admin/campaigns/caseupdate/?status={query}&campaign__id__exact={query}",
    "/admin/campaigns/solidaritymessage/?q={query}&to_print__exact={query}&o={query}",
    "/admin/campaigns/solidaritymessage/{}/change/",
    "/admin/campaigns/hearing/?when={query}&campaign__id__exact={query}&q={query}",
]


def public_rows():
    return [model.objects.count() for model in (Signature, LocalAction, Photo, SolidarityMessage)]


def get_and_check(client, template, value, method="get"):
    """Ask `template` with `value` in its path or query: never a 5xx, never a row for the forms."""
    url = template.format(quote(value, safe=""), token=quote(value, safe=""), query=quote(value))
    with transaction.atomic():
        rows_before = public_rows()
        response = getattr(client, method)(url)
        hypothesis.event(f"answered {response.status_code}")
        assert response.status_code < 500, url[:200]
        assert public_rows() == rows_before
        transaction.set_rollback(True)


@pytest.fixture
def signature(event, petition):
    """Something behind each URL: an update, an event, a petition and a signature to link to."""
    add_update(event.campaign, "Trial postponed")
    return Signature.objects.create(
        petition=petition, first_name="Grace", last_name="Hopper", email="g@example.org"
    )


EACH_URL = settings(BOUNDED, max_examples=8)


@pytest.mark.parametrize("template", PUBLIC_URLS)
@EACH_URL
@given(st.data())
def test_every_public_url_with_a_parameter_answers_hostile_values_without_a_5xx(
    client, signature, template, data
):
    value = data.draw(hostile_text)
    if "{token}" in template:
        real = data.draw(st.sampled_from([links.confirmation_token, links.withdrawal_token]))
        value = data.draw(st.sampled_from(["", real(signature), real(signature)[:-4]])) + value
    cache.clear()
    get_and_check(client, template, value)
    if "withdraw" in template or "/thanks/" in template:
        get_and_check(client, template, value, method="post")


@EACH_URL
@given(st.data())
def test_the_language_switch_answers_hostile_values_without_a_5xx(client, data):
    language = {"language": data.draw(hostile_text), "next": data.draw(hostile_text)}
    response = client.post("/i18n/setlang/", language)
    hypothesis.event(f"answered {response.status_code}")
    assert response.status_code < 500


@pytest.mark.parametrize("template", ADMIN_URLS)
@EACH_URL
@given(st.data())
def test_admin_lists_and_pages_answer_hostile_values_without_a_5xx(
    admin_client, event, template, data
):
    get_and_check(admin_client, template, data.draw(hostile_text))


@pytest.mark.parametrize("path", ["", "resend/", "sign-again/"])
@EACH_URL
@given(st.data())
def test_the_thanks_page_and_its_offers_answer_any_receipt_without_a_5xx(
    client, signature, path, data
):
    client.cookies[receipt.COOKIE_NAME] = data.draw(receipts(signature))
    url = f"/petitions/{signature.petition.slug}/thanks/{path}"
    cache.clear()
    with transaction.atomic():
        response = client.post(url) if path else client.get(url)
        hypothesis.event(f"answered {response.status_code}")
        assert response.status_code < 500
        assert Signature.objects.get().status == Signature.Status.PENDING
        transaction.set_rollback(True)
