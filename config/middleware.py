from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.db import OperationalError
from django.middleware import locale
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control

from sitewide.client_ip import is_trusted_proxy
from sitewide.views import bad_request, service_unavailable


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection into a friendly 503 page instead of a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError):
            return service_unavailable(request)
        return None


class NulInQueryMiddleware:
    """Answer a query string holding a NUL with the 400 page.

    No browser sends one, and PostgreSQL refuses NUL in text: an admin list filter, search or
    autocomplete given one failed in the database with a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in text for key, values in request.GET.lists() for text in [key, *values]):
            return bad_request(request)
        return self.get_response(request)


class TrustedProxyHeaderMiddleware:
    """Drop the proxy's protocol header (SECURE_PROXY_SSL_HEADER) from peers that are not
    TRUSTED_PROXIES: anyone reaching the app server directly could otherwise claim HTTPS and
    skip the redirect to it. Runs before SecurityMiddleware, which reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        if header and not is_trusted_proxy(request.META.get("REMOTE_ADDR", "")):
            request.META.pop(header[0], None)
        return self.get_response(request)


class AdminLanguageMiddleware:
    """Speak to organisers in the language they chose (the admin's switch) or their browser's.

    The admin's address has no language prefix, and for such addresses LocaleMiddleware falls
    back to English, as the public English pages live there; the admin has one address in
    every language instead. Listed after LocaleMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(reverse("admin:index")):
            language = translation.get_language_from_request(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's LocaleMiddleware, without "Vary: Accept-Language" where the address alone sets
    the language.

    With i18n_patterns(prefix_default_language=False), as config/urls.py has it, an address
    without a language prefix is always in LANGUAGE_CODE, whatever the browser asks for: the
    header claimed that pages vary with something they never vary with, and a proxy in front
    would keep a copy of every page for each Accept-Language that browsers send.
    """

    def process_response(self, request, response):
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
        if i18n_patterns_used and not prefixed_default_language:
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class SharedCacheGuardMiddleware:
    """A page marked public (a proxy may keep it and hand it to anyone: sitewide.page_cache) that
    sets a cookie or varies with the visitor's cookies is per visitor after all (a CSRF token, a
    session): it is made private, so that no proxy ever hands one visitor's page to another.
    Above the session and CSRF middleware, so it sees what they add."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        varies_with_cookies = "cookie" in response.get("Vary", "").lower()
        if "public" in response.get("Cache-Control", "") and (
            response.cookies or varies_with_cookies
        ):
            del response["Cache-Control"]
            patch_cache_control(response, private=True)
        return response
