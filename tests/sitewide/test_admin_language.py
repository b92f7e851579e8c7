"""The admin speaks the organiser's language and writes dates day first, as the public site does."""

import datetime

import pytest

from tests.factories import add_petition, add_signature

pytestmark = pytest.mark.django_db

SIGNED = datetime.datetime(2023, 7, 3, 14, 5, tzinfo=datetime.UTC)


@pytest.fixture
def signature(campaign):
    return add_signature(add_petition(campaign), "a@example.org", created_at=SIGNED)


@pytest.mark.parametrize(
    ("language", "long_date"),
    [("en", "3 July 2023, 14:05"), ("fr", "3 juillet 2023 14:05")],
)
def test_a_signatures_dates_are_day_first_in_the_organisers_language(
    admin_client, signature, language, long_date
):
    url = f"/admin/petitions/signature/{signature.pk}/change/"
    page = admin_client.get(url, headers={"accept-language": language}).content.decode()
    assert long_date in page
    listing = admin_client.get("/admin/petitions/signature/", headers={"accept-language": language})
    assert "03/07/2023 14:05" in listing.content.decode()


def test_english_dates_are_never_month_first(admin_client, signature):
    page = admin_client.get(f"/admin/petitions/signature/{signature.pk}/change/").content.decode()
    assert "July 3, 2023" not in page
    assert "07/03/2023" not in page


def test_the_admin_speaks_the_language_an_organiser_chooses(admin_client):
    assert '<html lang="en"' in admin_client.get("/admin/").content.decode()
    content = admin_client.get("/admin/", headers={"accept-language": "fr"}).content.decode()
    assert '<html lang="fr"' in content
    assert '<button type="submit" name="language" value="en" lang="en">English</button>' in content

    response = admin_client.post("/i18n/setlang/", {"language": "fr", "next": "/admin/"})

    assert response["Location"] == "/admin/"
    content = admin_client.get("/admin/").content.decode()
    assert '<html lang="fr"' in content
    assert "Déconnexion" in content
    # The public English pages stay where they are.
    assert '<html lang="en"' in admin_client.get("/").content.decode()
