"""The country field of the public forms, cheap to render and to check.

Its 250 options took most of a petition page's time through the template engine, once per
option per request. CountrySelect renders the same markup as Django's Select, but builds the
options' HTML once for each list of choices (the labels are in the active language, so once per
language) and keeps it in this process; on each render only the <select> tag is built and the
chosen option marked, so a form sent back with an error keeps the country chosen.
CountryChoiceField checks a submitted code by a lookup instead of walking the translated list.
"""

from functools import lru_cache

from django.forms.utils import flatatt
from django.utils.choices import BlankChoiceIterator
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField
from django_countries.widgets import LazySelect


@lru_cache(maxsize=16)
def options_html(choices):
    """The <option> elements for `choices`, a tuple of (value, label) strings."""
    return format_html_join("", '<option value="{}">{}</option>', choices)


class CountrySelect(LazySelect):
    def render(self, name, value, attrs=None, renderer=None):
        pairs = list(self.choices)
        if any(isinstance(label, (list, tuple)) for _value, label in pairs):
            return super().render(name, value, attrs, renderer)  # option groups: not cached
        choices = tuple((_text(value), str(label)) for value, label in pairs)
        options = options_html(choices)
        chosen = self.format_value(value)[0]
        if any(choice == chosen for choice, _label in choices):
            plain = format_html('<option value="{}">', chosen)
            marked = format_html('<option value="{}" selected>', chosen)
            options = mark_safe(options.replace(plain, marked, 1))  # noqa: S308 - our own markup
        tag_attrs = flatatt(self.build_attrs(self.attrs, attrs))
        return format_html('<select name="{}"{}>{}</select>', name, tag_attrs, options)


class CountryChoiceField(LazyTypedChoiceField):
    """django-countries' form field for a required country: a code is valid when it names a
    country (the empty choice is the "required" error's)."""

    def valid_value(self, value):
        return str(value) in countries


def countries_to_choose(blank_label):
    """Every country, after an empty first option that reads `blank_label` ("Choose your
    country") instead of Django's "---------"."""
    return BlankChoiceIterator(countries, [("", blank_label)])


def _text(value):
    return "" if value is None else str(value)
