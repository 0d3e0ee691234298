"""``aicareers batch assess`` over CSV, JSONL and Parquet files, run with the light engine."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from aicareers.batch import Columns, Row, light_assessor, open_table, run_batch
from aicareers.batch.runner import split_skills
from aicareers.cli.batch import make_group
from aicareers.errors import AicareersError

DS = "Data scientist. I build machine learning models in Python and SQL and run A/B tests."
MLOPS = "Platform engineer: Kubernetes, Docker, CI/CD pipelines and model deployment on AWS."
TEACHER = "High school teacher who writes lesson plans and explains statistics to students."
CAREER_KEYS = {"id", "score", "components", "matched", "missing", "reason"}

Run = Callable[..., Result]


@pytest.fixture
def run() -> Run:
    """Run ``batch ARGS...`` with the catalog-only engine (no taxonomy, no text model)."""
    group = make_group(light_assessor)
    runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "100"})

    def invoke(*args: str | Path) -> Result:
        return runner.invoke(group, [str(a) for a in args], catch_exceptions=False)

    return invoke


def write_csv(path: Path, header: list[str], rows: list[list[str]], bom: bool = False) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(("\ufeff" if bom else "") + buffer.getvalue(), encoding="utf-8")
    return path


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def texts(count: int) -> list[str]:
    """``count`` different texts (a number in each, so no two rows are the same)."""
    return [f"{(DS, MLOPS, TEACHER)[i % 3]} Project {i}." for i in range(count)]


def test_csv_with_bom_and_blank_row(run: Run, tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "people.csv",
        ["id", "resume"],
        [["1", DS], ["2", "   "], ["3", "line one\nline two, " + MLOPS]],
        bom=True,
    )
    out = tmp_path / "out.jsonl"
    result = run("assess", source, "--text-column", "resume", "--out", out, "--workers", "1")
    assert result.exit_code == 0, result.stderr
    lines = read_lines(out)
    assert [line["row"] for line in lines] == [0, 1, 2]
    assert "careers" in lines[0]
    assert "careers" in lines[2]
    assert "empty" in lines[1]["error"]
    assert "Traceback" not in lines[1]["error"]
    assert "3 rows" in result.stderr
    assert "2 assessed, 1 errors" in result.stderr


def test_jsonl_bad_lines_become_error_rows(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "people.jsonl"
    source.write_text(
        "\n".join(
            [
                json.dumps({"text": DS}),
                '{"text": "unterminated',
                "",  # a blank line is not a row
                json.dumps({"text": 42}),
                json.dumps(["not", "an", "object"]),
                json.dumps({"other": "no text key"}),
                json.dumps({"text": None}),
                json.dumps({"text": MLOPS}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = run("assess", source, "--text-column", "text", "--out", out)
    assert result.exit_code == 0, result.stderr
    lines = read_lines(out)
    assert [line["row"] for line in lines] == list(range(7))
    assert [("careers" in line) for line in lines] == [True, *[False] * 5, True]
    assert "not valid JSON" in lines[1]["error"]
    assert "a number, not text" in lines[2]["error"]
    assert "not an object" in lines[3]["error"]
    assert "no value in column 'text'" in lines[4]["error"]


def test_parquet_streams_and_limits_top(run: Run, tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"bio": [DS, "", MLOPS, TEACHER], "n": [1, 2, 3, 4]})
    source = tmp_path / "people.parquet"
    pq.write_table(table, source, row_group_size=2)
    out = tmp_path / "out.jsonl"
    result = run("assess", source, "--text-column", "bio", "--out", out, "--top", "3")
    assert result.exit_code == 0, result.stderr
    lines = read_lines(out)
    assert [line["row"] for line in lines] == [0, 1, 2, 3]
    assert "error" in lines[1]
    for line in (lines[0], lines[2], lines[3]):
        careers = line["careers"]
        assert len(careers) == 3
        assert all(set(career) >= CAREER_KEYS for career in careers)
        scores = [career["score"] for career in careers]
        assert scores == sorted(scores, reverse=True)
    matched = [m for line in (lines[0], lines[2]) for c in line["careers"] for m in c["matched"]]
    assert matched
    assert all({"skill", "evidence"} <= set(m) for m in matched)


def test_evidence_points_into_the_row_text(run: Run, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "p.csv", ["text"], [[DS]])
    out = tmp_path / "out.jsonl"
    assert run("assess", source, "--text-column", "text", "--out", out).exit_code == 0
    evidence = [
        span for c in read_lines(out)[0]["careers"] for m in c["matched"] for span in m["evidence"]
    ]
    assert evidence
    assert all(DS[span["start"] : span["end"]] == span["text"] for span in evidence)


def test_missing_column_names_the_available_ones(run: Run, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "p.csv", ["name", "resume"], [["a", DS]])
    out = tmp_path / "out.jsonl"
    result = run("assess", source, "--text-column", "cv", "--out", out)
    assert result.exit_code == 2
    assert "no column 'cv'" in result.stderr
    assert "'name', 'resume'" in result.stderr
    assert not out.exists()


def test_refuses_to_overwrite_without_force(run: Run, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "p.csv", ["text"], [[DS]])
    out = tmp_path / "out.jsonl"
    out.write_text("keep me\n", encoding="utf-8")
    result = run("assess", source, "--text-column", "text", "--out", out)
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert out.read_text("utf-8") == "keep me\n"
    forced = run("assess", source, "--text-column", "text", "--out", out, "--force")
    assert forced.exit_code == 0, forced.stderr
    assert read_lines(out)[0]["row"] == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_unknown_extension_asks_for_format(run: Run, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "people.txt", ["text"], [[DS], [MLOPS]])
    out = tmp_path / "out.jsonl"
    result = run("assess", source, "--text-column", "text", "--out", out)
    assert result.exit_code == 2
    assert "say which format it is in (csv, jsonl or parquet)" in result.stderr
    result = run("assess", source, "--text-column", "text", "--out", out, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert len(read_lines(out)) == 2


def test_limit_and_extra_columns(run: Run, tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "p.csv",
        ["text", "job", "skills"],
        [[TEACHER, "MLOps Engineer", "Kubernetes; Docker"], [DS, "", ""], [MLOPS, "", ""]],
    )
    out = tmp_path / "out.jsonl"
    args = ("assess", source, "--text-column", "text", "--out", out, "--limit", "1")
    plain = run(*args)
    assert plain.exit_code == 0, plain.stderr
    before = read_lines(out)
    assert len(before) == 1
    extra = run(*args, "--title-column", "job", "--skills-column", "skills", "--force")
    assert extra.exit_code == 0, extra.stderr
    after = read_lines(out)
    skills = {m["skill"] for c in after[0]["careers"] for m in c["matched"]}
    assert not {m["skill"] for c in before[0]["careers"] for m in c["matched"]}
    assert "container-orchestration" in skills  # from the skills column alone
    assert after[0]["careers"][0]["id"] == "mlops-engineer"
    missing = run(*args, "--title-column", "role", "--force")
    assert missing.exit_code == 2
    assert "no column 'role'" in missing.stderr


def test_two_workers_write_what_one_writes(run: Run, tmp_path: Path) -> None:
    rows = [[t] for t in texts(40)]
    rows[7] = [""]
    source = write_csv(tmp_path / "p.csv", ["text"], rows)
    outputs = []
    for workers in ("1", "2", "2"):
        out = tmp_path / f"out-{len(outputs)}.jsonl"
        result = run("assess", source, "--text-column", "text", "--out", out, "--workers", workers)
        assert result.exit_code == 0, result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]  # same bytes: order kept, deterministic
    lines = read_lines(tmp_path / "out-1.jsonl")
    assert [line["row"] for line in lines] == list(range(40))
    assert "error" in lines[7]


def test_runner_keeps_order_with_small_chunks(tmp_path: Path) -> None:
    rows = [Row(i, {"text": t}) for i, t in enumerate(texts(30))]
    rows.insert(5, Row(5, None, "broken"))
    rows = [Row(i, r.fields, r.error) for i, r in enumerate(rows)]
    buffers = []
    for workers in (1, 2):
        buffer = io.BytesIO()
        seen: list[int] = []
        summary = run_batch(
            rows,
            buffer,
            columns=Columns("text"),
            factory=light_assessor,
            workers=workers,
            top=1,
            progress=seen.append,
        )
        assert (summary.rows, summary.ok, summary.errors) == (31, 30, 1)
        assert sum(seen) == 31
        buffers.append(buffer.getvalue())
    assert buffers[0] == buffers[1]
    lines = [json.loads(line) for line in buffers[0].splitlines()]
    assert lines[5] == {"row": 5, "error": "broken"}
    assert all(len(line["careers"]) == 1 for line in lines if "careers" in line)


def broken_engine() -> Any:
    """A factory that fails, as a missing model would."""
    raise RuntimeError("no engine here")


def test_engine_that_cannot_load_ends_the_batch(tmp_path: Path) -> None:
    rows = [Row(i, {"text": t}) for i, t in enumerate(texts(40))]
    for workers in (1, 2):
        with pytest.raises(AicareersError, match=r"could not be loaded.*no engine here"):
            run_batch(
                rows, io.BytesIO(), columns=Columns("text"), factory=broken_engine, workers=workers
            )


def test_table_counts_and_columns(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "p.csv", ["a", "text"], [["1", "x\ny"], ["2", "z"]], bom=True)
    table = open_table(source)
    assert table.columns == ("a", "text")
    assert table.count() == 2
    assert table.count(stop=1) == 1
    assert [r.fields for r in table.rows(["text"])] == [{"text": "x\ny"}, {"text": "z"}]


def test_split_skills() -> None:
    assert split_skills("Python; SQL, docker |  \nGit") == ("Python", "SQL", "docker", "Git")
    assert split_skills(["a", " ", 3, "b"]) == ("a", "b")
    assert split_skills(None) == ()


def test_help_has_an_example(run: Run) -> None:
    result = run("assess", "--help")
    assert result.exit_code == 0
    assert "aicareers batch assess people.csv" in result.stdout


def test_batch_row_gets_the_same_answer_as_the_person_alone(tmp_path: Path) -> None:
    """One pipeline: the real engine in a batch (matching by meaning on) equals ``assess``."""
    from aicareers.cli.app import cli

    resume = (
        "Payroll and benefits officer for six years. Ran monthly payroll for 400 staff, answered "
        "employee questions on leave and pay, kept personnel records and drafted HR policies "
        "with the legal team. Trained new managers on the appraisal process. Before that, "
        "three years as an HR assistant at a logistics firm: recruitment paperwork, onboarding "
        "of drivers and warehouse staff, absence tracking in Excel and answering questions "
        "about contracts. Certificate in Personnel Practice; fluent in English and Polish."
    )
    runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "100"})
    source = write_csv(tmp_path / "people.csv", ["resume"], [[resume]])
    out = tmp_path / "out.jsonl"
    args = ["batch", "assess", str(source), "--text-column", "resume", "--out", str(out)]
    batch = runner.invoke(cli, [*args, "--workers", "1", "--top", "5"])
    assert batch.exit_code == 0, batch.stderr
    alone = runner.invoke(cli, ["assess", "-", "--format", "json", "--top", "5"], input=resume)
    assert alone.exit_code == 0, alone.stderr
    expected = json.loads(alone.stdout)["careers"]
    assert read_lines(out)[0]["careers"] == expected


def test_keep_copies_columns_after_row(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "p.jsonl"
    people = [
        {"text": DS, "site": "North", "cohort": 3},
        {"text": "", "site": "South"},  # an error row still says where it came from
        {"text": TEACHER, "site": None, "cohort": 4},
    ]
    source.write_text("\n".join(json.dumps(p) for p in people) + "\n{broken\n", "utf-8")
    out = tmp_path / "out.jsonl"
    args = ("assess", source, "--text-column", "text", "--out", out, "--top", "1")
    result = run(*args, "--keep", "site", "--keep", "cohort")
    assert result.exit_code == 0, result.stderr
    lines = read_lines(out)
    assert [list(line)[:2] for line in lines[:3]] == [["row", "columns"]] * 3
    assert [line.get("columns") for line in lines] == [
        {"site": "North", "cohort": "3"},
        {"site": "South", "cohort": ""},
        {"site": "", "cohort": "4"},
        None,  # an unreadable line has no columns to copy
    ]
    assert "error" in lines[1]
    assert len(lines[0]["careers"]) == 1
    plain = run(*args, "--force")
    assert all("columns" not in line for line in read_lines(out))
    assert plain.exit_code == 0
    missing = run(*args, "--keep", "region", "--force")
    assert missing.exit_code == 2
    assert "no column 'region'" in missing.stderr


def test_each_row_starts_with_no_remembered_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    """A vector remembered from an earlier row differs in its last bits from one embedded with
    this row's sentences, and moved scores by a point: the worker forgets before each row."""
    from aicareers.batch.worker import Request, Worker, full_assessor

    worker = Worker(full_assessor)
    (memory,) = worker._memories  # text coding and the skill matcher share one encoder
    memory.forget()  # the engine is cached per process: other tests may have used it
    seen: list[int] = []
    forget = memory.forget

    def counting_forget() -> None:
        seen.append(len(memory._vectors))
        forget()

    monkeypatch.setattr(memory, "forget", counting_forget)
    both = " ".join((DS, MLOPS, TEACHER))
    lines = worker.lines([Request(0, both), Request(1, both), Request(2, error="x")], 1)
    assert [ok for ok, _ in lines] == [True, True, False]
    assert len(seen) == 3
    assert seen[0] == 0 < seen[1]  # the first row's sentences were remembered, then dropped


def test_globs_and_folders_are_checked(run: Run, tmp_path: Path) -> None:
    write_csv(tmp_path / "a-1.csv", ["text"], [[DS]])
    write_csv(tmp_path / "a-2.csv", ["resume"], [[MLOPS]])  # the text column is missing here
    (tmp_path / "a-3.jsonl").write_text('{"text": "x"}\n', "utf-8")
    out = tmp_path / "out.jsonl"
    args = ("--text-column", "text", "--out", out)
    mixed = run("assess", tmp_path / "a-*", *args)
    assert mixed.exit_code == 2
    assert "different formats" in mixed.stderr
    renamed = run("assess", tmp_path / "a-*.csv", *args)
    assert renamed.exit_code == 2
    assert "a-2.csv has no column 'text'" in renamed.stderr
    assert "Assessing" not in renamed.stderr  # found before any work, not halfway through
    assert not out.exists()
    for missing in (tmp_path / "none.csv", tmp_path / "none-*.csv", tmp_path):
        result = run("assess", missing, *args)
        assert result.exit_code == 2
        assert "does not exist" in result.stderr or "No input files" in result.stderr
