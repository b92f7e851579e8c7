"""Every public form has the petition form's layout: labels without colons, help texts and
errors that describe their field, a summary of the errors that takes focus, "Error:" first in
the page title, and "Choose your country" instead of Django's "---------"."""

import re

import pytest
from django.urls import reverse

from tests.factories import add_petition

pytestmark = pytest.mark.django_db


@pytest.fixture
def forms(event):
    """(address, data sent with errors, a field in error) of each public form."""
    petition = add_petition(event.campaign)
    event.campaign.accepts_messages = True
    event.campaign.save()
    slugs = [event.campaign.slug, event.slug]
    return [
        (petition.get_absolute_url(), {"first_name": "Ada", "email": "no"}, "email"),
        (
            reverse("campaigns:local_action_create", args=slugs),
            {"city": "Marseille", "submitter_email": "no"},
            "submitter_email",
        ),
        (reverse("campaigns:photo_create", args=slugs), {"city": "Marseille"}, "image"),
        (
            reverse("campaigns:message_create", args=slugs[:1]),
            {"name": "Camille", "message": "See example.com"},
            "message",
        ),
    ]


def title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S)[1].strip()


def test_a_form_sent_with_errors_names_them_first_in_a_focused_summary(client, forms):
    for url, data, field in forms:
        html = client.post(url, data).text
        assert title(html).startswith("Error: "), url
        summary = re.search(r'<div class="error-summary".*?</div>', html, re.S)[0]
        assert 'id="form-errors" tabindex="-1" autofocus' in summary
        assert "Please correct the fields marked below." in summary
        assert f'<a href="#id_{field}">' in summary, url
        assert f'id="id_{field}_error"' in html
        # The page opens at the summary even without JavaScript.
        assert re.search(r'<form [^>]*action="[^"]*#form-errors"', html), url


def test_the_same_forms_unsent_have_no_error_anywhere(client, forms):
    for url, _data, _field in forms:
        html = client.get(url).text
        assert not title(html).startswith("Error")
        assert "error-summary" not in html


def test_labels_have_no_colon_and_selects_a_real_first_option(client, forms):
    for url, data, _field in forms:
        for html in (client.get(url).text, client.post(url, data).text):
            assert "---------" not in html, url
            assert re.search(r'<option value=""( selected)?>Choose your country</option>', html)
            assert not re.search(r":</label>", html), url


def test_help_texts_describe_their_field(client, forms):
    url = forms[1][0]
    html = client.get(url).text
    assert 'aria-describedby="id_submitter_email_helptext"' in html
    assert '<div class="helptext" id="id_submitter_email_helptext">' in html


def test_in_french_the_summary_and_title_are_french(client, forms):
    url, data, _field = forms[1]
    html = client.post(f"/fr{url}", data).text
    assert "Veuillez corriger les champs signalés ci-dessous." in html
    assert re.search(r'<option value=""( selected)?>Choisissez votre pays</option>', html)
