import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    environment["ENV_FILE"] = os.devnull  # a developer's own .env must not answer for them
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_site_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = run_manage("check")

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_development_mode_starts_without_a_secret_key():
    result = run_manage("check", DEBUG="true")

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("email_url", "expected_backend", "expected_options"),
    [
        ("consolemail://", "sitewide.console_mail.EmailBackend", {}),
        (
            "smtp+tls://mailer:pa55@mail.example.org:587",
            "django.core.mail.backends.smtp.EmailBackend",
            {"host": "mail.example.org", "port": 587, "username": "mailer", "use_tls": True},
        ),
    ],
)
def test_email_url_configures_the_default_mailer(email_url, expected_backend, expected_options):
    script = (
        "from django.conf import settings; import json; "
        "print(json.dumps(settings.MAILERS['default'], default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=PROJECT_DIR,
        env={**os.environ, "EMAIL_URL": email_url, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    mailer = json.loads(result.stdout)
    assert mailer["BACKEND"] == expected_backend
    assert expected_options.items() <= mailer["OPTIONS"].items()


def settings_value(name, **env):
    """A setting as the site computes it from `env` (in a fresh process)."""
    environment = {k: v for k, v in os.environ.items() if k not in {"CACHE_URL", "DATABASE_URL"}}
    environment.update(ENV_FILE=os.devnull, DJANGO_SETTINGS_MODULE="config.settings", **env)
    script = f"from django.conf import settings; import json; print(json.dumps(settings.{name}))"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_redis_cache_answers_a_miss_rather_than_an_error_when_redis_is_down():
    cache = settings_value(
        "CACHES['default']", CACHE_URL="redis://cache:6379/0", CACHE_SOCKET_TIMEOUT="0.5"
    )
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["OPTIONS"] == {
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": 0.5,
        "SOCKET_TIMEOUT": 0.5,
    }
    assert settings_value("RATELIMIT_FAIL_OPEN") is True


def test_cache_options_in_the_cache_url_win():
    cache = settings_value("CACHES['default']", CACHE_URL="redis://cache:6379/0?socket_timeout=3")
    assert cache["OPTIONS"]["SOCKET_TIMEOUT"] == 3
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True


def test_postgresql_connections_time_out_instead_of_hanging():
    url = "postgres://solidarity@db:5432/solidarity"
    database = settings_value("DATABASES['default']", DATABASE_URL=url)
    assert database["OPTIONS"] == {"connect_timeout": 3, "options": "-c statement_timeout=10000"}

    database = settings_value(
        "DATABASES['default']",
        DATABASE_URL=url,
        DATABASE_CONNECT_TIMEOUT="5",
        DATABASE_STATEMENT_TIMEOUT_MS="0",
    )
    assert database["OPTIONS"] == {"connect_timeout": 5}


def test_sqlite_gets_no_postgresql_options():
    database = settings_value("DATABASES['default']", DATABASE_URL="sqlite:////tmp/x.sqlite3")
    assert "connect_timeout" not in database.get("OPTIONS", {})


def test_env_example_documents_every_variable_the_settings_read():
    settings_source = (PROJECT_DIR / "config" / "settings.py").read_text()
    read = set(re.findall(r"env(?:\.\w+)?\(\s*\"([A-Z_]+)\"", settings_source))
    example = (PROJECT_DIR / ".env.example").read_text().splitlines()
    variable = re.compile(r"^([A-Z_]+)=")

    documented = set()
    explained = None  # whether the group of variables being read follows a comment line
    for line in example:
        if line.startswith("#"):
            explained = True
        elif match := variable.match(line):
            assert explained, f"{match[1]} has no comment line above it"
            documented.add(match[1])
        else:
            explained = False

    assert len(read) > 20, "env(...) calls not found in settings.py"
    assert read - documented == set()


def test_emails_link_to_the_address_make_run_serves_the_site_on():
    """One address everywhere: the links in development emails open the site with its cookies."""
    site_url = settings_value("SITE_URL", DEBUG="true")
    makefile = (PROJECT_DIR / "Makefile").read_text()
    address = re.search(r"manage\.py runserver (\S+)", makefile)[1]
    assert site_url == f"http://{address}"
    assert address == "127.0.0.1:8000"


def test_the_organiser_and_contact_default_to_placeholders_the_deploy_check_knows():
    placeholders = settings_value("SITE_PLACEHOLDERS", DEBUG="true")
    assert placeholders == {
        "ORGANISER_NAME": "Example Organisation",
        "CONTACT_EMAIL": "contact@example.org",
    }
    assert settings_value("ORGANISER_NAME", DEBUG="true") == "Example Organisation"
    assert settings_value("CONTACT_EMAIL", DEBUG="true") == "contact@example.org"
