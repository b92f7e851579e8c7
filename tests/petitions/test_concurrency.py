"""Races that only a real database shows: run on PostgreSQL (DATABASE_URL=postgres://...)."""

import threading

import pytest
from django.core import mail
from django.db import connection, connections

from petitions import counter, signing
from petitions.models import Petition, Signature
from tests.factories import add_petition

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises every writer, so it cannot show these races: run on PostgreSQL.",
    ),
]


def run_together(functions):
    """Start the functions in threads at the same moment; return their exceptions."""
    barrier = threading.Barrier(len(functions))
    errors = []

    def run(function):
        try:
            barrier.wait()
            function()
        except Exception as error:  # collected and asserted on by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(function,)) for function in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.fixture
def open_petition(db):
    return add_petition(None, "race", title="Race", target="the Minister")


def test_simultaneous_submissions_of_one_email_store_one_signature(open_petition):
    def submit(n):
        return lambda: signing.sign(
            petition=open_petition,
            first_name=f"Ada {n}",
            last_name="Lovelace",
            email="Ada@example.org" if n % 2 else "ada+x@example.org",
            country="GB",
        )

    errors = run_together([submit(n) for n in range(8)])
    assert errors == []
    assert Signature.objects.count() == 1
    subjects = [message.subject for message in mail.outbox]
    # The first confirmation, then one email answers all the others between them (at most one
    # an hour): a fresh confirmation, since the signature is not confirmed yet.
    assert subjects == ["Please confirm your signature: Race"] * 2


def test_many_simultaneous_confirmations_folds_and_recounts_give_the_exact_count(open_petition):
    signatures = Signature.objects.bulk_create(
        Signature(
            petition=open_petition,
            first_name="Signer",
            last_name=str(n),
            email=f"s{n}@example.org",
            email_normalised=f"s{n}@example.org",
            country="FR",
        )
        for n in range(120)
    )
    ids = [signature.pk for signature in signatures]
    chunks = [ids[n::8] for n in range(8)]

    def confirm_all(chunk):
        def run():
            for signature_id in chunk:
                signing.confirm(signature_id=signature_id)
                # Every click twice, like a mail scanner followed by the person.
                signing.confirm(signature_id=signature_id)

        return run

    def fold_repeatedly():
        for _ in range(20):
            counter.fold_counts(batch_size=7)

    def recount_repeatedly():
        for _ in range(10):
            counter.recount(petition=open_petition)

    errors = run_together(
        [confirm_all(chunk) for chunk in chunks] + [fold_repeatedly] * 3 + [recount_repeatedly]
    )
    assert errors == []
    counter.fold_counts()
    open_petition.refresh_from_db()
    assert open_petition.confirmed_count == 120
    assert Signature.objects.confirmed().count() == 120


def test_confirming_does_not_wait_for_a_lock_on_the_petition_row(open_petition):
    """The point of the log: a transaction updating the petition row blocks no signer.

    Updates of the row (the fold-in, an organiser's edit, a recount) take PostgreSQL's
    "FOR NO KEY UPDATE" lock, which lets the log's foreign key check through.
    """
    signature = Signature.objects.create(
        petition=open_petition, first_name="A", last_name="B", email="a@example.org", country="FR"
    )
    locked = threading.Event()
    release = threading.Event()

    def hold_the_petition_row():
        from django.db import transaction

        with transaction.atomic():
            Petition.objects.select_for_update(no_key=True).get(pk=open_petition.pk)
            locked.set()
            release.wait(timeout=30)
        connections.close_all()

    holder = threading.Thread(target=hold_the_petition_row)
    holder.start()
    try:
        assert locked.wait(timeout=30)
        from django.db import transaction

        with transaction.atomic():
            with connection.cursor() as cursor:
                # Fail fast instead of hanging if confirm ever locks the petition row again.
                cursor.execute("SET LOCAL lock_timeout = '2s'")
            signing.confirm(signature_id=signature.pk)
    finally:
        release.set()
        holder.join()
    assert Signature.objects.get().status == Signature.Status.CONFIRMED
