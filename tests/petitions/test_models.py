from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from petitions import counter, signing
from petitions.addresses import normalise_email
from petitions.models import Petition, Signature, next_goal_step


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("Ada@Example.org", "ada@example.org"),
        ("ada+petitions@example.org", "ada@example.org"),
        ("A.da.Love+x@GoogleMail.com", "adalove@gmail.com"),
        ("a.da@gmail.com", "ada@gmail.com"),
        ("first.last@example.org", "first.last@example.org"),
        ("ada@exämple.org", "ada@xn--exmple-cua.org"),
        ("ada@XN--EXMPLE-CUA.org", "ada@xn--exmple-cua.org"),
        ("+tag@example.org", "+tag@example.org"),
        ("+@example.org", "+@example.org"),
    ],
)
def test_emails_are_normalised_to_find_one_person(typed, normalised):
    assert normalise_email(typed) == normalised


def test_the_database_refuses_a_second_signature_from_the_same_mailbox(signature):
    with pytest.raises(IntegrityError):
        Signature.objects.create(
            petition=signature.petition,
            first_name="G",
            last_name="H",
            email="GRACE+again@example.org",
            country="US",
        )


@pytest.mark.parametrize(
    ("count", "goal"), [(0, 100), (99, 100), (100, 250), (250, 500), (999, 1000), (1000, 2500)]
)
def test_the_goal_steps_through_the_one_two_and_a_half_five_series(count, goal):
    assert next_goal_step(count) == goal


def test_an_automatic_goal_steps_up_once_reached(petition):
    petition.goal = 100
    petition.goal_steps_up = True
    petition.offset = 120
    assert petition.current_goal == 250
    petition.goal_steps_up = False
    assert petition.current_goal == 100
    assert petition.progress_percent == 100


def test_the_count_is_confirmed_signatures_plus_the_offset(petition):
    petition.confirmed_count = 5
    petition.offset = 785
    assert petition.signature_count == 790


def test_a_petition_past_its_closing_time_is_closed(petition):
    assert petition.is_open
    petition.closes_at = timezone.now() - timedelta(minutes=1)
    assert petition.is_closed
    petition.save()
    assert petition not in Petition.objects.open()


@pytest.mark.parametrize(
    ("status", "opens_in_days", "closes_in_days"),
    [
        (Petition.Status.DRAFT, -1, None),
        (Petition.Status.DRAFT, -2, -1),
        (Petition.Status.OPEN, -1, None),
        (Petition.Status.OPEN, 1, None),
        (Petition.Status.OPEN, -2, -1),
        (Petition.Status.CLOSED, -2, None),
        (Petition.Status.CLOSED, 1, None),
    ],
)
def test_is_closed_agrees_with_the_closed_petitions_query(
    petition, status, opens_in_days, closes_in_days
):
    now = timezone.now()
    petition.status = status
    petition.opens_at = now + timedelta(days=opens_in_days)
    petition.closes_at = None if closes_in_days is None else now + timedelta(days=closes_in_days)
    petition.save()
    assert petition.is_closed == Petition.objects.closed().filter(pk=petition.pk).exists()
    assert petition.is_open == Petition.objects.open().filter(pk=petition.pk).exists()


@pytest.mark.django_db
def test_saving_a_stale_petition_never_overwrites_the_count(petition, signature):
    stale = Petition.objects.get(pk=petition.pk)
    signing.confirm(signature_id=signature.pk)
    counter.fold_counts()
    assert Petition.objects.get(pk=petition.pk).confirmed_count == 1

    stale.title = "Free Jane Doe now"
    stale.save()

    saved = Petition.objects.get(pk=petition.pk)
    assert (saved.title, saved.confirmed_count) == ("Free Jane Doe now", 1)
