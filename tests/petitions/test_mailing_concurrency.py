"""Workers sending one update at the same time: each recipient once (run on PostgreSQL)."""

import pytest
from django.core import mail
from django.db import connection

from petitions import mailings
from petitions.models import Mailing, Recipient
from tests.factories import add_petition, add_signature
from tests.petitions.test_concurrency import run_together

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises every writer, so it cannot show these races: run on PostgreSQL.",
    ),
]


def test_four_workers_sending_one_update_at_once_email_each_signer_once(monkeypatch):
    petition = add_petition(None, "race", title="Race", target="the Minister")
    for n in range(40):
        add_signature(petition, f"signer{n}@example.org", wants_updates=True)
    update = Mailing.objects.create(petition=petition, subject_en="News", body_en="Text")
    monkeypatch.setattr(mailings, "queue", lambda mailing_id: None)  # the workers below send
    assert mailings.start_sending(mailing_id=update.pk) == 40

    def worker():
        while mailings.send_pending(mailing_id=update.pk, limit=5):
            pass

    assert run_together([worker] * 4) == []
    recipients = [message.to[0] for message in mail.outbox]
    assert len(recipients) == len(set(recipients)) == 40
    assert Recipient.objects.filter(status=Recipient.Status.SENT).count() == 40
