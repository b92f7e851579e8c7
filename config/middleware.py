from django.db import OperationalError

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
