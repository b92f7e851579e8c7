"""The sign form: errors in the page with what was typed kept, and hostile input."""

import time

import pytest
from django.core import mail

from petitions.models import Signature
from petitions.spam import form_started_token
from tests.factories import form_data
from tests.petitions.helpers import link_from

pytestmark = pytest.mark.django_db


def test_field_errors_are_shown_next_to_the_fields_with_the_typed_values_kept(client, petition):
    data = form_data(petition, email="not-an-email", first_name="Zoë", last_name="")
    response = client.post(petition.get_absolute_url(), data)
    content = response.content.decode()
    assert response.status_code == 400
    assert '<div class="error-summary" id="form-errors" tabindex="-1" autofocus' in content
    assert 'value="Zoë"' in content
    assert 'value="not-an-email"' in content
    assert '<option value="GB" selected>United Kingdom</option>' in content
    assert 'aria-invalid="true" aria-describedby="id_email_error"' in content
    assert '<ul class="errorlist" id="id_email_error"><li>Enter a valid email address.' in content
    assert '<ul class="errorlist" id="id_last_name_error"><li>This field is required.' in content
    assert not Signature.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("email", ["x@mailinator.com", "x@eu.MAILINATOR.com"])
def test_disposable_addresses_are_refused_with_a_clear_message(client, petition, email):
    response = client.post(petition.get_absolute_url(), form_data(petition, email=email))
    assert response.status_code == 400
    assert "Addresses from temporary email services cannot confirm" in response.content.decode()
    assert not Signature.objects.exists()


HOSTILE = [
    {"first_name": "A" * 5000},
    {"last_name": "x" * 101},
    {"email": ("a" * 300) + "@example.org"},
    {"postal_code": "9" * 500},
    {"first_name": "<script>alert(1)</script>"},
    {"first_name": "Ada\x00\x07"},
    {"first_name": "\x00\x01"},
    {"email": "ada@example.org\r\nBcc: victim@example.org"},
    {"email": "@@"},
    {"email": "ada@localhost"},
    {"country": "XX"},
    {"country": "<b>"},
    {"first_name": "\u202egnp.exe"},
    {"started": "forged"},
    {"started": "from the future"},
]


@pytest.mark.parametrize(
    "name",
    [
        "Troll www.scam.example",
        "Troll scam.example",
        "Troll https://scam.example",
        "\uff53\uff43\uff41\uff4d\uff0e\uff43\uff4f\uff4d",  # fullwidth scam.com
        "scam\u3002com",
        "scam.\u0440\u0444",  # scam.рф
        "sc\u00adam.com",
        "<b>Ada</b>",
        "\uff1cb\uff1eAda",  # fullwidth angle brackets
        "ada@scam.example",
        "WWW scam",
    ],
)
def test_names_with_links_or_markup_in_any_spelling_are_refused(client, petition, name):
    response = client.post(petition.get_absolute_url(), form_data(petition, first_name=name))
    assert response.status_code == 400
    assert "without links or angle brackets" in response.text
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    "name", ["J. R. R.", "Jean-Pierre", "O'Brien", "Anne-Marie Dupont", "St. John", "Ma Ying-jeou"]
)
def test_ordinary_names_with_dots_and_dashes_are_accepted(client, petition, name):
    response = client.post(petition.get_absolute_url(), form_data(petition, first_name=name))
    assert response.status_code == 302


@pytest.mark.parametrize("overrides", HOSTILE)
def test_hostile_input_gets_errors_or_is_stored_safely_never_a_500(client, petition, overrides):
    if overrides.get("started") == "from the future":
        overrides = {"started": form_started_token(petition, at=time.time() + 3600)}
    response = client.post(petition.get_absolute_url(), form_data(petition, **overrides))
    assert response.status_code in {302, 400}
    for signature in Signature.objects.all():
        assert "<" not in signature.first_name
        assert "\x00" not in signature.first_name
        assert "\u202e" not in signature.first_name
        assert len(signature.first_name) <= 100


@pytest.mark.parametrize(
    ("first_name", "last_name"),
    [("مريم", "الأحمد"), ("אברהם", "כהן"), ("Zoë 🌻", "Ñúñez"), ("小明", "王")],
)
def test_right_to_left_text_and_emoji_are_stored_as_typed(client, petition, first_name, last_name):
    response = client.post(
        petition.get_absolute_url(), form_data(petition, first_name=first_name, last_name=last_name)
    )
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert (signature.first_name, signature.last_name) == (first_name, last_name)
    assert first_name in client.get(link_from(mail.outbox[0], "confirm")).text


def test_html_in_a_name_is_escaped_in_the_recent_signers_list(client, petition):
    Signature.objects.create(
        petition=petition, first_name="<i>Eve</i>", last_name="X", email="eve@example.org",
        country="FR", status=Signature.Status.CONFIRMED, show_publicly=True,
    )  # fmt: skip
    content = client.get(petition.get_absolute_url()).content.decode()
    assert "&lt;i&gt;Eve&lt;/i&gt;" in content
    assert "<i>Eve</i>" not in content
