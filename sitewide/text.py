"""Text the public types: the one cleaning every public form applies before anything is stored.

Supporters' names, cities, captions and descriptions are read by organisers in the admin and by
everyone on the site. Some code points have no business there: they are invisible, reorder the
text around them, or are no characters at all:

- control characters (Cc), C0 and C1: NUL, BEL, ESC, U+0085...;
- format characters (Cf): the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
  U+2066–U+2069), zero-width spaces, the byte-order mark, soft hyphens, the tag characters
  (U+E0000–U+E007F), which can smuggle whole invisible sentences;
- private-use code points (Co), surrogates (Cs), noncharacters and unassigned code points (Cn,
  such as U+FDD0 and U+FFFE).

What stays: every script, right-to-left text, combining marks, emoji and their sequences, and the
format characters that writing needs: the zero-width joiner and non-joiner (Persian and Indic
spelling, emoji ZWJ sequences) and the left-to-right, right-to-left and Arabic letter marks,
which only mark a direction and never override one. Tag characters stay in the one place they
are for, a subdivision flag (U+1F3F4, tag letters naming the region, CANCEL TAG: Scotland's
flag). Unassigned code points in the emoji blocks (U+1F000–U+1FAFF) stay: they are emoji newer
than Python's Unicode database.

The rule, per kind of field:

- Free text on one line (names, city, place, organiser, contact, caption, postal code) is
  stripped of those characters and its whitespace, line breaks included, becomes single spaces.
  Nothing a reader could see goes, so there is nothing to ask the person about.
- Free text on several lines (a local action's description) is stripped the same way but keeps
  its line breaks, as "\\n", and its tabs; more than one empty line in a row becomes one.
- Addresses (a link, an email address) are refused with an error naming the characters:
  removing one would silently change where the address leads.

Django checks each field as typed first (its length; a NUL is refused in every form); a value
the cleaning leaves without a visible character is empty, and a required field says so.
"""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Zero-width non-joiner and joiner; left-to-right, right-to-left and Arabic letter marks.
FORMAT_CHARACTERS_SCRIPTS_NEED = frozenset("\u200c\u200d\u200e\u200f\u061c")
# U+1F3F4 WAVING BLACK FLAG, tag digits and small letters naming a region, CANCEL TAG.
SUBDIVISION_FLAG = re.compile(
    "\U0001f3f4[\U000e0030-\U000e0039\U000e0061-\U000e007a]{2,6}\U000e007f"
)
EMOJI_BLOCKS = range(0x1F000, 0x1FB00)
LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
EMPTY_LINES = re.compile("\n{3,}")


def is_hidden(char):
    """Whether `char` is one of the invisible or non-characters this module removes."""
    category = unicodedata.category(char)
    if category == "Cf":
        return char not in FORMAT_CHARACTERS_SCRIPTS_NEED
    if category == "Cn":
        return ord(char) not in EMOJI_BLOCKS
    return category in {"Cc", "Co", "Cs"}


def _strip_hidden(value, keep=""):
    """`value` without its hidden characters, except those in `keep` and subdivision flags."""
    kept, start = [], 0
    for flag in [*SUBDIVISION_FLAG.finditer(value), None]:
        end = flag.start() if flag else len(value)
        kept += [char for char in value[start:end] if char in keep or not is_hidden(char)]
        if flag:
            kept.append(flag.group())
            start = flag.end()
    return "".join(kept)


def clean_text(value):
    """One line of free text: hidden characters removed, whitespace as single spaces."""
    whitespace = "".join(char for char in value if char.isspace())
    return " ".join(_strip_hidden(value, keep=whitespace).split())


def clean_multiline_text(value):
    """Free text on several lines: hidden characters removed, line breaks and tabs kept."""
    text = _strip_hidden(LINE_BREAK.sub("\n", value), keep="\n\t")
    return EMPTY_LINES.sub("\n\n", text).strip()


def is_blank(value):
    """True when `value` shows nothing: only spaces and the marks that writing needs."""
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in value)


def refuse_hidden_characters(value):
    """Validator for addresses, where removing a character would change where they lead."""
    hidden = sorted({char for char in value if is_hidden(char)})
    if hidden:
        raise ValidationError(
            _(
                "This address holds invisible or control characters (%(characters)s). "
                "Please type it again."
            ),
            code="hidden_characters",
            params={"characters": ", ".join(f"U+{ord(char):04X}" for char in hidden)},
        )


class OneLineTextField(forms.CharField):
    """Free text on one line, checked as typed and then cleaned with `clean_text`."""

    cleaning = staticmethod(clean_text)

    def clean(self, value):
        value = self.cleaning(super().clean(value))
        if is_blank(value):
            value = ""
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        return value


class MultilineTextField(OneLineTextField):
    """Free text on several lines, cleaned with `clean_multiline_text`."""

    cleaning = staticmethod(clean_multiline_text)


class LinkField(forms.URLField):
    default_validators = [*forms.URLField.default_validators, refuse_hidden_characters]


class EmailAddressField(forms.EmailField):
    default_validators = [*forms.EmailField.default_validators, refuse_hidden_characters]
