"""Milestone emails: off by default; the goal reached once; delivered and a response on demand."""

import pytest
from django.core import mail

from petitions import counter, mailings, signing
from petitions.models import Mailing, Petition, Signature
from tests.factories import add_signature

pytestmark = pytest.mark.django_db


@pytest.fixture
def near_goal(petition):
    """Two signatures short of a goal of 3; one signer asked for news, one did not."""
    Petition.objects.filter(pk=petition.pk).update(goal=3, offset=1)
    add_signature(petition, "ada@example.org", wants_updates=True, language="fr")
    Petition.objects.filter(pk=petition.pk).update(confirmed_count=1)
    return add_signature(
        petition, "grace@example.org", status=Signature.Status.PENDING, wants_updates=True
    )


def confirm_and_fold(signature):
    signing.confirm(signature_id=signature.pk)
    counter.fold_counts()


def test_no_milestone_email_while_they_are_off(near_goal):
    confirm_and_fold(near_goal)
    assert Petition.objects.get().signature_count == 3
    assert not Mailing.objects.exists()
    assert mail.outbox == []


def test_reaching_the_goal_emails_the_opted_in_signers_once(near_goal, petition):
    Petition.objects.filter(pk=petition.pk).update(milestone_emails=True)
    confirm_and_fold(near_goal)
    assert Mailing.objects.get().kind == Mailing.Kind.GOAL_REACHED
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["ada@example.org", "grace@example.org"]
    assert "Free Jane Doe" in by_address["grace@example.org"].subject
    assert "3" in by_address["grace@example.org"].body
    assert "/petitions/unsubscribe/" in by_address["ada@example.org"].body

    # Down below the goal and up again: no second email.
    later = add_signature(petition, "emmy@example.org", status=Signature.Status.PENDING)
    signing.withdraw(signature_id=near_goal.pk)
    counter.fold_counts()
    confirm_and_fold(later)
    assert Mailing.objects.count() == 1
    assert len(mail.outbox) == 2


def test_a_fold_that_stays_below_the_goal_sends_nothing(petition):
    Petition.objects.filter(pk=petition.pk).update(goal=10, milestone_emails=True)
    confirm_and_fold(add_signature(petition, "a@example.org", status=Signature.Status.PENDING))
    assert not Mailing.objects.exists()


def test_the_delivered_milestone_goes_out_when_milestones_are_on(near_goal, petition):
    Petition.objects.filter(pk=petition.pk).update(milestone_emails=True)
    mailing = Mailing.objects.create(
        petition=petition,
        kind=Mailing.Kind.DELIVERED,
        subject_en="We handed the petition over",
        body_en="At the ministry this morning.",
    )
    assert mailings.start_sending(mailing_id=mailing.pk) == 1
    [message] = mail.outbox
    assert message.subject == "We handed the petition over"
