import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from campaigns.models import Campaign

pytestmark = pytest.mark.browser


def test_an_organiser_logs_in_and_publishes_a_campaign_that_visitors_then_see(page, db):
    get_user_model().objects.create_superuser("organiser", "o@example.org", "a-long-passphrase")

    page.goto("/admin/")
    page.get_by_label("Username").fill("organiser")
    page.get_by_label("Password").fill("a-long-passphrase")
    page.get_by_role("button", name="Log in").click()

    page.goto("/admin/campaigns/campaign/add/")
    page.get_by_label("Name [en]").press_sequentially("Ada Example")
    expect(page.get_by_label("Web address")).to_have_value(
        "ada-example"
    )  # filled by the admin's script
    page.get_by_label("One-line summary [en]").fill("Blogger jailed for a post.")
    page.get_by_label("Published").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    assert Campaign.objects.get(slug="ada-example").is_published
    page.goto("/")
    expect(page.get_by_role("link", name="Ada Example")).to_be_visible()
