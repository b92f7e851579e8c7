"""Generated hostile tokens against the signed links in the emails to signers that
tests/test_hostile_input.py (at its size limit) does not hold: unsubscribe and the signer's own
data. Whatever is sent: never a 5xx, never a row added."""

from urllib.parse import urlencode

import hypothesis
import pytest
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from hypothesis import given
from hypothesis import strategies as st

from petitions import links, my_data, unsubscribe
from petitions.models import Signature
from tests.factories import add_petition
from tests.hostile import hostile_text
from tests.test_hostile_input import EACH_URL, get_and_check, public_rows

pytestmark = pytest.mark.django_db

SIGNED_LINKS = [
    "/petitions/unsubscribe/{token}/",
    "/petitions/my-data/{token}/",
    "/petitions/my-data/{token}/data.json",
    "/petitions/my-data/{token}/erase/",
]
# Genuine tokens of each kind, whole, cut short or with anything after them.
SALTS = [links.CONFIRM_SALT, links.WITHDRAW_SALT, unsubscribe.SALT, my_data.SALT]


@pytest.fixture
def signature(campaign):
    return Signature.objects.create(
        petition=add_petition(campaign),
        first_name="Grace",
        last_name="Hopper",
        email="g@example.org",
        status=Signature.Status.CONFIRMED,
        wants_updates=True,
    )


def hostile_token(data, signature):
    real = signing.dumps(signature.pk, salt=data.draw(st.sampled_from(SALTS)))
    return data.draw(st.sampled_from(["", real, real[:-4]])) + data.draw(hostile_text)


@pytest.mark.parametrize("template", SIGNED_LINKS)
@EACH_URL
@given(st.data())
def test_every_signed_link_answers_hostile_tokens_without_a_5xx(client, signature, template, data):
    token = hostile_token(data, signature)
    cache.clear()
    get_and_check(client, template, token)
    if "unsubscribe" in template or "erase" in template:
        get_and_check(client, template, token, method="post")


@EACH_URL
@given(st.data())
def test_the_one_click_unsubscribe_answers_any_body_without_a_5xx(client, signature, data):
    url = f"/petitions/unsubscribe/{unsubscribe.unsubscribe_token(signature)}/"
    body = data.draw(st.sampled_from(["List-Unsubscribe=One-Click&", ""])) + urlencode(
        {data.draw(hostile_text): data.draw(hostile_text)}
    )
    with transaction.atomic():
        rows_before = public_rows()
        response = client.post(url, body, content_type="application/x-www-form-urlencoded")
        hypothesis.event(f"answered {response.status_code}")
        assert response.status_code < 500
        assert public_rows() == rows_before
        transaction.set_rollback(True)
