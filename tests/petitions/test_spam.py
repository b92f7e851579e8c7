import re
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from petitions import counter, moderation, signing
from petitions.models import BlockedDomain, BlockedIPRange, Petition, Signature
from petitions.spam import form_started_token, seconds_since
from tests.factories import form_data
from tests.petitions.helpers import assert_shadow_banned, confirm_by_link

pytestmark = pytest.mark.django_db


def test_a_bot_filling_the_honeypot_sees_a_normal_page_and_is_not_counted(sign):
    assert_shadow_banned(sign(website="http://spam.example"), Signature.Review.HONEYPOT)


def test_a_form_sent_faster_than_a_person_types_is_kept_pending_emailed_and_flagged(
    client, sign, petition, settings
):
    settings.PETITIONS_MIN_FILL_SECONDS = 5
    response = sign(started=form_started_token(petition, at=time.time() - 0.8))
    assert response["Location"] == "/petitions/free-jane-doe/thanks/"
    signature = Signature.objects.get()
    assert (signature.status, signature.review_reason) == (
        Signature.Status.PENDING,
        Signature.Review.TOO_FAST,
    )
    assert mail.outbox[0].subject == "Please confirm your signature: Free Jane Doe"
    confirm_by_link(client, mail.outbox[0])
    counter.fold_counts()
    assert Petition.objects.get().confirmed_count == 1


def test_a_forged_or_missing_form_token_is_kept_as_spam(sign):
    assert_shadow_banned(sign(started="1700000000"), Signature.Review.NO_TOKEN)


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client, petition):
    content = client.get(petition.get_absolute_url()).content.decode()
    assert '<div class="field field--trap" aria-hidden="true">' in content
    assert 'name="website"' in content
    assert 'tabindex="-1"' in content


def test_a_blocked_email_domain_is_kept_as_spam(sign):
    BlockedDomain.objects.create(domain="Spam-Farm.example")
    response = sign(email="someone@mail.spam-farm.example")
    assert_shadow_banned(response, Signature.Review.BLOCKED_DOMAIN)


def test_a_blocked_ip_range_is_kept_as_spam(client, petition):
    BlockedIPRange.objects.create(network="203.0.113.0/24")
    response = client.post(
        petition.get_absolute_url(), form_data(petition), REMOTE_ADDR="203.0.113.77"
    )
    assert_shadow_banned(response, Signature.Review.BLOCKED_IP)


def test_a_shadow_banned_address_signing_again_cleanly_gets_a_confirmation(sign):
    sign(website="filled by a bot")
    sign()
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert signature.review_reason == ""
    assert len(mail.outbox) == 1


def test_an_organisers_spam_verdict_sticks(sign, signature):
    moderation.set_status(signatures=Signature.objects.all(), status=Signature.Status.SPAM)
    sign(email=signature.email)
    assert Signature.objects.get().status == Signature.Status.SPAM
    assert mail.outbox == []


def test_the_rate_limit_per_petition_turns_away_the_next_request(client, petition, settings):
    settings.PETITIONS_RATE_PER_PETITION = "3/h"
    for n in range(3):
        response = client.post(
            petition.get_absolute_url(), form_data(petition, email=f"p{n}@example.org")
        )
        assert response.status_code == 302
    response = client.post(petition.get_absolute_url(), form_data(petition, email="p4@example.org"))
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert Signature.objects.count() == 3
    other_ip = client.post(
        petition.get_absolute_url(),
        form_data(petition, email="p5@example.org"),
        REMOTE_ADDR="192.0.2.9",
    )
    assert other_ip.status_code == 302


def test_the_overall_rate_limit_spans_petitions(client, petition, settings):
    settings.PETITIONS_RATE_OVERALL = "2/h"
    other = Petition.objects.create(
        slug="other", title="Other", target="X", status=Petition.Status.OPEN
    )
    assert client.post(petition.get_absolute_url(), form_data(petition)).status_code == 302
    assert client.post(other.get_absolute_url(), form_data(other)).status_code == 302
    assert (
        client.post(other.get_absolute_url(), form_data(other, email="b@example.org")).status_code
        == 429
    )
    assert Signature.objects.count() == 2


def test_reading_the_page_is_not_rate_limited(client, petition, settings):
    settings.PETITIONS_RATE_PER_PETITION = "1/h"
    for _ in range(3):
        assert client.get(petition.get_absolute_url()).status_code == 200


def test_behind_a_proxy_the_visitors_address_comes_from_the_configured_header(
    client, petition, settings
):
    settings.VISITOR_IP_HEADER = "HTTP_X_REAL_IP"
    settings.TRUSTED_PROXIES = ["127.0.0.1/32"]  # the test client's address: the proxy
    BlockedIPRange.objects.create(network="198.51.100.0/24")
    response = client.post(
        petition.get_absolute_url(), form_data(petition), HTTP_X_REAL_IP="198.51.100.20"
    )
    assert_shadow_banned(response, Signature.Review.BLOCKED_IP)
    assert Signature.objects.get().ip_hash == signing.hash_ip("198.51.100.20")


@pytest.mark.parametrize(
    ("header", "address"),
    [
        (None, "127.0.0.1"),  # the proxy sent no header: the peer's address
        ("", "127.0.0.1"),
        ("not an address", "127.0.0.1"),
        ("1.2.3.4, 5.6.7.8", "5.6.7.8"),  # a list: the right-most, added by our proxy
        ("1.2.3.4, garbage", "127.0.0.1"),
        ("2001:db8::1", "2001:db8::1"),
    ],
)
def test_a_missing_or_odd_proxy_header_never_breaks_signing(
    client, petition, settings, header, address
):
    settings.VISITOR_IP_HEADER = "HTTP_X_REAL_IP"
    settings.TRUSTED_PROXIES = ["127.0.0.1/32"]
    extra = {} if header is None else {"HTTP_X_REAL_IP": header}
    response = client.post(petition.get_absolute_url(), form_data(petition), **extra)
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert signature.ip_hash == signing.hash_ip(address)


def test_rate_limits_behind_a_proxy_count_per_visitor_address(client, petition, settings):
    settings.VISITOR_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXIES = ["127.0.0.1/32"]
    settings.PETITIONS_RATE_PER_PETITION = "1/h"
    url = petition.get_absolute_url()
    first = client.post(url, form_data(petition), HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.1")
    assert first.status_code == 302
    spoofed_left = client.post(
        url,
        form_data(petition, email="b@example.org"),
        HTTP_X_FORWARDED_FOR="10.0.0.2, 198.51.100.1",
    )
    assert spoofed_left.status_code == 429
    other = client.post(
        url, form_data(petition, email="c@example.org"), HTTP_X_FORWARDED_FOR="198.51.100.2"
    )
    assert other.status_code == 302


@pytest.mark.parametrize("trusted_proxies", [[], ["10.0.0.0/8"]])
def test_a_visitor_sending_the_proxy_header_itself_gets_no_fresh_rate_limit_bucket(
    client, petition, settings, trusted_proxies
):
    """Anyone reaching the site directly could otherwise pick a new address for each request."""
    settings.VISITOR_IP_HEADER = "HTTP_X_REAL_IP"
    settings.TRUSTED_PROXIES = trusted_proxies
    settings.PETITIONS_RATE_PER_PETITION = "5/h"
    statuses = [
        client.post(
            petition.get_absolute_url(),
            form_data(petition, email=f"s{n}@example.org"),
            REMOTE_ADDR="203.0.113.5",
            HTTP_X_REAL_IP=f"198.51.100.{n}",
        ).status_code
        for n in range(12)
    ]
    assert statuses == [302] * 5 + [429] * 7
    assert {s.ip_hash for s in Signature.objects.all()} == {signing.hash_ip("203.0.113.5")}


@pytest.mark.parametrize(
    "bot",
    [
        {"website": "http://spam.example"},
        {"started": "forged"},
        {"email": "ada@mail.spam-farm.example"},
    ],
)
def test_a_bot_using_a_signers_address_makes_the_site_send_no_email(sign, petition, bot):
    BlockedDomain.objects.create(domain="spam-farm.example")
    for email in ("ada@example.org", "ada@mail.spam-farm.example"):
        Signature.objects.create(
            petition=petition,
            first_name="Ada",
            last_name="Lovelace",
            email=email,
            country="GB",
            status=Signature.Status.CONFIRMED,
        )
    response = sign(**bot)
    assert response.status_code == 302
    assert mail.outbox == []


def test_repeated_submissions_get_at_most_one_email_an_hour_per_signature(sign):
    sign()
    for _ in range(3):
        assert sign().status_code == 302
    subjects = [message.subject for message in mail.outbox]
    assert subjects == ["Please confirm your signature: Free Jane Doe"] * 2
    Signature.objects.update(already_signed_sent_at=timezone.now() - timedelta(minutes=61))
    sign()
    assert len(mail.outbox) == 3


def test_a_form_token_from_another_petition_is_no_token(client, petition):
    other = Petition.objects.create(
        slug="other", title="Other", target="X", status=Petition.Status.OPEN
    )
    data = form_data(petition, started=form_started_token(other, at=time.time() - 60))
    response = client.post(petition.get_absolute_url(), data)
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert (signature.status, signature.review_reason) == (
        Signature.Status.SPAM,
        Signature.Review.NO_TOKEN,
    )
    assert mail.outbox == []


def test_a_form_left_open_for_more_than_a_day_asks_to_send_it_again(client, petition):
    stale = form_started_token(petition, at=time.time() - 25 * 3600)
    response = client.post(
        petition.get_absolute_url(), form_data(petition, started=stale, first_name="Zoë")
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "This form was open for more than a day" in content
    assert 'value="Zoë"' in content
    assert not Signature.objects.exists()
    assert mail.outbox == []
    fresh = re.search(r'name="started" value="([^"]+)"', content)[1]
    assert fresh != stale
    assert 0 <= seconds_since(fresh, petition) < 60
