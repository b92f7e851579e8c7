"""Whatever signers typed as their first names, and whatever organisers wrote, the delivery
pack is made: a PDF that opens and a CSV whose every cell is inert in spreadsheets."""

import csv
import datetime
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from petitions import delivery_pack
from sitewide.spreadsheets import FORMULA_PREFIXES
from tests.hostile import hostile_text

# As long as the fields hold: a first name is at most 100 characters, a title 200.
name = hostile_text.map(lambda text: text[:100])
title = hostile_text.map(lambda text: text[:200])


def a_pack(*, title, names, demands):
    return delivery_pack.Pack(
        slug="free-jane-doe",
        language="en",
        title=title,
        target=title,
        demands=demands,
        paragraphs=delivery_pack.plain_paragraphs(title),
        online=len(names),
        elsewhere=3,
        by_country=[("GB", "United Kingdom", len(names))],
        names=[("United Kingdom", names)],
        counted_on=datetime.date(2026, 3, 1),
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=title, names=st.lists(name, min_size=1, max_size=8), demands=st.lists(title, max_size=3)
)
def test_any_names_and_texts_make_a_pdf_and_an_inert_csv(title, names, demands):
    pack = a_pack(title=title, names=names, demands=demands)

    reader = PdfReader(io.BytesIO(delivery_pack.pdf_bytes(pack)))
    assert "signatures" in reader.pages[0].extract_text()

    rows = list(csv.reader(io.StringIO(delivery_pack.csv_text(pack))))
    assert not [cell for row in rows for cell in row if cell.startswith(FORMULA_PREFIXES)]
    assert len(rows[rows.index(["First name", "Country"]) + 1 :]) == len(names)
