"""The delivery pack an organiser hands to a petition's target: a PDF to print and a CSV beside
it, downloaded from the petition's admin page; signers' first names only when chosen."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from petitions.models import Petition, Signature
from tests.factories import add_signature

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(petition):
    """Three confirmed signers in two countries, one pending and one withdrawn."""
    Petition.objects.filter(pk=petition.pk).update(offset=1200)
    add_signature(petition, "ada@example.org", first_name="Ada", last_name="Lovelace", country="GB")
    add_signature(
        petition, "olga@example.org", first_name="Ольга", last_name="Иванова", country="UA"
    )
    add_signature(petition, "evil@example.org", first_name="=HYPERLINK(1)", country="GB")
    add_signature(petition, "p@example.org", status=Signature.Status.PENDING, first_name="Pat")
    add_signature(petition, "w@example.org", status=Signature.Status.WITHDRAWN, first_name="Wes")
    petition.refresh_from_db()
    return petition


def pack_url(petition, kind):
    return f"/admin/petitions/petition/{petition.pk}/delivery.{kind}"


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def csv_rows(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_pdf_holds_the_petition_its_total_and_the_countries_but_no_names(admin_client, signed):
    response = admin_client.get(pack_url(signed, "pdf"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="free-jane-doe-delivery.pdf"'
    text = pdf_text(response)
    assert "Free Jane Doe" in text
    assert "To: the Minister of Justice" in text
    assert "release Jane Doe at once" in text
    assert "drop every charge against her" in text
    assert "Jane Doe has been held without trial since 2021." in text  # Markdown made plain
    assert "1,203 signatures" in text
    assert "3 signed online and confirmed their email address" in text
    assert "1,200 gathered elsewhere" in text
    assert "United Kingdom 2" in text
    assert "Ukraine 1" in text
    for private in ["Ada", "Ольга", "Lovelace", "Иванова", "example.org", "Pat", "Wes"]:
        assert private not in text
    assert "Signers’ names are not part of this petition’s delivery." in text


def test_when_chosen_the_pdf_lists_confirmed_first_names_by_country_never_last_names(
    admin_client, signed
):
    Petition.objects.filter(pk=signed.pk).update(hand_over_names=True)

    text = pdf_text(admin_client.get(pack_url(signed, "pdf")))

    assert "Ada" in text
    assert "Ольга" in text  # Cyrillic, in the bundled font
    for private in ["Lovelace", "Иванова", "example.org", "Pat", "Wes"]:
        assert private not in text


def test_the_csv_holds_the_totals_and_countries_and_names_only_when_chosen(admin_client, signed):
    response = admin_client.get(pack_url(signed, "csv"))

    assert response["Content-Disposition"] == 'attachment; filename="free-jane-doe-delivery.csv"'
    rows = csv_rows(response)
    assert ["Petition", "Free Jane Doe"] in rows
    assert ["Target", "the Minister of Justice"] in rows
    assert ["Signatures in total", "1203"] in rows
    assert ["Signed online and confirmed", "3"] in rows
    assert ["Gathered elsewhere", "1200"] in rows
    assert ["GB", "United Kingdom", "2"] in rows
    assert ["UA", "Ukraine", "1"] in rows
    assert ["First name", "Country"] not in rows
    assert "Ada" not in response.content.decode()

    Petition.objects.filter(pk=signed.pk).update(hand_over_names=True)
    rows = csv_rows(admin_client.get(pack_url(signed, "csv")))
    names = rows[rows.index(["First name", "Country"]) + 1 :]
    assert sorted(names) == [
        ["'=HYPERLINK(1)", "United Kingdom"],  # a formula made inert
        ["Ada", "United Kingdom"],
        ["Ольга", "Ukraine"],
    ]
    everything = "".join(cell for row in rows for cell in row)
    assert "Lovelace" not in everything and "@" not in everything


def test_anonymised_signatures_still_count_by_country_but_give_no_name(admin_client, signed):
    Petition.objects.filter(pk=signed.pk).update(hand_over_names=True)
    Signature.objects.filter(first_name="Ольга").update(
        first_name="", anonymised_at=signed.opens_at
    )

    rows = csv_rows(admin_client.get(pack_url(signed, "csv")))

    assert ["UA", "Ukraine", "1"] in rows
    names = rows[rows.index(["First name", "Country"]) + 1 :]
    assert ["", "Ukraine"] not in names and len(names) == 2


def test_the_change_page_offers_the_pack(admin_client, petition):
    content = admin_client.get(f"/admin/petitions/petition/{petition.pk}/change/").text
    assert f'href="{pack_url(petition, "pdf")}"' in content
    assert f'href="{pack_url(petition, "csv")}"' in content
    assert 'name="hand_over_names"' in content


@pytest.mark.parametrize("kind", ["pdf", "csv"])
def test_the_pack_is_for_staff_who_may_see_the_petition(client, django_user_model, petition, kind):
    response = client.get(pack_url(petition, kind))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")

    django_user_model.objects.create_user("clerk", password="a-long-password-1", is_staff=True)
    client.login(username="clerk", password="a-long-password-1")
    assert client.get(pack_url(petition, kind)).status_code == 403


def test_an_organiser_downloads_the_pack(client, staff_editor, petition):
    client.force_login(staff_editor)
    assert client.get(pack_url(petition, "pdf")).status_code == 200
    assert client.get(pack_url(petition, "csv")).status_code == 200


def test_an_unknown_petition_has_no_pack(admin_client):
    assert admin_client.get("/admin/petitions/petition/999999/delivery.pdf").status_code == 404


def test_a_petition_without_text_signatures_or_demands_still_gives_a_pack(admin_client, petition):
    petition.demands.all().delete()
    Petition.objects.filter(pk=petition.pk).update(introduction="", body="")
    text = pdf_text(admin_client.get(pack_url(petition, "pdf")))
    assert "0 signatures" in text


def test_the_petition_page_says_whether_first_names_go_to_the_target(client, petition):
    content = client.get(petition.get_absolute_url()).text
    assert "Your name is not handed over to the Minister of Justice" in content

    petition.hand_over_names = True
    petition.save()
    content = client.get(petition.get_absolute_url()).text
    assert (
        "When the petition is handed over, the Minister of Justice receives the first names "
        "and countries of everyone who signed; never last names or email addresses."
    ) in content


def test_a_closed_petition_page_still_says_whether_names_were_handed_over(client, petition):
    Petition.objects.filter(pk=petition.pk).update(
        status=Petition.Status.CLOSED, hand_over_names=True
    )
    content = client.get(petition.get_absolute_url()).text
    assert "This petition is closed" in content
    assert "the Minister of Justice receives the first names and countries" in content


def test_names_cannot_be_handed_over_once_people_signed_without_being_told(petition, signature):
    petition.hand_over_names = True
    with pytest.raises(ValidationError) as refused:
        petition.full_clean()
    assert "hand_over_names" in refused.value.message_dict

    Petition.objects.filter(pk=petition.pk).update(hand_over_names=True)
    petition.refresh_from_db()
    petition.full_clean()  # chosen before anyone signed: it may stay on
    petition.hand_over_names = False
    petition.full_clean()  # and may always be turned off


def test_emailing_the_target_needs_an_address(petition):
    petition.email_target_when_closed = True
    with pytest.raises(ValidationError) as refused:
        petition.full_clean()
    assert "target_email" in refused.value.message_dict
    petition.target_email = "minister@justice.example.org"
    petition.full_clean()


def test_the_privacy_notice_says_what_the_target_receives(client):
    text = client.get("/privacy/").text
    assert "only the number of signatures and their count by country" in text
    assert "first names and countries, only where the petition’s page says so" in text
    assert "never last names, email addresses or postal codes" in text
