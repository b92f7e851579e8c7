"""One-click unsubscribe (RFC 8058) and the page behind the link in every update."""

import pytest
from django.core import signing
from django.test import Client

from petitions import unsubscribe
from petitions.models import Mailing, Recipient, Signature
from tests.factories import add_signature

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscriber(petition):
    return add_signature(petition, "ada@example.org", wants_updates=True)


@pytest.fixture
def url(subscriber):
    return f"/petitions/unsubscribe/{unsubscribe.unsubscribe_token(subscriber)}/"


def still_subscribed(signature):
    signature.refresh_from_db()
    return signature.wants_updates and signature.unsubscribed_at is None


def test_opening_the_link_only_asks_mail_scanners_unsubscribe_nobody(client, subscriber, url):
    page = client.get(url)
    assert page.status_code == 200
    assert "Stop the emails about" in page.text
    assert "Free Jane Doe" in page.text
    assert still_subscribed(subscriber)


def test_the_button_unsubscribes(client, subscriber, url):
    page = client.post(url)
    assert page.status_code == 200
    assert "You will get no more emails about" in page.text
    assert not still_subscribed(subscriber)
    assert Signature.objects.get().status == Signature.Status.CONFIRMED  # still counted


def test_the_mail_programs_one_click_post_unsubscribes_without_csrf_token(subscriber, url):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not still_subscribed(subscriber)


def test_the_buttons_post_still_needs_the_csrf_token(subscriber, url):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(url, {}).status_code == 403
    assert still_subscribed(subscriber)


def test_unsubscribing_twice_is_fine_and_keeps_the_first_date(client, subscriber, url):
    client.post(url)
    subscriber.refresh_from_db()
    first = subscriber.unsubscribed_at
    assert client.post(url).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at == first


def test_pending_deliveries_of_an_unsubscribed_signer_are_skipped(client, subscriber, url):
    mailing = Mailing.objects.create(petition=subscriber.petition, subject_en="News")
    Recipient.objects.create(mailing=mailing, signature=subscriber)
    client.post(url)
    assert Recipient.objects.get().status == Recipient.Status.SKIPPED


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        signing.dumps(1, salt="petitions.withdraw"),  # another kind of link
        signing.dumps("1", salt=unsubscribe.SALT),  # ours, but not an id
        signing.dumps(999_999, salt=unsubscribe.SALT),  # nobody's
    ],
)
def test_a_bad_link_says_so_and_changes_nothing(client, subscriber, token):
    for method in (client.get, client.post):
        page = method(f"/petitions/unsubscribe/{token}/")
        assert page.status_code in {400, 404}
        assert "This link does not work" in page.text
    assert still_subscribed(subscriber)
