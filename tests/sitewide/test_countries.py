"""The country <select>, rendered once per language (sitewide/countries.py)."""

import re

import pytest
from django import forms
from django.utils import translation
from django_countries.fields import CountryField

from sitewide import countries

ATTRS = {"id": "id_country", "required": True, "autocomplete": "country"}


def country_field(widget=None):
    extra = {"widget": widget} if widget else {}
    return CountryField(blank_label="Choose your country").formfield(label="Country", **extra)


def options(html):
    return re.findall(r"<option[^>]*>[^<]*</option>", html)


@pytest.mark.parametrize("value", [None, "", "FR", "CI", "XX", "fr"])
def test_it_renders_the_options_djangos_select_renders(value):
    django_select = str(country_field().widget.render("country", value, ATTRS))
    ours = str(country_field(countries.CountrySelect).widget.render("country", value, ATTRS))

    assert options(ours) == options(django_select)
    assert len(options(ours)) == 250
    assert re.match(r'<select name="country"( [a-z]+(="[^"]*")?){3}>', ours)
    assert sorted(re.findall(r' ([a-z]+)(?:="([^"]*)")?', ours.split(">")[0])) == sorted(
        re.findall(r' ([a-z]+)(?:="([^"]*)")?', django_select.split(">")[0])
    )


def test_the_chosen_country_is_the_one_selected():
    html = str(country_field(countries.CountrySelect).widget.render("country", "FR", ATTRS))
    selected = re.findall(r"<option[^>]* selected>[^<]*", html)
    assert selected == ['<option value="FR" selected>France']


def test_the_options_are_built_once_per_language():
    widget = country_field(countries.CountrySelect).widget
    countries.options_html.cache_clear()
    for value in ["FR", "DE", None]:
        widget.render("country", value, ATTRS)
    with translation.override("fr"):
        french = str(widget.render("country", "DE", ATTRS))
        widget.render("country", "FR", ATTRS)

    assert countries.options_html.cache_info().misses == 2
    assert '<option value="DE" selected>Allemagne</option>' in french


def test_an_invalid_choice_comes_back_with_its_error_and_nothing_selected():
    class Form(forms.Form):
        country = country_field(countries.CountrySelect)

    form = Form({"country": "ZZ"})
    assert not form.is_valid()
    html = str(form["country"])
    assert 'aria-invalid="true"' in html
    assert " selected" not in html
