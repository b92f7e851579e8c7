"""Races that only a real database shows: run on PostgreSQL (DATABASE_URL=postgres://...)."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection, connections
from django.utils import timezone

from petitions import services
from petitions.models import Petition, Signature

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
    return Petition.objects.create(
        slug="race",
        title="Race",
        target="the Minister",
        status=Petition.Status.OPEN,
        opens_at=timezone.now() - timedelta(days=1),
    )


def test_simultaneous_submissions_of_one_email_store_one_signature(open_petition):
    def submit(n):
        return lambda: services.sign(
            petition=open_petition,
            first_name=f"Ada {n}",
            last_name="Lovelace",
            email="Ada@example.org" if n % 2 else "ada+x@example.org",
            country="GB",
        )

    errors = run_together([submit(n) for n in range(8)])
    assert errors == []
    assert Signature.objects.count() == 1
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects.count("Please confirm your signature: Race") == 1
    assert subjects.count("You have already signed: Race") == 7


def test_many_simultaneous_confirmations_give_the_exact_count_after_the_fold_in(open_petition):
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
                services.confirm(signature_id=signature_id)
                # Every click twice, like a mail scanner followed by the person.
                services.confirm(signature_id=signature_id)

        return run

    def fold_repeatedly():
        for _ in range(20):
            services.fold_counts(batch_size=7)

    errors = run_together([confirm_all(chunk) for chunk in chunks] + [fold_repeatedly] * 3)
    assert errors == []
    services.fold_counts()
    open_petition.refresh_from_db()
    assert open_petition.confirmed_count == 120
    assert Signature.objects.confirmed().count() == 120
