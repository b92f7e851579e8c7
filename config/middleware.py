from django.conf import settings
from django.db import OperationalError
from django.urls import reverse
from django.utils import translation

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
