"""Email addresses as the petitions handle them: one canonical form for every check, dedupe and
send, and the key that finds one person's signature.

`canonical_email` is the address as stored and mailed. From what was typed, in this order:
1. Unicode NFKC: compatibility characters become their plain form (fullwidth `ｍａｉｌ`: `mail`);
2. default-ignorable code points are dropped (soft hyphen, zero-width space, joiners, BOM...);
3. the ideographic and fullwidth full stops are dots;
4. a quoted local part is unquoted (`"j\\anevar"` is `janevar`, RFC 5322 quoted pairs); one that
   holds what a plain local part may not (a space, a second @) is refused;
5. the domain is lower-cased and encoded to ASCII with the IDNA codec Django's mailer uses, so an
   address that codec cannot encode (a label over 63 characters once encoded) is refused here,
   not retried for ever by the email queue;
6. the local part must be ASCII (the mailer cannot send to another), at most 64 characters, and
   the whole at most 254, measured after all of the above.
`normalise_email` then folds what reaches the same mailbox: case, +tags, Gmail's dots.
"""

import re
import unicodedata

MAX_LENGTH = 254
MAX_LOCAL_LENGTH = 64

# Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt): invisible in
# text, so "mail\u00adinator.com" must not differ from "mailinator.com".
DEFAULT_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
FULL_STOPS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
QUOTED_PAIR = re.compile(r"\\(.)")
ATOM = r"[-!#$%&'*+/=?^_`{}|~0-9A-Za-z]+"
DOT_ATOM = re.compile(rf"{ATOM}(\.{ATOM})*\Z")


class InvalidAddress(ValueError):
    """An address that cannot be used; `code` says why (the form turns it into a message)."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def canonical_email(typed):
    """The address as stored and mailed (see the module docstring); raises InvalidAddress."""
    address = unicodedata.normalize("NFKC", typed.strip())
    address = DEFAULT_IGNORABLE.sub("", address).translate(FULL_STOPS)
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        raise InvalidAddress("invalid")
    if len(local) >= 2 and local.startswith('"') and local.endswith('"'):
        local = QUOTED_PAIR.sub(r"\1", local[1:-1])
        if not DOT_ATOM.match(local):
            raise InvalidAddress("quoted")
    if not DOT_ATOM.match(local):  # ASCII only: the mailer cannot send to anything else
        raise InvalidAddress("local_part")
    domain = canonical_domain(domain)
    address = f"{local}@{domain}"
    if len(local) > MAX_LOCAL_LENGTH or len(address) > MAX_LENGTH:
        raise InvalidAddress("too_long")
    return address


def canonical_domain(domain):
    """A domain lower-cased and in ASCII (IDNA, as Django's mailer encodes it)."""
    domain = unicodedata.normalize("NFKC", domain.strip())
    domain = DEFAULT_IGNORABLE.sub("", domain).translate(FULL_STOPS).lower().strip(".")
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise InvalidAddress("domain") from error


def normalise_email(address):
    """The key that finds a person's signature: case, +tags and Gmail dots folded.

    `Jane.Doe+petition@GoogleMail.com` and `janedoe@gmail.com` reach the same mailbox, so they
    are one signer; so are `ada@exämple.org` and `ada@xn--exmple-cua.org`. A local part that is
    only a +tag is kept whole: `+tag@example.org` is not everyone at example.org. Addresses come
    from canonical_email; an older stored one that no longer passes it is folded as it is.
    """
    try:
        address = canonical_email(address)
    except InvalidAddress:
        address = address.strip()
    local, _at, domain = address.lower().rpartition("@")
    local = local.split("+", 1)[0] or local
    if domain in {"gmail.com", "googlemail.com"}:
        domain = "gmail.com"
        local = local.replace(".", "")
    return f"{local}@{domain}"


def email_domain_and_parents(email):
    """An address's domain and each domain above it: mail.spam.example, spam.example, example.

    A list of domains matches its subdomains through these.
    """
    try:
        domain = canonical_domain(email.rpartition("@")[2])
    except InvalidAddress:
        return set()
    parts = domain.split(".")
    return {".".join(parts[i:]) for i in range(len(parts))}
