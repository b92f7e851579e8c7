"""A supporter writes a postcard on a phone; an organiser approves it and prints the batch."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from campaigns.models import Letter, Moderation
from tests.browser.test_back_office import LAPTOP, log_in
from tests.factories import add_postcard_design

pytestmark = pytest.mark.browser

WORDS = "Азат, держись! We are many and we are with you."


def test_a_postcard_written_on_a_phone_is_approved_and_printed(
    phone_page, new_tab, staff_editor, campaign
):
    campaign.accepts_letters = True
    campaign.letter_language = "ru"
    campaign.save()
    add_postcard_design(campaign, title="Free Jane poster")

    phone_page.goto(campaign.get_absolute_url())
    phone_page.get_by_role("link", name="Write a letter or a postcard").first.click()
    expect(phone_page.get_by_text("Write in Russian")).to_be_visible()
    phone_page.get_by_label("Postcard", exact=True).check()
    phone_page.get_by_label("Free Jane poster").check()
    phone_page.get_by_label("Your words").fill(WORDS)
    phone_page.get_by_label("Your name or a pseudonym").fill("Camille")
    phone_page.get_by_label("Country", exact=True).select_option("FR")
    phone_page.get_by_role("button", name="Send my letter").click()
    expect(phone_page.get_by_role("heading", name="Thank you")).to_be_visible()
    letter = Letter.objects.get()
    assert (letter.kind, letter.status) == ("postcard", Moderation.PENDING)

    admin = new_tab(viewport=LAPTOP)
    log_in(admin)
    admin.goto("/admin/campaigns/letter/")
    admin.get_by_role("button", name="Approve").click()
    expect(admin.get_by_text("is approved")).to_be_visible()
    admin.get_by_role("checkbox", name="Select this object for an action").first.check()
    admin.locator('select[name="action"]').select_option("export_pdf")
    with admin.expect_download() as download:
        admin.get_by_role("button", name="Run").click()
    with open(download.value.path(), "rb") as pdf:
        [page] = PdfReader(io.BytesIO(pdf.read())).pages
    text = page.extract_text()
    assert "Азат, держись!" in text and "we are with you." in text
    assert "Address to be added by the organisers" in text
