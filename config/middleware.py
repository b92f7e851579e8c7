from django.db import OperationalError

from sitewide.views import service_unavailable


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
