"""What the organiser sets for the widget: the partner sites allowed to frame it (https
origins only), the page signers return to, and the snippets to copy from the admin."""

import html

import pytest
from django.core.exceptions import ValidationError

from petitions.models import Petition

pytestmark = pytest.mark.django_db


def errors_of(petition, **fields):
    for name, value in fields.items():
        setattr(petition, name, value)
    with pytest.raises(ValidationError) as refused:
        petition.full_clean()
    return refused.value.message_dict


@pytest.mark.parametrize(
    "origin",
    [
        "http://partner.example",  # not encrypted
        "partner.example",
        "https://partner.example/a-page",
        "https://partner.example/?q=1",
        "https://*.partner.example",
        "https://partner.example 'unsafe-inline'",
        "https://partner.example; script-src *",
        "https://ada@partner.example",
        "javascript:alert(1)",
        "https://",
        "ftp://partner.example",
        "https://partner.example:99999",
        "http://localhost:8000",  # only while developing
    ],
)
def test_an_origin_that_is_not_a_plain_https_origin_is_refused(petition, origin):
    errors = errors_of(petition, partner_origins=f"https://fine.example\n{origin}")
    assert "partner_origins" in errors
    assert "Line 2 is not the address of a site" in errors["partner_origins"][0]


def test_origins_are_kept_one_a_line_in_their_plain_form(petition):
    petition.partner_origins = " HTTPS://Partner.Example/ \r\n\r\nhttps://friends.example:8443\n"
    petition.full_clean()
    assert petition.partner_origins == "https://partner.example\nhttps://friends.example:8443"
    assert petition.partner_origin_list == [
        "https://partner.example",
        "https://friends.example:8443",
    ]


def test_an_international_domain_is_kept_as_the_browser_sends_it(petition):
    petition.partner_origins = "https://солидарность.example"
    petition.full_clean()
    assert petition.partner_origins == "https://xn--80ahllnbfodil4j.example"


def test_localhost_over_http_is_allowed_while_developing(petition, settings):
    settings.DEBUG = True
    petition.partner_origins = "http://localhost:8000\nhttp://127.0.0.1:8109"
    petition.full_clean()
    assert petition.partner_origin_list == ["http://localhost:8000", "http://127.0.0.1:8109"]


def test_the_return_page_must_be_on_a_listed_partner_site(petition):
    errors = errors_of(
        petition,
        partner_origins="https://partner.example",
        partner_return_url="https://elsewhere.example/jane",
    )
    assert "partner_return_url" in errors
    errors = errors_of(petition, partner_origins="", partner_return_url="https://partner.example/")
    assert "partner_return_url" in errors
    petition.partner_origins = "https://partner.example"
    petition.partner_return_url = "https://partner.example/campaigns/jane?from=petition"
    petition.full_clean()


def test_the_admin_shows_both_snippets_in_each_language_of_the_petition(
    admin_client, petition, settings
):
    petition.title_fr = "Libérez Jane Doe"
    petition.partner_origins = "https://partner.example"
    petition.save()
    page = admin_client.get(f"/admin/petitions/petition/{petition.pk}/change/")
    content = html.unescape(page.content.decode())
    assert 'name="partner_origins"' in content
    assert 'name="partner_return_url"' in content
    for prefix in ["", "/fr"]:
        for path in ["embed/", "embed/counter/"]:
            src = f"{settings.SITE_URL}{prefix}/petitions/free-jane-doe/{path}"
            assert f'<iframe src="{src}"' in content
    assert 'title="Free Jane Doe"' in content and 'title="Libérez Jane Doe"' in content
    assert 'width="100%"' in content and 'loading="lazy"' in content
    # Not in a language the petition is not written in.
    assert "/de/petitions/free-jane-doe/embed/" not in content


def test_the_admin_says_the_snippets_need_a_partner_site_first(admin_client, petition):
    page = admin_client.get(f"/admin/petitions/petition/{petition.pk}/change/")
    assert "List a partner site above" in page.content.decode()
    assert Petition.objects.get().partner_origins == ""
