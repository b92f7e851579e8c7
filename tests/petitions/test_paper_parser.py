"""Whatever bytes an organiser uploads, the paper-signature reader gives rows or a clear refusal."""

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petitions import paper
from tests.hostile import hostile_text

READER = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
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
