"""The widget on a partner's page, served from another origin (127.0.0.1, while the site is
localhost: another site too, so every cookie of ours in the frame is a third-party one, and
third-party cookies are blocked): a person signs inside the frame and confirms; a page on an
origin the organiser did not list cannot frame it."""

import functools
import os
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from petitions import widget
from petitions.models import Signature
from tests.conftest import CHROMIUM_ARGS, CHROMIUM_PATH
from tests.factories import add_petition

pytestmark = pytest.mark.browser

# Where the screenshots of the widget in a partner's page go, when asked for.
SCREENSHOTS = os.environ.get("WIDGET_SCREENSHOTS")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def partner(tmp_path):
    """A partner organisation's site: static pages from tmp_path on 127.0.0.1."""
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def petition(transactional_db, campaign, settings, live_server):
    settings.PETITIONS_MIN_FILL_SECONDS = 0  # Playwright types faster than any person
    settings.SITE_URL = live_server.url
    assert urlsplit(live_server.url).hostname == "localhost"
    cache.clear()
    return add_petition(campaign, offset=785)


def partner_page(folder, petition, snippet=0):
    """The partner's page, with the snippet the organiser copied from the admin."""
    [(_language, codes)] = widget.snippets(petition)
    (folder / "jane.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Partner</title></head><body style='margin: 0.5rem'>"
        f"<h1>Friends of Jane Doe</h1>{codes[snippet][1]}</body></html>"
    )
    return "/jane.html"


@pytest.fixture
def tab(playwright, live_server):
    """A phone-sized tab in a Chromium that blocks third-party cookies."""
    chromium = playwright.chromium.launch(
        executable_path=CHROMIUM_PATH,
        headless=True,
        args=[*CHROMIUM_ARGS, "--test-third-party-cookie-phaseout"],
    )
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="en-GB")
    context.set_default_timeout(10_000)
    yield context.new_page()
    chromium.close()


def test_a_person_signs_inside_the_frame_of_a_partner_site_and_finds_the_way_back(
    tab, partner, petition, live_server
):
    folder, origin = partner
    petition.partner_origins = origin
    petition.partner_return_url = f"{origin}/jane.html"
    petition.save()
    tab.goto(origin + partner_page(folder, petition))

    frame = tab.frame_locator("iframe")
    expect(frame.get_by_role("heading", level=1)).to_have_text("Free Jane Doe")
    expect(frame.locator(".counter__number")).to_have_text("785")
    # Third-party cookies are blocked: the frame cannot keep one.
    widget_frame = next(f for f in tab.frames if f.url.startswith(live_server.url))
    kept = widget_frame.evaluate(
        "document.cookie = 'probe=1; SameSite=None; Secure'; document.cookie"
    )
    assert "probe" not in kept

    frame.get_by_label("First name", exact=True).fill("Ada")
    frame.get_by_label("Last name", exact=True).fill("Lovelace")
    frame.get_by_label("Country", exact=True).select_option("GB")
    frame.get_by_role("button", name="Sign", exact=True).click()
    # The answer comes into view, though it is far above the Sign button.
    expect(frame.locator(".error-summary")).to_be_in_viewport()
    expect(frame.get_by_label("First name", exact=True)).to_have_value("Ada")
    frame.get_by_label("Email", exact=True).fill("ada@example.org")
    if SCREENSHOTS:
        for width in (320, 600):
            tab.set_viewport_size({"width": width, "height": 844})
            tab.screenshot(path=f"{SCREENSHOTS}/widget-{width}.png", full_page=True)
    frame.get_by_role("button", name="Sign", exact=True).click()

    thanks = frame.get_by_role("heading", level=1)
    expect(thanks).to_have_text("Thank you! Now check your email")
    expect(thanks).to_be_in_viewport()
    expect(frame.locator(".sent-to__address")).to_have_text("ada@example.org")
    assert tab.url == f"{origin}/jane.html"  # the partner's page stays
    if SCREENSHOTS:
        tab.screenshot(path=f"{SCREENSHOTS}/widget-thanks-600.png")
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING and signature.via_widget

    [message] = mail.outbox
    link = re.search(r"https?://[^/\s]+(/petitions/confirm/\S+/)", message.body)[1]
    tab.goto(live_server.url + link)
    tab.get_by_role("button", name="Confirm my signature").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Your signature is confirmed")
    tab.get_by_role("link", name="Back to 127.0.0.1").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Friends of Jane Doe")


def test_the_counter_alone_shows_in_the_frame_and_opens_the_petition_in_a_tab(
    tab, partner, petition
):
    folder, origin = partner
    petition.partner_origins = origin
    petition.save()
    tab.goto(origin + partner_page(folder, petition, snippet=1))
    frame = tab.frame_locator("iframe")
    expect(frame.locator(".counter__number")).to_have_text("785")
    if SCREENSHOTS:
        tab.screenshot(path=f"{SCREENSHOTS}/widget-counter-390.png")
    with tab.context.expect_page() as opened:
        frame.get_by_role("link", name="Read and sign the petition").click()
    expect(opened.value.get_by_role("heading", level=1)).to_have_text("Free Jane Doe")


def test_a_site_the_organiser_did_not_list_cannot_frame_the_widget(tab, partner, petition):
    folder, _origin = partner
    petition.partner_origins = "https://partner.example"
    petition.save()
    with tab.expect_console_message(lambda message: "frame-ancestors" in message.text):
        tab.goto(_origin + partner_page(folder, petition))
    expect(tab.get_by_role("heading", level=1)).to_have_text("Friends of Jane Doe")
    expect(tab.frame_locator("iframe").get_by_role("heading", name="Free Jane Doe")).to_have_count(
        0
    )
