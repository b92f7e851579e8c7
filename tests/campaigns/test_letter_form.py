"""A supporter writes a letter or a postcard at /campaigns/<slug>/write/."""

import datetime

import pytest
from django.urls import reverse

from campaigns.models import Letter, Moderation
from tests.factories import add_postcard_design, letter_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_campaign(campaign):
    campaign.accepts_letters = True
    campaign.letter_language = "ru"
    campaign.letter_rules = "No politics, no **foreign words**."
    campaign.save()
    return campaign


@pytest.fixture
def design(open_campaign):
    return add_postcard_design(open_campaign)


def write_url(campaign):
    return reverse("campaigns:write", args=[campaign.slug])


def test_the_form_shows_the_language_the_rules_and_the_limits(client, design):
    response = client.get(write_url(design.campaign))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Russian" in html
    assert "<strong>foreign words</strong>" in html
    assert "2,000" in html and "500" in html
    assert design.thumbnail.url in html
    assert 'name="website"' in html


def test_the_form_shows_where_letters_are_posted_today(client, open_campaign):
    open_campaign.prison_addresses.create(
        address="Colony no. 17\n<Somewhere>", valid_from=datetime.date(2020, 1, 1)
    )
    html = client.get(write_url(open_campaign)).content.decode()
    assert "Colony no. 17<br>&lt;Somewhere&gt;" in html


def test_a_letter_is_kept_for_moderation_and_the_writer_thanked(client, open_campaign):
    response = client.post(
        write_url(open_campaign),
        letter_form(open_campaign, email="camille@example.org", reply_by_email="on"),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("campaigns:write_thanks", args=[open_campaign.slug])
    letter = Letter.objects.get()
    assert letter.status == Moderation.PENDING
    assert letter.kind == Letter.Kind.LETTER
    assert letter.design is None
    assert letter.reply_by_email and not letter.show_on_wall
    assert letter.language == "en"
    assert "wait" in client.get(response["Location"]).content.decode()


def test_a_postcard_keeps_its_design_and_the_language_of_the_form(client, design):
    campaign = design.campaign
    data = letter_form(campaign, kind="postcard", design=design.pk, show_on_wall="on")
    assert client.post(f"/fr{write_url(campaign)}", data).status_code == 302
    letter = Letter.objects.get()
    assert (letter.kind, letter.design, letter.language) == ("postcard", design, "fr")
    assert letter.show_on_wall


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"text": "x" * 2001}, "text", "A letter can hold 2,000 characters; yours has 2,001."),
        ({"kind": "postcard", "text": "x" * 501}, "text", "A postcard can hold 500 characters"),
        ({"text": "  \u200b "}, "text", "This field is required."),
        ({"name": ""}, "name", "This field is required."),
        ({"country": "XX"}, "country", "Select a valid choice."),
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"reply_by_email": "on"}, "email", "Enter your email to receive a reply"),
        ({"kind": "postcard"}, "design", "Choose a design for your postcard."),
        ({"kind": "telegram"}, "kind", "Select a valid choice."),
    ],
)
def test_bad_input_gets_a_clear_error_keeps_what_was_typed_and_saves_nothing(
    client, design, fields, field, message
):
    data = letter_form(design.campaign, **fields)
    response = client.post(write_url(design.campaign), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'id="form-errors"' in html
    assert Letter.objects.count() == 0
    if fields.get("text", "").startswith("x"):
        assert fields["text"] in html


def test_a_design_of_another_campaign_is_refused(client, design, unpublished_campaign):
    foreign = add_postcard_design(unpublished_campaign, title="Other")
    data = letter_form(design.campaign, kind="postcard", design=foreign.pk)
    response = client.post(write_url(design.campaign), data)
    assert "Select a valid choice." in response.content.decode()
    assert Letter.objects.count() == 0


def test_without_designs_only_letters_can_be_written(client, open_campaign):
    html = client.get(write_url(open_campaign)).content.decode()
    assert 'value="postcard"' not in html
    data = letter_form(open_campaign, kind="postcard")
    assert client.post(write_url(open_campaign), data).status_code == 200
    assert Letter.objects.count() == 0


@pytest.mark.parametrize("spam", [{"website": "https://spam.example"}, {"started": "forged"}])
def test_spam_is_thanked_and_nothing_is_kept(client, open_campaign, spam):
    response = client.post(write_url(open_campaign), letter_form(open_campaign, **spam))
    assert response.status_code == 302
    assert Letter.objects.count() == 0


def test_a_campaign_that_takes_no_letters_says_so_kindly(client, campaign):
    response = client.get(write_url(campaign))
    assert response.status_code == 410
    assert "does not take letters" in response.content.decode()
    response = client.post(write_url(campaign), letter_form(campaign))
    assert response.status_code == 410
    assert Letter.objects.count() == 0


def test_an_unpublished_or_unknown_campaign_is_not_found(client, unpublished_campaign):
    unpublished_campaign.accepts_letters = True
    unpublished_campaign.save()
    assert client.get(write_url(unpublished_campaign)).status_code == 404
    assert client.get("/campaigns/nobody/write/").status_code == 404


def test_writing_is_rate_limited(client, open_campaign):
    for _ in range(10):
        client.post(write_url(open_campaign), letter_form(open_campaign))
    response = client.post(write_url(open_campaign), letter_form(open_campaign))
    assert response.status_code == 429
    assert Letter.objects.count() == 10
