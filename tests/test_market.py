"""Salary data, title map, filters and statistics, checked against independent computations.

The fixture (tests/fixtures/market/salaries.csv, 55 rows) is built into Parquet by the real
build script; its figures are checked against values worked out by hand and against DuckDB's
``quantile_cont`` over the raw CSV.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from aicareers.build.market import build, draft_role
from aicareers.errors import UnknownIdError
from aicareers.knowledge import default_catalog
from aicareers.market.dataset import PARQUET, SalaryData, load_salaries
from aicareers.market.errors import (
    FilterError,
    UnknownCountryError,
    UnknownJobTitleError,
    UnknownLevelError,
    YearOutOfRangeError,
)
from aicareers.market.filters import SalaryFilters
from aicareers.market.groups import split
from aicareers.market.hubs import hubs_report
from aicareers.market.report import SalaryReport, salary_report
from aicareers.market.stats import MIN_N, quantile_cont, summarize
from aicareers.market.titles import OTHER, load_title_map, parse_title_map

FIXTURE = Path(__file__).parent / "fixtures" / "market" / "salaries.csv"
FIGURES = ("p10", "p25", "p50", "p75", "p90")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture CSV built into a Parquet artifact by the real build script."""
    out = tmp_path_factory.mktemp("market")
    build(FIXTURE, out)
    return out


@pytest.fixture(scope="module")
def data(built: Path) -> SalaryData:
    return load_salaries(built / "salaries.parquet")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    """The fixture's rows as plain dicts (the independent side of every comparison)."""
    with FIXTURE.open(newline="") as handle:
        return list(csv.DictReader(handle))


def report(data: SalaryData, group_by: Any = None, **filters: Any) -> SalaryReport:
    return salary_report(SalaryFilters(**filters), group_by, data=data)


# --- build ---------------------------------------------------------------------------------


def test_build_manifest_counts_rows_and_duplicates(built: Path, rows: list[dict[str, Any]]) -> None:
    manifest = json.loads((built / "manifest.json").read_text())
    distinct = len({tuple(r.values()) for r in rows})
    assert manifest["rows"] == len(rows) == 55
    assert manifest["distinct_rows"] == distinct
    assert manifest["duplicate_rows"] == len(rows) - distinct == 4
    assert manifest["dedup"]["decision"] == "keep"
    assert manifest["source"]["sha256"] == hashlib.sha256(FIXTURE.read_bytes()).hexdigest()
    assert manifest["source"]["license"] == "CC0 1.0"
    years = Counter(r["work_year"] for r in rows)
    assert manifest["rows_by_year"] == {y: years[y] for y in sorted(years)}


def test_build_writes_sorted_dictionary_encoded_zstd_parquet(built: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = built / "salaries.parquet"
    table = pq.read_table(path)
    pay = table.column("salary_in_usd").to_pylist()
    assert pay == sorted(pay)
    assert pa.types.is_dictionary(table.schema.field("job_title").type)
    column = pq.ParquetFile(path).metadata.row_group(0).column(0)
    assert column.compression == "ZSTD"
    assert sum(table.column("duplicate").to_pylist()) == 4


def test_build_is_byte_stable(built: Path, tmp_path: Path) -> None:
    build(FIXTURE, tmp_path)
    again = (tmp_path / "salaries.parquet").read_bytes()
    assert again == (built / "salaries.parquet").read_bytes()


def test_draft_rules_propose_roles() -> None:
    assert draft_role("Senior MLOps Engineer") == "mlops-engineer"
    assert draft_role("Prompt Engineer") == "prompt-engineer"
    assert draft_role("Data Scientist") == "data-scientist"
    assert draft_role("Barista") == OTHER


# --- statistics ----------------------------------------------------------------------------


def test_prompt_engineer_figures_by_hand(data: SalaryData) -> None:
    # Ten salaries 100,000 ... 190,000. Position (n-1)q = 9q: p10 at 0.9 -> 100,000 + 0.9 *
    # 10,000; p25 at 2.25 -> 122,500; p50 at 4.5 -> 145,000; p75 at 6.75 -> 167,500;
    # p90 at 8.1 -> 181,000. Mean 145,000.
    found = report(data, career="prompt-engineer")
    assert found.n == 10
    assert not found.suppressed
    assert (found.p10, found.p25, found.p50, found.p75, found.p90) == pytest.approx(
        (109_000, 122_500, 145_000, 167_500, 181_000), abs=1e-6
    )
    assert found.mean == 145_000


def test_suppression_at_nine_and_ten(data: SalaryData) -> None:
    nine = report(data, career="prompt-engineer", level="SE")  # the MI row drops out
    assert nine.n == 9
    assert nine.suppressed
    assert [getattr(nine, f) for f in (*FIGURES, "mean")] == [None] * 6
    assert nine.message is not None
    assert "fewer than 10" in nine.message
    ten = report(data, career="prompt-engineer")
    assert ten.n == MIN_N == 10
    assert not ten.suppressed
    assert ten.message is None


@pytest.mark.parametrize("n", [1, 2, 3, 7, 10, 11, 100])
def test_quantile_cont_matches_numpy_linear(n: int) -> None:
    values = np.sort(np.random.default_rng(n).integers(10_000, 900_000, n))
    for q in (0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0):
        assert quantile_cont(values, q) == pytest.approx(np.quantile(values, q), rel=1e-12)


def test_summarize_empty_is_suppressed() -> None:
    empty = summarize(np.zeros(0, dtype=np.int64))
    assert empty.n == 0
    assert empty.suppressed
    assert empty.p50 is None


def test_split_keeps_pay_order_within_groups() -> None:
    pay = np.array([1, 2, 3, 4, 5, 6])
    codes = np.array([2, 0, 2, 1, 0, 2])
    assert [(c, v.tolist()) for c, v in split(pay, codes)] == [
        (0, [2, 5]),
        (1, [4]),
        (2, [1, 3, 6]),
    ]


# --- against DuckDB ------------------------------------------------------------------------

DUCK_FILTERS: list[dict[str, Any]] = [
    {},
    {"career": "mlops-engineer"},
    {"career": "data-scientist"},
    {"career": "data-scientist", "level": "SE"},
    {"career": "data-scientist", "country": "US"},
    {"job_title": "data scientist", "remote": 100},
    {"year": 2024},
    {"country": "US", "remote": 0},
    {"distinct_rows": True},
    {"career": "mlops-engineer", "distinct_rows": True},
]


def duck_where(filters: dict[str, Any], titles: dict[str, list[str]]) -> tuple[str, list[Any]]:
    """A WHERE clause over the raw CSV that selects what ``filters`` mean."""
    clauses, params = [], []
    if "career" in filters:
        names = titles[filters["career"]]
        clauses.append(f"job_title IN ({', '.join('?' * len(names))})")
        params += names
    simple = {
        "job_title": "lower(job_title) = lower(?)", "level": "experience_level = ?",
        "country": "company_location = ?", "remote": "remote_ratio = ?", "year": "work_year = ?",
    }  # fmt: skip
    for key, clause in simple.items():
        if key in filters:
            clauses.append(clause)
            params.append(filters[key])
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def duck_summary(filters: dict[str, Any], group: str | None = None) -> list[tuple[Any, ...]]:
    duckdb = pytest.importorskip("duckdb")
    title_map = load_title_map()
    titles = {
        role: list(title_map.titles_of(role)) for role in ("mlops-engineer", "data-scientist")
    }
    where, params = duck_where(filters, titles)
    source = f"read_csv('{FIXTURE}')"
    if filters.get("distinct_rows"):
        source = f"(SELECT DISTINCT * FROM {source})"
    figures = ", ".join(f"quantile_cont(salary_in_usd, {q})" for q in (0.1, 0.25, 0.5, 0.75, 0.9))
    key = f"{group}, " if group else ""
    tail = f" GROUP BY {group} ORDER BY {group}" if group else ""
    sql = f"SELECT {key}count(*), {figures}, avg(salary_in_usd) FROM {source}{where}{tail}"
    result: list[tuple[Any, ...]] = duckdb.connect().execute(sql, params).fetchall()
    return result


@pytest.mark.parametrize("filters", DUCK_FILTERS, ids=lambda f: json.dumps(f) or "all")
def test_figures_equal_duckdb_quantile_cont(data: SalaryData, filters: dict[str, Any]) -> None:
    (expected,) = duck_summary(filters)
    found = report(data, **filters)
    assert found.n == expected[0]
    if found.n < MIN_N:
        assert found.suppressed
        return
    assert [getattr(found, f) for f in FIGURES] == list(expected[1:6])
    assert found.mean == pytest.approx(expected[6], rel=1e-12)


@pytest.mark.parametrize(
    ("group_by", "column"),
    [("level", "experience_level"), ("country", "company_location"), ("year", "work_year"),
     ("remote", "remote_ratio")],
)  # fmt: skip
def test_groups_equal_duckdb_group_by(data: SalaryData, group_by: str, column: str) -> None:
    expected = {str(row[0]): row[1:] for row in duck_summary({}, column)}
    found = report(data, group_by)
    assert {g.key for g in found.groups} == set(expected)
    for group in found.groups:
        n, *figures, mean = expected[group.key]
        assert group.n == n
        if n >= MIN_N:
            assert [getattr(group, f) for f in FIGURES] == figures
            assert group.mean == pytest.approx(mean, rel=1e-12)
        else:
            assert group.suppressed
            assert group.p50 is None


# --- filters, trend and the guide's range ---------------------------------------------------


def count(rows: list[dict[str, Any]], **where: str) -> int:
    return sum(all(r[k] == v for k, v in where.items()) for r in rows)


def test_job_title_matches_in_any_case(data: SalaryData, rows: list[dict[str, Any]]) -> None:
    upper = report(data, job_title="DATA SCIENTIST")
    assert (
        upper.n
        == report(data, job_title="data scientist").n
        == count(rows, job_title="Data Scientist")
    )
    assert upper.filters.job_title == "Data Scientist"
    assert upper.role is not None
    assert upper.role.maps_to == "data-scientist"


def test_filters_select_what_they_say(data: SalaryData, rows: list[dict[str, Any]]) -> None:
    assert report(data, level="ex").n == count(rows, experience_level="EX")
    assert report(data, country="de").n == count(rows, company_location="DE")
    assert report(data, country="Germany").filters.country == "DE"
    assert report(data, remote=50).n == count(rows, remote_ratio="50")
    assert report(data, year=2023).n == count(rows, work_year="2023")
    assert report(data, career="other").n == count(rows, job_title="Manager")


def test_country_without_rows_is_empty_not_an_error(data: SalaryData) -> None:
    found = report(data, country="JP")
    assert found.n == 0
    assert found.suppressed


def test_trend_uses_every_filter_but_year(data: SalaryData, rows: list[dict[str, Any]]) -> None:
    found = report(data, career="data-scientist", year=2024)
    years = Counter(int(r["work_year"]) for r in rows if r["job_title"] == "Data Scientist")
    assert {p.year: p.n for p in found.trend} == dict(years)
    assert all(p.suppressed == (p.n < MIN_N) for p in found.trend)


def test_seed_range_only_for_careers(data: SalaryData) -> None:
    career = next(c for c in default_catalog().careers if c.id == "mlops-engineer")
    seed = report(data, career="mlops-engineer").seed_range
    assert seed is not None
    assert (seed.min, seed.max, seed.currency) == (career.salary.min, career.salary.max, "USD")
    assert report(data, career="data-scientist").seed_range is None
    assert report(data, job_title="MLOps Engineer").seed_range is None
    assert report(data).seed_range is None


def test_career_without_titles_explains_itself(data: SalaryData) -> None:
    found = report(data, career="ai-ethics-officer")
    assert found.n == 0
    assert found.seed_range is not None
    assert found.message is not None
    assert "No job title" in found.message


@pytest.mark.parametrize(
    ("filters", "error", "words"),
    [
        ({"career": "mlops"}, UnknownIdError, "mlops-engineer"),
        ({"job_title": "Data Scientst"}, UnknownJobTitleError, "Data Scientist"),
        ({"country": "XX"}, UnknownCountryError, "ISO 3166"),
        ({"level": "junior"}, UnknownLevelError, "EN (entry)"),
        ({"year": 2019}, YearOutOfRangeError, "2022 to 2025"),
        ({"remote": 30}, FilterError, "0 (on site)"),
        ({"career": "prompt-engineer", "job_title": "Prompt Engineer"}, FilterError, "not both"),
    ],
)
def test_bad_filters_raise_user_errors(
    data: SalaryData, filters: dict[str, Any], error: type[Exception], words: str
) -> None:
    with pytest.raises(error, match=re.escape(words)):
        report(data, **filters)


# --- the title map and the shipped data ----------------------------------------------------


def test_every_shipped_title_is_mapped_to_a_valid_id() -> None:
    title_map = load_title_map()
    shipped = load_salaries()
    career_ids = [c.id for c in default_catalog().careers]
    assert title_map.problems(career_ids, shipped.titles) == []
    roles = {title_map.role_of(t) for t in shipped.titles}
    assert roles <= {*career_ids, *title_map.references, OTHER}
    assert title_map.role_of("prompt engineer") == "prompt-engineer"
    assert title_map.kind("data-scientist") == "reference"


def test_title_map_refuses_a_title_mapped_twice() -> None:
    from aicareers.errors import CatalogError

    raw = {"careers": {"prompt-engineer": ["Prompt Engineer"]}, "other": ["prompt engineer"],
           "reference_roles": {}}  # fmt: skip
    with pytest.raises(CatalogError, match="mapped twice"):
        parse_title_map(raw)


def test_shipped_manifest_matches_the_parquet() -> None:
    manifest = json.loads(PARQUET.with_name("manifest.json").read_text())
    assert manifest["parquet"]["sha256"] == hashlib.sha256(PARQUET.read_bytes()).hexdigest()
    shipped = load_salaries()
    assert len(shipped) == manifest["rows"] == 151_445
    assert int(shipped.duplicate.sum()) == manifest["duplicate_rows"] == 79_532
    effect = manifest["dedup"]["effect"]["all"]
    assert effect["p50_all"] == salary_report(SalaryFilters()).p50
    assert effect["p50_distinct"] == salary_report(SalaryFilters(distinct_rows=True)).p50


# --- hubs ----------------------------------------------------------------------------------


def test_hubs_from_data_counts_countries(data: SalaryData, rows: list[dict[str, Any]]) -> None:
    found = hubs_report(data=data)
    by_country = Counter(r["company_location"] for r in rows)
    assert {c.code: c.n for c in found.countries} == dict(by_country)
    assert [c.rank for c in found.countries] == list(range(1, len(by_country) + 1))
    assert [h.country_code for h in found.hubs] == ["US", "US", "US", "GB", "CA", "SG"]
    singapore = found.hubs[-1]
    assert (singapore.n, singapore.p50, singapore.rank) == (0, None, None)
    us = next(c for c in found.countries if c.code == "US")
    remote_us = [r for r in rows if r["company_location"] == "US"]
    assert us.remote_share == pytest.approx(count(remote_us, remote_ratio="100") / len(remote_us))


def test_hubs_remote_share_by_career(data: SalaryData, rows: list[dict[str, Any]]) -> None:
    found = {r.id: r for r in hubs_report(data=data).remote_by_career}
    prompt = [r for r in rows if r["job_title"] == "Prompt Engineer"]
    assert found["prompt-engineer"].n == 10
    assert found["prompt-engineer"].remote == count(prompt, remote_ratio="100") / 10
    assert found["ai-ethics-officer"].n == 0
    assert found["ai-ethics-officer"].remote is None
    assert found["data-scientist"].kind == "reference"
