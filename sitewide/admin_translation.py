"""The admin's forms for texts written in several languages (sitewide/content_languages.py).

Organisers write each text in every language side by side: a text's languages share one line of
the form (`by_language`), each box marked with its language (`lang`, for spelling checkers).
Built on django-modeltranslation's admin classes, not its tabbed variant, which loads jQuery UI
from another host. A text the model requires is required in the main language only: the
petition's or campaign's own, or the one of the campaign or petition it belongs to.
"""

from django import forms
from modeltranslation import admin as translation_admin
from modeltranslation.utils import build_localized_fieldname, get_translation_fields

from sitewide.content_languages import SITE_LANGUAGES, translated_fields

# Where a model's main language comes from, in its form's cleaned data: its own field, or the
# campaign's or petition's it belongs to.
MAIN_LANGUAGE_SOURCES = ("language", "campaign", "petition")


def by_language(name):
    """A form line with the text `name` in each language of the site."""
    return tuple(get_translation_fields(name))


def in_every_language(*names):
    """`names`, each replaced by its column in every language (for search_fields)."""
    return [column for name in names for column in get_translation_fields(name)]


def required_texts(model):
    """The model's translated texts that it requires (blank=False)."""
    return [name for name in translated_fields(model) if not model._meta.get_field(name).blank]


class MainLanguageForm(forms.ModelForm):
    """Requires the model's required texts in the main language, and only there."""

    def main_language(self):
        for source in MAIN_LANGUAGE_SOURCES:
            value = self.cleaned_data.get(source)
            if isinstance(value, str) and value in SITE_LANGUAGES:
                return value
            if hasattr(value, "main_language"):
                return value.main_language()
        main = getattr(self.instance, "main_language", None)
        return (main and main()) or SITE_LANGUAGES[0]

    def add_error(self, field, error):
        """The model's own checks name a text (`portrait_alt`): the error goes to its box in
        the main language."""
        if isinstance(error, dict) or hasattr(error, "error_dict"):
            errors = error if isinstance(error, dict) else error.error_dict
            for name, messages in errors.items():
                self.add_error(name, messages)
            return
        if field in translated_fields(self._meta.model) and field not in self.fields:
            field = build_localized_fieldname(field, self.main_language())
        super().add_error(field, error)

    def clean(self):
        cleaned_data = super().clean()
        language = self.main_language()
        for name in required_texts(self._meta.model):
            column = build_localized_fieldname(name, language)
            if column in self.fields and not cleaned_data.get(column) and column not in self.errors:
                required = self.fields[column].error_messages["required"]
                self.add_error(column, forms.ValidationError(required, code="required"))
        return cleaned_data


class TranslatedTextsMixin:
    """For modeltranslation's admin classes: every language optional in the form (the form's
    clean requires the main one), the help text once, each box marked with its language."""

    form = MainLanguageForm

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is None or language is None:
            return field
        field.required = False
        field.widget.attrs["lang"] = language
        if language != SITE_LANGUAGES[0]:
            field.help_text = ""
        return field


class TranslatedAdmin(TranslatedTextsMixin, translation_admin.TranslationAdmin):
    pass


class TranslatedStackedInline(TranslatedTextsMixin, translation_admin.TranslationStackedInline):
    pass


class TranslatedTabularInline(TranslatedTextsMixin, translation_admin.TranslationTabularInline):
    pass
