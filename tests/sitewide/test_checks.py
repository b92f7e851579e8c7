from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from petitions.spam import check_recaptcha_keys
from sitewide.checks import (
    check_organiser,
    check_shared_cache,
    check_site_url,
    check_trusted_proxies,
)


def test_deploy_check_fails_on_an_unshared_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [error.id for error in check_shared_cache(None)] == ["solidarity.E001"]


def test_deploy_check_passes_with_redis(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379",
        }
    }
    assert check_shared_cache(None) == []


def test_deploy_check_warns_without_recaptcha_keys(settings):
    settings.RECAPTCHA_PUBLIC_KEY = ""
    assert [warning.id for warning in check_recaptcha_keys(None)] == ["solidarity.W001"]
    settings.RECAPTCHA_PUBLIC_KEY = settings.RECAPTCHA_PRIVATE_KEY = "key"
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "smtp.example.org", "port": 587, "use_tls": True},
        }
    }
    assert check_recaptcha_keys(None) == []


def test_deploy_check_fails_when_email_links_would_point_at_localhost(settings):
    settings.SITE_URL = "http://localhost:8000"
    assert [error.id for error in check_site_url(None)] == ["solidarity.E002"]
    settings.SITE_URL = "https://solidarity.example.org"
    assert check_site_url(None) == []


def test_deploy_check_fails_on_a_visitor_ip_header_trusted_from_no_proxy(settings):
    settings.VISITOR_IP_HEADER = "HTTP_X_REAL_IP"
    settings.TRUSTED_PROXIES = []
    assert [error.id for error in check_trusted_proxies(None)] == ["solidarity.E003"]
    settings.TRUSTED_PROXIES = ["172.28.0.10/32"]
    assert check_trusted_proxies(None) == []
    settings.VISITOR_IP_HEADER = settings.TRUSTED_PROXIES = ""
    assert check_trusted_proxies(None) == []


def test_deploy_check_fails_on_a_trusted_proxy_that_is_no_address(settings):
    settings.VISITOR_IP_HEADER = "HTTP_X_REAL_IP"
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "proxy.internal", "10.0.0.1/8"]
    errors = check_trusted_proxies(None)
    assert [error.id for error in errors] == ["solidarity.E004", "solidarity.E004"]
    assert "proxy.internal" in errors[0].msg


def test_deploy_check_warns_while_the_organiser_is_a_development_placeholder(settings):
    settings.ORGANISER_NAME = settings.SITE_PLACEHOLDERS["ORGANISER_NAME"]
    settings.CONTACT_EMAIL = settings.SITE_PLACEHOLDERS["CONTACT_EMAIL"]
    warnings = check_organiser(None)
    assert [warning.id for warning in warnings] == ["solidarity.W002"] * 2
    assert "ORGANISER_NAME" in warnings[0].msg and "CONTACT_EMAIL" in warnings[1].msg
    settings.ORGANISER_NAME = "Friends of Jane Doe"
    settings.CONTACT_EMAIL = " "
    assert [warning.msg[:13] for warning in check_organiser(None)] == ["CONTACT_EMAIL"]
    settings.CONTACT_EMAIL = "privacy@friends-of-jane.example.org"
    assert check_organiser(None) == []


@pytest.fixture
def production_settings(settings):
    """The values .env.example gives a production deployment."""
    settings.DEBUG = False
    settings.SECRET_KEY = "a-long-random-production-secret-" + "k3y" * 20
    settings.ALLOWED_HOSTS = ["solidarity.example.org"]
    settings.SITE_URL = "https://solidarity.example.org"
    settings.ORGANISER_NAME = "Friends of Jane Doe"
    settings.CONTACT_EMAIL = "privacy@friends-of-jane.example.org"
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    settings.RECAPTCHA_PUBLIC_KEY = settings.RECAPTCHA_PRIVATE_KEY = "key"
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "smtp.example.org", "port": 587, "use_tls": True},
        }
    }
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
        }
    }
    return settings


def run_check_deploy():
    out, err = StringIO(), StringIO()
    call_command("check", deploy=True, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


@pytest.mark.django_db
def test_check_deploy_passes_with_production_settings(production_settings):
    assert "no issues" in run_check_deploy()


@pytest.mark.django_db
def test_check_deploy_fails_on_a_proxy_header_without_trusted_proxies(production_settings):
    production_settings.VISITOR_IP_HEADER = "HTTP_X_REAL_IP"
    with pytest.raises(SystemCheckError, match="solidarity.E003"):
        run_check_deploy()
    production_settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert "no issues" in run_check_deploy()


@pytest.mark.django_db
def test_check_deploy_fails_on_an_unshared_cache(production_settings):
    production_settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    with pytest.raises(SystemCheckError, match="solidarity.E001"):
        run_check_deploy()


def test_djangos_own_redis_cache_counts_as_shared(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379",
        }
    }
    assert check_shared_cache(None) == []


@pytest.mark.django_db
def test_check_deploy_warns_on_the_placeholder_organiser(production_settings):
    production_settings.ORGANISER_NAME = production_settings.SITE_PLACEHOLDERS["ORGANISER_NAME"]
    with pytest.raises(SystemCheckError, match="solidarity.W002"):
        call_command("check", deploy=True, fail_level="WARNING", stdout=StringIO())
