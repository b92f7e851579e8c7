import re
import time

import pytest
from django.core import mail

from petitions.models import Demand, Signature
from petitions.spam import form_started_token
from tests.conftest import add_petition


@pytest.fixture
def petition(db, campaign):
    petition = add_petition(
        campaign,
        "free-jane-doe",
        title="Free Jane Doe",
        introduction="Jane Doe has been held **without trial** since 2021.",
        share_text="I signed for Jane Doe",
    )
    Demand.objects.create(petition=petition, text="release Jane Doe at once", order=1)
    Demand.objects.create(petition=petition, text="drop every charge against her", order=2)
    return petition


def form_data(petition, **overrides):
    """A human's valid submission to `petition`: the form was shown a minute ago."""
    data = {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": "ada@example.org",
        "country": "GB",
        "postal_code": "",
        "started": form_started_token(petition, at=time.time() - 60),
    }
    data.update(overrides)
    return data


def link_from(message, kind):
    """The path of the confirm/withdraw link in an email's plain-text part."""
    match = re.search(rf"https?://[^/\s]+(/\S*/{kind}/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


@pytest.fixture
def sign(client, petition):
    """Post the sign form; returns the response."""

    def post(target=None, **overrides):
        target = target or petition
        return client.post(target.get_absolute_url(), form_data(target, **overrides))

    return post


@pytest.fixture
def signature(petition):
    return Signature.objects.create(
        petition=petition,
        first_name="Grace",
        last_name="Hopper",
        email="grace@example.org",
        country="US",
    )


__all__ = ["form_data", "link_from", "mail"]
