"""Generated hostile input against the widget's sign form and its addresses, as
tests/test_hostile_input.py does for the other public forms and URLs (with its strategies; that
module is at the size limit). The widget answers a successful submission with its thanks page
(200), not a redirect: a submission saves exactly one signature or nothing."""

from urllib.parse import urlencode

import hypothesis
import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils.html import escape
from hypothesis import given
from hypothesis import strategies as st

from petitions.models import Signature
from sitewide.text import clean_text
from tests.factories import add_petition, form_data
from tests.hostile import hostile_text, row_counts, submissions
from tests.test_hostile_input import BOUNDED, EACH_URL, get_and_check

pytestmark = pytest.mark.django_db

EMBED = "/petitions/free-jane-doe/embed/"
FREE_TEXT = ["first_name", "last_name", "postal_code"]


@pytest.fixture
def petition(campaign):
    return add_petition(campaign, partner_origins="https://partner.example")


@BOUNDED
@given(st.data())
def test_the_widget_sign_form_never_fails_never_half_saves_and_shows_what_was_typed(
    client, petition, data
):
    valid = form_data(petition, postal_code="75001", website="")
    typed = data.draw(submissions(valid, FREE_TEXT, ["email", "country", "website", "started"]))
    cache.clear()  # rate limits count every POST; each example is one visitor's first
    with transaction.atomic():
        before = row_counts()
        body = urlencode(typed)
        response = client.post(EMBED, body, content_type="application/x-www-form-urlencoded")
        hypothesis.event(f"answered {response.status_code}")
        assert response.status_code < 500
        added = {label: count - before[label] for label, count in row_counts().items()}
        if "Now check your email" in response.text:
            assert added["petitions.Signature"] == 1
            saved = Signature.objects.get()
            for name in FREE_TEXT:
                assert getattr(saved, name) == clean_text(typed[name].strip()), name
        else:
            assert set(added.values()) == {0}, f"a form with errors saved rows: {added}"
            for name in [*FREE_TEXT, "email"]:
                if typed[name]:
                    assert f'name="{name}" value="{escape(typed[name])}"' in response.text, name
        transaction.set_rollback(True)


@pytest.mark.parametrize("template", ["/petitions/{}/embed/", "/petitions/{}/embed/counter/"])
@EACH_URL
@given(st.data())
def test_the_widget_addresses_answer_hostile_values_without_a_5xx(client, petition, template, data):
    value = data.draw(hostile_text)
    cache.clear()
    get_and_check(client, template, value)
    get_and_check(client, template, value, method="post")
