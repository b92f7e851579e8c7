"""The link in every email to a signer: what the site holds about them, and erasing it."""

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.core import signing as django_signing

from petitions import counter, my_data
from petitions.models import Petition, Signature
from tests.factories import add_petition, add_signature
from tests.petitions.helpers import confirm_by_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def signatures(petition, campaign):
    """Ada signed two petitions; Grace signed one."""
    other = add_petition(campaign, "close-the-camp", title="Close the camp")
    ada = add_signature(
        petition, "ada@example.org", postal_code="N1 9GU", wants_updates=True, language="fr"
    )
    add_signature(other, "Ada@Example.org", status=Signature.Status.PENDING, show_publicly=True)
    add_signature(petition, "grace@example.org", first_name="Grace", last_name="Hopper")
    Petition.objects.filter(pk=petition.pk).update(confirmed_count=2)
    return ada


@pytest.fixture
def url(signatures):
    return f"/petitions/my-data/{my_data.my_data_token(signatures)}/"


def test_every_email_to_a_signer_links_to_their_data(sign, client):
    sign()
    [confirmation] = mail.outbox
    assert "/petitions/my-data/" in confirmation.body
    confirm_by_link(client, confirmation)
    sign()  # again: "you have already signed"
    assert "/petitions/my-data/" in mail.outbox[-1].body


def test_the_page_offers_the_download_and_erasing(client, url):
    page = client.get(url)
    assert page.status_code == 200
    assert "Your data" in page.text
    assert f"{url}data.json" in page.text
    assert f"{url}erase/" in page.text


def test_the_download_holds_all_their_signatures_and_nobody_elses(client, url):
    response = client.get(f"{url}data.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    held = json.loads(response.content)
    assert held["email"] == "ada@example.org"
    by_petition = {entry["petition"]: entry for entry in held["signatures"]}
    assert sorted(by_petition) == ["Close the camp", "Free Jane Doe"]
    jane = by_petition["Free Jane Doe"]
    assert jane["first_name"] == "Ada"
    assert jane["last_name"] == "Lovelace"
    assert jane["country"] == "GB"
    assert jane["postal_code"] == "N1 9GU"
    assert jane["language"] == "fr"
    assert jane["status"] == "confirmed"
    assert jane["consents"] == {"updates_from_the_organiser": True, "listed_publicly": False}
    assert jane["confirmed_at"]
    assert by_petition["Close the camp"]["consents"]["listed_publicly"] is True
    assert "Grace" not in response.content.decode()
    assert "grace@" not in response.content.decode()


def test_erasing_asks_first_then_anonymises_every_signature_and_keeps_the_count(
    client, url, signatures, petition
):
    page = client.get(f"{url}erase/")
    assert page.status_code == 200
    assert "Erase your data?" in page.text
    assert Signature.objects.filter(email_normalised="ada@example.org").count() == 2

    done = client.post(f"{url}erase/")
    assert done.status_code == 200
    assert "Your data is erased" in done.text
    assert not Signature.objects.filter(email__iexact="ada@example.org").exists()
    assert not Signature.objects.filter(email_normalised="ada@example.org").exists()
    erased = Signature.objects.filter(anonymised_at__isnull=False)
    assert erased.count() == 2
    for signature in erased:
        assert (signature.first_name, signature.last_name, signature.postal_code) == ("", "", "")
        assert not signature.wants_updates and not signature.show_publicly
    # The confirmed signature still counts, the unconfirmed one never will.
    statuses = sorted(erased.values_list("status", flat=True))
    assert statuses == [Signature.Status.CONFIRMED, Signature.Status.WITHDRAWN]
    counter.fold_counts()
    assert Petition.objects.get(pk=petition.pk).confirmed_count == 2
    assert Signature.objects.get(email="grace@example.org").first_name == "Grace"

    # The link now finds nothing to show.
    assert "We hold nothing about you" in client.get(url).text


def test_an_expired_link_says_how_to_get_a_fresh_one(client, url, signatures, clock, settings):
    clock.advance(timedelta(days=settings.PETITIONS_MY_DATA_DAYS + 1).total_seconds())
    for path in (url, f"{url}data.json", f"{url}erase/"):
        page = client.get(path)
        assert page.status_code == 410
        assert "This link has expired" in page.text
        assert "Sign again" in page.text
    assert client.post(f"{url}erase/").status_code == 410
    assert Signature.objects.get(pk=signatures.pk).first_name == "Ada"


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        django_signing.dumps(1, salt="petitions.confirm"),
        django_signing.dumps([1], salt=my_data.SALT),
        django_signing.dumps(999_999, salt=my_data.SALT),
    ],
)
def test_a_bad_link_says_so(client, signatures, token):
    for path in ("", "data.json", "erase/"):
        page = client.get(f"/petitions/my-data/{token}/{path}")
        assert page.status_code in {400, 404}
        assert "This link does not work" in page.text
    client.post(f"/petitions/my-data/{token}/erase/")
    assert Signature.objects.get(pk=signatures.pk).first_name == "Ada"


def test_the_privacy_notice_tells_about_the_data_link_and_unsubscribing(client):
    page = client.get("/privacy/")
    assert "download what we hold about you" in page.text
    assert "unsubscribe" in page.text
