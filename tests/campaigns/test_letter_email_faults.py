"""The mail server is down while an organiser rejects a letter or records a reply: no error
page, a clear message, the email kept as unsent; once the server is back, the action "Send
unsent emails again" sends each email once.

Over a real SMTP connection to a local server (aiosmtpd), through Django's SMTP backend.
"""

import socket

import pytest
from aiosmtpd.controller import Controller

from campaigns.models import Letter
from tests.factories import add_letter
from tests.petitions.test_email_faults import Inbox

pytestmark = pytest.mark.django_db

LETTERS = "/admin/campaigns/letter/"


@pytest.fixture
def smtp_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_mailer(settings, smtp_port):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": smtp_port, "timeout": 5},
        }
    }


def test_a_mail_server_down_is_reported_and_the_emails_go_once_it_is_back(
    client, staff_editor, campaign, smtp_mailer, smtp_port
):
    client.force_login(staff_editor)
    rejected = add_letter(
        campaign, email="rejected@example.org", rejection_reason="It names a guard."
    )
    answered = add_letter(campaign, email="answered@example.org", reply_by_email=True)
    Letter.objects.filter(pk=answered.pk).update(reply="Thank you, friends.")

    # Nobody listens on the port: the connection is refused.
    response = client.post(f"{LETTERS}{rejected.pk}/reject/", follow=True)
    assert response.status_code == 200
    assert "could not be sent now" in response.content.decode()
    response = client.post(
        LETTERS,
        {"action": "send_unsent_emails", "_selected_action": [answered.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert "could not be sent now" in response.content.decode()
    assert not Letter.objects.filter(rejection_sent_at__isnull=False).exists()
    assert not Letter.objects.filter(reply_sent_at__isnull=False).exists()

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    server.start()
    try:
        everyone = [rejected.pk, answered.pk]
        for _ in range(2):
            client.post(LETTERS, {"action": "send_unsent_emails", "_selected_action": everyone})
    finally:
        server.stop()

    assert sorted(to for [to], _content in inbox.received) == [
        "answered@example.org",
        "rejected@example.org",
    ]
    assert (
        not Letter.objects.filter(rejection_sent_at__isnull=True)
        .exclude(rejection_reason="")
        .exists()
    )
