from petitions.checks import check_recaptcha_keys, check_shared_cache


def test_deploy_check_fails_on_an_unshared_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [error.id for error in check_shared_cache(None)] == ["solidarity.E001"]


def test_deploy_check_passes_with_redis(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379",
        }
    }
    assert check_shared_cache(None) == []


def test_deploy_check_warns_without_recaptcha_keys(settings):
    settings.RECAPTCHA_PUBLIC_KEY = ""
    assert [warning.id for warning in check_recaptcha_keys(None)] == ["solidarity.W001"]
    settings.RECAPTCHA_PUBLIC_KEY = settings.RECAPTCHA_PRIVATE_KEY = "key"
    assert check_recaptcha_keys(None) == []
