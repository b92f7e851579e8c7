"""Whatever bytes an organiser uploads, the paper-signature reader gives rows or a clear refusal,
and the admin page answers without a 5xx and imports nothing before the organiser confirms.

(Here rather than in tests/test_hostile_input.py, which holds the public forms: this one is in
the admin.)
"""

import csv
import io

import hypothesis
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petitions import paper
from petitions.models import PaperImport, PaperSignature
from tests.hostile import HOSTILE_SAMPLES, hostile_text

READER = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
CELLS = st.one_of(
    hostile_text,
    st.sampled_from(["FR", "fra", "250", "France", "2023-09-02", "2023-02-30", "a@b.org", "²"]),
)


def read(content):
    """parse(), which may only raise PaperFileError, with a message to show."""
    try:
        rows = paper.parse(content)
    except paper.PaperFileError as error:
        assert error.code and error.message.strip()
        return None
    assert rows
    for row in rows:
        assert row.line >= 2
        assert row.duplicate == ""  # the database tells duplicates (petitions.paper_imports)
        assert row.is_importable == (not row.problems)
        if row.is_importable:
            assert row.name and row.country and row.signed_on
            assert len(row.name) <= paper.NAME_MAX_LENGTH
    return rows


@READER
@given(st.binary(max_size=2000))
def test_random_bytes_give_rows_or_a_clear_refusal(content):
    read(content)


@READER
@given(
    header=st.lists(st.sampled_from([*paper.COLUMNS, "e-mail", ""]), min_size=1, max_size=6),
    rows=st.lists(st.lists(CELLS, max_size=6), max_size=8),
    delimiter=st.sampled_from(paper.DELIMITERS),
    bom=st.booleans(),
)
def test_csv_text_with_hostile_cells_gives_rows_or_a_clear_refusal(header, rows, delimiter, bom):
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    read((("\ufeff" if bom else "") + text.getvalue()).encode())


@READER
@given(rows=st.lists(st.tuples(CELLS, CELLS, CELLS, CELLS), min_size=1, max_size=8))
def test_a_well_formed_file_reads_every_row_with_its_line(rows):
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(paper.COLUMNS)
    writer.writerows(rows)
    found = read(text.getvalue().encode())
    written = [row for row in rows if any(cell.strip() for cell in row)]
    if found is not None:
        assert len(found) == len(written)
        assert [row.line for row in found] == sorted({row.line for row in found})


@st.composite
def paper_files(draw):
    """A file an organiser might upload as paper signatures: bytes, or CSV with hostile cells."""
    if draw(st.integers(0, 3)) == 0:
        return draw(st.binary(max_size=3000))
    header = draw(st.sampled_from(["name,email,country,date"] * 4 + ["name;country;date", "x"]))
    # No NUL here: a file holding one is refused whole (not a CSV); the bytes above try it.
    cells = st.one_of(
        hostile_text.map(lambda text: text.replace("\x00", "")),
        st.sampled_from(["FR", "France", "2023-09-02", "a@b.org"]),
    )
    rows = draw(st.lists(st.lists(cells, min_size=3, max_size=5), min_size=1, max_size=5))
    lines = [header, *(",".join(row) for row in rows)]
    return "\n".join(lines).encode(draw(st.sampled_from(["utf-8"] * 4 + ["utf-8-sig", "utf-16"])))


@pytest.mark.django_db
@settings(READER, max_examples=40)
@given(content=paper_files(), name=st.sampled_from(["sheets.csv", *HOSTILE_SAMPLES[:6]]))
def test_the_admin_upload_answers_any_file_without_a_5xx_and_imports_nothing(
    admin_client, petition, content, name
):
    url = f"/admin/petitions/petition/{petition.pk}/paper/"
    with transaction.atomic():
        upload = SimpleUploadedFile(name, content, content_type="text/csv")
        response = admin_client.post(url, {"file": upload})
        hypothesis.event(f"answered {response.status_code}")
        # 400: Django's multipart parser refuses some requests itself (a file name of
        # bidirectional controls with a large file), before the view.
        assert response.status_code in (200, 302, 400)
        if response.status_code == 302:  # read: its preview shows every row
            assert admin_client.get(response["Location"]).status_code == 200
            assert PaperImport.objects.get().status == PaperImport.Status.PREVIEW
        else:
            assert response.status_code == 400 or 'class="errornote"' in response.text
            assert not PaperImport.objects.exists()
        assert not PaperSignature.objects.exists()
        transaction.set_rollback(True)
