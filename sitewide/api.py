"""The read-only JSON API at /api/v1/: what both apps' api modules share.

Public data only, as the pages show it (each app's `api.py` says what of its content is given).
- The language of the texts is chosen with `?lang=` (default: the site's language), as the
  pages do: where a text is not translated, in its main language; each item says which. The
  API has one address per resource, so no language prefix.
- Lists come a page at a time (`?page=`, PAGE_SIZE items), with links to the next and previous.
- Errors are JSON too: {"error": {"code", "message"}}, 400 for a parameter's value, 404 for
  nothing published there. Their messages are for developers, in English.
- Answers are kept like the pages (sitewide.page_cache: a few seconds in the shared cache, until
  an organiser's edit; 10 seconds for a proxy in front).
- Every answer carries `Access-Control-Allow-Origin: *`: the data is public and read-only, no
  answer depends on a cookie or a session, so any site (a partner's page, a widget) may read it
  from the browser without exposing anything; with "*" browsers never send credentials.
sitewide/openapi.json describes it (OpenAPI 3.1); tests/sitewide/test_api.py validates every
answer against it.
"""

import json
import re
from functools import wraps
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation

from sitewide import page_cache

PAGE_SIZE = 20
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The query parameters any endpoint reads; the others are ignored (and cost no cache entry).
PARAMETERS = ("lang", "page", "status", "campaign", "when")
OPENAPI = (Path(__file__).resolve().parent / "openapi.json").read_text()


class ApiError(Exception):
    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def not_found(message="Nothing published here."):
    return ApiError(404, "not_found", message)


def bad_request(message):
    return ApiError(400, "bad_request", message)


def json_response(data, status=200):
    content = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder)
    return HttpResponse(content, content_type="application/json", status=status)


def error_response(error):
    return json_response({"error": {"code": error.code, "message": error.message}}, error.status)


def endpoint(view):
    """An API view: `view(request, ...)` returns JSON-ready data, or raises ApiError/Http404.
    GET and HEAD only, in the `?lang=` language, from the cache when it holds the answer."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        language = ""
        try:
            if request.method not in ("GET", "HEAD"):
                raise ApiError(405, "method_not_allowed", "The API only reads: GET or HEAD.")
            language = choice(request, "lang", LANGUAGES, settings.LANGUAGE_CODE)
            with translation.override(language):
                response = page_cache.cached_page(
                    request,
                    lambda: (json_response(view(request, *args, **kwargs)), None),
                    variant=f"api {_variant(request)}",
                )
            response = page_cache.public(response)
        except Http404:
            response = error_response(not_found())
        except ApiError as error:
            response = error_response(error)
            if error.status == 405:
                response["Allow"] = "GET, HEAD"
        if language:
            response["Content-Language"] = language
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapped


def _variant(request):
    return urlencode([(name, request.GET[name]) for name in PARAMETERS if name in request.GET])


def choice(request, name, allowed, default):
    """The query parameter `name`, which must be one of `allowed` (`default` when absent)."""
    value = request.GET.get(name, default)
    if value not in allowed:
        raise bad_request(f"{name} takes one of: {', '.join(allowed)}.")
    return value


def absolute(request, path):
    return request.build_absolute_uri(path)


def api_url(request, name, *args):
    return absolute(request, reverse(f"api:{name}", args=args))


def paginate(request, queryset, serialize):
    """A page of `queryset` (`?page=`), each item through `serialize(request, item)`."""
    raw = request.GET.get("page", "1")
    if not re.fullmatch(r"[0-9]{1,9}", raw) or int(raw) < 1:
        raise bad_request("page takes a whole number from 1.")
    number = int(raw)
    paginator = Paginator(queryset, PAGE_SIZE)
    if number > paginator.num_pages:
        raise not_found("There is no such page.")
    page = paginator.page(number)
    return {
        "count": paginator.count,
        "page": number,
        "pages": paginator.num_pages,
        "next": _page_url(request, number + 1) if page.has_next() else None,
        "previous": _page_url(request, number - 1) if page.has_previous() else None,
        "results": [serialize(request, item) for item in page.object_list],
    }


def _page_url(request, number):
    kept = [(name, request.GET[name]) for name in PARAMETERS if name in request.GET]
    query = urlencode(
        [(name, value) for name, value in kept if name != "page"] + [("page", number)]
    )
    return absolute(request, f"{request.path}?{query}")


def languages_of(content):
    """What an API item says of its language: the one its texts are in here, and all it has."""
    return {"language": content.content_language, "languages": content.translated_languages()}


@endpoint
def index(request):
    names = ["petitions", "campaigns", "updates", "events", "openapi"]
    return {name: api_url(request, name) for name in names}


def openapi(request):
    """sitewide/openapi.json, as it is."""
    response = HttpResponse(OPENAPI, content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    return page_cache.public(response)


def unknown(request, rest):
    response = error_response(not_found("There is no such API address."))
    response["Access-Control-Allow-Origin"] = "*"
    return response
