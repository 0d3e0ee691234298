"""``postings analyze`` on small hand-written files, run with the catalog-only engine.

The totals it prints are checked against counts the test makes itself from the per-posting
output, and against values worked out by hand.
"""

from __future__ import annotations

import csv
import io
import json
import statistics
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from aicareers.batch import light_assessor
from aicareers.cli.postings import make_group
from aicareers.errors import UserInputError
from aicareers.postings import ValueCounts, resolve_columns
from aicareers.postings.classify import Facts, decide

HEADER = ["", "Job Title", "Salary Estimate", "Job Description", "Rating"]
MLOPS_TEXT = (
    "Build ML pipelines and model deployment with Kubernetes, Docker and CI/CD on AWS. "
    "Python and Git required."
)
RECSYS_TEXT = (
    "You will build recommendation systems for our shop. Our recommendation systems rank "
    "products with collaborative filtering and A/B testing; improving recommendation systems "
    "is the job. Python, SQL, user behavior analysis, statistics and data visualization."
)
# Row by row: title, salary, description; what each should give is in EXPECTED.
ROWS: list[list[str]] = [
    ["0", "Prompt Engineer", "$137K-$171K (Glassdoor est.)",
     "Prompt engineering with large language models; Python; written communication."],
    ["1", "Senior MLOps Engineer", "$45 - $60 Per Hour", MLOPS_TEXT],
    ["2", "Data Scientist", "-1", "Python, SQL and statistical modelling for the business."],
    ["3", "Product Manager", "Employer Provided Salary:$120K-$140K",
     "Own the roadmap of our AI assistant. You will work with machine learning teams and "
     "bring AI features to market."],
    ["4", "Machine Learning Engineer", "$53K-$91K", RECSYS_TEXT],
    ["5", "Teacher", "Competitive", "Teach statistics to students."],
    ["6", "MLOps Engineer", "\u00a340,000 a year", MLOPS_TEXT],
    ["7", "Senior MLOps Engineer", "$100K-$140K", MLOPS_TEXT],
]  # fmt: skip
EXPECTED = {  # row -> (career, basis)
    0: ("prompt-engineer", "title"),
    1: ("mlops-engineer", "title"),
    2: ("other", "none"),
    3: ("ai-product-manager", "title and description"),
    4: ("personalization-engineer", "description"),
    5: ("other", "none"),
    6: ("mlops-engineer", "title"),
    7: ("mlops-engineer", "title"),
}


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    """A CSV file; rows one field short of the header get a rating, as in the Glassdoor files."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([*row, "4.1"] if len(row) == len(header) - 1 else row for row in rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def run(*args: str | Path) -> Result:
    """``postings ARGS...`` with the catalog-only engine, in one process."""
    runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "100"})
    group = make_group(light_assessor)
    return runner.invoke(group, [str(a) for a in args], catch_exceptions=False)


def analyze_json(*args: str | Path) -> dict[str, Any]:
    result = run("analyze", *args, "--format", "json", "--workers", "1")
    assert result.exit_code == 0, result.stderr
    summary: dict[str, Any] = json.loads(result.stdout)
    return summary


@pytest.fixture
def postings_csv(tmp_path: Path) -> Path:
    """The eight postings plus two malformed rows (too few fields; no title)."""
    rows = [*ROWS[:3], ["99", "Broken row"], *ROWS[3:6], ["98", "", "$50K", "No title."], *ROWS[6:]]
    return write_csv(tmp_path / "jobs.csv", rows)


def independent_summary(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Totals computed here from the per-posting output, the way a reader would."""
    careers = Counter(r["career"] for r in records)
    skills: defaultdict[str, Counter[str]] = defaultdict(Counter)
    pay: defaultdict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        skills[r["career"]].update(r["skills"])
        if r["salary_currency"] is not None:
            pay[(r["career"], r["salary_currency"])].append(r)
    return {"careers": careers, "skills": skills, "pay": pay}


def check_against(summary: dict[str, Any], records: list[dict[str, Any]]) -> None:
    mine = independent_summary(records)
    assert {c["career"]: c["postings"] for c in summary["careers"]} == mine["careers"]
    for career in summary["careers"]:
        counts = mine["skills"][career["career"]]
        for skill in career["top_skills"]:
            assert skill["postings"] == counts[skill["skill"]]
            assert skill["share"] == round(counts[skill["skill"]] / career["postings"], 4)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        assert [s["skill"] for s in career["top_skills"]] == [s for s, _ in ranked]
        for pay in career["pay"]:
            found = mine["pay"][(career["career"], pay["currency"])]
            assert pay["n"] == len(found)
            assert pay["min_median"] == statistics.median(r["salary_min"] for r in found)
            assert pay["max_median"] == statistics.median(r["salary_max"] for r in found)
    assert sum(len(v) for v in mine["pay"].values()) == summary["salary"]["parsed"]


def test_csv_careers_skills_salaries_and_totals(postings_csv: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    out = tmp_path / "out.parquet"
    summary = analyze_json(postings_csv, "--out", out)
    records = pq.read_table(out).to_pylist()
    assert [r["row"] for r in records] == [0, 1, 2, 4, 5, 6, 8, 9]  # rows 3 and 7 skipped
    assert {i: (r["career"], r["basis"]) for i, r in enumerate(records)} == EXPECTED
    first = records[0]
    assert first["salary_min"] == 137_000
    assert first["salary_max"] == 171_000
    assert {"prompt-engineering", "llm-capabilities", "python"} <= set(first["skills"])
    hourly = records[1]
    assert (hourly["salary_min"], hourly["salary_max"], hourly["salary_period"]) == (
        45 * 2080, 60 * 2080, "hour")  # fmt: skip
    assert records[6]["salary_currency"] == "GBP"
    assert all(0 < r["confidence"] <= 1 for r in records)
    check_against(summary, records)
    assert summary["rows"] == {"analysed": 8, "malformed": 2, "read": 10}
    # "-1" means no salary; "Competitive" is a salary we could not read.
    assert summary["salary"]["parsed"] == 6
    assert summary["salary"]["unparsed"] == 1
    assert summary["salary"]["absent"] == 1
    mlops = next(c for c in summary["careers"] if c["career"] == "mlops-engineer")
    assert mlops["postings"] == 3
    usd = next(p for p in mlops["pay"] if p["currency"] == "USD")
    assert usd["n"] == 2
    assert usd["min_median"] == (45 * 2080 + 100_000) / 2
    assert usd["max_median"] == (60 * 2080 + 140_000) / 2


def test_malformed_rows_are_reported_and_skipped(postings_csv: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    result = run("analyze", postings_csv, "--report", report, "--workers", "1")
    assert result.exit_code == 0, result.stderr
    assert "Skipped row 3: line 5: 2 fields where the header has 5." in result.stderr
    assert "Skipped row 7: no job title in column 'Job Title'." in result.stderr
    text = report.read_text("utf-8")
    assert "| 3 | line 5: 2 fields where the header has 5 |" in text
    assert "| 7 | no job title in column 'Job Title' |" in text
    assert "8 postings analysed, 2 malformed rows skipped" in text
    assert "| Machine Learning Operations (MLOps) Engineer | `mlops-engineer` | 3 | 37.5% |" in text
    assert "8 postings analysed, 2 malformed rows skipped" in result.stdout


def test_json_and_jsonl_outputs_are_readable(postings_csv: Path, tmp_path: Path) -> None:
    array, lines = tmp_path / "out.json", tmp_path / "out.jsonl"
    summary = analyze_json(postings_csv, "--out", array)
    analyze_json(postings_csv, "--out", lines)
    records = json.loads(array.read_text("utf-8"))
    assert records == [json.loads(line) for line in lines.read_text("utf-8").splitlines()]
    assert len(records) == 8
    assert records[0]["career"] == "prompt-engineer"
    check_against(summary, records)


def test_parquet_is_written_in_row_groups(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from aicareers.postings import PostingResult
    from aicareers.postings.output import ParquetSink

    results = [
        PostingResult(row=i, title=f"t{i}", career="other", confidence=0.95, basis="none",
                      skills=("python",) * (i % 2))
        for i in range(8)
    ]  # fmt: skip
    path = tmp_path / "groups.parquet"
    with path.open("wb") as handle:
        sink = ParquetSink(handle, row_group_rows=3)
        sink.write(results[:5])
        sink.write(results[5:])
        sink.close()
    parquet = pq.ParquetFile(path)
    assert [parquet.metadata.row_group(g).num_rows for g in range(3)] == [3, 3, 2]
    rows = parquet.read().to_pylist()
    assert [r["row"] for r in rows] == list(range(8))
    assert [r["skills"] for r in rows[:2]] == [[], ["python"]]
    assert rows[0]["salary_min"] is None


def test_empty_input_writes_valid_outputs(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "empty.csv", [])
    summary = analyze_json(source, "--out", tmp_path / "out.json")
    assert json.loads((tmp_path / "out.json").read_text("utf-8")) == []
    assert summary["rows"] == {"analysed": 0, "malformed": 0, "read": 0}


def test_jsonl_input_with_bad_lines(tmp_path: Path) -> None:
    source = tmp_path / "jobs.jsonl"
    lines = [
        json.dumps({"title": "Prompt Engineer", "description": "LLM prompts", "salary": "$90K"}),
        "{not json",
        json.dumps({"title": 42, "description": "A number as title"}),
        json.dumps(["a", "list"]),
        json.dumps({"title": "Data Scientist", "description": None, "salary": None}),
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("analyze", source, "--out", out, "--format", "json", "--workers", "1")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert [m["row"] for m in summary["malformed"]] == [1, 2, 3]
    assert "line 2 is not valid JSON" in summary["malformed"][0]["reason"]
    assert summary["malformed"][1]["reason"] == "column 'title' holds a number, not text"
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [(r["row"], r["career"]) for r in records] == [(0, "prompt-engineer"), (4, "other")]
    assert records[0]["salary_min"] == 90_000


def test_parquet_input_and_detected_columns(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = tmp_path / "jobs.parquet"
    table = pa.table({
        "JOB_TITLE": ["MLOps Engineer", None, "Content Moderator"],
        "job-description": [MLOPS_TEXT, "no title", "Review posts against content policy."],
        "Pay": ["$120K", "$1K", "$20 - $25 per hour"],
    })  # fmt: skip
    pq.write_table(table, source)
    summary = analyze_json(source)
    assert summary["input"]["columns"] == {
        "title": "JOB_TITLE", "text": "job-description", "salary": "Pay"}  # fmt: skip
    assert summary["rows"] == {"analysed": 2, "malformed": 1, "read": 3}
    careers = {c["career"]: c["postings"] for c in summary["careers"]}
    assert careers == {"mlops-engineer": 1, "ai-content-moderator": 1}


def test_missing_column_lists_the_columns_found(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "jobs.csv", [["x", "y"]], header=["Company", "Location"])
    result = run("analyze", source)
    assert result.exit_code == 2
    assert (
        "jobs.csv has no job title column that we recognise; say which column holds the job "
        "title." in result.stderr
    )
    assert "Its columns are: 'Company', 'Location'." in result.stderr
    result = run("analyze", source, "--title-col", "Company", "--text-col", "Body")
    assert result.exit_code == 2
    assert "has no column 'Body' (given as the job description column)" in result.stderr


def test_outputs_are_checked_before_work(postings_csv: Path, tmp_path: Path) -> None:
    (tmp_path / "taken.parquet").write_bytes(b"x")
    result = run("analyze", postings_csv, "--out", tmp_path / "taken.parquet")
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    result = run("analyze", postings_csv, "--out", tmp_path / "out.csv")
    assert result.exit_code == 2
    assert "name it .parquet, .json" in result.stderr
    assert (tmp_path / "taken.parquet").read_bytes() == b"x"


def test_limit_pool_and_chart(postings_csv: Path, tmp_path: Path) -> None:
    one = analyze_json(postings_csv, "--out", tmp_path / "a.jsonl")
    result = run("analyze", postings_csv, "--workers", "2", "--out", tmp_path / "b.jsonl",
                 "--chart", tmp_path / "skills.svg", "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    two = json.loads(result.stdout)
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert one["careers"] == two["careers"]
    assert "<svg" in (tmp_path / "skills.svg").read_text("utf-8")
    limited = analyze_json(postings_csv, "--limit", "4")
    assert limited["rows"] == {"analysed": 3, "malformed": 1, "read": 4}


def test_installed_engine_adds_the_occupation() -> None:
    from aicareers.postings import PostingClassifier
    from aicareers.service.runtime import load_assessor

    classifier = PostingClassifier.from_assessor(load_assessor(False))
    scientist = classifier.classify(0, "Senior Data Scientist", ROWS[2][3], None)
    assert (scientist.career, scientist.occupation) == ("other", "15-2051.00")
    assert scientist.occupation_title == "Data Scientists"
    mlops = classifier.classify(1, "MLOps Engineer", MLOPS_TEXT, None)
    assert mlops.career == "mlops-engineer"
    assert mlops.occupation is not None
    assert {"container-orchestration", "ci-cd", "cloud-platforms"} <= set(mlops.skills)


def test_resolve_columns_prefers_known_names_in_order() -> None:
    found = ["index", "Title", "Job Title", "Salary Estimate", "Job Description", "salary"]
    columns = resolve_columns(found)
    assert (columns.title, columns.text, columns.salary) == (
        "Job Title", "Job Description", "Salary Estimate")  # fmt: skip
    assert resolve_columns(["title", "text"]).salary is None
    assert resolve_columns(found, title="title").title == "Title"  # any case, if unique
    with pytest.raises(UserInputError, match="no job description column"):
        resolve_columns(["title", "salary"])


def test_decide_follows_the_documented_tiers() -> None:
    order = ["a", "b"]
    full = {"a": 1.0, "b": 0.0}.__getitem__
    none = Facts({}, {}, 0)
    assert decide(Facts({"a": 2}, {}, 0), none, full, order) == ("a", 0.9, "title")
    assert decide(Facts({}, {"a": 2}, 0), none, full, order)[0] == "other"
    assert decide(Facts({}, {"a": 2}, 0), Facts({}, {}, 2), full, order) == (
        "a", 0.7, "title and description")  # fmt: skip
    text = Facts({"a": 4}, {}, 0)
    assert decide(Facts({}, {}, 0, technical=True), text, full, order) == (
        "a", 0.55, "description")  # fmt: skip
    assert decide(Facts({}, {}, 0), text, full, order) == ("other", 0.65, "none")
    # With no skills in common the title still decides, at 0.85 of the base.
    assert decide(Facts({"b": 1}, {}, 0), none, full, order) == ("b", 0.765, "title")


@given(st.lists(st.floats(1, 1e7, allow_nan=False), min_size=1, max_size=300))
def test_value_counts_median_is_exact_on_whole_values(values: list[float]) -> None:
    whole = [float(round(v)) for v in values]
    counts = ValueCounts()
    for value in whole:
        counts.add(value)
    assert counts.median() == statistics.median(whole)


@given(st.lists(st.integers(1, 10**6), min_size=1, max_size=300))
def test_value_counts_stays_bounded_and_close(values: list[int]) -> None:
    counts = ValueCounts(max_keys=16)
    for value in values:
        counts.add(value)
    assert len(counts.counts) <= 16
    assert counts.n == len(values)
    found = counts.median()
    assert found is not None
    assert abs(found - statistics.median(values)) <= counts.resolution
