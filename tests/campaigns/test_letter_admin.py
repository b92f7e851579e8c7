"""Organisers moderate letters in the admin: approve, reject with a reason the writer gets,
print the approved ones as a PDF batch, mark them posted, and forward replies."""

import datetime
import io

import pytest
from django.core import mail
from pypdf import PdfReader

from campaigns.models import Letter, Moderation, PrisonAddress
from tests.factories import add_letter, add_postcard_design

pytestmark = pytest.mark.django_db

LETTERS = "/admin/campaigns/letter/"


@pytest.fixture
def organiser(client, staff_editor):
    client.force_login(staff_editor)
    return client


def change(client, letter, **fields):
    """Post the letter's change page as an organiser would, with `fields` changed."""
    data = {
        "status": letter.status,
        "kind": letter.kind,
        "design": letter.design_id or "",
        "text": letter.text,
        "name": letter.name,
        "country": letter.country.code,
        "email": letter.email,
        "rejection_reason": letter.rejection_reason,
        "reply": letter.reply,
        **({"reply_by_email": "on"} if letter.reply_by_email else {}),
        **fields,
    }
    return client.post(f"{LETTERS}{letter.pk}/change/", data, follow=True)


def action(client, name, letters):
    return client.post(
        LETTERS, {"action": name, "_selected_action": [letter.pk for letter in letters]}
    )


def test_approving_from_the_list(organiser, campaign):
    letter = add_letter(campaign)
    action(organiser, "approve", [letter])
    letter.refresh_from_db()
    assert letter.status == Moderation.APPROVED
    assert mail.outbox == []


def test_approving_says_the_letter_will_be_posted_not_published(organiser, campaign):
    letter = add_letter(campaign)
    assert "Approve: print and post" in organiser.get(LETTERS).text
    page = organiser.post(f"{LETTERS}{letter.pk}/approve/", follow=True).text
    assert f"“{letter}” is approved: it will be printed and posted." in page
    assert "published" not in page


def test_a_rejection_reason_is_emailed_once_in_the_writers_language(organiser, campaign):
    campaign.name_fr, campaign.summary_fr = "Jeanne Doe", "Journaliste emprisonnée."
    campaign.save()
    letter = add_letter(campaign, email="camille@example.org", language="fr")

    response = change(organiser, letter, status="rejected", rejection_reason="It names a guard.")
    change(organiser, Letter.objects.get(), rejection_reason="It names a guard.")

    assert "1 email to a writer sent." in response.content.decode()
    [email] = mail.outbox
    assert email.to == ["camille@example.org"]
    assert "Jeanne Doe" in email.subject
    assert "It names a guard." in email.body
    assert "/fr/campaigns/jane-doe/" in email.body
    assert Letter.objects.get().rejection_sent_at is not None


def test_a_writer_without_an_email_is_rejected_silently(organiser, campaign):
    letter = add_letter(campaign)
    change(organiser, letter, status="rejected", rejection_reason="Too political.")
    assert Letter.objects.get().status == Moderation.REJECTED
    assert mail.outbox == []


def test_the_rejection_button_sends_a_reason_written_before(organiser, campaign):
    letter = add_letter(campaign, email="camille@example.org", rejection_reason="A name.")
    organiser.post(f"{LETTERS}{letter.pk}/reject/")
    assert len(mail.outbox) == 1


def test_a_reply_is_forwarded_once_and_only_with_consent(organiser, campaign):
    agreed = add_letter(campaign, email="yes@example.org", reply_by_email=True)
    refused = add_letter(campaign, email="no@example.org", reply_by_email=False)

    change(organiser, agreed, reply="Thank you all, I read every letter.")
    change(organiser, refused, reply="Thank you all, I read every letter.")
    change(organiser, Letter.objects.get(pk=agreed.pk), reply="Thank you all, I read every letter!")

    [email] = mail.outbox
    assert email.to == ["yes@example.org"]
    assert "I read every letter." in email.body
    agreed.refresh_from_db()
    assert agreed.reply_sent_at is not None


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return [page.extract_text() for page in reader.pages]


def test_approved_letters_print_one_a_page_with_the_current_address(organiser, campaign):
    PrisonAddress.objects.create(
        campaign=campaign, address="Old prison\nNowhere", valid_from=datetime.date(2020, 1, 1)
    )
    PrisonAddress.objects.create(
        campaign=campaign, address="Colony no. 17\nSomewhere", valid_from=datetime.date(2023, 1, 1)
    )
    PrisonAddress.objects.create(
        campaign=campaign, address="Next prison", valid_from=datetime.date(2999, 1, 1)
    )
    design = add_postcard_design(campaign)
    russian = add_letter(campaign, "Держись, Азат! Мы с тобой.", status=Moderation.APPROVED)
    greek = add_letter(
        campaign, "Αλληλεγγύη!", kind="postcard", design=design, status=Moderation.APPROVED
    )
    pending = add_letter(campaign, "Not read yet", status=Moderation.PENDING)

    pages = pdf_text(action(organiser, "export_pdf", [russian, greek, pending]))

    assert len(pages) == 2
    assert "Держись, Азат! Мы с тобой." in pages[0]
    assert "Αλληλεγγύη!" in pages[1]
    assert all("Colony no. 17" in page and "Old prison" not in page for page in pages)
    assert "Camille Martin, France" in pages[0]


def test_without_an_address_the_page_says_the_organisers_add_it(organiser, campaign):
    letter = add_letter(campaign, status=Moderation.APPROVED)
    [page] = pdf_text(action(organiser, "export_pdf", [letter]))
    assert "Address to be added by the organisers" in page


def test_a_script_the_font_lacks_is_named_rather_than_printed_as_boxes(organiser, campaign):
    letter = add_letter(campaign, "გამარჯობა", status=Moderation.APPROVED)
    [page] = pdf_text(action(organiser, "export_pdf", [letter]))
    assert "script the PDF font cannot show" in page
    assert "U+10D0" in page


def test_marking_as_posted_counts_on_the_campaign_page(organiser, client, campaign):
    campaign.accepts_letters = True
    campaign.save()
    approved = add_letter(campaign, status=Moderation.APPROVED)
    pending = add_letter(campaign)

    action(organiser, "mark_posted", [approved, pending])

    approved.refresh_from_db()
    assert approved.posted_at is not None
    assert Letter.objects.get(pk=pending.pk).posted_at is None
    assert "1 letter sent" in client.get(campaign.get_absolute_url()).content.decode()


def test_the_writers_email_never_shows_on_the_site(client, campaign):
    campaign.accepts_letters = True
    campaign.save()
    add_letter(campaign, email="secret@example.org", status=Moderation.APPROVED, show_on_wall=True)
    assert "secret@example.org" not in client.get(campaign.get_absolute_url()).content.decode()
