"""Settling what the automatic layers flagged, and the signature list's filters."""

import pytest
from django.utils import timezone

from petitions import counter
from petitions.models import Petition, Signature
from tests.factories import add_petition, add_signature

pytestmark = pytest.mark.django_db

Status, Review = Signature.Status, Signature.Review


def run_action(client, action, signatures):
    return client.post(
        "/admin/petitions/signature/",
        {"action": action, "_selected_action": [signature.pk for signature in signatures]},
        follow=True,
    )


def test_confirming_a_flagged_signature_settles_it_even_once_confirmed(admin_client, petition):
    pending = add_signature(
        petition, "p@example.org", status=Status.PENDING, review_reason=Review.TOO_FAST
    )
    confirmed = add_signature(petition, "c@example.org", review_reason=Review.CAPTCHA_UNAVAILABLE)
    counter.log_change(petition.pk, 1)
    assert Signature.objects.kept_for_review().count() == 2

    response = run_action(admin_client, "confirm", [pending, confirmed])

    assert "2 signatures confirmed." in response.content.decode()
    assert not Signature.objects.kept_for_review().exists()
    assert set(Signature.objects.values_list("status", "review_reason")) == {(Status.CONFIRMED, "")}
    counter.fold_counts()
    assert Petition.objects.get().confirmed_count == 2


def test_marking_automatic_spam_as_spam_makes_it_the_organisers_call(admin_client, petition):
    bot = add_signature(petition, "bot@example.org", status=Status.SPAM, review_reason="honeypot")
    assert list(Signature.objects.kept_as_spam()) == [bot]

    run_action(admin_client, "mark_spam", [bot])

    assert not Signature.objects.kept_as_spam().exists()
    bot.refresh_from_db()
    assert (bot.status, bot.review_reason) == (Status.SPAM, Review.ORGANISER)
    response = run_action(admin_client, "mark_spam", [bot])
    assert "0 signatures marked as spam." in response.content.decode()


def test_restoring_automatic_spam_takes_it_out_of_the_queue(admin_client, petition):
    bot = add_signature(petition, "b@example.org", status=Status.SPAM, review_reason="no_token")
    run_action(admin_client, "restore", [bot])
    assert not Signature.objects.kept_as_spam().exists()
    assert not Signature.objects.kept_for_review().exists()


def test_the_queues_leave_out_anonymised_and_withdrawn_signatures(petition):
    add_signature(
        petition,
        "old@example.org",
        status=Status.PENDING,
        review_reason=Review.TOO_FAST,
        anonymised_at=timezone.now(),
    )
    add_signature(petition, "w@example.org", status=Status.WITHDRAWN, review_reason="too_fast")
    add_signature(petition, "o@example.org", status=Status.SPAM, review_reason=Review.ORGANISER)
    assert not Signature.objects.kept_for_review().exists()
    assert not Signature.objects.kept_as_spam().exists()


def listed(client, **query):
    response = client.get("/admin/petitions/signature/", query)
    assert response.status_code == 200
    return {signature.email for signature in response.context["cl"].result_list}


def test_the_country_filter_is_one_drop_down_list(admin_client, petition):
    add_signature(petition, "gb@example.org", country="GB")
    add_signature(petition, "fr@example.org", country="FR")
    other = add_petition(petition.campaign, "other")
    add_signature(other, "fr2@example.org", country="FR")

    content = admin_client.get("/admin/petitions/signature/").content.decode()

    assert '<select id="filter-country__exact" name="country__exact">' in content
    assert content.count("country__exact=") == 0  # no link per country
    assert '<option value="FR">France</option>' in content
    assert listed(admin_client, country__exact="FR") == {"fr@example.org", "fr2@example.org"}
    assert len(listed(admin_client, country__exact="")) == 3  # "All countries"
    assert listed(admin_client, country__exact="FR", petition__id__exact=other.pk) == {
        "fr2@example.org"
    }


def test_the_country_filter_keeps_the_lists_other_choices_but_not_its_page(admin_client, petition):
    query = {"status__exact": "confirmed", "q": "Ada", "p": "2", "country__exact": "GB"}
    content = admin_client.get("/admin/petitions/signature/", query).content.decode()
    assert '<input type="hidden" name="status__exact" value="confirmed">' in content
    assert '<input type="hidden" name="q" value="Ada">' in content
    assert '<input type="hidden" name="p"' not in content
    assert '<option value="GB" selected>United Kingdom</option>' in content


def test_the_signature_list_shows_each_status_and_reason_in_words(admin_client, petition):
    add_signature(petition, "a@example.org", status=Status.SPAM, review_reason="blocked_ip")
    content = admin_client.get("/admin/petitions/signature/").content.decode()
    assert '<span class="status-badge status-badge--spam">Spam</span>' in content
    assert "Blocked IP range" in content
