"""Every kind of public page, with the demo loaded, for the browser tests that visit them all
(accessibility, requests to other hosts)."""

import datetime
import io
import re

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from campaigns.models import Campaign, Event
from petitions.models import Petition
from tests.factories import add_petition, add_photo

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LAPTOP = {"viewport": {"width": 1280, "height": 800}}


def load_public_site(settings):
    """The demo, plus what it lacks to show every kind of page: an upcoming event that takes
    actions and photos, with a photo, and a closed petition."""
    settings.PETITIONS_MIN_FILL_SECONDS = 0  # the browser fills forms faster than anyone
    call_command("load_demo", stdout=io.StringIO())
    azat = Campaign.objects.get(slug="azat-miftakhov")
    event = Event.objects.create(
        campaign=azat,
        title="Next day of solidarity",
        slug="next-day-of-solidarity",
        starts_on=timezone.localdate() + datetime.timedelta(days=30),
        time_zone="Europe/Paris",
        call_to_action="Hold a **rally** in your city.",
        is_published=True,
    )
    add_photo(event, "Paris", caption="The poster in Paris")
    add_petition(azat, "closed-petition", title="A closed petition", status=Petition.Status.CLOSED)
    return event


def visit_every_public_page(tab, event):
    """Open each kind of public page in `tab` in turn, yielding its name once it is shown."""
    update = event.campaign.updates.published().first()
    demo_event = event.campaign.events.exclude(pk=event.pk).first()
    simple = {
        "home": "/",
        "home in French": "/fr/",
        "campaign": event.campaign.get_absolute_url(),
        "campaign in French": f"/fr{event.campaign.get_absolute_url()}",
        "all updates": "/campaigns/updates/",
        "a campaign's updates": f"{event.campaign.get_absolute_url()}updates/",
        "update": update.get_absolute_url(),
        "upcoming event": event.get_absolute_url(),
        "past event": demo_event.get_absolute_url(),
        "photo gallery": f"{event.get_absolute_url()}photos/",
        "petition list": "/petitions/",
        "open petition, in French": "/petitions/liberte-pour-azat-miftakhov/",
        "closed petition": "/petitions/free-aleksei-navalny/",
        "closed petition with no closing date": "/petitions/closed-petition/",
        "privacy": "/privacy/",
        "accessibility statement": "/accessibility/",
        "local action form": f"{event.get_absolute_url()}join/",
        "photo form": f"{event.get_absolute_url()}photos/send/",
        "closed form": f"{demo_event.get_absolute_url()}join/",
        "letter form": f"{event.campaign.get_absolute_url()}write/",
        "message form": f"{event.campaign.get_absolute_url()}messages/write/",
        "widget": "/petitions/liberte-pour-azat-miftakhov/embed/",
        "widget, counter only": "/petitions/liberte-pour-azat-miftakhov/embed/counter/",
        "broken link": "/petitions/confirm/not-a-token/",
        "not found": "/no-such-page/",
    }
    for name, path in simple.items():
        tab.goto(path)
        yield name

    for name, path in {
        "local action form with errors": f"{event.get_absolute_url()}join/",
        "photo form with errors": f"{event.get_absolute_url()}photos/send/",
        "letter form with errors": f"{event.campaign.get_absolute_url()}write/",
        "message form with errors": f"{event.campaign.get_absolute_url()}messages/write/",
        "petition form with errors": "/petitions/liberte-pour-azat-miftakhov/",
    }.items():
        tab.goto(path)
        tab.locator("main form button[type=submit]").last.click()
        tab.locator("#form-errors").wait_for()
        yield name

    mail.outbox.clear()
    tab.goto("/petitions/liberte-pour-azat-miftakhov/")
    tab.locator("#id_first_name").fill("Ada")
    tab.locator("#id_last_name").fill("Lovelace")
    tab.locator("#id_email").fill("ada@example.org")
    tab.locator("#id_country").select_option("GB")
    tab.locator(".sign-form button[type=submit]").click()
    tab.locator(".sent-to").wait_for()
    yield "thanks"
    tab.locator("form[action$='/resend/'] button").click()
    tab.locator(".sent-to [role=status]").wait_for()
    yield "thanks, sent again"

    message = mail.outbox[-1]  # the email sent again
    confirm = re.search(r"https?://[^/\s]+(/\S*petitions/confirm/\S+/)", message.body)[1]
    withdraw = re.search(r"https?://[^/\s]+(/\S*petitions/withdraw/\S+/)", message.body)[1]
    my_data = re.search(r"https?://[^/\s]+(/\S*petitions/my-data/\S+/)", message.body)[1]
    tab.goto(confirm)
    yield "confirm"
    tab.locator("main form button[type=submit]").click()
    tab.locator(".thanks").wait_for()
    yield "confirmed"
    tab.goto(my_data)
    yield "your data"
    tab.goto(withdraw)
    yield "withdraw"
