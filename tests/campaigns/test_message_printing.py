"""Organisers moderate messages of solidarity and print those chosen, to send with the letters."""

import io
import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import LogEntry
from django.utils.html import strip_tags
from pypdf import PdfReader

from campaigns.models import Moderation, SolidarityMessage
from tests.factories import add_message

pytestmark = pytest.mark.django_db

LIST = "/admin/campaigns/solidaritymessage/"


@pytest.fixture
def organiser(client, staff_editor):
    client.force_login(staff_editor)
    return client


def act(client, action, messages, follow=False):
    selected = [message.pk for message in messages]
    return client.post(LIST, {"action": action, ACTION_CHECKBOX_NAME: selected}, follow=follow)


def pdf_text(response):
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    return reader, " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_list_shows_pending_messages_first_with_approve_and_reject(organiser, campaign):
    add_message(campaign, "Already approved")
    add_message(campaign, "Waiting for you", status=Moderation.PENDING)
    html = organiser.get(LIST).content.decode()
    assert html.index("Waiting for you") < html.index("Already approved")
    assert "moderation-button--approve" in html
    assert organiser.get(f"{LIST}add/").status_code == 403


def test_approve_and_reject_in_bulk_are_logged(organiser, campaign):
    kept = add_message(campaign, "Kept", status=Moderation.PENDING)
    spam = add_message(campaign, "Spam", status=Moderation.PENDING)

    act(organiser, "approve", [kept])
    act(organiser, "reject", [spam])

    assert SolidarityMessage.objects.get(pk=kept.pk).status == Moderation.APPROVED
    assert SolidarityMessage.objects.get(pk=spam.pk).status == Moderation.REJECTED
    assert LogEntry.objects.count() == 2


def test_messages_are_marked_and_unmarked_to_print(organiser, campaign):
    first, second = add_message(campaign, "First"), add_message(campaign, "Second")

    act(organiser, "mark_to_print", [first, second])
    assert SolidarityMessage.objects.filter(to_print=True).count() == 2
    act(organiser, "unmark_to_print", [second])

    assert list(SolidarityMessage.objects.filter(to_print=True)) == [first]
    assert "1 message unmarked" in organiser.get(LIST).content.decode()


def test_the_print_pdf_holds_the_approved_messages_chosen_to_print_in_any_script(
    organiser, campaign
):
    chosen = [
        add_message(
            campaign, "Держись, Азат! Мы с тобой.", name="Мария", country="RU", to_print=True
        ),
        add_message(campaign, "Courage, on ne t'oublie pas.", name="Zoë", to_print=True),
        *[
            add_message(campaign, f"Message {number} " + "solidarity " * 40, to_print=True)
            for number in range(8)
        ],
    ]
    not_marked = add_message(campaign, "Not for the post")
    pending = add_message(campaign, "Still pending", status=Moderation.PENDING, to_print=True)

    response = act(organiser, "download_print_pdf", [*chosen, not_marked, pending])

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    reader, text = pdf_text(response)
    assert "Держись, Азат! Мы с тобой." in text
    assert "Мария" in text and "Russia" in text
    assert "Zoë" in text and "France" in text
    assert "Jane Doe" in text
    assert "Not for the post" not in text and "Still pending" not in text
    # Several messages to a page, none cut off: ten messages on fewer than ten pages.
    assert 1 < len(reader.pages) < 10
    assert all(f"Message {number} " in text for number in range(8))


def test_printing_nothing_printable_says_so(organiser, campaign):
    message = add_message(campaign, "Not marked")
    response = act(organiser, "download_print_pdf", [message], follow=True)
    assert response.status_code == 200
    assert "None of the chosen messages is approved and marked to print." in (
        response.content.decode()
    )


def test_the_dashboard_counts_messages_waiting(organiser, campaign):
    add_message(campaign, status=Moderation.PENDING)
    dashboard = strip_tags(organiser.get("/admin/").content.decode())
    assert "1 Messages of solidarity to approve" in " ".join(dashboard.split())


def test_messages_in_a_script_the_print_font_lacks_are_named_for_copying_by_hand(
    organiser, campaign
):
    add_message(campaign, "Courage !", name="Zoë", to_print=True)
    arabic = add_message(campaign, "تضامن كامل معك", name="Maryam", country="EG", to_print=True)

    response = act(organiser, "download_print_pdf", SolidarityMessage.objects.all())

    _reader, text = pdf_text(response)
    assert "Courage !" in text and "Maryam, Egypt" in text
    page = organiser.get(LIST).content.decode()
    warning = re.search(r'<ul class="messagelist">.*?</ul>', page, re.S)[0]
    assert "copy them by hand: Maryam (EG)." in warning
    assert "Zoë (FR)" not in warning
    assert str(arabic) == "Maryam (EG)"
