"""Organisers write long texts in Markdown; `{{ text|markdown }}` renders them safely.

Markdown output goes through nh3 (the Rust HTML sanitiser) with a small allow-list, so an
organiser's mistake or a compromised admin account can never put script into a public page.
"""

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "i", "li",
    "ol", "p", "pre", "strong", "sub", "sup", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}


def render_markdown(text):
    """Markdown to sanitised HTML: only the allowed tags, safe link schemes, rel=noopener."""
    html = markdown_lib.markdown(text or "", extensions=["sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


@register.filter(name="markdown")
def markdown_filter(text):
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitised by nh3 just above
