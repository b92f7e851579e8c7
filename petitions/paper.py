"""Reading a CSV file of paper signatures: every row with its problems, or the file refused.

The file has a first line naming its columns, `name, email, country, date` in any order (email
may be left out or empty), separated by commas, semicolons or tabs as spreadsheets save them in
various languages. It must be UTF-8, with or without a byte-order mark: a Windows-1252 or
UTF-16 file is refused with how to save it, never guessed at, since a wrong guess would import
garbled names. Dates are written 2023-09-02, the one way no spreadsheet language misreads.
Countries are ISO codes (FR, FRA) or English names. A cell that starts like a spreadsheet
formula (=, +, -, @) is a row problem: whatever reads the names later (a spreadsheet, a PDF)
must never run one, and no name or country starts so.

`parse` never raises anything but PaperFileError, whatever the bytes (tests/petitions/
test_paper_parser.py); duplicates need the database and are marked by petitions.paper_imports.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries

from petitions.addresses import InvalidAddress, canonical_email, normalise_email
from sitewide.text import clean_text

MAX_BYTES = 4 * 1024 * 1024
MAX_ROWS = 20_000
COLUMNS = ("name", "email", "country", "date")
REQUIRED = ("name", "country", "date")
NAME_MAX_LENGTH = 200
DELIMITERS = (",", ";", "\t")
FORMULA_PREFIXES = ("=", "+", "-", "@")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
# Files that are something else: PDF, zip (an .xlsx or .ods workbook), an old Excel workbook,
# images, rich text.
NOT_CSV_STARTS = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"GIF8", b"\xff\xd8\xff")
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


class PaperFileError(Exception):
    """A file refused whole; `code` says why, `message` tells the organiser what to do."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Row:
    """A row as read: the cells as typed (for the preview), the values, and what is wrong."""

    line: int
    typed: dict
    name: str = ""
    email_key: str = ""  # the normalised address, to find the same person elsewhere
    country: str = ""
    signed_on: datetime.date | None = None
    problems: list = field(default_factory=list)
    duplicate: str = ""  # why it is skipped: the same person is counted already

    @property
    def is_importable(self):
        return not self.problems and not self.duplicate

    @property
    def country_name(self):
        return countries.name(self.country) if self.country else self.typed.get("country", "")


def parse(content):
    """The rows of `content` (bytes), each with its problems; raises PaperFileError."""
    if len(content) > MAX_BYTES:
        raise PaperFileError("too_large", too_large_message())
    text = _decoded(content)
    if not text.strip():
        raise PaperFileError("empty", _("The file is empty."))
    try:
        return _rows(text)
    except csv.Error as error:
        raise PaperFileError("not_csv", _not_csv(str(error))) from error


def too_large_message():
    return _("The file is larger than %(size)d MB: split it into smaller files.") % {
        "size": MAX_BYTES // (1024 * 1024)
    }


def _not_csv(detail=""):
    message = _("This is not a CSV file. Save the sheet as “CSV UTF-8” and upload that file.")
    return f"{message} ({detail})" if detail else message


def _decoded(content):
    if content.startswith(UTF16_MARKS):
        raise PaperFileError(
            "utf16",
            _("This file is in UTF-16. Save it as “CSV UTF-8 (comma delimited)” and upload again."),
        )
    if content.startswith(NOT_CSV_STARTS) or b"\x00" in content:
        raise PaperFileError("not_csv", _not_csv())
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        content.decode("cp1252")
    except UnicodeDecodeError:
        guess = _("This file is not in UTF-8.")
    else:
        guess = _("This file is not in UTF-8: it looks like Windows-1252 or Latin-1.")
    advice = _(
        "Save it as “CSV UTF-8 (comma delimited)” (Excel) or choose the character set "
        "“Unicode (UTF-8)” (LibreOffice), then upload it again."
    )
    raise PaperFileError("encoding", f"{guess} {advice}")


def _column_name(cell):
    return clean_text(cell).lower()


def _delimiter(first_line):
    """The delimiter that splits the header into the most known column names (a comma when
    none does)."""

    def known(delimiter):
        cells = next(csv.reader([first_line], delimiter=delimiter), [])
        return sum(_column_name(cell) in COLUMNS for cell in cells)

    return max(DELIMITERS, key=known)


def _rows(text):
    first_line = next((line for line in io.StringIO(text) if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    records = (cells for cells in reader if any(cell.strip() for cell in cells))
    header = next(records, None)
    if header is None:
        raise PaperFileError("empty", _("The file is empty."))
    header = [_column_name(cell) for cell in header]
    _check_header(header)
    rows = []
    for cells in records:
        if len(rows) == MAX_ROWS:
            message = _(
                "The file has more than %(rows)s rows: split it into files of at most "
                "%(rows)s rows and import each."
            ) % {"rows": f"{MAX_ROWS:,}"}
            raise PaperFileError("too_many_rows", message)
        rows.append(_row(reader.line_num, header, cells))
    if not rows:
        raise PaperFileError("no_rows", _("The file has no rows under its header."))
    return rows


def _check_header(header):
    problems = []
    for name in dict.fromkeys(name for name in header if header.count(name) > 1):
        problems.append(_("The column “%(name)s” appears twice.") % {"name": _shown(name)})
    unknown = [f"“{_shown(name)}”" for name in header if name not in COLUMNS]
    if unknown:
        problems.append(
            ngettext("Unknown column: %(names)s.", "Unknown columns: %(names)s.", len(unknown))
            % {"names": ", ".join(unknown)}
        )
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        problems.append(
            ngettext("Missing column: %(names)s.", "Missing columns: %(names)s.", len(missing))
            % {"names": ", ".join(missing)}
        )
    if problems:
        expected = _(
            "The first line must name the columns: name, email, country, date (email may be "
            "left out)."
        )
        raise PaperFileError("columns", " ".join([*problems, expected]))


def _shown(value):
    """A typed value short enough to quote in a message."""
    return Truncator(clean_text(value)).chars(40)


def _row(line, header, cells):
    typed = dict(zip(header, (cell.strip() for cell in cells), strict=False))
    row = Row(line=line, typed=typed)
    if len(cells) != len(header):
        row.problems.append(
            _("This row has %(cells)d cells; the header has %(columns)d.")
            % {"cells": len(cells), "columns": len(header)}
        )
        return row
    for column, value in typed.items():
        if value.startswith(FORMULA_PREFIXES):
            row.problems.append(
                _(
                    "The %(column)s starts with “%(sign)s”: a spreadsheet formula is refused. "
                    "Type the value itself."
                )
                % {"column": column, "sign": value[0]}
            )
    if row.problems:
        return row
    row.name = _name(row, typed["name"])
    row.email_key = _email_key(row, typed.get("email", ""))
    row.country = _country(row, typed["country"])
    row.signed_on = _date(row, typed["date"])
    return row


def _name(row, typed):
    name = clean_text(typed)
    if not name:
        row.problems.append(_("The name is missing."))
    elif len(name) > NAME_MAX_LENGTH:
        row.problems.append(
            _("The name is longer than %(max)d characters.") % {"max": NAME_MAX_LENGTH}
        )
    return name


def _email_key(row, typed):
    if not typed:
        return ""
    try:
        address = canonical_email(typed)
        validate_email(address)
    except (InvalidAddress, ValidationError):
        row.problems.append(_("Not an email address: “%(typed)s”.") % {"typed": _shown(typed)})
        return ""
    return normalise_email(address)


def _country(row, typed):
    text = clean_text(typed)
    if not text:
        row.problems.append(_("The country is missing."))
        return ""
    code = ""
    if len(text) <= 3:
        try:
            code = countries.alpha2(text)
        except ValueError:  # digits Python cannot read as a number ("²")
            code = ""
    code = code or countries.by_name(text, language="en")
    if not code:
        row.problems.append(_("Unknown country: “%(typed)s”.") % {"typed": _shown(text)})
    return code


def _date(row, typed):
    text = clean_text(typed)
    if not text:
        row.problems.append(_("The date is missing."))
        return None
    try:
        if not ISO_DATE.match(text):
            raise ValueError(text)
        day = datetime.date.fromisoformat(text)
    except ValueError:
        row.problems.append(
            _("Unknown date: “%(typed)s”. Write dates as 2023-09-02.") % {"typed": _shown(text)}
        )
        return None
    if day > timezone.localdate():
        row.problems.append(_("The date is in the future."))
    return day
