"""The letter form and the letters' URLs against generated hostile input, as every public form
in tests/test_hostile_input.py (whose helpers this reuses; that module is at its size limit)."""

import pytest
from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st

from campaigns.models import Letter
from sitewide.text import clean_multiline_text, clean_text
from tests.factories import add_postcard_design, letter_form
from tests.hostile import hostile_text, post_and_check, submissions
from tests.test_hostile_input import BOUNDED, EACH_URL, get_and_check

pytestmark = pytest.mark.django_db

LETTER_URLS = [
    "/campaigns/{}/write/",
    "/campaigns/{}/write/thanks/",
    "/campaigns/jane-doe/write/?kind={query}",
    "/fr/campaigns/jane-doe/write/?kind={query}",
]
LETTER_ADMIN_URLS = [
    "/admin/campaigns/letter/?q={query}&posted={query}&kind__exact={query}",
    "/admin/campaigns/letter/?status__exact={query}&campaign__id__exact={query}",
    "/admin/campaigns/letter/{}/change/",
]


@pytest.fixture
def open_campaign(campaign):
    campaign.accepts_letters = True
    campaign.save()
    return campaign


@BOUNDED
@given(st.data())
def test_the_letter_form_never_fails_never_half_saves_and_shows_what_was_typed(
    client, open_campaign, data
):
    design = add_postcard_design(open_campaign)
    valid = letter_form(
        open_campaign, kind="postcard", design=str(design.pk), email="camille@example.org"
    )
    # A forged start token is spam: thanked, nothing kept (tests/campaigns/test_letter_form.py).
    others = ["kind", "design", "country", "email", "reply_by_email", "show_on_wall"]
    typed = data.draw(submissions(valid, ["name", "text"], others))
    post_and_check(
        client,
        f"{open_campaign.get_absolute_url()}write/",
        typed,
        Letter,
        shown=["name", "text", "email"],
        stored={"name": clean_text, "text": clean_multiline_text},
        content_type="application/x-www-form-urlencoded",
    )


@pytest.mark.parametrize("template", LETTER_URLS)
@EACH_URL
@given(st.data())
def test_the_letter_urls_answer_hostile_values_without_a_5xx(client, open_campaign, template, data):
    cache.clear()
    get_and_check(client, template, data.draw(hostile_text))
    get_and_check(client, template, data.draw(hostile_text), method="post")


@pytest.mark.parametrize("template", LETTER_ADMIN_URLS)
@EACH_URL
@given(st.data())
def test_the_letter_admin_answers_hostile_values_without_a_5xx(
    admin_client, open_campaign, template, data
):
    get_and_check(admin_client, template, data.draw(hostile_text))
