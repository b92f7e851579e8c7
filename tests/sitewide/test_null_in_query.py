"""A NUL in a query string is a bad request: PostgreSQL refuses NUL in text, a filter is no 500."""

from urllib.parse import urlencode

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


def filter_parameters(model_admin):
    """The query parameter of each list filter of `model_admin`."""
    for entry in model_admin.list_filter:
        if isinstance(entry, str):
            yield f"{entry}__exact"
        elif isinstance(entry, tuple):
            yield f"{entry[0]}__exact"
        else:
            yield entry.parameter_name


@pytest.mark.parametrize(
    "model_admin",
    admin.site._registry.values(),
    ids=lambda model_admin: model_admin.opts.label_lower,
)
def test_a_nul_in_any_admin_list_filter_or_search_is_a_bad_request(admin_client, model_admin):
    opts = model_admin.opts
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    answers = {
        parameter: admin_client.get(f"{url}?{urlencode({parameter: 'a\x00'})}")
        for parameter in ["q", *filter_parameters(model_admin)]
    }

    assert {parameter: answer.status_code for parameter, answer in answers.items()} == {
        parameter: 400 for parameter in answers
    }
    assert all("Bad request" in answer.text for answer in answers.values())


@pytest.mark.parametrize(
    "url",
    [
        "/admin/petitions/signature/?country__exact=%00",
        "/admin/petitions/signature/?created_at__gte=%00",
        "/admin/petitions/signature/?coun%00try__exact=FR",
        "/admin/autocomplete/?app_label=petitions&model_name=signature&field_name=petition&term=%00",
    ],
)
def test_a_nul_anywhere_in_an_admin_query_is_a_bad_request(admin_client, url):
    response = admin_client.get(url)

    assert response.status_code == 400
    assert "Bad request" in response.text


def test_a_nul_in_a_public_query_is_a_bad_request(client):
    response = client.get("/petitions/?page=%00")

    assert response.status_code == 400
    assert "Bad request" in response.text


def test_a_filter_without_nul_still_filters(admin_client):
    response = admin_client.get("/admin/petitions/signature/?country__exact=FR")

    assert response.status_code == 200
