"""The opt-ins as CSV, for the organiser's own mailing tools: with permission only."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission

from petitions.models import Signature
from tests.factories import add_signature

pytestmark = pytest.mark.django_db


def rows(response):
    content = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(content)))


@pytest.fixture
def url(petition):
    return f"/admin/petitions/petition/{petition.pk}/optins.csv"


@pytest.fixture
def exporter(client, staff_editor):
    staff_editor.user_permissions.add(Permission.objects.get(codename="export_optins"))
    client.force_login(staff_editor)
    return client


def test_the_export_lists_who_consented_to_what_with_the_words_they_saw_and_when(
    exporter, url, petition
):
    ada = add_signature(
        petition, "ada@example.org", wants_updates=True, show_publicly=True, postal_code="N1"
    )
    add_signature(
        petition,
        "marie@example.org",
        first_name='=HYPERLINK("http://evil")',
        last_name="Curie",
        country="FR",
        language="fr",
        wants_updates=True,
    )
    add_signature(petition, "quiet@example.org")  # did not opt in
    add_signature(petition, "p@example.org", status=Signature.Status.PENDING, wants_updates=True)
    add_signature(
        petition, "gone@example.org", wants_updates=True, unsubscribed_at="2026-01-01T00:00Z"
    )
    response = exporter.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    header, *lines = rows(response)
    assert header == [
        "First name",
        "Last name",
        "Email",
        "Country",
        "Language",
        "Consented to",
        "Text of the consent",
        "Consented on",
    ]
    assert len(lines) == 2
    by_email = {line[2]: line for line in lines}
    assert by_email["ada@example.org"][:6] == [
        "Ada",
        "Lovelace",
        "ada@example.org",
        "GB",
        "en",
        "updates from the organiser; first name and country listed publicly",
    ]
    assert by_email["ada@example.org"][6] == "Keep me informed about this campaign by email"
    assert by_email["ada@example.org"][7] == ada.confirmed_at.isoformat()
    marie = by_email["marie@example.org"]
    assert marie[0] == '\'=HYPERLINK("http://evil")'  # inert in a spreadsheet
    assert marie[4] == "fr"
    assert marie[6] == "Tenez-moi informé·e de cette campagne par e-mail"


def test_staff_without_the_permission_get_no_emails(client, staff_editor, url, petition):
    add_signature(petition, "ada@example.org", wants_updates=True)
    client.force_login(staff_editor)
    assert client.get(url).status_code == 403


def test_visitors_are_sent_to_the_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_petition_page_in_the_admin_offers_the_export_only_with_the_permission(
    client, staff_editor, url, petition
):
    client.force_login(staff_editor)
    page = client.get(f"/admin/petitions/petition/{petition.pk}/change/")
    assert "Emails to signers" in page.text
    assert url not in page.text
    staff_editor.user_permissions.add(Permission.objects.get(codename="export_optins"))
    page = client.get(f"/admin/petitions/petition/{petition.pk}/change/")
    assert url in page.text
