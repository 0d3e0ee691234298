"""The plan workflow end to end through the CLI, on a real SQLite file."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from aicareers.cli.app import cli
from aicareers.errors import UnknownIdError

from . import pg
from .store_helpers import writes_denied


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'plans.db'}"


@pytest.fixture(scope="module")
def pg_db() -> Iterator[str]:
    with pg.fresh_database("cli_plan") as url:
        yield url


def run(db: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["plan", "--database", db, *args], catch_exceptions=False)


def create(db: str, *extra: str) -> dict[str, object]:
    result = run(
        db, "create", "--career", "mlops-engineer", "--skills", "Python, SQL",
        "--start", "2026-01-05", "--hours-per-week", "5", "--format", "json", *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.output)
    return data


def test_create_prints_the_documented_contract(db: str) -> None:
    plan = create(db)
    assert {"id", "career", "steps", "progress"} <= plan.keys()
    assert plan["career"] == "mlops-engineer"
    steps = plan["steps"]
    assert isinstance(steps, list)
    assert steps
    for step in steps:
        assert {"id", "kind", "title", "hours", "due", "status"} <= step.keys()
        assert step["status"] == "todo"
    ids = [s["id"] for s in steps]
    assert "learn-python" not in ids  # the person said they know Python
    assert any(s["kind"] == "project" for s in steps)
    dues = [s["due"] for s in steps]
    assert min(dues) >= "2026-01-05"
    assert len({s["kind"] for s in steps}) >= 3  # learning, projects and community side by side
    assert plan["progress"]["percent"] == 0


def test_progress_is_recorded_and_shown(db: str) -> None:
    plan = create(db)
    plan_id = str(plan["id"])
    first = plan["steps"][0]["id"]  # type: ignore[index]
    done = run(db, "step", plan_id, first, "--done", "--note", "finished it")
    assert done.exit_code == 0, done.output
    assert f"Saved: {first} done" in done.output
    shown = json.loads(run(db, "show", plan_id, "--format", "json").output)
    states = {s["id"]: s["status"] for s in shown["steps"]}
    assert states[first] == "done"
    assert shown["progress"]["steps_done"] == 1
    assert shown["progress"]["percent"] > 0
    history = json.loads(run(db, "history", plan_id, "--format", "json").output)
    assert [(e["step"], e["status"], e["note"]) for e in history["events"]] == [
        (first, "done", "finished it")
    ]
    reopened = run(db, "step", plan_id, first, "--reopen")
    assert reopened.exit_code == 0, reopened.output
    shown = json.loads(run(db, "show", plan_id, "--format", "json").output)
    assert shown["progress"]["steps_done"] == 0


def test_table_view_names_next_steps_and_overdue(db: str) -> None:
    plan = create(db)
    later = run(db, "show", str(plan["id"]), "--today", "2027-06-01")
    assert later.exit_code == 0, later.output
    assert "Overdue:" in later.output
    assert "This week" in later.output
    assert "0%" in later.output
    listing = run(db, "list")
    assert "Machine Learning Operations" in listing.output


def test_exports_parse_back(db: str, tmp_path: Path) -> None:
    from icalendar import Calendar

    plan_id = str(create(db)["id"])
    ics = run(db, "export", plan_id, "--format", "ics").output
    events = [c for c in Calendar.from_ical(ics).walk() if c.name == "VEVENT"]
    assert events
    rows = list(csv.DictReader(io.StringIO(run(db, "export", plan_id, "--format", "csv").output)))
    assert rows
    assert rows[0]["status"] == "todo"
    assert "- [ ]" in run(db, "export", plan_id, "--format", "md").output
    out = tmp_path / "plan.json"
    assert run(db, "export", plan_id, "--format", "json", "--out", str(out)).exit_code == 0
    assert json.loads(out.read_text())["id"] == int(plan_id)


def test_export_never_replaces_a_file_unasked(db: str, tmp_path: Path) -> None:
    plan_id = str(create(db)["id"])
    out = tmp_path / "mine.md"
    out.write_text("my notes")
    refused = run(db, "export", plan_id, "--format", "md", "--out", str(out))
    assert refused.exit_code == 2
    assert "already exists" in refused.output
    assert out.read_text() == "my notes"
    assert run(db, "export", plan_id, "--format", "md", "--out", str(out), "--force").exit_code == 0
    assert out.read_text().startswith("#")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("show", "999"), "plan"),
        (("step", "1", "no-such-step", "--done"), "step"),
        (("step", "1", "learn-docker"), "--done"),
        (("create", "--career", "prompt-enginer"), "prompt-engineer"),
        (("create", "--career", "prompt-engineer", "--start", "2026-02-30"), "YYYY-MM-DD"),
        (("create", "--career", "prompt-engineer", "--start", "2206-01-01"), "year"),
        (("create", "--career", "prompt-engineer", "--hours-per-week", "0"), "hours"),
        (("create", "--career", "prompt-engineer", "--hours-per-week", "500"), "hours"),
        (("create", "--career", "prompt-engineer", "--from-assessment", "42"), "assessment"),
    ],
)
def test_bad_input_is_explained(db: str, args: tuple[str, ...], message: str) -> None:
    create(db)
    result = run(db, *args)
    assert result.exit_code == 2
    assert "Error:" in result.output
    assert message in result.output.lower() or message in result.output
    assert "Traceback" not in result.output


def test_a_database_that_does_not_answer(tmp_path: Path) -> None:
    result = run("postgresql://postgres@127.0.0.1:1/nothing", "list")
    assert result.exit_code == 4
    assert "Error:" in result.output
    assert "Traceback" not in result.output


def test_a_read_only_database_keeps_its_data(db: str, tmp_path: Path) -> None:
    plan = create(db)
    path = tmp_path / "plans.db"
    before = path.read_bytes()
    with writes_denied(path):
        result = run(db, "step", str(plan["id"]), plan["steps"][0]["id"], "--done")  # type: ignore[index]
    assert result.exit_code == 4
    assert "read-only" in result.output
    assert "Traceback" not in result.output
    assert path.read_bytes() == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_plan_from_a_saved_assessment(db: str) -> None:
    runner = CliRunner()
    saved = runner.invoke(
        cli,
        [
            "assess",
            "--title",
            "Software engineer",
            "--skills",
            "Python, Docker, Kubernetes",
            "--no-semantic",
            "--save",
            "--database",
            db,
            "--format",
            "json",
        ],
    )
    assert saved.exit_code == 0, saved.output
    report = json.loads(saved.stdout)
    missing = next(c for c in report["careers"] if c["id"] == "mlops-engineer")["missing"]
    assessment_id = saved.stderr.split("assessment ")[1].split(".")[0]
    result = run(db, "create", "--career", "mlops-engineer", "--from-assessment", assessment_id,
                 "--start", "2026-03-02", "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    plan = json.loads(result.output)
    learned = {s for step in plan["steps"] if step["kind"] == "foundation" for s in step["skills"]}
    assert {m["skill"] for m in missing} <= learned
    assert "python" not in learned
    assert "container-orchestration" not in learned


def test_the_workflow_on_postgresql(pg_db: str) -> None:
    plan = create(pg_db)
    plan_id = str(plan["id"])
    first = plan["steps"][0]["id"]  # type: ignore[index]
    assert run(pg_db, "step", plan_id, first, "--start").exit_code == 0
    assert run(pg_db, "step", plan_id, first, "--done", "--note", "on postgres").exit_code == 0
    shown = json.loads(run(pg_db, "show", plan_id, "--format", "json").output)
    assert shown["progress"]["steps_done"] == 1
    history = json.loads(run(pg_db, "history", plan_id, "--format", "json").output)
    assert [e["status"] for e in history["events"]] == ["in_progress", "done"]
    assert "BEGIN:VCALENDAR" in run(pg_db, "export", plan_id, "--format", "ics").output
    assert run(pg_db, "show", "999999").exit_code == 2


def test_share_prints_a_link_that_opens_the_plan_until_revoked(db: str) -> None:
    from aicareers.service.plan_shares import read_shared
    from aicareers.store import Store

    plan_id = str(create(db)["id"])
    shared = run(db, "share", plan_id)
    assert shared.exit_code == 0, shared.output
    found = re.search(r"http://127\.0\.0\.1:8000/shared/([A-Za-z0-9_-]{43})\n", shared.output)
    assert found is not None, shared.output
    assert "Anyone with this link can read" in shared.output
    assert f"aicareers plan share {plan_id} --revoke" in shared.output
    token = found.group(1)
    with Store.open(db) as store:
        assert read_shared(store, token).id == int(plan_id)
    revoked = run(db, "share", plan_id, "--revoke")
    assert revoked.exit_code == 0, revoked.output
    assert "no longer shared" in revoked.output
    with Store.open(db) as store, pytest.raises(UnknownIdError):
        read_shared(store, token)
    again = run(db, "share", plan_id, "--revoke", "--format", "json")
    assert json.loads(again.output) == {"plan": int(plan_id), "revoked": False}


def test_share_with_another_address_and_as_json(db: str) -> None:
    plan_id = create(db)["id"]
    answer = run(db, "share", str(plan_id), "--base-url", "https://plans.example.org/",
                 "--format", "json")  # fmt: skip
    assert answer.exit_code == 0, answer.output
    document = json.loads(answer.output)
    assert document["plan"] == plan_id
    assert re.fullmatch(r"https://plans\.example\.org/shared/[A-Za-z0-9_-]{43}", document["url"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("share", "999"), "No plan with id '999'"),
        (("share", "999", "--revoke"), "No plan with id '999'"),
        (("share", "1", "--base-url", "plans.example.org"), "--base-url must be a web address"),
        (("create", "--career", "prompt-engineer", "--path", "quick"), "'quick' is not one of"),
    ],
)
def test_bad_share_and_path_input_is_explained(
    db: str, args: tuple[str, ...], message: str
) -> None:
    create(db)
    result = run(db, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_create_takes_the_path_and_the_background(db: str) -> None:
    fast = create(db, "--path", "fast", "--background", "healthcare")
    thorough = create(db)
    assert fast["preferences"]["path"] == "fast"  # type: ignore[index]
    assert thorough["preferences"]["path"] == "thorough"  # type: ignore[index]
