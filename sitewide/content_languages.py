"""What organisers write, in several languages: which language a visitor reads it in.

Each text registered for translation (each app's translation.py) has a column per language of the
site (django-modeltranslation: `title_en`, `title_fr`, ...). A campaign and a petition have a
main language; what belongs to them (timeline entries, updates, events, demands) has theirs.

An object exists in a language when its key text (a petition's title, a campaign's summary) is
written in it. A page shows it in the visitor's language when it exists in it, else in its main
language (else in the first language that has it), and every text of it is read in that shown
language, falling back to the main language for a text the translation left empty. Templates set
`lang` to `content_language` on the content, so that screen readers pronounce it right.

Reading the texts costs no query: the columns come with the row. The main language of an entry,
update, event or demand is its parent's, read only when the parent is loaded with it (as every
page loads it); otherwise the languages are tried in the site's order.
"""

from django.conf import settings
from django.utils import translation
from modeltranslation.fields import TranslationFieldDescriptor
from modeltranslation.thread_context import fallbacks_enabled
from modeltranslation.translator import TranslationOptions, translator
from modeltranslation.utils import build_localized_fieldname

SITE_LANGUAGES = [code for code, _name in settings.LANGUAGES]


class TranslatedContent:
    """For a model registered with `register`: which language its texts are shown in.

    `main_language()` returns the language the organisers write it in first (None: unknown);
    `translation_key` names the text whose presence makes a translation exist.
    """

    translation_key = "title"

    def main_language(self):
        return None

    def text_in(self, field, language):
        """What `field` holds in `language`, without any fallback ("" for nothing)."""
        return getattr(self, build_localized_fieldname(field, language), None) or ""

    def has_translation(self, language):
        return bool(self.text_in(self.translation_key, language).strip())

    def translated_languages(self):
        """The site's languages this exists in, in the site's order."""
        return [code for code in SITE_LANGUAGES if self.has_translation(code)]

    def _preference(self, language):
        """`language`, the main one, the site's default, then the others: each once."""
        order = [language, self.main_language(), settings.LANGUAGE_CODE, *SITE_LANGUAGES]
        return list(dict.fromkeys(code for code in order if code))

    @property
    def content_language(self):
        """The language this is shown in to a visitor of the active language."""
        preferred = self._preference(translation.get_language())
        return next((code for code in preferred if self.has_translation(code)), preferred[0])

    @property
    def is_translated(self):
        """Whether it exists in the active language (staff see a notice when it does not)."""
        return self.has_translation(translation.get_language())

    def languages_to_read(self):
        """The columns a text is read from, first to last."""
        return self._preference(self.content_language)


class ShownLanguageDescriptor(TranslationFieldDescriptor):
    """modeltranslation's descriptor for `obj.title`, with this site's fallback: the language
    the object is shown in, then its main language, then any (`TranslatedContent`)."""

    def __get__(self, instance, owner):
        # modeltranslation reads values() rows through stand-in objects: its own fallback there.
        if not isinstance(instance, TranslatedContent) or not fallbacks_enabled():
            return super().__get__(instance, owner)
        empty = self.field.get_default()
        for language in instance.languages_to_read():
            value = getattr(instance, build_localized_fieldname(self.field.name, language), None)
            if self.meaningful_value(value, empty):
                return value
        return empty


def register(model, fields):
    """Register `model`'s `fields` for translation, read with `ShownLanguageDescriptor`."""
    options = type(f"{model.__name__}TranslationOptions", (TranslationOptions,), {})
    options.fields = tuple(fields)
    translator.register(model, options)
    for name in fields:
        plain = model.__dict__[name]
        descriptor = ShownLanguageDescriptor(
            plain.field,
            fallback_languages=plain.fallback_languages,
            fallback_value=plain.fallback_value,
            fallback_undefined=plain.fallback_undefined,
        )
        setattr(model, name, descriptor)


def translated_fields(model):
    """The names of `model`'s texts registered for translation (empty if none)."""
    if model not in translator.get_registered_models():
        return ()
    return tuple(translator.get_options_for_model(model).fields)


def parent_language(instance, parent_field):
    """The main language of `instance`'s parent, when the parent is loaded; else None."""
    descriptor = getattr(type(instance), parent_field)
    if descriptor.is_cached(instance):
        parent = getattr(instance, parent_field)
        return parent.main_language() if parent is not None else None
    return None


def fill_in(instance, language, texts):
    """Write `texts` ({field: text}) into `instance`'s empty columns of `language`, and save it if
    any was empty: what is already written there (an organiser's edit) is never replaced."""
    missing = {
        build_localized_fieldname(field, language): text
        for field, text in texts.items()
        if text and not instance.text_in(field, language)
    }
    for column, text in missing.items():
        setattr(instance, column, text)
    if missing:
        instance.save()
