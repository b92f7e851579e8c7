"""Bad paper-signature files: a clear message in the page, nothing stored, nothing counted."""

import pytest

from petitions.models import PaperImport, PaperSignature, Petition
from tests.petitions.paper_files import HEADER, confirm, csv_bytes, upload

pytestmark = pytest.mark.django_db

ROW = "José Martí,,CU,2023-09-02"


def refused(admin_client, petition, content, message, name="sheets.csv"):
    response = upload(admin_client, petition, content, name=name)
    assert response.status_code == 200
    assert message in response.text, response.text[-3000:]
    assert not PaperImport.objects.exists()
    assert not PaperSignature.objects.exists()
    assert Petition.objects.get().paper_count == 0
    return response


@pytest.mark.parametrize(
    "content",
    [csv_bytes(ROW), b"\xef\xbb\xbf" + csv_bytes(ROW), csv_bytes(ROW).replace(b"\n", b"\r\n")],
    ids=["utf-8", "utf-8 with a byte-order mark", "windows line ends"],
)
def test_utf8_files_with_or_without_a_byte_order_mark_are_read(admin_client, petition, content):
    done = confirm(admin_client, upload(admin_client, petition, content))
    assert "1 paper signature imported." in done.text
    assert PaperSignature.objects.get().name == "José Martí"


def test_a_semicolon_separated_file_as_spreadsheets_save_it_in_many_languages_is_read(
    admin_client, petition
):
    content = csv_bytes("José Martí;;Cuba;2023-09-02", header="Name;Email;Country;Date\n")
    confirm(admin_client, upload(admin_client, petition, content))
    assert PaperSignature.objects.get().country == "CU"


def test_a_windows_1252_file_is_refused_with_how_to_save_it(admin_client, petition):
    refused(
        admin_client,
        petition,
        csv_bytes(ROW, encoding="cp1252"),
        "This file is not in UTF-8: it looks like Windows-1252 or Latin-1",
    )


def test_a_utf16_file_is_refused_with_how_to_save_it(admin_client, petition):
    refused(admin_client, petition, csv_bytes(ROW, encoding="utf-16"), "This file is in UTF-16")


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("name,country\n", "Missing column: date."),
        ("name,email\n", "Missing columns: country, date."),
        ("name,e-mail,country,date\n", "Unknown column: “e-mail”."),
        ("name,email,country,date,date\n", "The column “date” appears twice."),
    ],
)
def test_wrong_or_missing_columns_are_named(admin_client, petition, header, message):
    response = refused(admin_client, petition, csv_bytes(ROW, header=header), message)
    assert "The first line must name the columns: name, email, country, date" in response.text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"\n\n  \n", "The file is empty."),
        (HEADER.encode(), "The file has no rows under its header."),
    ],
)
def test_an_empty_file_is_refused(admin_client, petition, content, message):
    refused(admin_client, petition, content, message)


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",  # a spreadsheet workbook (.xlsx)
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        b"name,email,country,date\nAda\x00,,FR,2023-09-02\n",
    ],
    ids=["png", "xlsx", "pdf", "nul"],
)
def test_a_file_that_is_not_a_csv_is_refused(admin_client, petition, content):
    refused(admin_client, petition, content, "This is not a CSV file")


def test_100000_rows_are_refused_before_the_whole_file_is_read(admin_client, petition):
    content = csv_bytes(*[f"P{n},,FR,2023-09-02" for n in range(100_000)])
    refused(admin_client, petition, content, "The file has more than 20,000 rows")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(admin_client, petition):
    content = csv_bytes("x" * 5_000_000 + ",,FR,2023-09-02")
    refused(admin_client, petition, content, "The file is larger than 4 MB")


def test_no_file_is_asked_for_again(admin_client, petition):
    from tests.petitions.paper_files import paper_url

    response = admin_client.post(paper_url(petition), {})
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert not PaperImport.objects.exists()


def test_a_broken_quote_is_a_row_problem_not_a_crash(admin_client, petition):
    content = csv_bytes(ROW, '"Unclosed,,FR,2023-09-02')
    response = upload(admin_client, petition, content)
    assert response.status_code == 200
    assert not PaperSignature.objects.exists()
