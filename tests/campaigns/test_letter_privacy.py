"""A letter writer's email is erased after LETTERS_KEEP_EMAIL_DAYS; the privacy notice says so."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Letter
from tests.factories import add_letter

pytestmark = pytest.mark.django_db


def written_days_ago(letter, days):
    when = timezone.now() - datetime.timedelta(days=days)
    Letter.objects.filter(pk=letter.pk).update(submitted_at=when)


def test_the_command_erases_emails_older_than_the_setting_and_keeps_the_letters(campaign, settings):
    settings.LETTERS_KEEP_EMAIL_DAYS = 30
    old = add_letter(campaign, "Old words", email="old@example.org", reply_by_email=True)
    new = add_letter(campaign, "New words", email="new@example.org", reply_by_email=True)
    written_days_ago(old, 31)
    written_days_ago(new, 29)
    out = io.StringIO()

    call_command("erase_letter_emails", stdout=out)

    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.email, old.reply_by_email, old.text) == ("", False, "Old words")
    assert new.email == "new@example.org"
    assert "Erased the email of 1 letter writer(s)." in out.getvalue()


def test_the_command_takes_a_number_of_days_and_has_help(campaign):
    letter = add_letter(campaign, email="a@example.org")
    written_days_ago(letter, 3)
    call_command("erase_letter_emails", days=2, stdout=io.StringIO())
    assert Letter.objects.get().email == ""
    from campaigns.management.commands.erase_letter_emails import Command

    assert "Erase the email addresses of letter writers" in Command.help


def test_the_default_is_180_days_and_the_privacy_notice_and_form_say_the_delay(
    client, campaign, settings
):
    assert settings.LETTERS_KEEP_EMAIL_DAYS == 180
    settings.LETTERS_KEEP_EMAIL_DAYS = 60
    text = client.get(reverse("privacy")).text
    assert "We erase it 60 days after you wrote." in text
    campaign.accepts_letters = True
    campaign.save()
    form = client.get(reverse("campaigns:write", args=[campaign.slug])).text
    assert "Erased 60 days after you write." in form
