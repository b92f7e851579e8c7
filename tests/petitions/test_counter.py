from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from petitions import counter, signing
from petitions.models import CountChange, Petition, Signature

pytestmark = pytest.mark.django_db


def make_signatures(petition, count, status=Signature.Status.PENDING):
    return Signature.objects.bulk_create(
        Signature(
            petition=petition,
            first_name=f"Signer {n}",
            last_name="Test",
            email=f"signer{n}@example.org",
            email_normalised=f"signer{n}@example.org",
            country="FR",
            status=status,
        )
        for n in range(count)
    )


def test_confirming_logs_a_change_instead_of_touching_the_petition_row(petition, signature):
    with CaptureQueriesContext(connection) as queries:
        signing.confirm(signature_id=signature.pk)
    petition_updates = [
        q["sql"] for q in queries if q["sql"].startswith('UPDATE "petitions_petition"')
    ]
    assert petition_updates == []
    assert CountChange.objects.get().delta == 1
    petition.refresh_from_db()
    assert petition.confirmed_count == 0


def test_the_fold_in_adds_logged_changes_in_batches_and_empties_the_log(petition):
    for signature in make_signatures(petition, 7):
        signing.confirm(signature_id=signature.pk)
    signing.withdraw(signature_id=Signature.objects.first().pk)
    assert counter.fold_counts(batch_size=3) == 8
    petition.refresh_from_db()
    assert petition.confirmed_count == 6
    assert not CountChange.objects.exists()


def test_the_fold_command_folds_every_petition(petition):
    for signature in make_signatures(petition, 3):
        signing.confirm(signature_id=signature.pk)
    out = StringIO()
    call_command("fold_signature_counts", stdout=out)
    assert "Folded 3" in out.getvalue()
    petition.refresh_from_db()
    assert petition.confirmed_count == 3


def test_recount_repairs_a_tampered_count(petition):
    make_signatures(petition, 4, status=Signature.Status.CONFIRMED)
    Signature.objects.create(
        petition=petition, first_name="B", last_name="ot", email="bot@example.org",
        country="FR", status=Signature.Status.SPAM,
    )  # fmt: skip
    assert Signature.objects.filter(petition=petition).count() == 5  # the spam one is not counted
    Petition.objects.filter(pk=petition.pk).update(confirmed_count=9999)
    CountChange.objects.create(petition=petition, delta=1)
    out = StringIO()
    call_command("recount_signatures", stdout=out)
    assert "free-jane-doe: repaired 9999 -> 4" in out.getvalue()
    petition.refresh_from_db()
    assert petition.confirmed_count == 4
    assert not CountChange.objects.exists()
    out = StringIO()
    call_command("recount_signatures", "free-jane-doe", stdout=out)
    assert "free-jane-doe: 4, correct" in out.getvalue()


def test_count_json_reports_count_goal_and_closed_with_short_public_caching(client, petition):
    Petition.objects.filter(pk=petition.pk).update(offset=785, confirmed_count=2)
    response = client.get("/petitions/free-jane-doe/count.json")
    assert response.status_code == 200
    assert response.json() == {"count": 787, "goal": 1000, "closed": False}
    assert response["Cache-Control"] == "public, max-age=3"


def test_count_json_folds_pending_confirmations_in(client, petition):
    for signature in make_signatures(petition, 2):
        signing.confirm(signature_id=signature.pk)
    assert client.get("/petitions/free-jane-doe/count.json").json()["count"] == 2


def test_count_json_of_a_closed_petition_says_closed(client, petition):
    Petition.objects.filter(pk=petition.pk).update(closes_at=timezone.now())
    assert client.get("/petitions/free-jane-doe/count.json").json()["closed"] is True


def test_count_json_of_a_draft_is_not_found(client, petition):
    Petition.objects.filter(pk=petition.pk).update(status=Petition.Status.DRAFT)
    assert client.get("/petitions/free-jane-doe/count.json").status_code == 404


def test_the_petition_page_reads_the_count_without_counting_rows(client, petition):
    make_signatures(petition, 3, status=Signature.Status.CONFIRMED)
    with CaptureQueriesContext(connection) as queries:
        client.get(petition.get_absolute_url())
    assert not [q for q in queries if "COUNT(" in q["sql"].upper()]


def test_the_page_loads_the_live_counter_script(client, petition):
    content = client.get(petition.get_absolute_url()).content.decode()
    assert '<script src="/static/js/petition-counter.js" defer></script>' in content
    assert 'data-count-url="/petitions/free-jane-doe/count.json"' in content


def test_a_drifted_count_never_folds_below_zero_nor_blocks_other_petitions(petition):
    other = Petition.objects.create(
        slug="other", title="Other", target="X", status=Petition.Status.OPEN
    )
    # Drift: a withdrawal logged against a count already at 0 (tampered with, or a bug).
    CountChange.objects.create(petition=petition, delta=-1)
    CountChange.objects.create(petition=other, delta=1)

    counter.fold_counts()

    assert Petition.objects.get(pk=petition.pk).confirmed_count == 0
    assert Petition.objects.get(pk=other.pk).confirmed_count == 1
    assert not CountChange.objects.exists()


def test_drift_gives_no_error_on_the_page_nor_in_count_json(client, petition):
    CountChange.objects.create(petition=petition, delta=-1)
    assert client.get(petition.get_absolute_url()).status_code == 200
    response = client.get(f"/petitions/{petition.slug}/count.json")
    assert (response.status_code, response.json()["count"]) == (200, 0)


def test_a_failing_fold_is_logged_and_the_page_shows_the_stored_count(
    client, petition, monkeypatch, caplog
):
    Petition.objects.filter(pk=petition.pk).update(confirmed_count=7)

    def broken_fold(*args, **kwargs):
        raise DatabaseError("could not serialize access")

    monkeypatch.setattr(counter, "_fold_petition", broken_fold)
    response = client.get(f"/petitions/{petition.slug}/count.json")
    assert (response.status_code, response.json()["count"]) == (200, 7)
    assert "Could not fold" in caplog.text
    assert client.get(petition.get_absolute_url()).status_code == 200
