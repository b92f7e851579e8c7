"""Absolute addresses for link previews, canonical links and share links."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language

register = template.Library()

MAX_PAGE_DIGITS = 9


@register.simple_tag(takes_context=True)
def absolute_url(context, path=None):
    """`path` (default: this page's) as a full address on this site."""
    request = context["request"]
    return request.build_absolute_uri(path or request.path)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's address without query strings, except the page number of a list."""
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    page = request.GET.get("page", "")
    # Plain ASCII digits only: str.isdigit() also accepts "²", which int() refuses, and int()
    # refuses more than 4,300 digits.
    if page.isascii() and page.isdigit() and len(page) <= MAX_PAGE_DIGITS and int(page) > 1:
        url += f"?page={int(page)}"
    return url


# og:locale of each language of the site.
OPEN_GRAPH_LOCALES = {
    "en": "en_GB",
    "fr": "fr_FR",
    "de": "de_DE",
    "es": "es_ES",
    "ru": "ru_RU",
    "uk": "uk_UA",
}


@register.simple_tag(takes_context=True)
def language_alternates(context, content=None):
    """(language code, address) of this page in each language it exists in: every language of
    the site, or only those `content` (a campaign, update, event, petition) is written in."""
    request = context["request"]
    here = request.build_absolute_uri(request.path)
    languages = [code for code, _name in settings.LANGUAGES]
    if content:
        languages = content.translated_languages()
    return [(code, translate_url(here, code)) for code in languages]


@register.simple_tag
def open_graph_locale():
    return OPEN_GRAPH_LOCALES.get(get_language(), "en_GB")


@register.simple_tag
def share_image(view_name, slug, version=""):
    """The address of a drawn share image (og:image) with its version, which changes whenever
    the image does: it may then be kept for good."""
    url = reverse(view_name, args=[slug])
    return f"{url}?v={version}" if version else url
