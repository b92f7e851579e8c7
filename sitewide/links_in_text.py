"""Links in what supporters write, for the forms that refuse them (messages of solidarity).

A link is an address with a scheme (http://, https://), anything starting with "www.", or a
bare domain such as "example.com" or "пример.рф": words joined by dots whose last part is a
public suffix (the Public Suffix List, through `publicsuffixlist`), with a name before it.
"FREE AZAT 04.09", "J.R.R." and "Free.Azat" end in no suffix. A capitalised word after the
dot ("Hello.World", "you.Stay") is a sentence missing its space, not an address, although
.world is a suffix.
"""

import re
from functools import cache

from publicsuffixlist import PublicSuffixList

SCHEME_OR_WWW = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"']*", re.IGNORECASE)
# Labels of letters, digits and inner hyphens, joined by dots.
LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
DOTTED = re.compile(rf"(?<![\w.-]){LABEL}(?:\.{LABEL})+")


@cache
def _suffixes():
    return PublicSuffixList()


def find_link(text):
    """The first link or web address in `text`, as written, or None."""
    found = SCHEME_OR_WWW.search(text)
    if found:
        return found.group()
    for match in DOTTED.finditer(text):
        if _is_domain(match.group()):
            return match.group()
    return None


def is_bare_domain(link):
    """Whether a link `find_link` found is a bare domain ("example.com"), which a sentence
    missing its space after the full stop can look like, rather than a www. or http address."""
    return not SCHEME_OR_WWW.match(link)


def _is_domain(candidate):
    last = candidate.rsplit(".", 1)[1]
    if last.isalpha() and last[0].isupper() and not last.isupper():
        return False  # "Hello.World": a new sentence
    return _suffixes().privatesuffix(candidate.lower(), accept_unknown=False) is not None
