"""Development email (EMAIL_URL=consolemail://) printed in the terminal, readable, links whole."""

import io
import re

import pytest
from django.core.mail import EmailMultiAlternatives

from tests.factories import add_petition, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def terminal(settings):
    """What the development console backend writes, as the terminal would show it."""
    stream = io.StringIO()
    settings.MAILERS = {
        "default": {
            "BACKEND": "sitewide.console_mail.EmailBackend",
            "OPTIONS": {"stream": stream},
        }
    }
    return stream


def test_the_confirmation_email_prints_a_whole_link_that_confirms(
    client, campaign, terminal, settings
):
    settings.SITE_URL = "http://127.0.0.1:8000"
    petition = add_petition(
        campaign, "liberte-pour-jane", title="Liberté pour Jane !", language="fr"
    )

    client.post(f"/fr{petition.get_absolute_url()}", form_data(petition))

    output = terminal.getvalue()
    assert "To: ada@example.org" in output
    assert "Subject: " in output and "Liberté pour Jane !" in output  # decoded, not =?utf-8?...
    assert "=C3=A9" not in output  # no quoted-printable
    assert not [line for line in output.splitlines() if line.endswith("=")]
    links = re.findall(r"^http://127\.0\.0\.1:8000(/fr/petitions/confirm/\S+/)$", output, re.M)
    assert len(links) == 1
    page = client.get(links[0])
    assert page.status_code == 200
    assert 'type="submit"' in page.text  # the confirm button, not "this link is broken"


def test_every_text_part_is_printed_and_attachments_are_named(terminal):
    message = EmailMultiAlternatives(
        "Héllo", "Plain text: " + "x" * 120, "from@example.org", ["to@example.org"]
    )
    message.attach_alternative("<p>HTML é</p>", "text/html")
    message.attach("poster.pdf", b"%PDF-1.4", "application/pdf")

    message.send()

    output = terminal.getvalue()
    assert "Subject: Héllo" in output
    assert "[text/plain]\nPlain text: " + "x" * 120 + "\n" in output
    assert "[text/html]\n<p>HTML é</p>" in output
    assert "[attachment: poster.pdf, application/pdf]" in output
    assert "%PDF" not in output
    assert output.endswith("-" * 79 + "\n")
