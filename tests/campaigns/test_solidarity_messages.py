"""Messages of solidarity: a supporter writes one, an organiser approves it, the page shows it."""

import time

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from campaigns.models import Moderation, SolidarityMessage
from sitewide.form_guard import started_token
from tests.factories import add_message, message_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(campaign):
    campaign.accepts_messages = True
    campaign.save()
    return campaign


def write_url(campaign):
    return reverse("campaigns:message_create", args=[campaign.slug])


def write(client, campaign, **fields):
    return client.post(write_url(campaign), message_form(campaign, **fields))


def assert_refused(response, error, typed="Camille"):
    html = response.content.decode()
    assert response.status_code == 200
    assert error in html
    assert 'id="form-errors"' in html or "error-summary" in html
    assert f'value="{typed}"' in html  # what was typed is kept
    assert SolidarityMessage.objects.count() == 0


def test_a_supporter_leaves_a_message_which_waits_for_an_organiser(client, campaign):
    form = client.get(write_url(campaign))
    assert form.status_code == 200
    assert "Choose your country" in form.content.decode()
    assert 'name="consent"' in form.content.decode()

    response = write(client, campaign, message="Stay strong,\r\n\r\n\r\nAzat!\u200b")

    assert response.status_code == 302
    assert response["Location"] == reverse("campaigns:message_thanks", args=[campaign.slug])
    message = SolidarityMessage.objects.get()
    assert (message.campaign, message.name, message.country.code) == (campaign, "Camille", "FR")
    assert message.message == "Stay strong,\n\nAzat!"
    assert message.status == Moderation.PENDING
    assert not message.to_print
    thanks = client.get(response["Location"]).content.decode()
    assert "once an organiser has approved it" in thanks
    assert "Stay strong" not in client.get(campaign.get_absolute_url()).content.decode()


def test_the_campaign_page_links_to_the_form(client, campaign):
    html = client.get(campaign.get_absolute_url()).content.decode()
    assert f'href="{write_url(campaign)}"' in html
    assert "Leave a message" in html


def test_a_campaign_that_takes_no_messages_has_no_form_and_no_link(client, campaign):
    campaign.accepts_messages = False
    campaign.save()
    assert client.get(write_url(campaign)).status_code == 410
    assert write(client, campaign).status_code == 410
    assert SolidarityMessage.objects.count() == 0
    assert write_url(campaign) not in client.get(campaign.get_absolute_url()).content.decode()


def test_an_unpublished_campaign_takes_no_message(client, unpublished_campaign):
    unpublished_campaign.accepts_messages = True
    unpublished_campaign.save()
    assert client.get(write_url(unpublished_campaign)).status_code == 404
    assert write(client, unpublished_campaign).status_code == 404


def test_a_message_over_500_characters_is_refused_with_its_length(client, campaign):
    response = write(client, campaign, message="a" * 501)
    assert_refused(response, "Your message has 501 characters")
    assert "a" * 501 in response.content.decode()
    # 500 characters as stored: line breaks count once, invisible characters not at all.
    assert write(client, campaign, message="a" * 498 + "\r\n\u200bb").status_code == 302
    assert len(SolidarityMessage.objects.get().message) == 500


@pytest.mark.parametrize(
    "text",
    [
        "Read https://example.org/azat",
        "Read http://example.org",
        "See www.example.org",
        "Buy at cheap-pills.shop",
        "Пишите на пример.рф",
    ],
)
def test_a_message_with_a_link_is_refused_with_a_clear_error(client, campaign, text):
    response = write(client, campaign, message=text)
    assert_refused(response, "Messages cannot hold links or web addresses")


def test_sentences_without_a_space_after_the_full_stop_are_not_taken_for_links(client, campaign):
    assert write(client, campaign, message="Hello.World, FREE AZAT 04.09 <3").status_code == 302
    assert SolidarityMessage.objects.get().message == "Hello.World, FREE AZAT 04.09 <3"


@pytest.mark.parametrize("name", ["<b>Camille</b>", "Cam>ille", "visit example.com"])
def test_a_name_with_angle_brackets_or_a_link_is_refused(client, campaign, name):
    response = write(client, campaign, name=name)
    assert response.status_code == 200
    assert SolidarityMessage.objects.count() == 0
    html = response.content.decode()
    assert "cannot hold" in html
    assert "Stay strong, we are with you." in html


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"name": " \u200b "}, "Enter your name or a pseudonym."),
        ({"message": "\r\n\t"}, "Write your message."),
        ({"country": ""}, "Choose your country."),
        ({"country": "XX"}, "Choose your country."),
        ({"consent": ""}, "We can only publish your message with your agreement."),
    ],
)
def test_empty_or_missing_fields_are_refused(client, campaign, fields, error):
    response = write(client, campaign, **fields)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert SolidarityMessage.objects.count() == 0


@pytest.mark.parametrize(
    "spam",
    [
        {"website": "https://spam.example"},
        {"started": ""},
        {"started": "forged"},
        {"started": started_token("messages.999999")},
    ],
)
def test_spam_gets_the_thanks_page_and_nothing_is_kept(client, campaign, spam):
    response = write(client, campaign, **spam)
    assert response.status_code == 302
    assert response["Location"] == reverse("campaigns:message_thanks", args=[campaign.slug])
    assert SolidarityMessage.objects.count() == 0


def test_a_form_left_open_over_a_day_comes_back_with_what_was_typed(client, campaign):
    old = started_token(f"messages.{campaign.pk}", at=time.time() - 25 * 3600)
    response = write(client, campaign, started=old)
    assert_refused(response, "This form was open for more than a day.")


def test_too_many_messages_from_one_address_get_the_429_page(client, campaign):
    for _number in range(10):
        assert write(client, campaign).status_code == 302
    response = write(client, campaign)
    assert response.status_code == 429
    assert SolidarityMessage.objects.count() == 10


def test_the_page_shows_the_12_newest_approved_messages_escaped(client, campaign):
    for number in range(14):
        add_message(campaign, f"Message number {number:02d}", name=f"Writer {number:02d}")
    add_message(campaign, "A pending one", status=Moderation.PENDING)
    add_message(campaign, "A rejected one", status=Moderation.REJECTED)
    add_message(campaign, "<script>alert(1)</script> <3", name="Zoë", country="DE")

    html = client.get(campaign.get_absolute_url()).content.decode()

    assert html.count('class="solidarity-message"') == 12
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;3" in html
    assert "<script>alert(1)" not in html
    assert "Zoë" in html and "Germany" in html
    assert "Message number 13" in html and "Message number 03" in html
    assert "Message number 02" not in html
    assert "A pending one" not in html and "A rejected one" not in html
    assert "15 messages" in html


def test_an_approval_shows_at_once_on_the_cached_page(client, staff_editor, campaign):
    message = add_message(campaign, "Fresh from the queue", status=Moderation.PENDING)
    assert "Fresh from the queue" not in client.get(campaign.get_absolute_url()).content.decode()
    organiser = client.__class__()
    organiser.force_login(staff_editor)
    url = reverse("admin:campaigns_solidaritymessage_approve", args=[message.pk])
    assert organiser.post(url).status_code == 302
    assert "Fresh from the queue" in client.get(campaign.get_absolute_url()).content.decode()


def test_the_how_to_help_item_links_to_the_form_with_the_count(campaign):
    item = render_to_string("includes/how_to_help_message.html", {"campaign": campaign, "count": 3})
    assert f'href="{write_url(campaign)}"' in item
    assert "Leave a message of solidarity" in item
    assert "3 messages" in item
    assert item.strip().startswith("<li") and item.strip().endswith("</li>")
    campaign.accepts_messages = False
    context = {"campaign": campaign, "count": 3}
    assert render_to_string("includes/how_to_help_message.html", context).strip() == ""


def test_only_a_bare_domain_gets_the_hint_about_a_missing_space(client, campaign):
    hint = "add a space after the full stop"
    assert hint in write(client, campaign, message="Thank.you").content.decode()
    assert hint not in write(client, campaign, message="See www.example.org").content.decode()
