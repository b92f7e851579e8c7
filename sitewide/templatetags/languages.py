"""The language switcher's links, and what staff are told of a missing translation."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext

from sitewide.page_cache import has_session

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """[{code, name, url, current}] for every language of the site.

    Plain links, not a form: the language is in the address (i18n_patterns), so a link says it
    all, works without JavaScript, and leaves no CSRF token or cookie in the page (pages stay
    the same for every visitor and may be cached). Built from the path alone: a query string
    is never reflected into a page that is cached by path. Each leads to the same content (the
    same campaign, petition, update or event) in that language's interface.
    """
    request = context.get("request")
    path = request.path if request else "/"
    current = translation.get_language()
    urls = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
    return [
        {
            "code": code,
            "name": translation.get_language_info(code)["name_local"],
            "url": urls[code],
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def translation_notice(context, content):
    """For staff only: `content` has no translation into the page's language, and in which
    language visitors read it instead. Visitors never see it: only a request with a session
    can be staff's, and such a request never reads nor fills the page cache (page_cache)."""
    request = context.get("request")
    if request is None or not has_session(request) or not request.user.is_staff:
        return ""
    if content.is_translated:
        return ""
    message = gettext(
        "Only staff see this: there is no %(language)s translation yet. Visitors read this "
        "page's content in %(shown)s. Write the translation in the admin."
    ) % {
        "language": _language_name(translation.get_language()),
        "shown": _language_name(content.content_language),
    }
    return format_html('<p class="notice notice--staff">{}</p>', message)


def _language_name(code):
    return translation.get_language_info(code)["name_translated"]
