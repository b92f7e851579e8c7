import datetime

import pytest
from django.utils import translation

from campaigns.dates import DatePrecision, format_period, period_end, period_start

D = datetime.date


@pytest.mark.parametrize(
    ("start", "precision", "end", "english", "french"),
    [
        (D(2019, 1, 1), "year", None, "2019", "2019"),
        (D(2019, 1, 1), "year", D(2021, 1, 1), "2019–2021", "2019–2021"),
        (D(2023, 8, 1), "month", None, "August 2023", "août 2023"),
        (D(2023, 7, 1), "month", D(2023, 8, 1), "July–August 2023", "juillet–août 2023"),
        (
            D(2022, 12, 1),
            "month",
            D(2023, 1, 1),
            "December 2022 – January 2023",
            "décembre 2022 – janvier 2023",
        ),
        (D(2023, 7, 23), "day", None, "23 July 2023", "23 juillet 2023"),
        (D(2023, 9, 1), "day", D(2023, 9, 3), "1–3 September 2023", "1–3 septembre 2023"),
        (
            D(2023, 8, 30),
            "day",
            D(2023, 9, 2),
            "30 August – 2 September 2023",
            "30 août – 2 septembre 2023",
        ),
        (
            D(2022, 12, 31),
            "day",
            D(2023, 1, 2),
            "31 December 2022 – 2 January 2023",
            "31 décembre 2022 – 2 janvier 2023",
        ),
    ],
)
def test_a_period_is_written_as_precisely_as_it_is_known(start, precision, end, english, french):
    with translation.override("en"):
        assert format_period(start, precision, end) == english
    with translation.override("fr"):
        assert format_period(start, precision, end) == french


def test_a_range_ending_in_its_own_period_reads_as_one_date():
    with translation.override("en"):
        assert format_period(D(2023, 7, 1), "month", D(2023, 7, 1)) == "July 2023"


def test_periods_start_and_end_on_the_right_days_in_leap_years():
    assert period_start(D(2024, 2, 17), DatePrecision.MONTH) == D(2024, 2, 1)
    assert period_end(D(2024, 2, 1), DatePrecision.MONTH) == D(2024, 2, 29)
    assert period_end(D(2023, 2, 1), DatePrecision.MONTH) == D(2023, 2, 28)
    assert period_end(D(2019, 1, 1), DatePrecision.YEAR) == D(2019, 12, 31)
    assert period_end(D(2019, 5, 6), DatePrecision.DAY) == D(2019, 5, 6)
