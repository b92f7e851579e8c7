import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import checks
from django.test import override_settings

PROJECT_DIR = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
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


def deploy_messages():
    return {
        message.id
        for message in checks.run_checks(
            tags=[checks.Tags.security], include_deployment_checks=True
        )
    }


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}})
def test_deploy_check_fails_when_the_cache_is_not_shared():
    assert "solidarity.E001" in deploy_messages()


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
        }
    }
)
def test_deploy_check_accepts_redis_as_a_shared_cache():
    assert "solidarity.E001" not in deploy_messages()


@override_settings(RECAPTCHA_PUBLIC_KEY="", RECAPTCHA_PRIVATE_KEY="")
def test_deploy_check_warns_when_recaptcha_keys_are_missing():
    assert "solidarity.W001" in deploy_messages()


@pytest.mark.parametrize(
    ("email_url", "expected_backend", "expected_options"),
    [
        ("consolemail://", "django.core.mail.backends.console.EmailBackend", {}),
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
