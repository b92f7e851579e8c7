"""Updates for a whole campaign: one email per person across the campaign's petitions, in
their latest language, never to someone who unsubscribed from any of them."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from petitions import mailings
from petitions.models import Mailing, Recipient
from petitions.unsubscribe import unsubscribe, unsubscribe_url
from tests.factories import add_petition, add_signature

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def second_petition(campaign):
    return add_petition(campaign, "free-jane-doe-now", title="Jane Doe’s trial must stop")


@pytest.fixture
def campaign_update(campaign):
    return Mailing.objects.create(
        campaign=campaign,
        subject_en="News of Jane Doe",
        body_en="Jane Doe **wrote** to us.",
        subject_fr="Nouvelles de Jane Doe",
        body_fr="Jane Doe nous a **écrit**.",
    )


@pytest.fixture
def other_campaign_petition(unpublished_campaign):
    return add_petition(unpublished_campaign, "free-john-roe", title="Free John Roe")


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_one_email_per_person_across_the_campaigns_petitions(
    campaign_update, petition, second_petition
):
    add_signature(petition, "Ada.Lovelace@Example.org", wants_updates=True, created_at=days_ago(9))
    latest = add_signature(
        second_petition, "ada.lovelace@example.ORG", wants_updates=True, created_at=days_ago(2)
    )
    add_signature(second_petition, "grace@example.org", wants_updates=True)
    assert mailings.start_sending(mailing_id=campaign_update.pk) == 2
    assert recipients() == ["ada.lovelace@example.ORG", "grace@example.org"]
    ada = Recipient.objects.get(signature__email_normalised=latest.email_normalised)
    assert ada.signature == latest


def test_a_person_reads_it_in_the_language_of_their_latest_signature(
    campaign_update, petition, second_petition
):
    add_signature(petition, "marie@example.org", wants_updates=True, created_at=days_ago(9))
    add_signature(
        second_petition,
        "marie@example.org",
        wants_updates=True,
        language="fr",
        created_at=days_ago(1),
    )
    add_signature(petition, "emmy@example.org", wants_updates=True, language="de")
    mailings.start_sending(mailing_id=campaign_update.pk)
    by_address = {message.to[0]: message for message in mail.outbox}
    french = by_address["marie@example.org"]
    assert french.subject == "Nouvelles de Jane Doe"
    assert "Jane Doe nous a **écrit**." in french.body
    assert "<strong>écrit</strong>" in french.alternatives[0].content
    # No German text: the campaign's main language (English).
    assert by_address["emmy@example.org"].subject == "News of Jane Doe"


def test_it_links_to_the_campaign_and_unsubscribes_the_latest_signature(
    campaign, campaign_update, petition, second_petition
):
    add_signature(petition, "ada@example.org", wants_updates=True, created_at=days_ago(9))
    latest = add_signature(
        second_petition, "ada@example.org", wants_updates=True, created_at=days_ago(1)
    )
    mailings.start_sending(mailing_id=campaign_update.pk)
    [message] = mail.outbox
    assert campaign.get_absolute_url() in message.body
    assert "Jane Doe’s trial must stop" in message.body  # the petition they signed last
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in message.body
    assert unsubscribe_url(latest) == url


def test_who_unsubscribed_from_any_of_the_campaigns_petitions_gets_nothing(
    campaign_update, petition, second_petition
):
    add_signature(petition, "left@example.org", wants_updates=False, unsubscribed_at=days_ago(30))
    add_signature(second_petition, "LEFT@example.org", wants_updates=True)
    add_signature(second_petition, "grace@example.org", wants_updates=True)
    assert mailings.start_sending(mailing_id=campaign_update.pk) == 1
    assert recipients() == ["grace@example.org"]


def test_who_unsubscribes_elsewhere_before_their_turn_is_skipped(
    campaign_update, petition, second_petition, monkeypatch
):
    monkeypatch.setattr(mailings, "queue", lambda mailing_id: None)
    older = add_signature(petition, "ada@example.org", wants_updates=True, created_at=days_ago(9))
    add_signature(second_petition, "ada@example.org", wants_updates=True, created_at=days_ago(1))
    mailings.start_sending(mailing_id=campaign_update.pk)
    unsubscribe(signature_id=older.pk)
    mailings.send_pending(mailing_id=campaign_update.pk)
    assert mail.outbox == []
    assert Recipient.objects.get().status == Recipient.Status.SKIPPED


def test_signers_of_other_campaigns_and_unconfirmed_or_silent_signers_are_left_out(
    campaign_update, petition, other_campaign_petition
):
    add_signature(other_campaign_petition, "john@example.org", wants_updates=True)
    add_signature(petition, "quiet@example.org")
    add_signature(petition, "p@example.org", status="pending", wants_updates=True)
    add_signature(petition, "ada@example.org", wants_updates=True)
    assert mailings.start_sending(mailing_id=campaign_update.pk) == 1
    assert recipients() == ["ada@example.org"]


def test_a_campaign_update_goes_out_once_even_if_started_and_resumed_again(
    campaign_update, petition, second_petition, monkeypatch
):
    monkeypatch.setattr(mailings, "BATCH_SIZE", 1)
    monkeypatch.setattr(mailings, "queue", lambda mailing_id: None)
    for address in ["ada@example.org", "grace@example.org"]:
        add_signature(petition, address, wants_updates=True)
        add_signature(second_petition, address, wants_updates=True)
    mailings.start_sending(mailing_id=campaign_update.pk)
    with pytest.raises(mailings.MailingError) as refused:
        mailings.start_sending(mailing_id=campaign_update.pk)
    assert refused.value.code == "already_started"
    assert mailings.send_pending(mailing_id=campaign_update.pk) == 1
    monkeypatch.undo()
    call_command("send_mailings", verbosity=0)
    call_command("send_mailings", verbosity=0)
    assert recipients() == ["ada@example.org", "grace@example.org"]
    assert Recipient.objects.filter(status=Recipient.Status.SENT).count() == 2


def test_a_campaign_update_without_a_subject_in_the_campaigns_language_is_refused(
    campaign, petition
):
    add_signature(petition, "ada@example.org", wants_updates=True)
    mailing = Mailing.objects.create(campaign=campaign, subject_fr="Seulement en français")
    with pytest.raises(mailings.MailingError) as refused:
        mailings.start_sending(mailing_id=mailing.pk)
    assert refused.value.code == "no_text"
    assert not Recipient.objects.exists()


def test_the_database_keeps_a_mailing_for_one_petition_or_one_campaigns_update(campaign, petition):
    for wrong in [
        {},
        {"campaign": campaign, "petition": petition},
        {"campaign": campaign, "kind": Mailing.Kind.DELIVERED},
    ]:
        with pytest.raises(IntegrityError), transaction.atomic():
            Mailing.objects.create(subject_en="News", **wrong)
