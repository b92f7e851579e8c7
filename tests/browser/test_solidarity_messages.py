"""A supporter leaves a message of solidarity on a phone; an organiser approves it; it shows."""

import re

import pytest
from playwright.sync_api import expect

from campaigns.models import Moderation, SolidarityMessage

pytestmark = pytest.mark.browser


def test_a_message_left_on_a_phone_shows_on_the_campaign_page_once_approved(
    phone_page, new_tab, campaign, staff_editor
):
    campaign.accepts_messages = True
    campaign.save()

    phone_page.goto(campaign.get_absolute_url())
    phone_page.locator("#messages").get_by_role("link", name="Leave a message").click()
    expect(phone_page).to_have_url(re.compile(r"/campaigns/jane-doe/messages/write/$"))
    name = phone_page.get_by_label("Your name or a pseudonym")
    expect(name).to_be_in_viewport()
    name.fill("Camille")
    phone_page.get_by_label("Country", exact=True).select_option("FR")
    message = phone_page.get_by_label("Your message")
    message.fill("Stay strong, Jane! Read more at example.com")
    phone_page.get_by_label("I agree that my message is published").check()
    phone_page.get_by_role("button", name="Send my message").click()

    summary = phone_page.locator(".error-summary")
    expect(summary).to_contain_text("Messages cannot hold links or web addresses")
    expect(summary).to_be_focused()
    expect(name).to_have_value("Camille")
    message.fill("Stay strong, Jane! <3")
    phone_page.get_by_label("I agree that my message is published").check()
    phone_page.get_by_role("button", name="Send my message").click()

    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Thank you")
    expect(phone_page.locator("main")).to_contain_text("once an organiser has approved it")
    assert SolidarityMessage.objects.get().status == Moderation.PENDING

    organiser = new_tab()
    organiser.goto("/admin/")
    organiser.get_by_label("Username").fill("organiser")
    organiser.get_by_label("Password").fill("a-long-organiser-password")
    organiser.get_by_role("button", name="Log in").click()
    queues = organiser.locator("#review-queues")
    queues.get_by_role("link", name="1 Messages of solidarity to approve").click()
    organiser.locator("#result_list").get_by_role("button", name="Approve").click()
    expect(organiser.locator(".messagelist")).to_contain_text("is approved: it is on the site now.")

    phone_page.goto(campaign.get_absolute_url())
    shown = phone_page.locator("#messages .solidarity-message")
    expect(shown).to_have_count(1)
    expect(shown).to_contain_text("Stay strong, Jane! <3")
    expect(shown).to_contain_text("Camille, France")
