import re

import pytest
from playwright.sync_api import expect

from campaigns import demo
from campaigns.models import LocalAction, Moderation, Photo
from tests.factories import add_local_action, add_photo
from tests.images import jpeg_with_gps

pytestmark = pytest.mark.browser


def test_a_visitor_reads_a_campaign_and_its_timeline(page, db):
    demo.load()
    page.goto("/")
    card = page.locator(".card", has_text="Azat Miftakhov")
    expect(card.get_by_text("Sentenced")).to_be_visible()
    expect(card.locator(".days-behind-bars")).to_contain_text("At least")
    card.get_by_role("link", name="Azat Miftakhov").click()

    expect(page).to_have_url(re.compile(r"/campaigns/azat-miftakhov/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Azat Miftakhov")
    expect(page.locator(".facts")).to_contain_text("Omutninsk")
    timeline = page.locator("#timeline")
    expect(timeline.get_by_role("heading", level=2)).to_have_text("Case timeline")
    expect(timeline.locator(".timeline__date")).to_have_text(
        [
            "2019",
            "2021",
            "July–August 2023",
            "23 July 2023",
            "August 2023",
            "2 September 2023",
            "4 September 2023",
        ]
    )
    expect(timeline).to_contain_text("Liberté pour Azat Miftakhov !")

    page.locator("#events").get_by_role(
        "link", name="International Day of Solidarity with Azat"
    ).click()
    expect(page.locator(".countdown")).to_have_text("Happened on 2 September 2023")
    expect(page.get_by_text("FREE AZAT 04.09")).to_be_visible()

    page.go_back()
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/campaigns/azat-miftakhov/$"))
    expect(page.locator("#timeline .timeline__date").nth(2)).to_have_text("juillet–août 2023")


def test_a_supporter_registers_a_local_action_and_sends_a_photo(page, event):
    page.goto(event.get_absolute_url())
    expect(page.locator(".countdown")).to_contain_text("Starts in")
    page.get_by_role("link", name="Join with your own action").click()

    page.get_by_label("Country").select_option("FR")
    page.get_by_label("City").fill("Marseille")
    page.get_by_label("Place").fill("Vieux-Port")
    page.get_by_label("Time", exact=True).fill("17:30")
    page.get_by_label("Organised by").fill("Marseille solidarity")
    page.get_by_label("Your email").fill("not-an-email")
    page.get_by_role("button", name="Send my action").click()
    # Focus lands on the summary of errors, which the page title announces too.
    expect(page.locator("#form-errors")).to_be_focused()
    expect(page.locator("#form-errors")).to_contain_text("Your email: Enter a valid email address.")
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_label("Your email")).to_have_accessible_description(
        re.compile("Enter a valid email address.")
    )
    expect(page.get_by_label("City")).to_have_value("Marseille")

    page.get_by_label("Your email").fill("me@example.org")
    page.get_by_role("button", name="Send my action").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    action = LocalAction.objects.get()
    assert (action.city, action.status) == ("Marseille", Moderation.PENDING)

    page.get_by_role("link", name=f"Back to {event.title}").click()
    expect(page.locator("#local-actions")).not_to_contain_text("Vieux-Port")
    page.get_by_role("link", name="Send your photo").click()
    page.get_by_label("Your photo").set_input_files(
        files=[{"name": "rally.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_gps()}]
    )
    page.get_by_label("City").fill("Marseille")
    page.get_by_label("Country").select_option("FR")
    page.get_by_label("Caption").fill("The poster at the Vieux-Port")
    page.get_by_label("I agree that this photo is published on this site.").check()
    page.get_by_role("button", name="Send my photo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    photo = Photo.objects.get()
    assert (photo.caption, photo.status) == ("The poster at the Vieux-Port", Moderation.PENDING)


def test_an_organiser_approves_an_action_and_a_photo_which_then_appear(page, event, staff_editor):
    add_local_action(event, "Marseille", place="Vieux-Port", status=Moderation.PENDING)
    add_photo(event, "Marseille", caption="The poster at the Vieux-Port", status=Moderation.PENDING)

    page.goto("/admin/")
    page.get_by_label("Username").fill("organiser")
    page.get_by_label("Password").fill("a-long-organiser-password")
    page.get_by_role("button", name="Log in").click()

    for queue in ("1 Local actions to approve", "1 Photos to approve"):
        page.goto("/admin/")
        page.locator("#review-queues").get_by_role("link", name=queue).click()
        page.locator("#result_list").get_by_role("button", name="Approve").click()
        expect(page.locator(".messagelist")).to_contain_text("is approved: it is on the site now.")

    page.goto(event.get_absolute_url())
    expect(page.locator("#local-actions")).to_contain_text("Vieux-Port")
    expect(page.locator("#local-actions h3")).to_have_text("France")
    expect(page.locator("#photos figcaption")).to_contain_text("The poster at the Vieux-Port")
