import pytest
from django.db import DatabaseError


@pytest.mark.django_db
def test_healthz_is_200_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up", "cache": "up"}
    assert "no-cache" in response["Cache-Control"]


@pytest.fixture
def broken_database(monkeypatch):
    class BrokenCursor:
        def __enter__(self):
            raise DatabaseError("server closed the connection unexpectedly")

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr("sitewide.views.connection.cursor", BrokenCursor)


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_does_not_answer(client, broken_database):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down", "cache": "up"}


@pytest.mark.django_db
def test_healthz_says_degraded_but_stays_200_when_only_the_cache_is_down(client, unreachable_cache):
    # The site still serves pages and takes signatures: a load balancer must keep sending
    # visitors and Docker must not restart the web container for it. Monitoring alerts on it.
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "up", "cache": "down"}


@pytest.mark.django_db
def test_healthz_is_503_when_both_are_down(client, broken_database, unreachable_cache):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down", "cache": "down"}


@pytest.mark.django_db
def test_healthz_answers_only_reads(client):
    assert client.post("/healthz").status_code == 405
