import pytest
from django.db import DatabaseError


@pytest.mark.django_db
def test_healthz_is_200_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_does_not_answer(client, monkeypatch):
    class BrokenCursor:
        def __enter__(self):
            raise DatabaseError("server closed the connection unexpectedly")

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr("sitewide.views.connection.cursor", BrokenCursor)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "down"


@pytest.mark.django_db
def test_healthz_answers_only_reads(client):
    assert client.post("/healthz").status_code == 405
