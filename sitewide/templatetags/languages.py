"""The language switcher's links: this page in each of the site's languages."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """[{code, name, url, current}] for every language of the site.

    Plain links, not a form: the language is in the address (i18n_patterns), so a link says it
    all, works without JavaScript, and leaves no CSRF token or cookie in the page (pages stay
    the same for every visitor and may be cached). Built from the path alone: a query string
    is never reflected into a page that is cached by path.
    """
    request = context.get("request")
    path = request.path if request else "/"
    current = translation.get_language()
    # The address resolves in the language the request came in, whatever the page renders in
    # (a petition renders in its own language).
    with translation.override(getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)):
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
