"""Fault tests: the database is unreachable, or accepts connections and never answers.

Each runs the site in a fresh process configured only through the environment, as production
is, pointed at a real socket on 127.0.0.1; the friendly 503 must come back within the connect
timeout (the subprocess's own timeout fails the test if the site hangs instead).
"""

import json
import os
import socket
import subprocess
import sys

import pytest
from django.db import OperationalError, connection, transaction

from tests.sitewide.test_settings import PROJECT_DIR

CONNECT_TIMEOUT = 2  # libpq's and psycopg's minimum

REQUEST_SCRIPT = """
import json, sys
import django
django.setup()
from django.test import Client, override_settings
client = Client(raise_request_exception=False)
answers = {}
# Static files without collectstatic's manifest, as in the rest of the suite.
plain_static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
with override_settings(STORAGES={"staticfiles": plain_static}):
    for path in sys.argv[1:]:
        response = client.get(path)
        answers[path] = {
            "status": response.status_code,
            "retry_after": response.get("Retry-After"),
            "body": response.content.decode(),
        }
print(json.dumps(answers))
"""


def get_with_database_at(port, *paths):
    """GET `paths` from the site whose DATABASE_URL points at 127.0.0.1:`port`."""
    environment = {k: v for k, v in os.environ.items() if k not in {"CACHE_URL", "DEBUG"}}
    environment.update(
        ENV_FILE=os.devnull,
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY="database-outage-test-" + "k" * 40,
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"postgres://solidarity@127.0.0.1:{port}/solidarity",
        DATABASE_CONNECT_TIMEOUT=str(CONNECT_TIMEOUT),
    )
    result = subprocess.run(
        [sys.executable, "-c", REQUEST_SCRIPT, *paths],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        # Far below psycopg's own default of 130 s: a site that waits for the database past
        # its connect timeout fails here.
        timeout=10 + len(paths) * CONNECT_TIMEOUT * 2,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def refusing_port():
    """A port where nothing listens: connections are refused at once."""
    with socket.socket() as bound_not_listening:
        bound_not_listening.bind(("127.0.0.1", 0))
        yield bound_not_listening.getsockname()[1]


def assert_friendly_503(answers):
    page = answers["/"]
    assert page["status"] == 503
    assert "Temporarily unavailable" in page["body"]
    assert page["retry_after"] == "30"
    health = answers["/healthz"]
    assert health["status"] == 503
    assert json.loads(health["body"])["database"] == "down"


def test_an_unreachable_database_gets_the_friendly_503(refusing_port):
    assert_friendly_503(get_with_database_at(refusing_port, "/", "/healthz"))


def test_a_database_that_never_answers_gets_the_friendly_503_within_the_connect_timeout(
    silent_server,
):
    assert_friendly_503(get_with_database_at(silent_server, "/", "/healthz"))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statement_timeout")
@pytest.mark.django_db
def test_a_statement_running_too_long_is_cancelled_and_taken_as_the_database_unavailable():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "10s"  # DATABASE_STATEMENT_TIMEOUT_MS's default
        # The same cancellation, sooner: an OperationalError, which visitors see as the 503.
        with pytest.raises(OperationalError, match="statement timeout"), transaction.atomic():
            cursor.execute("SET LOCAL statement_timeout = 50")
            cursor.execute("SELECT pg_sleep(5)")
