from petitions.checks import check_recaptcha_keys, check_shared_cache, check_site_url


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
    assert check_recaptcha_keys(None) == []


def test_deploy_check_fails_when_email_links_would_point_at_localhost(settings):
    settings.SITE_URL = "http://localhost:8000"
    assert [error.id for error in check_site_url(None)] == ["solidarity.E002"]
    settings.SITE_URL = "https://solidarity.example.org"
    assert check_site_url(None) == []
