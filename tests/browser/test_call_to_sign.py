"""The call to sign within reach: on a phone and on a laptop, the first screen of every open
petition and of every campaign with an open petition shows the counter and a way to sign."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from campaigns.models import Campaign
from petitions.models import Petition
from tests.factories import add_petition

pytestmark = pytest.mark.browser

SCREENS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "laptop": {"viewport": {"width": 1280, "height": 800}},
}


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", stdout=io.StringIO())


def in_first_screen(tab, locator):
    """Whether one of the elements `locator` finds is wholly inside the first screen."""
    viewport = tab.viewport_size
    boxes = [locator.nth(index).bounding_box() for index in range(locator.count())]
    return any(
        box
        and box["width"]
        and box["height"]
        and 0 <= box["y"] <= box["y"] + box["height"] <= viewport["height"]
        and 0 <= box["x"] <= box["x"] + box["width"] <= viewport["width"]
        for box in boxes
    )


@pytest.mark.parametrize("screen", SCREENS)
def test_every_open_petition_shows_its_counter_and_sign_in_the_first_screen(new_tab, demo, screen):
    tab = new_tab(**SCREENS[screen])
    petitions = list(Petition.objects.open())
    assert petitions, "the demo has an open petition"
    for petition in petitions:
        tab.goto(petition.get_absolute_url())
        counter = tab.locator(".counter__number:visible")
        expect(counter.first).to_be_visible()
        assert in_first_screen(tab, counter), f"{petition.slug}: counter below the first screen"
        sign = tab.locator(".sign-bar__button:visible, #id_first_name:visible")
        assert in_first_screen(tab, sign), f"{petition.slug}: no way to sign in the first screen"


@pytest.mark.parametrize("screen", SCREENS)
def test_every_campaign_with_an_open_petition_shows_its_counter_and_a_sign_link_at_once(
    new_tab, demo, screen
):
    tab = new_tab(**SCREENS[screen])
    open_ones = {petition.campaign_id: petition for petition in Petition.objects.open()}
    campaigns = [c for c in Campaign.objects.published() if c.pk in open_ones]
    assert campaigns, "the demo has a campaign with an open petition"
    for campaign in campaigns:
        tab.goto(campaign.get_absolute_url())
        card = tab.locator(
            ".petition-card", has=tab.locator(f'a[href$="/{open_ones[campaign.pk].slug}/"]')
        )
        assert in_first_screen(tab, card.locator(".counter__number")), campaign.slug
        assert in_first_screen(tab, card.locator(".card__action a")), campaign.slug


def test_on_a_phone_the_sign_bar_follows_the_reader_then_rests_above_the_form(new_tab, demo):
    tab = new_tab(**SCREENS["phone"])
    tab.goto("/petitions/liberte-pour-azat-miftakhov/")
    bar = tab.locator(".sign-bar")
    screen_height = tab.viewport_size["height"]
    box = bar.bounding_box()
    assert box["y"] + box["height"] == pytest.approx(screen_height, abs=1)  # at the bottom

    tab.locator(".petition__demands").scroll_into_view_if_needed()
    box = bar.bounding_box()
    assert box["y"] + box["height"] <= screen_height + 1  # still in reach while reading

    tab.locator(".sign-bar__button").click()
    expect(tab.locator("#sign-heading")).to_be_in_viewport()
    form_top = tab.locator(".petition__action").bounding_box()["y"]
    bar = tab.locator(".sign-bar").bounding_box()
    assert bar["y"] + bar["height"] <= form_top + 1  # it covers nothing of the form


def test_the_sign_bar_never_hides_what_has_keyboard_focus(new_tab, campaign):
    """WCAG 2.2 Focus Not Obscured: tabbing through a long petition full of links on a phone,
    every focused element is clear of the sticky sign bar."""
    paragraphs = [
        f"Paragraph {n} with [a source](https://example.org/{n}) in it." for n in range(30)
    ]
    add_petition(campaign, introduction="\n\n".join(paragraphs))
    tab = new_tab(**SCREENS["phone"])
    tab.goto("/petitions/free-jane-doe/")
    checked = 0
    for _ in range(80):
        tab.keyboard.press("Tab")
        focused = tab.evaluate_handle("document.activeElement")
        if tab.evaluate("element => element.id === 'id_first_name'", focused):
            break
        if tab.evaluate("element => Boolean(element.closest('.sign-bar'))", focused):
            continue
        box = focused.bounding_box()
        bar = tab.locator(".sign-bar").bounding_box()
        overlap = min(box["y"] + box["height"], bar["y"] + bar["height"]) - max(box["y"], bar["y"])
        assert overlap <= 0, tab.evaluate("element => element.outerHTML", focused)
        checked += 1
    else:
        pytest.fail("never reached the form's first field")
    assert checked > 30
