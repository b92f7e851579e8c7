"""Importing paper signatures into a petition's count, and undoing an import.

An organiser uploads a file (`upload`): it is read (petitions.paper) and kept on the server.
The preview (`preview`) reads that copy again and marks the duplicates: a person already
counted, online or on an earlier sheet, or twice in the file, by normalised address. The import
(`import_rows`) reads the same copy once more, in one transaction, and takes the file whole or
not at all: while any row has a problem nothing is imported, so that uploading the corrected
file never counts a row twice (rows without an address cannot be told apart). Duplicates are
skipped. If what the preview showed has changed meanwhile (someone signed online), the import is
refused and the organiser sees the new preview.

The counter reads Petition.paper_count, which only these services write (F() updates under the
import's row lock); a paper signer is never listed and never emailed.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass
from itertools import batched

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from petitions import milestones, paper, share_cards
from petitions.models import PaperImport, PaperSignature, Petition, Signature
from sitewide.text import clean_text

# A preview nobody imported is deleted after this long (with the file it holds).
PREVIEW_KEPT = datetime.timedelta(days=1)
QUERY_BATCH = 2000


class PaperImportError(Exception):
    """An import or undo refused; `code` says why (for views, tests and logs)."""

    def __init__(self, code, message=""):
        super().__init__(message or code)
        self.code = code
        self.message = message or code


def email_hash(email_key):
    """A keyed hash of a normalised address: finds the same person, useless to anyone else."""
    return salted_hmac("petitions.paper.email", email_key, algorithm="sha256").hexdigest()


@dataclass
class Preview:
    paper_import: PaperImport
    rows: list

    @property
    def to_import(self):
        return [row for row in self.rows if row.is_importable]

    @property
    def with_problems(self):
        return [row for row in self.rows if row.problems]

    @property
    def duplicates(self):
        return [row for row in self.rows if row.duplicate and not row.problems]

    @property
    def digest(self):
        """What the preview showed, in short: the import goes ahead only if it still holds."""
        outcome = [(row.line, row.is_importable, row.duplicate) for row in self.rows]
        text = json.dumps([self.paper_import.file_sha256, outcome])
        return hashlib.sha256(text.encode()).hexdigest()


def upload(*, petition, file_name, content, by):
    """Read an uploaded file and keep it for its preview; returns the PaperImport.

    Raises paper.PaperFileError for a file that cannot be read, and PaperImportError("same_file")
    for a file already imported into this petition (and not undone).
    """
    paper.parse(content)
    sha256 = hashlib.sha256(content).hexdigest()
    earlier = (
        petition.paper_imports.filter(status=PaperImport.Status.IMPORTED, file_sha256=sha256)
        .defer("content")
        .first()
    )
    if earlier is not None:
        message = _("This file was already imported on %(date)s (%(file)s).") % {
            "date": date_format(timezone.localtime(earlier.imported_at), "DATE_FORMAT"),
            "file": earlier.file_name,
        }
        raise PaperImportError("same_file", message)
    stale = timezone.now() - PREVIEW_KEPT
    PaperImport.objects.filter(status=PaperImport.Status.PREVIEW, uploaded_at__lt=stale).delete()
    return PaperImport.objects.create(
        petition=petition,
        file_name=clean_text(file_name)[:255] or "upload.csv",
        file_sha256=sha256,
        content=content,
        imported_by=by,
    )


def preview(paper_import):
    """The rows of a kept upload with their problems and duplicates."""
    rows = paper.parse(bytes(paper_import.content))
    _mark_duplicates(paper_import.petition_id, rows)
    return Preview(paper_import, rows)


def _mark_duplicates(petition_id, rows):
    first_line = {}
    for row in rows:
        if row.problems or not row.email_key:
            continue
        if row.email_key in first_line:
            row.duplicate = _("The same address as line %(line)d.") % {
                "line": first_line[row.email_key]
            }
        else:
            first_line[row.email_key] = row.line
    online, on_paper = set(), set()
    for keys in batched(first_line, QUERY_BATCH):
        online.update(
            Signature.objects.filter(petition_id=petition_id, email_normalised__in=keys)
            .exclude(status=Signature.Status.WITHDRAWN)
            .values_list("email_normalised", flat=True)
        )
        hashes = {email_hash(key): key for key in keys}
        found = PaperSignature.objects.filter(petition_id=petition_id, email_hash__in=list(hashes))
        on_paper.update(hashes[value] for value in found.values_list("email_hash", flat=True))
    for row in rows:
        if row.duplicate or not row.email_key or row.problems:
            continue
        if row.email_key in online:
            row.duplicate = _("Already signed online with this address.")
        elif row.email_key in on_paper:
            row.duplicate = _("Already imported from an earlier paper file.")


def import_rows(*, paper_import_id, digest, by):
    """Import a previewed file's good rows into its petition's count, in one transaction.

    `digest` is the preview's (Preview.digest): if the rows to import have changed since, nothing
    is imported (PaperImportError "changed"). Also refused: "done" (imported or undone already),
    "problems" (a row has a problem). Returns the PaperImport.
    """
    try:
        with transaction.atomic():
            paper_import = PaperImport.objects.select_for_update().get(pk=paper_import_id)
            if paper_import.status != PaperImport.Status.PREVIEW:
                raise PaperImportError("done", _("This file has already been imported."))
            shown = preview(paper_import)
            if shown.with_problems:
                raise PaperImportError("problems", _("Some rows have a problem."))
            if shown.digest != digest:
                raise PaperImportError("changed")
            rows = shown.to_import
            before = sum(
                Petition.objects.values_list("confirmed_count", "paper_count", "offset").get(
                    pk=paper_import.petition_id
                )
            )
            PaperSignature.objects.bulk_create(
                [
                    PaperSignature(
                        paper_import=paper_import,
                        petition_id=paper_import.petition_id,
                        name=row.name,
                        email_hash=email_hash(row.email_key) if row.email_key else "",
                        country=row.country,
                        signed_on=row.signed_on,
                        line=row.line,
                    )
                    for row in rows
                ],
                batch_size=1000,
            )
            Petition.objects.filter(pk=paper_import.petition_id).update(
                paper_count=F("paper_count") + len(rows)
            )
            paper_import.status = PaperImport.Status.IMPORTED
            paper_import.content = b""  # the rows hold what is needed now
            paper_import.imported_by = by
            paper_import.imported_at = timezone.now()
            paper_import.imported_count = len(rows)
            paper_import.skipped_count = len(shown.duplicates)
            paper_import.save()
    except IntegrityError as error:  # the same address imported meanwhile from another file
        raise PaperImportError("changed") from error
    after = before + len(rows)
    transaction.on_commit(lambda: _count_changed(paper_import.petition_id, before, after))
    return paper_import


def undo(*, paper_import_id, by):
    """Remove an import's rows and take them off the count. Returns how many were removed;
    raises PaperImportError("not_imported") for one not imported or undone already."""
    with transaction.atomic():
        paper_import = (
            PaperImport.objects.select_for_update().defer("content").get(pk=paper_import_id)
        )
        if paper_import.status != PaperImport.Status.IMPORTED:
            raise PaperImportError("not_imported", _("This import has already been undone."))
        removed, _by_model = paper_import.signatures.all().delete()
        Petition.objects.filter(pk=paper_import.petition_id).update(
            paper_count=Greatest(F("paper_count") - removed, 0)
        )
        paper_import.status = PaperImport.Status.UNDONE
        paper_import.undone_by = by
        paper_import.undone_at = timezone.now()
        paper_import.save(update_fields=["status", "undone_by", "undone_at"])
    transaction.on_commit(lambda: _count_changed(paper_import.petition_id))
    return removed


def _count_changed(petition_id, before=0, after=0):
    """As after a fold-in of the counter: the share cards drawn again if their step changed, the
    goal-reached email sent if an import took the count across the goal."""
    petition = Petition.objects.select_related("campaign").filter(pk=petition_id).first()
    if petition is not None:
        share_cards.refresh(petition)
        milestones.count_changed(petition_id=petition_id, before=before, after=after)
