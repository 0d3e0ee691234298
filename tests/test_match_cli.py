"""`aicareers match`: one posting as a table, JSON or Markdown, a plan from its gaps, and a file
of postings ranked for one resume, on resumes and postings written for these tests."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import msgspec
import pytest

from aicareers.service.match import AssessInput, match
from aicareers.service.plans import local_planner

from .conftest import Invoke

RESUME = """Priya Natarajan
Leeds, UK

EXPERIENCE
Data Engineer, Parcelwise, 2020 - Present
- Shipped forecasting models to production with Kubeflow and Docker
- Wrote Python jobs and SQL queries over the delivery warehouse

Analyst, Northgate Council, 2017 - 2020
- Reported on bin collection routes in Excel
"""

# Classified as the MLOps career; what the resume lacks (CI/CD, ML frameworks) are must-haves
# of that career, so the fast plan teaches them all.
POSTING = """MLOps Engineer
About the role
You will run the platform our models are trained and served on.
Requirements
- 3+ years of experience
- Python
- Docker and Kubernetes
- ML pipelines
- CI/CD pipelines
- ML frameworks such as PyTorch
Nice to have
- Spark experience is a plus
"""

# No career of the guide: a plan has nothing to be built on.
OTHER_POSTING = """Clinical Data Analyst
Requirements
- 3+ years of experience in healthcare
- SQL
- Python for data analysis
- Tableau dashboards
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    resume, posting = tmp_path / "resume.txt", tmp_path / "posting.txt"
    resume.write_text(RESUME, encoding="utf-8")
    posting.write_text(POSTING, encoding="utf-8")
    return resume, posting


def expected(resume: Path, posting: str, filename: str | None = "resume.txt") -> object:
    """The service's own answer for what the command reads, tuples as JSON lists."""
    report = match(AssessInput(file=resume.read_bytes(), filename=filename), posting)
    return json.loads(json.dumps(msgspec.to_builtins(report)))


def test_the_table_shows_the_fit_and_a_met_must_have_quoted_from_both_texts(
    invoke: Invoke, files: tuple[Path, Path]
) -> None:
    resume, posting = files
    report = expected(resume, POSTING)
    assert isinstance(report, dict)
    # Wide enough that no cell wraps, so a skill's row is one line.
    result = invoke("match", str(resume), str(posting), env={"COLUMNS": "220"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert f"Your fit for MLOps Engineer: {report['fit']}/100" in out
    row = next(line for line in out.splitlines() if "ML training pipelines" in line)
    assert re.search(r"must-have\s+│\s+met\s+│\s+“ML pipelines”\s+│\s+“Kubeflow”", row), row
    assert "Must-haves you show" in out
    assert "not one of the 20" not in out
    assert "Machine Learning Operations (MLOps) Engineer" in out
    assert "missing" in out  # CI/CD is asked for and the resume does not show it


def test_json_is_the_services_match_report(invoke: Invoke, files: tuple[Path, Path]) -> None:
    resume, posting = files
    result = invoke("match", str(resume), str(posting), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == expected(resume, POSTING)


def test_markdown_has_the_skills_table(invoke: Invoke, files: tuple[Path, Path]) -> None:
    resume, posting = files
    result = invoke("match", str(resume), str(posting), "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("# Your fit for MLOps Engineer: ")
    assert (
        "| Skill | Asked as | You | The posting says | Your resume says | Hours to learn |" in out
    )
    assert "| ML training pipelines | must-have | met | “ML pipelines” | “Kubeflow” | - |" in out
    missing = r"\| CI/CD pipelines \| must-have \| missing \| “CI/CD pipelines” \| - \| \d+ \|"
    assert re.search(missing, out)


def test_the_resume_can_come_from_standard_input(invoke: Invoke, files: tuple[Path, Path]) -> None:
    resume, posting = files
    result = invoke("match", "-", str(posting), "--format", "json", input=RESUME)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == expected(resume, POSTING, filename=None)


def test_only_one_of_the_two_may_be_standard_input(invoke: Invoke) -> None:
    result = invoke("match", "-", "-", input=RESUME)
    assert result.exit_code != 0
    assert "Only one of the resume and the posting" in result.stderr


def test_a_missing_file_or_an_empty_posting_is_a_clear_error(
    invoke: Invoke, files: tuple[Path, Path], tmp_path: Path
) -> None:
    resume, posting = files
    gone = invoke("match", str(tmp_path / "nope.pdf"), str(posting))
    assert gone.exit_code != 0
    assert gone.stderr.startswith("Error: No resume file at")
    assert "Traceback" not in gone.output
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    blank = invoke("match", str(resume), str(empty))
    assert blank.exit_code != 0
    assert blank.stderr.startswith("Error: The posting is empty.")
    assert blank.stdout == ""
    pdf = tmp_path / "posting.pdf"
    pdf.write_bytes(b"%PDF-1.7\n...")
    binary = invoke("match", str(resume), str(pdf))
    assert binary.exit_code != 0
    assert "must be plain text" in binary.stderr


def _plan_id(out: str) -> int:
    found = re.search(r"Saved plan (\d+)", out)
    assert found, out
    return int(found.group(1))


def test_plan_teaches_the_missing_must_haves(
    invoke: Invoke, files: tuple[Path, Path], tmp_path: Path
) -> None:
    resume, posting = files
    db = f"sqlite:///{tmp_path / 'plans.db'}"
    report = match(AssessInput(file=resume.read_bytes(), filename="resume.txt"), POSTING)
    gaps = {s.id for s in report.skills if s.kind == "must" and not s.matched and ":" not in s.id}
    assert gaps  # the posting asks for skills the resume lacks
    result = invoke("match", str(resume), str(posting), "--plan", "--database", db)
    assert result.exit_code == 0, result.stderr
    plan_id = _plan_id(result.stdout)
    assert f"See it: aicareers plan --database {db} show {plan_id}" in result.stdout
    with local_planner(db) as planner:
        record = planner.get(plan_id)
    assert record.plan.career == "mlops-engineer"
    assert record.plan.preferences.path == "fast"
    taught = {k for s in record.plan.steps if s.id.startswith("learn-") for k in s.skills}
    assert gaps <= taught
    teaches = next(line for line in result.stdout.splitlines() if line.startswith("It teaches"))
    assert all(s.name in teaches for s in report.skills if s.id in gaps)
    assert "leaves out" not in result.stdout
    shown = {s.id for s in report.skills if s.matched}
    assert not {f"learn-{i}" for i in shown} & {s.id for s in record.plan.steps}


def test_json_with_a_plan_keeps_standard_output_one_document(
    invoke: Invoke, files: tuple[Path, Path], tmp_path: Path
) -> None:
    resume, posting = files
    db = f"sqlite:///{tmp_path / 'plans.db'}"
    result = invoke("match", str(resume), str(posting), "--plan", "--database", db,
                    "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["posting"]["career"] == "mlops-engineer"
    assert _plan_id(result.stderr) >= 1


def test_a_posting_outside_the_careers_makes_no_plan(
    invoke: Invoke, files: tuple[Path, Path], tmp_path: Path
) -> None:
    resume, _ = files
    other = tmp_path / "other.txt"
    other.write_text(OTHER_POSTING, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'plans.db'}"
    result = invoke("match", str(resume), str(other), "--plan", "--database", db)
    assert result.exit_code == 0, result.stderr
    assert "Career: not one of the 20 careers in the guide" in result.stdout
    assert "No plan was made: this posting is not one of the 20 careers" in result.stdout
    with local_planner(db) as planner:
        assert planner.all() == []


def test_a_must_have_the_fast_path_leaves_out_is_named(
    invoke: Invoke, files: tuple[Path, Path], tmp_path: Path
) -> None:
    resume, _ = files
    posting = tmp_path / "wide.txt"
    # Prompt engineering is no must-have of the MLOps career, so the fast path skips it.
    posting.write_text(POSTING.replace("- Python\n", "- Python\n- Prompt engineering\n"),
                       encoding="utf-8")  # fmt: skip
    db = f"sqlite:///{tmp_path / 'plans.db'}"
    result = invoke("match", str(resume), str(posting), "--plan", "--database", db)
    assert result.exit_code == 0, result.stderr
    plan_id = _plan_id(result.stdout)
    with local_planner(db) as planner:
        record = planner.get(plan_id)
    taught = {k for s in record.plan.steps if s.id.startswith("learn-") for k in s.skills}
    assert "prompt-engineering" in record.plan.gaps
    # Taught, or named as left out: never dropped without a word.
    left = re.search(r"the plan leaves out ([^.]*)\.", result.stdout)
    assert "prompt-engineering" in taught or (left and "Prompt engineering" in left.group(1))


def test_the_fast_plan_teaches_every_missing_must_have_of_the_posting(
    files: tuple[Path, Path],
) -> None:
    resume, _ = files
    from aicareers.service.plans import PlanRequest

    wide = POSTING.replace("- Python\n", "- Python\n- Prompt engineering\n")
    report = match(AssessInput(file=resume.read_bytes(), filename="resume.txt"), wide)
    gaps = tuple(s.id for s in report.skills
                 if s.kind == "must" and not s.matched and ":" not in s.id)  # fmt: skip
    assert "prompt-engineering" in gaps
    with local_planner(f"sqlite:///{resume.parent / 'plans.db'}") as planner:
        record = planner.create_from(PlanRequest(career="mlops-engineer", path="fast", gaps=gaps))
    taught = {k for s in record.plan.steps if s.id.startswith("learn-") for k in s.skills}
    assert set(gaps) <= taught


def _postings_csv(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "company", "description"])
        writer.writerow(["Clinical Data Analyst", "Mercy", OTHER_POSTING])
        writer.writerow(["Office Manager", "Acme", ""])  # no description: cannot be matched
        writer.writerow(["MLOps Engineer", "Freightly", POSTING])
        writer.writerow(["Prompt Engineer", "Wordly", "Prompt Engineer\nRequirements\n"
                         "- Prompt engineering\n- Python\n- Technical writing\n"])  # fmt: skip


def test_postings_file_is_ranked_by_fit_with_the_error_row_last(
    invoke: Invoke, files: tuple[Path, Path], tmp_path: Path
) -> None:
    resume, _ = files
    table, out = tmp_path / "jobs.csv", tmp_path / "ranked.jsonl"
    _postings_csv(table)
    result = invoke("match", str(resume), "--postings", str(table), "--output", str(out),
                    "--top", "2")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(lines) == 4
    assert all(set(line) == {"row", "title", "career", "fit", "missing_must",
                             "missing_must_hours", "error"} for line in lines)  # fmt: skip
    assert lines[-1]["row"] == 1
    assert "empty" in (lines[-1]["error"] or "")
    assert lines[-1]["fit"] is None
    fits = [line["fit"] for line in lines[:3]]
    assert fits == sorted(fits, reverse=True)
    assert all(line["error"] is None for line in lines[:3])
    mlops = next(line for line in lines if line["row"] == 2)
    alone = match(AssessInput(file=resume.read_bytes(), filename="resume.txt"), POSTING,
                  "MLOps Engineer")  # fmt: skip
    assert (mlops["fit"], mlops["career"]) == (alone.fit, "mlops-engineer")
    assert "The best 2 of 4 postings for you" in result.stdout
    assert lines[0]["title"] in result.stdout
    assert "Wrote" in result.stderr


def test_postings_without_output_print_the_lines(
    invoke: Invoke, files: tuple[Path, Path], tmp_path: Path
) -> None:
    resume, _ = files
    table = tmp_path / "jobs.csv"
    _postings_csv(table)
    result = invoke("match", str(resume), "--postings", str(table))
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line)["row"] for line in result.stdout.splitlines()]
    assert sorted(rows) == [0, 1, 2, 3]
    assert rows[-1] == 1


def test_options_of_one_mode_are_refused_in_the_other(
    invoke: Invoke, files: tuple[Path, Path], tmp_path: Path
) -> None:
    resume, posting = files
    table = tmp_path / "jobs.csv"
    _postings_csv(table)
    both = invoke("match", str(resume), str(posting), "--postings", str(table))
    assert both.exit_code != 0
    assert "not both" in both.stderr
    plan = invoke("match", str(resume), "--postings", str(table), "--plan")
    assert plan.exit_code != 0
    assert "--plan only works with one posting" in plan.stderr
    top = invoke("match", str(resume), "--postings", str(table), "--top", "3")
    assert top.exit_code != 0
    assert "--output" in top.stderr
