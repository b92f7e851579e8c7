"""Cells of CSV files made for spreadsheets (the organisers' reports, the delivery pack)."""

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def spreadsheet_safe(value):
    """Make a cell inert in spreadsheets: a leading quote before anything formula-like."""
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text
