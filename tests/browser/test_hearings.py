import re

import icalendar
import pytest
from playwright.sync_api import expect

from tests.factories import add_hearing

pytestmark = pytest.mark.browser


def test_a_supporter_on_a_phone_adds_the_next_hearing_to_their_calendar(phone_page, campaign):
    hearing = add_hearing(campaign)
    phone_page.goto(campaign.get_absolute_url())
    hearings = phone_page.locator("#hearings")
    expect(hearings.get_by_role("heading", level=2)).to_have_text("Next hearings")
    expect(hearings).to_contain_text("Moscow City Court, Room 635")
    expect(hearings).to_contain_text("The public may attend")
    expect(hearings.get_by_role("link", name="Add to calendar")).to_be_in_viewport()

    with phone_page.expect_download() as download:
        hearings.get_by_role("link", name="Add to calendar").click()
    assert re.fullmatch(
        r"jane-doe-hearing-\d{4}-\d{2}-\d{2}\.ics", download.value.suggested_filename
    )
    calendar = icalendar.Calendar.from_ical(download.value.path().read_bytes())
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["UID"]).startswith(f"hearing-{hearing.pk}@")
    assert vevent["DTSTART"].params["TZID"] == "Europe/Moscow"
