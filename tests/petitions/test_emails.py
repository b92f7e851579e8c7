"""The emails to signers: confirmation, resending what failed, retries, language."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from petitions import emails
from petitions.models import Petition, Signature
from tests.factories import form_data

pytestmark = pytest.mark.django_db


def test_unsent_confirmations_of_closed_petitions_are_not_sent_again(petition, signature):
    assert signature.confirmation_sent_at is None
    Petition.objects.filter(pk=petition.pk).update(status=Petition.Status.CLOSED)
    assert emails.resend_unsent_confirmations(older_than_minutes=0) == 0
    Petition.objects.filter(pk=petition.pk).update(
        status=Petition.Status.OPEN, closes_at=timezone.now() - timedelta(minutes=1)
    )
    assert emails.resend_unsent_confirmations(older_than_minutes=0) == 0
    assert mail.outbox == []

    Petition.objects.filter(pk=petition.pk).update(closes_at=None)
    assert emails.resend_unsent_confirmations(older_than_minutes=0) == 1
    assert len(mail.outbox) == 1


def test_a_failed_send_keeps_the_signature_and_the_resend_command_sends_it(
    sign, monkeypatch, settings
):
    def broken_send(*args, **kwargs):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr(emails.EmailMultiAlternatives, "send", broken_send)
    response = sign()
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert signature.confirmation_sent_at is None
    assert mail.outbox == []

    monkeypatch.undo()
    from django.core.management import call_command

    call_command("resend_confirmations", minutes=0, verbosity=0)
    signature.refresh_from_db()
    assert signature.confirmation_sent_at is not None
    [message] = mail.outbox
    assert "/petitions/confirm/" in message.body
    call_command("resend_confirmations", minutes=0, verbosity=0)
    assert len(mail.outbox) == 1


# The worker closes database connections between tasks: a transactional test.
@pytest.mark.django_db(transaction=True)
def test_with_the_database_queue_a_failed_send_is_queued_again_for_later(
    sign, monkeypatch, database_tasks
):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    sign()
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1

    monkeypatch.setattr(emails.EmailMultiAlternatives, "send", _broken_send)
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
    failed, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert failed.status == "FAILED"
    assert retry.status == "READY"
    assert retry.run_after is not None
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert Signature.objects.get().status == Signature.Status.PENDING


def _broken_send(*args, **kwargs):
    raise ConnectionRefusedError("SMTP server down")


def test_the_confirmation_email_is_in_the_language_the_signer_signed_in(client, petition):
    client.post("/fr/petitions/free-jane-doe/", form_data(petition))
    [message] = mail.outbox
    assert message.subject == "Veuillez confirmer votre signature\xa0: Free Jane Doe"
    assert "Pour retirer votre signature à tout moment" in message.body
