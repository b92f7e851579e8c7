"""Fault tests: the shared cache (Redis) is down. Pages render, forms are accepted (rate
limits fail open: see RATELIMIT_FAIL_OPEN in config/settings.py), and the outage is logged
once, not on every request."""

import logging

import pytest
from django.core import mail
from django.urls import reverse

from campaigns.models import LocalAction
from config.logging_filters import OncePerInterval
from petitions.models import Signature
from tests.factories import add_petition, form_data, local_action_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def petition(campaign):
    return add_petition(campaign, "free-jane-doe", title="Free Jane Doe")


@pytest.fixture
def outage_log(monkeypatch, caplog):
    """The warnings logged from here on, with no earlier outage still muting the log."""
    for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
        for log_filter in getattr(logger, "filters", []):
            if isinstance(log_filter, OncePerInterval):
                monkeypatch.setattr(log_filter, "next_allowed", float("-inf"))
    caplog.clear()
    return caplog


def test_the_petition_page_and_its_count_render_while_the_cache_is_down(
    client, petition, unreachable_cache
):
    page = client.get(petition.get_absolute_url())
    assert page.status_code == 200
    assert "Free Jane Doe" in page.content.decode()

    count = client.get(reverse("petitions:count", args=[petition.slug]))
    assert count.status_code == 200
    assert count.json()["count"] == 0


def test_signing_works_while_the_cache_is_down_as_rate_limits_fail_open(
    client, petition, settings, unreachable_cache
):
    settings.PETITIONS_RATE_PER_PETITION = "1/h"
    for n in range(3):
        response = client.post(
            petition.get_absolute_url(), form_data(petition, email=f"s{n}@example.org")
        )
        assert response.status_code == 302
    assert Signature.objects.filter(status=Signature.Status.PENDING).count() == 3
    assert len(mail.outbox) == 3


def test_an_event_form_accepts_a_local_action_while_the_cache_is_down(
    client, event, unreachable_cache
):
    url = reverse("campaigns:local_action_create", args=[event.campaign.slug, event.slug])
    data = local_action_form(event)
    response = client.post(url, data)
    assert response.status_code == 302
    assert LocalAction.objects.get().city == "Marseille"


def test_a_hung_cache_is_given_up_on_and_signing_still_works(
    client, petition, settings, silent_server
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{silent_server}/11",
            # CACHE_SOCKET_TIMEOUT, shortened for the test; without it this test never ends.
            "OPTIONS": settings.CACHE_OUTAGE_OPTIONS
            | {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    assert client.get(petition.get_absolute_url()).status_code == 200
    assert client.post(petition.get_absolute_url(), form_data(petition)).status_code == 302
    assert Signature.objects.count() == 1


def test_a_cache_outage_is_logged_once_not_on_every_request(
    client, petition, unreachable_cache, outage_log
):
    for _ in range(5):
        assert client.get(petition.get_absolute_url()).status_code == 200
    assert client.post(petition.get_absolute_url(), form_data(petition)).status_code == 302

    [record] = [r for r in outage_log.records if r.levelno >= logging.WARNING]
    assert "Connection refused" in record.getMessage() + str(record.exc_info and record.exc_info[1])
