"""``aicareers cohort report``: the counts of a hand-built results file, grouping, people's
words left out unless asked, bad lines counted, a wrong file refused, and the three layouts."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

import msgspec
import pytest
from click.testing import CliRunner

from aicareers.cli.app import cli
from aicareers.documents.cohort_tally import error_kind, spread
from aicareers.service.cohort import CohortRequest, cohort_report

from . import cohort_sample as sample


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, ["cohort", "report", *args])


def report_json(path: Path, *args: str) -> dict[str, Any]:
    result = run(str(path), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def careers(section: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {career["id"]: career for career in section["careers"]}


@pytest.fixture
def results(tmp_path: Path) -> Path:
    return sample.write(tmp_path)


def test_counts_match_the_hand_worked_answers(results: Path) -> None:
    data = report_json(results)
    assert (data["lines"], data["results"]) == (sample.LINES, len(sample.ROWS))
    cohort = data["cohort"]
    assert (cohort["rows"], cohort["assessed"], cohort["not_assessed"]) == (6, 4, 2)
    assert [c["id"] for c in cohort["careers"]] == sample.ORDER
    found = careers(cohort)
    assert {ident: c["top1"] for ident, c in found.items()} == sample.TOP1
    assert {ident: c["top3"] for ident, c in found.items()} == sample.TOP3
    assert found["mlops-engineer"]["scores"] == sample.MLOPS_SPREAD
    missing = [(m["skill"], m["rows"]) for m in found["mlops-engineer"]["missing"]]
    assert missing == sample.MLOPS_MISSING
    missing = [(m["skill"], m["rows"]) for m in found["prompt-engineer"]["missing"]]
    assert missing == sample.PROMPT_MISSING
    assert [(b["id"], b["name"], b["rows"]) for b in cohort["backgrounds"]] == sample.BACKGROUNDS
    assert cohort["no_background"] == sample.NO_BACKGROUND
    assert {e["kind"]: e["rows"] for e in cohort["errors"]} == sample.ERRORS


def test_bad_lines_are_counted_with_their_numbers(results: Path) -> None:
    bad = {b["kind"]: (b["lines"], tuple(b["first"])) for b in report_json(results)["bad_lines"]}
    assert bad == sample.BAD


def test_by_site_reports_each_group(results: Path) -> None:
    data = report_json(results, "--by", "site")
    assert data["by"] == "site"
    assert data["ungrouped"] == sample.UNGROUPED
    groups = {g["group"]: g for g in data["groups"]}
    assert list(groups) == ["North", "South"]
    north, south = groups["North"], groups["South"]
    assert (north["rows"], north["assessed"]) == (sample.NORTH["rows"], sample.NORTH["assessed"])
    firsts = {c["id"]: c["top1"] for c in north["careers"] if c["top1"]}
    assert firsts == sample.NORTH["top1"]
    assert (south["rows"], south["assessed"], south["not_assessed"]) == (2, 1, 1)
    assert {e["kind"]: e["rows"] for e in south["errors"]} == sample.SOUTH["errors"]
    # The whole cohort is the same with or without groups.
    assert data["cohort"] == report_json(results)["cohort"]


def test_a_column_no_row_has_is_named_with_how_to_keep_it(results: Path) -> None:
    result = run(str(results), "--by", "programme")
    assert result.exit_code == 2
    assert "no column 'programme'" in result.stderr
    assert "'site'" in result.stderr  # the columns the rows do keep
    assert "--keep programme" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_peoples_words_only_when_asked(results: Path, fmt: str) -> None:
    plain = run(str(results), "--format", fmt)
    assert plain.exit_code == 0, plain.output
    for words in (sample.QUOTE, "Platform Engineer", "Jordan Example"):
        assert words not in plain.stdout
    # The kind of a row's error stays: it says why without saying what the person wrote.
    assert "unexpected" in plain.stdout.lower()
    told = run(str(results), "--format", fmt, "--include-text")
    assert told.exit_code == 0, told.output
    for words in (sample.QUOTE, "Platform Engineer", "Jordan Example"):
        assert words in told.stdout.replace("&quot;", '"').replace("&#x27;", "'")


def test_html_is_one_self_contained_accessible_file(results: Path, tmp_path: Path) -> None:
    out = tmp_path / "cohort.html"
    result = run(str(results), "--by", "site", "--out", str(out))  # format from the extension
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    assert page.startswith("<!doctype html>")
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "url(" not in page
    assert "@import" not in page
    assert '<html lang="en">' in page
    assert "<style>" in page
    charts = re.findall(r"<svg [^>]*>", page)
    assert charts
    assert all('role="img"' in svg and "aria-labelledby" in svg for svg in charts)
    assert page.count("<title id=") == len(charts)
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "ids repeat"
    assert page.count("<table") == page.count("<caption>")
    assert "<h1>" in page
    assert "North" in page
    assert "South" in page


def test_markdown_tells_the_counts(results: Path) -> None:
    text = run(str(results)).stdout  # Markdown is the default
    assert text.startswith("# Cohort report: results.jsonl")
    assert "6 results read from 8 lines: 4 people assessed and 2 rows" in text
    assert (
        "| Machine Learning Operations (MLOps) Engineer | 2 (50%) | 3 (75%) | 4 | 5 | 50 |" in text
    )
    assert "| Not JSON | 1 | 4 |" in text


def test_gzip_gives_the_same_report(results: Path, tmp_path: Path) -> None:
    packed = tmp_path / "results.jsonl.gz"
    packed.write_bytes(gzip.compress(results.read_bytes()))
    plain, unpacked = report_json(results), report_json(packed)
    assert unpacked["cohort"] == plain["cohort"]
    assert unpacked["source"] == "results.jsonl.gz"


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"name,resume\nAda,Wrote Python\n", "holds no results"),
        (b"", "is empty"),
        (b"%PDF-1.7\n\x00\x01\x02binary", "holds no results"),
        (b'[{"row": 0}]\n', "holds no results"),
    ],
)
def test_a_file_that_is_not_results_is_refused_with_what_to_do(
    tmp_path: Path, content: bytes, why: str
) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(content)
    result = run(str(path))
    assert result.exit_code == 2
    assert f"people.csv {why}" in result.stderr
    assert "results of a batch assessment" in result.stderr
    assert "aicareers batch assess" in result.stderr  # how to make one
    assert "Traceback" not in result.output


def test_reading_stops_early_on_a_long_file_of_something_else(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("a,b\n" * 100_000, encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 2
    assert "no result in its first 50 lines" in result.stderr


def test_a_damaged_gzip_file_is_a_message(tmp_path: Path, results: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress(results.read_bytes())[:-30])
    result = run(str(path))
    assert result.exit_code == 2
    assert "damaged gzip file" in result.stderr


def test_unpacked_size_is_capped(tmp_path: Path, results: Path) -> None:
    path = tmp_path / "r.jsonl.gz"
    path.write_bytes(gzip.compress(results.read_bytes() * 50))
    with pytest.raises(Exception, match="unpacks to more than 0 MB"):
        cohort_report(path, CohortRequest(max_unpacked=10_000))


def test_quartiles_of_counts() -> None:
    counts = [0] * 101
    for score in (10, 20, 30, 40, 50):
        counts[score] += 1
    shown = spread(counts)
    assert (shown.min, shown.q1, shown.median, shown.q3, shown.max) == (10, 20, 30, 40, 50)
    assert shown.histogram == (0, 1, 1, 1, 1, 1, 0, 0, 0, 0)
    assert spread([0] * 101).median is None


def test_error_kinds_keep_nothing_of_the_message() -> None:
    assert error_kind("Unexpected KeyError: 'Jordan'") == (
        "unexpected", "An unexpected error in the engine")  # fmt: skip
    assert error_kind("The row has no value in column 'resume'.")[0] == "no-text"
    assert error_kind("Line 3 is not valid JSON: bad.")[0] == "unreadable-row"
    assert error_kind("Something nobody has seen")[0] == "other"


def test_the_document_round_trips(results: Path) -> None:
    from aicareers.documents.cohort import CohortReport

    report = cohort_report(results, CohortRequest(by="site"))
    again = msgspec.json.decode(msgspec.json.encode(report), type=CohortReport)
    assert again == report


def test_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    """Lines are counted and dropped: 20,000 rows (about 9 MB) are read in under 1 MB."""
    import tracemalloc

    row = sample.ROWS[1]
    line = json.dumps({**row, "careers": row["careers"][:3]})
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for number in range(20_000):
            handle.write(line.replace('"row": 1', f'"row": {number}', 1) + "\n")
    assert path.stat().st_size > 8_000_000
    cohort_report(sample.write(tmp_path), CohortRequest())  # loads the catalog, kept once
    tracemalloc.start()
    try:
        report = cohort_report(path, CohortRequest(by="site"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.results == 20_000
    assert report.cohort.careers[0].top1 == 20_000
    assert peak < 1_000_000, f"peak {peak:,} bytes"


def test_a_line_too_long_is_skipped_and_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import aicareers.service.cohort as service

    monkeypatch.setattr(service, "MAX_LINE", 4_096)
    rows = [json.dumps(r) for r in sample.ROWS]
    huge = json.dumps({"row": 99, "error": "x" * 10_000})
    assert all(len(r) < 4_096 for r in rows)
    path = tmp_path / "results.jsonl"
    path.write_text("\n".join([rows[0], huge, *rows[1:]]) + "\n", encoding="utf-8")
    report = cohort_report(path, CohortRequest())
    assert report.results == len(sample.ROWS)  # the lines after the long one are read whole
    assert report.lines == len(sample.ROWS) + 1
    assert [(b.kind, b.lines, b.first) for b in report.bad_lines] == [("too-long", 1, (2,))]


def test_the_background_note_says_every_row_when_none_lacks_one(results: Path) -> None:
    from msgspec.structs import replace

    from aicareers.export.cohort_words import backgrounds_note

    section = cohort_report(results, CohortRequest()).cohort
    assert "No prior-career background was found in" in backgrounds_note(section)
    whole = replace(section, no_background=0)
    assert backgrounds_note(whole) == "A prior-career background was found in every assessed row."
