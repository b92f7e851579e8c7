"""Paper signatures through the admin: preview every row, import the good ones, count, undo."""

import datetime

import pytest
from django.core import mail

from petitions import counter
from petitions.models import PaperImport, PaperSignature, Petition
from petitions.views import LIVE_COUNTS
from tests.factories import add_petition, add_signature
from tests.petitions.paper_files import GOOD_ROWS, confirm, csv_bytes, paper_url, upload

pytestmark = pytest.mark.django_db


def count_shown(client, petition):
    counter.fold_counts()
    return client.get(f"{petition.get_absolute_url()}count.json").json()["count"]


def test_the_paper_page_is_linked_from_the_petition_and_explains_the_columns(
    admin_client, petition
):
    change = admin_client.get(f"/admin/petitions/petition/{petition.pk}/change/").text
    assert f'href="{paper_url(petition)}"' in change
    page = admin_client.get(paper_url(petition))
    assert page.status_code == 200
    assert "name, email, country, date" in page.text
    assert 'type="file"' in page.text


def test_a_clean_file_is_previewed_then_imported_and_counted_as_its_own_figure(
    admin_client, client, petition, admin_user
):
    Petition.objects.filter(pk=petition.pk).update(offset=100)
    add_signature(petition, "online@example.org")
    counter.log_change(petition.pk, 1)
    assert count_shown(client, petition) == 101

    preview = upload(admin_client, petition, csv_bytes(*GOOD_ROWS))
    assert preview.status_code == 200
    for shown in ["Marie Curie", "Ada Lovelace", "United Kingdom", "Germany", "Ukraine"]:
        assert shown in preview.text
    assert "4 rows will be imported" in preview.text
    assert not PaperSignature.objects.exists()  # nothing before the organiser confirms

    done = confirm(admin_client, preview)
    assert "4 paper signatures imported." in done.text
    assert PaperSignature.objects.count() == 4
    marie = PaperSignature.objects.get(name="Marie Curie")
    assert (marie.country, marie.signed_on) == ("FR", datetime.date(2023, 9, 2))
    assert Petition.objects.get().paper_count == 4
    LIVE_COUNTS.clear()  # count.json and the page: online + paper + offset
    assert count_shown(client, petition) == 105
    assert 'data-count data-value="105"' in client.get(petition.get_absolute_url()).text
    imported = PaperImport.objects.get()
    assert (imported.status, imported.imported_by, imported.imported_count) == (
        PaperImport.Status.IMPORTED,
        admin_user,
        4,
    )
    assert imported.content == b""  # the file itself is not kept once its rows are


def test_paper_signers_never_appear_among_recent_signers_and_get_no_email(
    admin_client, client, petition
):
    confirm(admin_client, upload(admin_client, petition, csv_bytes(*GOOD_ROWS)))
    page = client.get(petition.get_absolute_url()).text
    assert "Marie" not in page and "Ada" not in page
    assert mail.outbox == []


def test_every_row_problem_is_shown_and_nothing_is_imported_while_any_row_has_one(
    admin_client, petition
):
    rows = [
        "Marie Curie,,FR,2023-09-02",
        ",,FR,2023-09-02",
        "Bad Country,,Atlantis,2023-09-02",
        "Bad Date,,FR,02/09/2023",
        "Bad Email,not-an-address,FR,2023-09-02",
        "Future,,FR,2999-01-01",
        "Too Many,,FR,2023-09-02,extra",
        "Too Few,FR",
        '"=HYPERLINK(""http://evil.example"")",,FR,2023-09-02',
        "Not A Formula Name,,FR,2023-09-02",
    ]
    preview = upload(admin_client, petition, csv_bytes(*rows))
    text = preview.text
    for problem in [
        "The name is missing.",
        "Unknown country: “Atlantis”.",
        "Unknown date: “02/09/2023”. Write dates as 2023-09-02.",
        "Not an email address: “not-an-address”.",
        "The date is in the future.",
        "This row has 5 cells; the header has 4.",
        "This row has 2 cells; the header has 4.",
        "starts with “=”",
    ]:
        assert problem in text, problem
    assert "8 rows have a problem" in text
    assert "The import takes a file whole or not at all" in text
    assert preview.context["confirm_form"] is None
    # Pressing an import button anyway imports nothing.
    admin_client.post(preview.wsgi_request.path, {"digest": "anything"})
    assert not PaperSignature.objects.exists()
    assert PaperImport.objects.get().status == PaperImport.Status.PREVIEW
    assert Petition.objects.get().paper_count == 0


def test_rows_whose_address_signed_online_or_on_an_earlier_sheet_are_skipped_not_counted_twice(
    admin_client, petition
):
    add_signature(petition, "janedoe@gmail.com")
    confirm(
        admin_client, upload(admin_client, petition, csv_bytes("Bob,bob@example.org,FR,2023-09-02"))
    )
    rows = [
        "Jane Doe,Jane.Doe+paper@Gmail.com,FR,2023-09-02",  # the same Gmail mailbox
        "Bob Again,BOB@example.org,FR,2023-09-03",
        "Cy,cy@example.org,FR,2023-09-03",
        "Cy Twice,cy+x@example.org,FR,2023-09-04",
        "Di,,FR,2023-09-04",
    ]
    preview = upload(admin_client, petition, csv_bytes(*rows))
    assert "Already signed online with this address." in preview.text
    assert "Already imported from an earlier paper file." in preview.text
    assert "The same address as line 4." in preview.text
    assert "2 rows will be imported" in preview.text
    assert "3 duplicates will be skipped" in preview.text
    confirm(admin_client, preview)
    names = set(PaperSignature.objects.values_list("name", flat=True))
    assert names == {"Bob", "Cy", "Di"}
    assert Petition.objects.get().paper_count == 3


def test_no_email_address_is_stored_for_paper_signers(admin_client, petition):
    confirm(admin_client, upload(admin_client, petition, csv_bytes(*GOOD_ROWS)))
    stored = " ".join(str(values) for values in PaperSignature.objects.values_list())
    assert "ada@example.org" not in stored and "zoe" not in stored


def test_the_import_uses_the_file_kept_on_the_server_and_runs_once(admin_client, petition):
    preview = upload(admin_client, petition, csv_bytes(*GOOD_ROWS))
    form = preview.context["confirm_form"].initial
    url = preview.wsgi_request.path
    admin_client.post(url, form)
    again = admin_client.post(url, form, follow=True)
    assert "This file has already been imported." in again.text
    assert PaperSignature.objects.count() == 4
    assert Petition.objects.get().paper_count == 4


def test_a_change_since_the_preview_shows_the_preview_again_instead_of_importing(
    admin_client, petition
):
    preview = upload(admin_client, petition, csv_bytes(*GOOD_ROWS))
    add_signature(petition, "ada@example.org")  # Ada signs online meanwhile
    answer = confirm(admin_client, preview)
    assert "Something changed since the preview" in answer.text
    assert "Already signed online with this address." in answer.text
    assert not PaperSignature.objects.exists()
    assert confirm(admin_client, answer).status_code == 200
    assert PaperSignature.objects.count() == 3


def test_a_preview_is_only_reachable_under_its_own_petition(admin_client, petition, campaign):
    other = add_petition(campaign, "free-john-roe", title="Free John Roe")
    preview = upload(admin_client, petition, csv_bytes(*GOOD_ROWS))
    imported = PaperImport.objects.get()
    wrong = paper_url(other, imported.pk)
    assert admin_client.get(wrong).status_code == 404
    assert admin_client.post(wrong, preview.context["confirm_form"].initial).status_code == 404
    assert not PaperSignature.objects.exists()


def test_the_same_file_twice_is_refused(admin_client, petition):
    content = csv_bytes(*GOOD_ROWS)
    confirm(admin_client, upload(admin_client, petition, content))
    again = upload(admin_client, petition, content)
    assert "This file was already imported" in again.text
    assert PaperImport.objects.count() == 1


def test_past_imports_show_who_when_how_many_and_can_be_undone(
    admin_client, client, petition, django_capture_on_commit_callbacks
):
    Petition.objects.filter(pk=petition.pk).update(offset=10)
    confirm(admin_client, upload(admin_client, petition, csv_bytes(*GOOD_ROWS), name="march.csv"))
    confirm(admin_client, upload(admin_client, petition, csv_bytes("Eve,,FR,2023-09-05")))
    page = admin_client.get(paper_url(petition)).text
    assert "march.csv" in page and "admin" in page
    assert count_shown(client, petition) == 15

    first = PaperImport.objects.get(file_name="march.csv")
    with django_capture_on_commit_callbacks(execute=True):  # the share cards' check runs
        done = admin_client.post(paper_url(petition, first.pk, "undo"), follow=True)
    assert "Import undone: 4 paper signatures removed from the count." in done.text
    first.refresh_from_db()
    assert first.status == PaperImport.Status.UNDONE and first.undone_by.username == "admin"
    assert PaperSignature.objects.count() == 1
    assert Petition.objects.get().paper_count == 1
    LIVE_COUNTS.clear()
    assert count_shown(client, petition) == 11
    # Undoing twice removes nothing more; the emptied file may be imported again.
    admin_client.post(paper_url(petition, first.pk, "undo"))
    assert Petition.objects.get().paper_count == 1
    confirm(admin_client, upload(admin_client, petition, csv_bytes(*GOOD_ROWS)))
    assert Petition.objects.get().paper_count == 5


def test_undo_is_a_post(admin_client, petition):
    confirm(admin_client, upload(admin_client, petition, csv_bytes(*GOOD_ROWS)))
    url = paper_url(petition, PaperImport.objects.get().pk, "undo")
    assert admin_client.get(url).status_code == 405
    assert Petition.objects.get().paper_count == 4


def test_someone_who_cannot_change_the_petition_cannot_import(client, petition, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", password="x" * 20, is_staff=True)
    client.force_login(viewer)
    assert client.get(paper_url(petition)).status_code == 403
    assert upload(client, petition, csv_bytes(*GOOD_ROWS)).status_code == 403
    assert not PaperImport.objects.exists()


def test_an_organiser_can_import(client, petition, staff_editor):
    client.force_login(staff_editor)
    done = confirm(client, upload(client, petition, csv_bytes(*GOOD_ROWS)))
    assert "4 paper signatures imported." in done.text


def test_saving_the_petition_form_keeps_the_paper_count(admin_client, petition):
    confirm(admin_client, upload(admin_client, petition, csv_bytes(*GOOD_ROWS)))
    stale = Petition.objects.get()
    Petition.objects.filter(pk=petition.pk).update(paper_count=7)
    stale.goal = 5000
    stale.save()
    assert Petition.objects.get().paper_count == 7


def test_a_petition_page_with_paper_signatures_costs_no_more_queries(
    admin_client, client, petition, django_assert_num_queries
):
    confirm(admin_client, upload(admin_client, petition, csv_bytes(*GOOD_ROWS)))
    client.cookies.clear()
    with django_assert_num_queries(7):
        page = client.get(petition.get_absolute_url())
    assert 'data-count data-value="4"' in page.text
