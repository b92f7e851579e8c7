"""The signers who asked to hear from the organiser, as CSV for the organiser's own mailing
tool: who, what they agreed to, the words of the box they ticked (in their language) and when.
Only for staff with the "export opt-ins" permission: it holds email addresses."""

from django.utils import translation
from django.utils.translation import gettext as _

from petitions.admin.reports import csv_download
from petitions.forms import SignatureForm

PERMISSION = "petitions.export_optins"


def consent_text(language):
    """The label of the box the signer ticked, as the sign form showed it in `language`."""
    with translation.override(language):
        return str(SignatureForm.base_fields["wants_updates"].label)


def optins_csv(petition):
    signatures = (
        petition.signatures.wanting_updates()
        .order_by("confirmed_at", "pk")
        .values_list(
            "first_name",
            "last_name",
            "email",
            "country",
            "language",
            "show_publicly",
            "confirmed_at",
        )
    )
    updates = _("updates from the organiser")
    listed = _("first name and country listed publicly")
    rows = (
        (
            first,
            last,
            email,
            country,
            language,
            f"{updates}; {listed}" if show_publicly else updates,
            consent_text(language),
            confirmed_at.isoformat() if confirmed_at else "",
        )
        for first, last, email, country, language, show_publicly, confirmed_at in (
            signatures.iterator(chunk_size=2000)
        )
    )
    header = [
        _("First name"),
        _("Last name"),
        _("Email"),
        _("Country"),
        _("Language"),
        _("Consented to"),
        _("Text of the consent"),
        _("Consented on"),
    ]
    return csv_download(f"{petition.slug}-opt-ins.csv", header, rows)
