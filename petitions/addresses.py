"""Email addresses as the petitions compare them: one signer per mailbox, and the domains a
blocklist matches."""

import contextlib


def normalise_email(address):
    """The form of an address used to find a person's signature: case, +tags and Gmail dots.

    `Jane.Doe+petition@GoogleMail.com` and `janedoe@gmail.com` reach the same mailbox, so they
    are one signer; so are `ada@exämple.org` and `ada@xn--exmple-cua.org` (IDNA). A local part
    that is only a +tag is kept whole: `+tag@example.org` is not everyone at example.org.
    """
    local, _at, domain = address.strip().lower().rpartition("@")
    with contextlib.suppress(UnicodeError):  # not a valid international name: kept as typed
        domain = domain.encode("idna").decode("ascii")
    local = local.split("+", 1)[0] or local
    if domain in {"gmail.com", "googlemail.com"}:
        domain = "gmail.com"
        local = local.replace(".", "")
    return f"{local}@{domain}"


def email_domain_and_parents(email):
    """An address's domain and each domain above it: mail.spam.example, spam.example, example.

    A list of domains matches its subdomains through these.
    """
    parts = email.rpartition("@")[2].strip().lower().split(".")
    return {".".join(parts[i:]) for i in range(len(parts))}
