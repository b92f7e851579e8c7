import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from petitions import mailings
from petitions.models import Mailing, Signature
from tests.factories import add_petition, add_signature

pytestmark = pytest.mark.browser


@pytest.fixture
def update(transactional_db, campaign):
    petition = add_petition(campaign)
    add_signature(petition, "ada@example.org", wants_updates=True)
    return Mailing.objects.create(
        petition=petition, subject_en="The hearing is postponed", body_en="New date to come."
    )


def test_a_signer_opens_the_unsubscribe_link_of_an_update_and_unsubscribes(phone_page, update):
    mailings.start_sending(mailing_id=update.pk)
    [message] = mail.outbox
    path = re.search(r"https?://[^/\s]+(/petitions/unsubscribe/\S+/)", message.body).group(1)

    phone_page.goto(path)
    expect(phone_page.get_by_role("heading", level=1)).to_have_text(
        "Stop the emails about “Free Jane Doe”?"
    )
    button = phone_page.get_by_role("button", name="Unsubscribe")
    expect(button).to_be_in_viewport()
    assert Signature.objects.get().wants_updates  # opening the link changed nothing
    button.click()
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("You are unsubscribed")
    signature = Signature.objects.get()
    assert not signature.wants_updates
    assert signature.unsubscribed_at is not None
    assert signature.status == Signature.Status.CONFIRMED
