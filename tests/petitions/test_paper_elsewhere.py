"""Paper signatures in the rest of the site: the statistics, the delivery pack, the goal-reached
email, the erasing after closing and the privacy notice."""

import csv
import io
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from petitions import counter
from petitions.models import Mailing, PaperSignature, Petition
from tests.factories import add_signature
from tests.petitions.paper_files import GOOD_ROWS, confirm, csv_bytes, upload

pytestmark = pytest.mark.django_db


def test_paper_signers_names_are_erased_with_the_online_signers_after_the_petition_closes(
    admin_client, petition
):
    confirm(admin_client, upload(admin_client, petition, csv_bytes(*GOOD_ROWS)))
    closed = timezone.now() - timedelta(days=40)
    Petition.objects.filter(pk=petition.pk).update(status=Petition.Status.CLOSED, closes_at=closed)
    out = StringIO()
    call_command("anonymise_signatures", days=30, stdout=out)
    assert "Anonymised 4 paper signature(s)." in out.getvalue()
    assert set(PaperSignature.objects.values_list("name", "email_hash")) == {("", "")}
    assert PaperSignature.objects.filter(anonymised_at__isnull=True).count() == 0
    assert Petition.objects.get().paper_count == 4  # the count holds


def test_the_privacy_notice_says_what_is_kept_of_paper_signers(client, db):
    notice = client.get("/privacy/").text
    assert "When you sign on paper" in notice
    assert "the address itself is not stored" in notice


def test_the_statistics_page_counts_paper_signatures_beside_the_offset(admin_client, petition):
    Petition.objects.filter(pk=petition.pk).update(offset=10)
    confirm(admin_client, upload(admin_client, petition, csv_bytes(*GOOD_ROWS)))
    page = admin_client.get(f"/admin/petitions/petition/{petition.pk}/statistics/").text
    assert "plus 4 imported from paper and 10 gathered elsewhere" in page
    assert "the counter on the site shows 14." in page


def test_the_delivery_pack_counts_paper_signatures_as_gathered_elsewhere_never_by_name(
    admin_client, petition
):
    Petition.objects.filter(pk=petition.pk).update(offset=10, hand_over_names=True)
    confirm(admin_client, upload(admin_client, petition, csv_bytes(*GOOD_ROWS)))
    pack = admin_client.get(f"/admin/petitions/petition/{petition.pk}/delivery.csv")
    rows = list(csv.reader(io.StringIO(pack.content.decode())))
    assert ["Signatures in total", "14"] in rows
    assert ["Gathered elsewhere", "14"] in rows
    assert "Marie" not in pack.content.decode()


def test_an_import_that_reaches_the_goal_sends_the_goal_reached_email_when_the_petition_has_them(
    admin_client, petition, django_capture_on_commit_callbacks
):
    Petition.objects.filter(pk=petition.pk).update(goal=5, milestone_emails=True)
    add_signature(petition, "online@example.org")
    counter.log_change(petition.pk, 1)
    counter.fold_counts()
    preview = upload(admin_client, petition, csv_bytes(*GOOD_ROWS))
    with django_capture_on_commit_callbacks(execute=True):
        confirm(admin_client, preview)
    assert Mailing.objects.filter(kind=Mailing.Kind.GOAL_REACHED).count() == 1
