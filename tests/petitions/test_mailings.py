"""Updates to the signers who asked: who gets them, in which language, exactly once."""

import smtplib

import pytest
from django.core import mail
from django.core.management import call_command

from petitions import mailings
from petitions.models import Mailing, Recipient, Signature
from tests.factories import add_signature

pytestmark = pytest.mark.django_db


@pytest.fixture
def update(petition):
    return Mailing.objects.create(
        petition=petition,
        subject_en="Jane Doe’s hearing",
        body_en="The hearing is **postponed**.",
        subject_fr="L’audience de Jane Doe",
        body_fr="L’audience est **reportée**.",
    )


@pytest.fixture
def signers(petition):
    """Three who asked for updates (English, French, German) and four who must not get one."""
    return {
        "en": add_signature(petition, "ada@example.org", wants_updates=True),
        "fr": add_signature(petition, "marie@example.org", wants_updates=True, language="fr"),
        "de": add_signature(petition, "emmy@example.org", wants_updates=True, language="de"),
        "no": add_signature(petition, "no@example.org"),
        "pending": add_signature(
            petition, "p@example.org", status=Signature.Status.PENDING, wants_updates=True
        ),
        "spam": add_signature(
            petition, "s@example.org", status=Signature.Status.SPAM, wants_updates=True
        ),
        "left": add_signature(
            petition, "left@example.org", wants_updates=True, unsubscribed_at="2026-01-01T00:00Z"
        ),
    }


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_an_update_goes_to_confirmed_signers_who_opted_in_and_stayed(update, signers):
    assert mailings.start_sending(mailing_id=update.pk) == 3
    assert recipients() == ["ada@example.org", "emmy@example.org", "marie@example.org"]
    assert set(Recipient.objects.values_list("status", flat=True)) == {Recipient.Status.SENT}


def test_each_signer_reads_it_in_their_language_else_the_petitions_main_one(update, signers):
    mailings.start_sending(mailing_id=update.pk)
    by_address = {message.to[0]: message for message in mail.outbox}
    french = by_address["marie@example.org"]
    assert french.subject == "L’audience de Jane Doe"
    assert "L’audience est **reportée**." in french.body
    assert "<strong>reportée</strong>" in french.alternatives[0].content
    # No German text: the petition's main language (English).
    german = by_address["emmy@example.org"]
    assert german.subject == "Jane Doe’s hearing"
    assert "The hearing is **postponed**." in german.body


def test_every_update_carries_one_click_unsubscribe_headers_and_links(update, signers):
    mailings.start_sending(mailing_id=update.pk)
    message = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<http") and "/petitions/unsubscribe/" in header
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = header.strip("<>")
    assert url in message.body
    assert url.replace("&", "&amp;") in message.alternatives[0].content
    assert "/petitions/my-data/" in message.body


def test_an_update_is_sent_once_even_if_started_twice(update, signers):
    mailings.start_sending(mailing_id=update.pk)
    with pytest.raises(mailings.MailingError) as refused:
        mailings.start_sending(mailing_id=update.pk)
    assert refused.value.code == "already_started"
    mailings.send_pending(mailing_id=update.pk)
    call_command("send_mailings", verbosity=0)
    assert len(mail.outbox) == 3


def test_running_the_batch_again_sends_nobody_twice(update, signers, monkeypatch):
    monkeypatch.setattr(mailings, "BATCH_SIZE", 2)
    monkeypatch.setattr(mailings, "queue", lambda mailing_id: None)  # batches run by hand
    mailings.start_sending(mailing_id=update.pk)
    assert mailings.send_pending(mailing_id=update.pk) == 2
    assert mailings.send_pending(mailing_id=update.pk) == 1
    assert mailings.send_pending(mailing_id=update.pk) == 0
    assert len(recipients()) == len(set(recipients())) == 3


class Crash(BaseException):
    """The worker dies (killed, out of memory) in the middle of a send."""


def test_a_crash_in_the_middle_of_a_batch_loses_nobody_and_doubles_nobody(
    update, signers, monkeypatch
):
    real_send = mailings.EmailMultiAlternatives.send
    sends = []

    def dying_send(message, *args, **kwargs):
        sends.append(message.to[0])
        if len(sends) == 2:
            raise Crash
        return real_send(message, *args, **kwargs)

    monkeypatch.setattr(mailings.EmailMultiAlternatives, "send", dying_send)
    monkeypatch.setattr(mailings, "queue", lambda mailing_id: None)
    mailings.start_sending(mailing_id=update.pk)
    with pytest.raises(Crash):
        mailings.send_pending(mailing_id=update.pk)
    assert len(mail.outbox) == 1
    assert Recipient.objects.filter(status=Recipient.Status.SENT).count() == 1
    assert Recipient.objects.filter(status=Recipient.Status.PENDING).count() == 2

    monkeypatch.undo()
    call_command("send_mailings", verbosity=0)  # the restart
    call_command("send_mailings", verbosity=0)
    assert len(recipients()) == len(set(recipients())) == 3
    assert not Recipient.objects.exclude(status=Recipient.Status.SENT).exists()


def test_a_send_that_keeps_failing_is_marked_failed_and_the_others_go_out(
    update, signers, monkeypatch
):
    real_send = mailings.EmailMultiAlternatives.send

    def refusing_marie(message, *args, **kwargs):
        if message.to == ["marie@example.org"]:
            raise smtplib.SMTPRecipientsRefused({"marie@example.org": (550, b"No such user")})
        return real_send(message, *args, **kwargs)

    monkeypatch.setattr(mailings.EmailMultiAlternatives, "send", refusing_marie)
    mailings.start_sending(mailing_id=update.pk)
    for _attempt in range(mailings.MAX_ATTEMPTS):
        call_command("send_mailings", verbosity=0)
    failed = Recipient.objects.get(status=Recipient.Status.FAILED)
    assert failed.signature.email == "marie@example.org"
    assert failed.attempts == mailings.MAX_ATTEMPTS
    assert recipients() == ["ada@example.org", "emmy@example.org"]


def test_a_signer_who_unsubscribes_before_their_turn_gets_nothing(update, signers, monkeypatch):
    monkeypatch.setattr(mailings, "queue", lambda mailing_id: None)
    mailings.start_sending(mailing_id=update.pk)
    assert mail.outbox == []
    Signature.objects.filter(pk=signers["fr"].pk).update(wants_updates=False)
    mailings.send_pending(mailing_id=update.pk)
    assert recipients() == ["ada@example.org", "emmy@example.org"]
    assert Recipient.objects.get(signature=signers["fr"]).status == Recipient.Status.SKIPPED


def test_an_update_without_a_subject_in_the_main_language_is_refused(petition, signers):
    mailing = Mailing.objects.create(petition=petition, subject_fr="Seulement en français")
    with pytest.raises(mailings.MailingError) as refused:
        mailings.start_sending(mailing_id=mailing.pk)
    assert refused.value.code == "no_text"
    assert not Recipient.objects.exists()
    assert mail.outbox == []
