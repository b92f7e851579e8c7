"""The interface catalogues, locale/<language>/LC_MESSAGES/django.po.

Every language of the site but the source language has a catalogue that holds exactly the strings
of the source (as `make makemessages` extracts them), each one translated, none fuzzy, with the
placeholders, tags and plural forms the code fills in. When a test here fails after new strings
were added: run `make makemessages`, translate the entries it names, and run it again.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django_countries import countries

LOCALE = Path(settings.LOCALE_PATHS[0])
TRANSLATED_LANGUAGES = [
    code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
]
# gettext's number of plural forms, where a language has other than two.
PLURAL_FORMS = {"ru": 3, "uk": 3}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|%%|\{\w*\}")
# A tag starts with a name, "/" or "!": "the signs < or >" in a sentence is none.
TAG = re.compile(r"<[A-Za-z/!][^>]*>")
NOT_PROSE = re.compile(r"<code>.*?</code>|&#?\w+;")


def catalogue_path(language):
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def catalogue(language):
    return polib.pofile(str(catalogue_path(language)))


def name(entry):
    return f"{entry.msgctxt} | {entry.msgid!r}" if entry.msgctxt else repr(entry.msgid)


def translations(entry):
    """(which, text) for each translation of an entry: msgstr, or msgstr[0], msgstr[1]…"""
    if entry.msgid_plural:
        return [(f"msgstr[{i}]", text) for i, text in sorted(entry.msgstr_plural.items())]
    return [("msgstr", entry.msgstr)]


def test_the_site_has_languages_to_translate_into():
    assert TRANSLATED_LANGUAGES
    assert settings.LANGUAGE_CODE in dict(settings.LANGUAGES)


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_each_language_has_a_catalogue_that_says_which_language_it_is(language):
    assert catalogue_path(language).is_file(), f"run make makemessages for {language}"
    metadata = catalogue(language).metadata
    assert metadata["Language"] == language
    assert metadata["Content-Type"] == "text/plain; charset=UTF-8"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(language):
    entries = [entry for entry in catalogue(language) if not entry.obsolete]

    untranslated = [name(entry) for entry in entries if not entry.fuzzy and not entry.translated()]
    fuzzy = [name(entry) for entry in entries if entry.fuzzy]

    assert untranslated == [], f"{len(untranslated)} untranslated in {language}"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy in {language}: check and unmark them"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_no_obsolete_entry_is_kept(language):
    obsolete = [name(entry) for entry in catalogue(language).obsolete_entries()]
    assert obsolete == [], "the source no longer has these: make makemessages drops them"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_plural_entries_have_every_form_of_the_language(language):
    po = catalogue(language)
    wanted = PLURAL_FORMS.get(language, 2)
    assert re.match(rf"nplurals={wanted};", po.metadata["Plural-Forms"])

    wrong = [
        name(entry)
        for entry in po
        if entry.msgid_plural
        and (
            sorted(entry.msgstr_plural) != list(range(wanted))
            or not all(entry.msgstr_plural.values())
        )
    ]
    assert wrong == [], f"{language} needs {wanted} filled forms in these"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_translations_keep_the_placeholders_and_tags_of_the_source(language):
    problems = []
    for entry in catalogue(language):
        sources = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        placeholders = {found for text in sources for found in PLACEHOLDER.findall(text)}
        tags = sorted(TAG.findall(entry.msgid))
        for which, text in translations(entry):
            if text and set(PLACEHOLDER.findall(text)) != placeholders:
                problems.append(f"{name(entry)} {which}: {sorted(PLACEHOLDER.findall(text))}")
            if text and sorted(TAG.findall(text)) != tags:
                problems.append(f"{name(entry)} {which}: tags {sorted(TAG.findall(text))}")
    assert problems == []


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_gettext_compiles_each_catalogue_with_its_format_checks(language):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "gettext's msgfmt is needed: apt-get install gettext"
    result = subprocess.run(
        [msgfmt, "--check-format", "-o", os.devnull, str(catalogue_path(language))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_french_punctuation_has_its_no_break_spaces():
    """U+00A0 before ":" and inside « », U+202F before "!", "?" and ";"; not in code (an HTTP
    header is "Name: value" in every language) nor in an entity's closing ";"."""
    if "fr" not in TRANSLATED_LANGUAGES:
        pytest.skip("the site has no French")
    wrong = re.compile(
        r"[ \u202f]:|[ \u00a0][!?;]|« |«\u202f| »|\u202f»"  # the wrong space
        r"|(?<=[^\s\u00a0\u202f])[:!?;](?=[\s»<]|$)"  # no space where punctuation ends a word
        r"|«(?=[^\s\u00a0])|(?<=[^\s\u00a0])»"
    )
    problems = [
        f"{name(entry)} {which}: {text!r}"
        for entry in catalogue("fr")
        for which, text in translations(entry)
        if wrong.search(NOT_PROSE.sub("", text))
    ]
    assert problems == []


def test_the_catalogues_hold_every_string_of_the_source_and_no_other(
    settings, tmp_path, monkeypatch
):
    """What `make makemessages` would extract now (with the Makefile's --ignore), from a copy of
    the source: Django's extraction writes beside the templates it reads."""
    source = tmp_path / "source"
    shutil.copytree(
        settings.BASE_DIR,
        source,
        ignore=shutil.ignore_patterns(
            ".*", "tests", "staticfiles", "locale", "media", "__pycache__", "*.sqlite3", "*.mo"
        ),
    )
    extracted = tmp_path / "extracted"
    extracted.mkdir()
    settings.LOCALE_PATHS = [str(extracted)]
    monkeypatch.chdir(source)
    call_command("makemessages", locale=[settings.LANGUAGE_CODE], keep_pot=True, verbosity=0)

    def messages(po):
        return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in po}

    wanted = messages(polib.pofile(str(extracted / "django.pot")))
    assert len(wanted) > 100
    for language in TRANSLATED_LANGUAGES:
        held = messages(entry for entry in catalogue(language) if not entry.obsolete)
        assert sorted(wanted - held, key=str) == [], f"not extracted for {language} yet"
        assert sorted(held - wanted, key=str) == [], f"no longer in the source ({language})"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_django_and_django_countries_speak_each_language(language):
    """Form errors, the admin and country names come translated with the libraries."""
    english = [
        translation.gettext("This field is required."),
        translation.gettext("Log in"),
        str(countries.name("DE")),
    ]
    with translation.override(language):
        translated = [
            translation.gettext("This field is required."),
            translation.gettext("Log in"),
            str(countries.name("DE")),
        ]
    assert all(mine != theirs for mine, theirs in zip(translated, english, strict=True))
