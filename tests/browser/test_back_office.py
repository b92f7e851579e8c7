"""The organisers' back office in a real browser, at 1280×800 as on an ordinary laptop."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from campaigns.models import Moderation
from petitions import counter
from petitions.models import Petition, Signature
from tests.factories import add_petition, add_photo, add_signature

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1280, "height": 800}


def log_in(page):
    """Log in as the `staff_editor` fixture's organiser."""
    page.goto("/admin/")
    page.get_by_label("Username").fill("organiser")
    page.get_by_label("Password").fill("a-long-organiser-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()


def has_no_sideways_scroll(page, selector="html"):
    return page.locator(selector).evaluate("element => element.scrollWidth <= element.clientWidth")


def test_the_dashboard_shows_the_demo_petitions_counts_and_the_queues(new_tab, staff_editor, event):
    call_command("load_demo", stdout=io.StringIO())
    azat = Petition.objects.get(slug="liberte-pour-azat-miftakhov")
    for n in range(3):
        add_signature(azat, f"s{n}@example.org")
        counter.log_change(azat.pk, 1)
    counter.fold_counts()
    add_signature(
        azat, "quick@example.org", status=Signature.Status.PENDING, review_reason="too_fast"
    )
    add_photo(event, status=Moderation.PENDING)
    page = new_tab(viewport=LAPTOP)

    log_in(page)

    # The English admin names it by its English translation.
    card = page.locator(".dashboard-petition", has_text="Freedom for Azat Miftakhov!")
    expect(card.locator(".dashboard-figures__count")).to_have_text("3")
    expect(card.locator("dd").nth(1)).to_have_text("3")  # today
    expect(card.locator(".bar-chart rect")).to_have_count(30)
    # The Navalny petition closed on 16 February 2024: the dashboard shows open petitions only.
    expect(page.locator(".dashboard-petition")).to_have_count(1)
    queues = page.locator("#review-queues")
    expect(queues.get_by_role("link", name="1 Photos to approve")).to_be_visible()
    expect(queues.get_by_role("link", name="0 Local actions to approve")).to_be_visible()
    assert has_no_sideways_scroll(page)

    queues.get_by_role("link", name="1 Signatures kept for review").click()
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    expect(page.locator("#result_list")).to_contain_text("quick@example.org")
    expect(page.locator("#result_list")).to_contain_text("Sent the form too fast")

    phone = new_tab(viewport={"width": 390, "height": 844}, is_mobile=True)
    log_in(phone)
    expect(phone.locator(".dashboard-petition")).to_have_count(1)
    assert has_no_sideways_scroll(phone)


def test_the_signature_list_shows_every_column_without_scrolling_sideways(
    new_tab, staff_editor, campaign
):
    long_title = "Free the journalists of the independent newspaper detained since last spring"
    petition = add_petition(campaign, title=long_title)
    for n, country in enumerate(["GB", "US", "CD", "FR", "DE"]):
        add_signature(
            petition,
            f"a-rather-long-address-{n}@a-campaign-domain.example.org",
            first_name="Maximilian-Alexander",
            last_name="Oppenheimer-Rodríguez",
            country=country,
            review_reason="captcha_unavailable",
        )
    page = new_tab(viewport=LAPTOP)
    log_in(page)

    page.get_by_role("navigation", name="Sections of the back office").get_by_role(
        "link", name="Signatures"
    ).click()

    status = page.locator("#result_list thead th.column-status_badge")
    expect(status).to_be_visible()
    expect(page.locator("#result_list .status-badge").first).to_have_text("Confirmed")
    assert has_no_sideways_scroll(page, "#changelist .results")
    assert has_no_sideways_scroll(page)
    box = page.locator("#result_list thead th.column-signed_at").bounding_box()
    assert box["x"] + box["width"] <= LAPTOP["width"]
    # One line for the country filter instead of 250 links.
    assert page.evaluate("document.documentElement.scrollHeight") < 1600
    page.get_by_label("Country").select_option("CD")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"country__exact=CD"))
    expect(page.locator("#result_list tbody tr")).to_have_count(1)


def test_one_click_approves_a_photo_which_then_appears_in_the_gallery(page, staff_editor, event):
    add_photo(event, "Marseille", caption="The poster at the Vieux-Port", status=Moderation.PENDING)
    add_photo(event, "Lyon", caption="Not this one", status=Moderation.PENDING)
    log_in(page)

    page.locator("#review-queues").get_by_role("link", name="2 Photos to approve").click()
    row = page.locator("#result_list tr", has_text="The poster at the Vieux-Port")
    row.get_by_role("button", name="Approve").click()

    expect(page.locator(".messagelist")).to_contain_text(
        "“Marseille (FR)” is approved: it is on the site now."
    )
    expect(page).to_have_url(re.compile(r"/admin/campaigns/photo/\?status__exact=pending$"))
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    page.goto(f"/campaigns/{event.campaign.slug}/events/{event.slug}/photos/")
    expect(page.locator("figcaption")).to_have_count(1)
    expect(page.locator("figcaption")).to_contain_text("The poster at the Vieux-Port")


def test_the_preview_shows_the_unsaved_texts_in_a_new_tab(page, staff_editor, campaign):
    petition = add_petition(campaign)
    log_in(page)
    page.goto(f"/admin/petitions/petition/{petition.pk}/change/")
    page.get_by_label("Introduction [en]").fill("Held **without trial** since 2021.")

    with page.context.expect_page() as preview_tab:
        page.get_by_role("button", name="Preview the texts").first.click()
    preview = preview_tab.value

    expect(preview.locator(".markdown-preview__body strong")).to_have_text("without trial")
    expect(page.get_by_label("Introduction [en]")).to_have_value(
        "Held **without trial** since 2021."
    )
    assert Petition.objects.get().introduction == ""
