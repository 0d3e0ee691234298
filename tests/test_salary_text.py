"""Salary text as job boards write it, parsed into a yearly range (postings.salary_text)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicareers.postings.salary_text import HOURS_PER_YEAR, Salary, parse_salary, states_salary

CASES = [
    # Glassdoor's own formats
    ("$137K-$171K (Glassdoor est.)", (137_000, 171_000, "USD", "year")),
    ("$53K-$91K", (53_000, 91_000, "USD", "year")),
    ("$53K-$91K(Employer est.)", (53_000, 91_000, "USD", "year")),
    ("Employer Provided Salary:$120K-$140K", (120_000, 140_000, "USD", "year")),
    ("$45 - $60 Per Hour", (45 * 2080, 60 * 2080, "USD", "hour")),
    ("$17-$24 Per Hour(Glassdoor est.)", (17 * 2080, 24 * 2080, "USD", "hour")),
    ("Employer Provided Salary:$25-$30 Per Hour", (25 * 2080, 30 * 2080, "USD", "hour")),
    # Commas, decimals, dashes and joiners
    ("$140,100\u2014$210,100 USD", (140_100, 210_100, "USD", "year")),
    ("$135,200 -- $250,900 annually", (135_200, 250_900, "USD", "year")),
    ("$185,000 and $225,000", (185_000, 225_000, "USD", "year")),
    ("$170,112 ~ $237,000", (170_112, 237_000, "USD", "year")),
    ("$84,820.00 - $138,250.00", (84_820, 138_250, "USD", "year")),
    ("$152,000 to $205,000 per year", (152_000, 205_000, "USD", "year")),
    ("$25/hr - $30/hr", (25 * 2080, 30 * 2080, "USD", "hour")),
    ("$9.50 an hour", (9.5 * 2080, 9.5 * 2080, "USD", "hour")),
    ("$100-150K", (100_000, 150_000, "USD", "year")),
    ("$110- $120,000", (110_000, 120_000, "USD", "year")),
    ("$1.5M", (1_500_000, 1_500_000, "USD", "year")),
    ("$120k", (120_000, 120_000, "USD", "year")),
    # Months, weeks, days
    ("$4,500 - $5,500 per month", (54_000, 66_000, "USD", "month")),
    ("$5,000 a month", (60_000, 60_000, "USD", "month")),
    ("$6,000/mo", (72_000, 72_000, "USD", "month")),
    ("$1,200 weekly", (62_400, 62_400, "USD", "week")),
    ("$500 per day", (130_000, 130_000, "USD", "day")),
    # Other currencies, codes before or after, a code beating the sign
    ("£40,000 a year", (40_000, 40_000, "GBP", "year")),
    ("£35,000 - £45,000 per annum", (35_000, 45_000, "GBP", "year")),
    ("\u20ac50.000 pro Jahr", (50_000, 50_000, "EUR", "year")),
    ("45,50 \u20ac per hour", (45.5 * 2080, 45.5 * 2080, "EUR", "hour")),
    ("$279,000 \u2013 $361,000/year (CAD)", (279_000, 361_000, "CAD", "year")),
    ("$198,000 - USD $297,000", (198_000, 297_000, "USD", "year")),
    ("USD 100,000 - 120,000", (100_000, 120_000, "USD", "year")),
    ("100,000 USD", (100_000, 100_000, "USD", "year")),
    ("CA$80K", (80_000, 80_000, "CAD", "year")),
    ("\u20b912 LPA", (1_200_000, 1_200_000, "INR", "year")),
    ("\u20b910,00,000 per annum", (1_000_000, 1_000_000, "INR", "year")),
    ("Rs. 50,000 per month", (600_000, 600_000, "INR", "month")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_real_world_salaries(text: str, expected: tuple[float, float, str, str]) -> None:
    low, high, currency, period = expected
    assert parse_salary(text) == Salary(float(low), float(high), currency, period)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Up to $80,000", Salary(None, 80_000.0, "USD", "year")),
        ("From $60,000", Salary(60_000.0, None, "USD", "year")),
        ("$60,000+", Salary(60_000.0, None, "USD", "year")),
    ],
)
def test_open_ended_ranges(text: str, expected: Salary) -> None:
    assert parse_salary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "", "   ", "-1", "N/A", "Competitive", "DOE", "401k match", "$", "$0-$0",
        "$91K-$53K",  # a reversed range is a typo we do not guess at
        "$250+ million raised", "$2.1 billion", "hours 40", "80000-100000", "3",
        "$750",  # 300-10,000 with no period: an hour? a week? a month? not guessed
    ],
)  # fmt: skip
def test_text_that_is_not_a_salary(text: str) -> None:
    assert parse_salary(text) is None


def test_values_that_are_not_text() -> None:
    assert parse_salary(None) is None
    assert parse_salary(120000) is None


def test_default_currency_only_for_figures_that_read_as_pay() -> None:
    assert parse_salary("80000-100000", "USD") == Salary(80_000.0, 100_000.0, "USD", "year")
    assert parse_salary("45 per hour", "GBP") == Salary(93_600.0, 93_600.0, "GBP", "hour")
    assert parse_salary("-1", "USD") is None
    assert parse_salary("3", "USD") is None


def test_states_salary_tells_markers_from_text() -> None:
    assert not any(states_salary(t) for t in ("", " -1 ", "N/A", "none", None))
    assert states_salary("Competitive")
    assert states_salary("$53K-$91K")


bounds = st.tuples(st.integers(1, 999), st.integers(0, 500)).map(lambda t: (t[0], t[0] + t[1]))


@given(bounds, st.sampled_from(["", " (Glassdoor est.)", "(Employer est.)"]))
def test_thousands_round_trip(pair: tuple[int, int], suffix: str) -> None:
    low, high = pair
    assert parse_salary(f"${low}K-${high}K{suffix}") == Salary(
        low * 1000.0, high * 1000.0, "USD", "year"
    )


@given(bounds)
def test_hourly_round_trip(pair: tuple[int, int]) -> None:
    low, high = (min(v, 300) for v in pair)
    assert parse_salary(f"${low}-${high} Per Hour") == Salary(
        low * float(HOURS_PER_YEAR), high * float(HOURS_PER_YEAR), "USD", "hour"
    )


@given(st.integers(10_000, 5_000_000), st.integers(0, 2_000_000))
def test_comma_figures_round_trip(low: int, extra: int) -> None:
    high = low + extra
    assert parse_salary(f"${low:,} - ${high:,} a year") == Salary(
        float(low), float(high), "USD", "year"
    )


@given(st.text(max_size=40))
def test_any_text_gives_a_sane_salary_or_none(text: str) -> None:
    found = parse_salary(text)
    if found is not None:
        ends = [v for v in (found.min, found.max) if v is not None]
        assert ends
        assert all(v > 0 for v in ends)
        assert found.min is None or found.max is None or found.min <= found.max
