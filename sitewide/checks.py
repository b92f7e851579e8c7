"""Deploy checks for the whole site (`manage.py check --deploy`); petitions add their own in
petitions/spam.py (reCAPTCHA keys)."""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

# Caches that every gunicorn worker and host share, with atomic increments: the ones
# django-ratelimit supports. Anything else lets a sender multiply their rate limit.
SHARED_CACHE_BACKENDS = {
    "django_redis.cache.RedisCache",
    "django.core.cache.backends.redis.RedisCache",
    "django.core.cache.backends.memcached.PyMemcacheCache",
    "django.core.cache.backends.memcached.PyLibMCCache",
}


@checks.register(checks.Tags.security, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in SHARED_CACHE_BACKENDS:
        return []
    return [
        checks.Error(
            f"The default cache ({backend}) is not shared between processes, so rate limits "
            "do not hold.",
            hint="Point CACHE_URL at Redis, for example redis://127.0.0.1:6379/0.",
            id="solidarity.E001",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def check_site_url(app_configs, **kwargs):
    """Emails are sent outside any request: their links are built from SITE_URL."""
    host = urlsplit(settings.SITE_URL).hostname or ""
    if host and host not in {"localhost", "127.0.0.1", "::1"}:
        return []
    return [
        checks.Error(
            f"SITE_URL is {settings.SITE_URL!r}: confirmation links in emails would not work.",
            hint="Set SITE_URL to the site's public address, for example https://example.org.",
            id="solidarity.E002",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def check_trusted_proxies(app_configs, **kwargs):
    """VISITOR_IP_HEADER and SECURE_PROXY_SSL_HEADER are believed only from TRUSTED_PROXIES
    (sitewide.client_ip, config.middleware)."""
    errors = []
    if settings.VISITOR_IP_HEADER and not settings.TRUSTED_PROXIES:
        errors.append(
            checks.Error(
                f"VISITOR_IP_HEADER is {settings.VISITOR_IP_HEADER!r} but TRUSTED_PROXIES is "
                "empty: the header is ignored, and every visitor shares the proxy's rate limits.",
                hint="Set TRUSTED_PROXIES to the address or network of the proxy in front, for "
                "example 172.28.0.10 or 10.0.0.0/8.",
                id="solidarity.E003",
            )
        )
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and not settings.TRUSTED_PROXIES:
        errors.append(
            checks.Error(
                "SECURE_PROXY_SSL_HEADER is set but TRUSTED_PROXIES is empty: the proxy's "
                "protocol header is ignored, and every request counts as plain HTTP.",
                hint="Set TRUSTED_PROXIES to the address or network of the proxy in front.",
                id="solidarity.E005",
            )
        )
    for entry in settings.TRUSTED_PROXIES:
        try:
            ipaddress.ip_network(entry.strip())
        except ValueError:
            errors.append(
                checks.Error(
                    f"TRUSTED_PROXIES holds {entry!r}, which is not an address or a network: "
                    "it trusts nothing.",
                    hint="Write addresses (172.28.0.10) or networks with no host bits set "
                    "(10.0.0.0/8).",
                    id="solidarity.E004",
                )
            )
    return errors


ORGANISER_HINTS = {
    "ORGANISER_NAME": "Set ORGANISER_NAME to the name of the organisation that runs this site.",
    "CONTACT_EMAIL": "Set CONTACT_EMAIL to its address for questions about data and access.",
}


@checks.register(checks.Tags.security, deploy=True)
def check_organiser(app_configs, **kwargs):
    """The footer, the emails and the privacy notice (as the data controller) name the
    organisation that runs the site; until it is set they show development placeholders."""
    return [
        checks.Warning(
            f"{name} is {getattr(settings, name)!r}, a development placeholder: the privacy "
            "notice would name no real organisation and contact.",
            hint=ORGANISER_HINTS[name],
            id="solidarity.W002",
        )
        for name, placeholder in settings.SITE_PLACEHOLDERS.items()
        if getattr(settings, name).strip() in {"", placeholder}
    ]
