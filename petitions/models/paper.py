"""Signatures gathered on paper and typed into a CSV file by the organisers (petitions.paper)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from petitions.models.petitions import Petition


class PaperImport(models.Model):
    """One uploaded file: kept while previewed, then its good rows become PaperSignatures."""

    class Status(models.TextChoices):
        PREVIEW = "preview", _("Previewed, not imported")
        IMPORTED = "imported", _("Imported")
        UNDONE = "undone", _("Undone")

    petition = models.ForeignKey(
        Petition, related_name="paper_imports", on_delete=models.CASCADE, verbose_name=_("petition")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PREVIEW
    )
    file_name = models.CharField(_("file name"), max_length=255)
    file_sha256 = models.CharField(_("file checksum"), max_length=64, db_index=True)
    # The file as uploaded, only until it is imported: the import reads this copy, never
    # anything the browser sends again.
    content = models.BinaryField(_("content"), default=b"", blank=True, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("imported by"),
    )
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    imported_count = models.PositiveIntegerField(_("signatures imported"), default=0)
    skipped_count = models.PositiveIntegerField(_("duplicates skipped"), default=0)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("undone by"),
    )
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("paper signatures import")
        verbose_name_plural = _("paper signatures imports")

    def __str__(self):
        return self.file_name


class PaperSignature(models.Model):
    """A signature on paper: counted in Petition.paper_count, never listed publicly, never
    emailed. Of an address only a keyed hash is kept, to count a person once."""

    paper_import = models.ForeignKey(
        PaperImport, related_name="signatures", on_delete=models.CASCADE, verbose_name=_("import")
    )
    petition = models.ForeignKey(
        Petition, related_name="paper_signatures", on_delete=models.CASCADE
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    # HMAC of the normalised address (petitions.addresses), or empty: the address itself is
    # never stored.
    email_hash = models.CharField(_("email address, scrambled"), max_length=64, blank=True)
    country = CountryField(_("country"))
    signed_on = models.DateField(_("signed on"))
    line = models.PositiveIntegerField(_("line in the file"))
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        ordering = ["paper_import", "line"]
        verbose_name = _("paper signature")
        verbose_name_plural = _("paper signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "email_hash"],
                condition=~models.Q(email_hash=""),
                name="one_paper_signature_per_email",
            )
        ]

    def __str__(self):
        return self.name or str(self.pk)
