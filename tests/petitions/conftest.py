import pytest

from petitions.models import Demand, Signature
from tests.factories import add_petition, form_data


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
