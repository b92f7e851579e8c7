"""French punctuation in content: `{{ petition.title|french_spacing:petition.language }}`.

French sets a space before ! ? ; : » and after «, and that space must never break a line: a
title such as "Liberté pour Azat Miftakhov !" would otherwise wrap with a lone "!". For French
text the filter turns the spaces an organiser typed there into no-break spaces: narrow ones
(U+202F) before ! ? ; and full-width ones (U+00A0) before : and inside « ». Text in another
language, and punctuation with no space before it, are left as they are.
"""

import re

from django import template
from django.utils import translation

register = template.Library()

NARROW_NO_BREAK_SPACE = "\u202f"
NO_BREAK_SPACE = "\u00a0"
# A run of spaces of any kind that a line may not break at either.
SPACES = "[ \u00a0\u202f\t]+"
RULES = [
    (re.compile(f"{SPACES}([!?;])"), NARROW_NO_BREAK_SPACE + r"\1"),
    (re.compile(f"{SPACES}([:»])"), NO_BREAK_SPACE + r"\1"),
    (re.compile(f"«{SPACES}"), "«" + NO_BREAK_SPACE),
]


def is_french(language):
    return (language or "").lower().split("-")[0].split("_")[0] == "fr"


def space_french_punctuation(text):
    for pattern, replacement in RULES:
        text = pattern.sub(replacement, text)
    return text


@register.filter(is_safe=True)
def french_spacing(text, language=None):
    """`text` with no-break spaces before French punctuation, when `language` (default: the
    active language) is French. Safe text stays safe: only spaces change."""
    if not is_french(language or translation.get_language()):
        return text
    return space_french_punctuation(str(text))


@register.filter
def without_final_stop(text):
    """A label without its full stop, to be followed by a colon: "I agree to this: ...",
    not "I agree to this.: ..." (an ellipsis or other mark stays)."""
    text = str(text)
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text
