"""Plan exports: the JSON document, CSV, iCalendar (parsed back with icalendar) and Markdown."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from typing import Any

import msgspec
import pytest
from dateutil.rrule import rrulestr
from hypothesis import given
from hypothesis import strategies as st

from aicareers.charts.timeline import plan_timeline_svg
from aicareers.documents import plan as documents
from aicareers.engine.plans.build import build_plan
from aicareers.engine.plans.model import Plan, Preferences, Progress, ProgressEvent
from aicareers.engine.plans.progress import summarize
from aicareers.errors import UserInputError
from aicareers.export import FORMATS, MEDIA_TYPES, export_plan
from aicareers.export.ical import escape_text, fold
from aicareers.export.markdown import plan_markdown, progress_bar
from aicareers.knowledge import default_catalog
from aicareers.knowledge.space import default_space

from .plan_samples import at, sample_plan
from .test_plan_timeline import v2_plan, v2_progress

D = dt.date
NOW = dt.datetime(2026, 1, 27, 9, 30, tzinfo=dt.UTC)
TODAY = D(2026, 1, 27)
TRICKY = "Ship it, then; measure: ünïcödé ✓ 🚀 \\ back\\slash"
LONG_WHY = ("Das Modell überwacht, die Daten ändern sich; 監視は大切です. " * 12).strip()


def progressed() -> tuple[Plan, Progress]:
    """py done (with a note), stats skipped, ml started, the projects still to do."""
    plan = sample_plan()
    events = [
        ProgressEvent(seq=1, step="py", status="done", at=at(D(2026, 1, 10)), note="loved it"),
        ProgressEvent(seq=2, step="stats", status="skipped", at=at(D(2026, 1, 11))),
        ProgressEvent(seq=3, step="ml", status="in_progress", at=at(D(2026, 1, 26))),
    ]
    return plan, summarize(plan, events, TODAY)


def plan_document(*args: Any, **kwargs: Any) -> Any:
    """The plan document as the JSON it prints (dates as text)."""
    return json.loads(msgspec.json.encode(documents.plan_document(*args, **kwargs)))


# --- JSON -----------------------------------------------------------------------------------


def in_order(keys: list[str], expected: list[str]) -> bool:
    """``expected`` appear in ``keys`` in this order (version 2 added keys between them)."""
    rest = iter(keys)
    return all(key in rest for key in expected)


def test_document_keys_in_order() -> None:
    plan, progress = progressed()
    doc = plan_document(7, plan, progress, created_at=dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC))
    assert in_order(list(doc), [
        "id", "career", "career_title", "preferences", "created_at", "total_hours", "finish",
        "gaps", "milestones", "steps", "progress",
    ])  # fmt: skip
    assert in_order(list(doc["preferences"]), ["start", "hours_per_week", "free_only", "platforms"])
    assert list(doc["milestones"][0]) == ["id", "title", "due", "steps", "challenges"]
    assert in_order(list(doc["steps"][0]), [
        "id", "kind", "milestone", "title", "why", "hours", "due", "status", "skills",
        "resources", "deliverables", "requires", "note", "since",
    ])  # fmt: skip
    assert list(doc["steps"][0]["resources"][0]) == ["id", "name", "url", "free", "provider"]
    assert list(doc["progress"])[:9] == [
        "percent", "steps_done", "steps_skipped", "steps_in_progress", "steps_total",
        "hours_done", "hours_left", "next_steps", "overdue",
    ]  # fmt: skip


def test_document_values() -> None:
    plan, progress = progressed()
    doc = plan_document(7, plan, progress, created_at=dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC))
    assert (doc["id"], doc["career"], doc["career_title"]) == (
        7,
        "mlops-engineer",
        "MLOps Engineer",
    )
    preferences = {"start": "2026-01-05", "hours_per_week": 5.0, "free_only": False,
                   "platforms": ["coursera"]}  # fmt: skip
    assert {k: doc["preferences"][k] for k in preferences} == preferences
    assert doc["created_at"] == "2026-01-05T08:00:00+00:00"
    assert (doc["total_hours"], doc["finish"]) == (40.0, "2026-03-02")
    assert doc["milestones"][0]["steps"] == ["py", "ml", "stats"]
    assert doc["milestones"][0]["challenges"][0]["remedies"] == [
        "Keep a log of what you learn", "Find a study group",
    ]  # fmt: skip
    steps = {s["id"]: s for s in doc["steps"]}
    assert [s["status"] for s in doc["steps"]] == ["done", "in_progress", "skipped", "todo", "todo"]
    assert (steps["py"]["note"], steps["py"]["since"]) == ("loved it", "2026-01-10T12:00:00+00:00")
    assert (steps["proj1"]["note"], steps["proj1"]["since"]) == (None, None)
    assert steps["py"]["due"] == "2026-01-12"
    assert steps["py"]["resources"][1] == {
        "id": "py-book", "name": "A book without a link", "url": None, "free": None,
        "provider": None,
    }  # fmt: skip
    assert steps["proj1"]["requires"] == ["ml"]
    assert steps["proj1"]["deliverables"] == ["a public repository", "a short write-up"]
    assert {k: doc["progress"][k] for k in list(doc["progress"])[:15]} == {
        "percent": 16.7, "steps_done": 1, "steps_skipped": 1, "steps_in_progress": 1,
        "steps_total": 5, "hours_done": 6.0, "hours_left": 30.0,
        "next_steps": ["ml"], "overdue": ["ml"], "streak_days": 1,
        "current_milestone": "foundations", "projected_finish": "2026-03-10",
        "days_behind": 8, "last_activity": "2026-01-26T12:00:00+00:00", "as_of": "2026-01-27",
    }  # fmt: skip


def test_json_export_is_the_document() -> None:
    plan, progress = progressed()
    text = export_plan("json", 7, plan, progress, now=NOW)
    assert text.endswith("}\n")
    assert json.loads(text) == plan_document(7, plan, progress)
    tricky = sample_plan(first_title=TRICKY)
    assert TRICKY.replace("\\", "\\\\") in export_plan("json", 7, tricky, progress, now=NOW)


# --- CSV ------------------------------------------------------------------------------------


def test_csv_round_trips_through_dictreader() -> None:
    plan = sample_plan(first_title='Python, "fast"; then\nmore')
    progress = progressed()[1]
    text = export_plan("csv", 7, plan, progress, now=NOW)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == [
        "id", "milestone", "kind", "title", "hours", "due", "status", "since", "note", "resources",
    ]  # fmt: skip
    assert [r["id"] for r in rows] == ["py", "ml", "stats", "proj1", "proj2"]
    assert rows[0] == {
        "id": "py", "milestone": "foundations", "kind": "foundation",
        "title": 'Python, "fast"; then\nmore', "hours": "6", "due": "2026-01-12",
        "status": "done", "since": "2026-01-10T12:00:00+00:00", "note": "loved it",
        "resources": "https://example.org/py",
    }  # fmt: skip
    assert (rows[2]["status"], rows[2]["note"], rows[4]["since"]) == ("skipped", "", "")


# --- iCalendar ------------------------------------------------------------------------------


def ics_events(text: str) -> dict[str, Any]:
    icalendar = pytest.importorskip("icalendar")
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//aicareers//")
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_ics_has_milestones_and_open_steps() -> None:
    plan, progress = progressed()
    events = ics_events(export_plan("ics", 7, plan, progress, now=NOW))
    # Two milestones, and the steps not done or skipped: ml (started), proj1, proj2.
    assert sorted(events) == [
        "plan-7-milestone-foundations@aicareers", "plan-7-milestone-portfolio@aicareers",
        "plan-7-ml@aicareers", "plan-7-proj1@aicareers", "plan-7-proj2@aicareers",
    ]  # fmt: skip
    ml = events["plan-7-ml@aicareers"]
    assert ml["DTSTART"].dt == D(2026, 1, 26)
    assert ml["DTEND"].dt == D(2026, 1, 27)
    assert ml["DTSTAMP"].dt == NOW
    assert str(ml["SUMMARY"]) == "Machine learning basics"
    foundations = events["plan-7-milestone-foundations@aicareers"]
    assert foundations["DTSTART"].dt == D(2026, 2, 1)
    description = str(foundations["DESCRIPTION"])
    assert "- Python for data work (done)\n- Machine learning basics (in progress)" in description
    assert "- Keep a log of what you learn" in description


def test_ics_text_round_trips_exactly_and_lines_are_folded() -> None:
    plan = sample_plan(first_title=TRICKY, first_why=LONG_WHY)
    progress = summarize(plan, [], TODAY)
    text = export_plan("ics", 3, plan, progress, now=NOW)
    py = ics_events(text)["plan-3-py@aicareers"]
    assert str(py["SUMMARY"]) == TRICKY
    assert str(py["DESCRIPTION"]) == (
        f"{LONG_WHY}\n\nAbout 6 hours. Plan: MLOps Engineer.\n\n"
        "Resources:\n- Python course: https://example.org/py\n- A book without a link"
    )
    assert text.endswith("END:VCALENDAR\r\n")
    physical = text.split("\r\n")[:-1]
    assert not any("\n" in line or "\r" in line for line in physical)
    assert max(len(line.encode("utf-8")) for line in physical) <= 75
    assert sum(line.startswith(" ") for line in physical) > 10  # the long text was folded


def test_dtstamp_is_utc() -> None:
    plan, progress = progressed()
    tokyo = dt.timezone(dt.timedelta(hours=9))
    text = export_plan("ics", 7, plan, progress, now=dt.datetime(2026, 1, 27, 18, 30, tzinfo=tokyo))
    assert "DTSTAMP:20260127T093000Z\r\n" in text


def test_escape_text() -> None:
    assert escape_text("a\\b;c,d\ne\r\nf\rg") == "a\\\\b\\;c\\,d\\ne\\nf\\ng"
    assert escape_text("bell\x07 tab\t") == "bell tab\t"


@given(st.text(max_size=400))
def test_fold_keeps_characters_whole(value: str) -> None:
    line = "DESCRIPTION:" + escape_text(value)
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join([parts[0], *(p[1:] for p in parts[1:])]) == line


def test_fold_at_a_multibyte_boundary() -> None:
    line = "X" * 74 + "é" + "Y"  # é would end at octet 76: it must move whole to the next line
    assert fold(line) == "X" * 74 + "\r\n é" + "Y"


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_task_list_and_dates() -> None:
    plan, progress = progressed()
    text = export_plan("md", 7, plan, progress, now=NOW)
    assert text.startswith("# Plan 7: MLOps Engineer\n")
    assert "5 hours a week from 2026-01-05" in text
    assert "finish by 2026-03-02" in text
    assert "`[###-----------------]` 16.7%" in text
    assert "## 1. Build foundations (due 2026-02-01)" in text
    assert "## 2. Build a portfolio (due 2026-03-01)" in text
    assert "- [x] **Python for data work**: 6 h, due 2026-01-12" in text
    assert "- [ ] **Machine learning basics** (in progress): 10 h, due 2026-01-26" in text
    assert "- [ ] ~~**Statistics refresher**~~ (skipped): 4 h, due 2026-02-01" in text
    assert "- [ ] **Deploy a model**: 12 h, due 2026-02-15" in text
    assert (
        "  - Resources: [Python course (free)](https://example.org/py), A book without a link"
        in text
    )
    assert "  - Deliverables: a public repository; a short write-up" in text
    assert "  - After: Machine learning basics" in text
    assert "  - Note: loved it" in text
    assert "> **Watch for: Imposter syndrome.** Feeling you do not belong yet." in text
    assert "> - Find a study group" in text
    assert "Overdue: Machine learning basics" in text


def test_markdown_escapes_special_characters() -> None:
    plan = sample_plan(first_title="Use *args and [links]")
    text = plan_markdown(1, plan, summarize(plan, [], TODAY))
    assert r"**Use \*args and \[links\]**" in text


def test_progress_bar() -> None:
    assert progress_bar(0) == "[" + "-" * 20 + "]"
    assert progress_bar(50) == "[" + "#" * 10 + "-" * 10 + "]"
    assert progress_bar(100) == "[" + "#" * 20 + "]"


# --- dispatch -------------------------------------------------------------------------------


def test_every_format_and_an_unknown_one() -> None:
    plan, progress = progressed()
    assert FORMATS == ("md", "json", "ics", "csv", "svg")
    assert set(MEDIA_TYPES) == set(FORMATS)
    assert MEDIA_TYPES["svg"] == "image/svg+xml"
    assert all(export_plan(f, 1, plan, progress, now=NOW) for f in FORMATS)
    with pytest.raises(UserInputError, match="Choose one of: md, json, ics, csv, svg"):
        export_plan("pdf", 1, plan, progress, now=NOW)  # type: ignore[arg-type]


def test_svg_export_is_the_timeline_on_the_day_of_the_progress() -> None:
    plan, progress = v2_plan(), v2_progress()
    text = export_plan("svg", 1, plan, progress, now=NOW)
    assert text == plan_timeline_svg(plan, progress, today=D(2026, 2, 2))
    assert ET.fromstring(text).get("role") == "img"


# --- version 2 plans: tracks, habits, reminders, paths -----------------------------------------


def v2_ics() -> tuple[str, dict[str, Any]]:
    text = export_plan("ics", 7, v2_plan(), v2_progress(), now=NOW)
    return text, ics_events(text)


def alarms(event: Any) -> list[Any]:
    return [c for c in event.subcomponents if c.name == "VALARM"]


def test_ics_one_off_steps_remind_the_day_before() -> None:
    _, events = v2_ics()
    open_steps = ["ml", "ops", "proj1", "proj2", "meetup", "cert", "profile"]  # py is done
    for step in open_steps:
        event = events[f"plan-7-{step}@aicareers"]
        assert "RRULE" not in event
        [alarm] = alarms(event)
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt == -dt.timedelta(days=1)
        assert str(alarm["DESCRIPTION"]) == f"Due tomorrow: {event['SUMMARY']}"
    assert "plan-7-py@aicareers" not in events
    assert events["plan-7-meetup@aicareers"]["DTSTART"].dt == D(2026, 4, 5)


def test_ics_each_habit_is_one_weekly_event_until_its_end() -> None:
    text, events = v2_ics()
    habits = {uid: e for uid, e in events.items() if "RRULE" in e}
    assert sorted(habits) == ["plan-7-community@aicareers", "plan-7-search@aicareers"]
    community = habits["plan-7-community@aicareers"]
    assert community["DTSTART"].dt == D(2026, 1, 5)
    assert community["DTEND"].dt == D(2026, 1, 6)
    assert dict(community["RRULE"]) == {"FREQ": ["WEEKLY"], "UNTIL": [D(2026, 6, 1)]}
    assert "RRULE:FREQ=WEEKLY;UNTIL=20260601\r\n" in text  # a DATE, as DTSTART is one
    rule = rrulestr(community["RRULE"].to_ical().decode(), dtstart=dt.datetime(2026, 1, 5))
    weeks = list(rule)
    assert (len(weeks), weeks[-1].date()) == (22, D(2026, 6, 1))
    [alarm] = alarms(community)
    assert alarm["TRIGGER"].dt == dt.timedelta(hours=9)
    assert str(alarm["DESCRIPTION"]) == "1 h this week: Take part in an MLOps community"
    assert "1 h a week from 2026-01-05 to 2026-06-01" in str(community["DESCRIPTION"])
    assert habits["plan-7-search@aicareers"]["DTSTART"].dt == D(2026, 5, 18)


def test_ics_milestones_all_day_and_job_ready_reminds_a_week_ahead() -> None:
    _, events = v2_ics()
    milestones = {u: e for u, e in events.items() if "-milestone-" in u}
    assert len(milestones) == 4
    ready = milestones.pop("plan-7-milestone-job-ready@aicareers")
    assert ready["DTSTART"].dt == D(2026, 5, 18)
    [alarm] = alarms(ready)
    assert alarm["TRIGGER"].dt == -dt.timedelta(days=7)
    assert str(alarm["DESCRIPTION"]) == "In a week: Ready to apply"
    assert not any(alarms(e) for e in milestones.values())
    assert all(type(e["DTSTART"].dt) is dt.date for e in events.values())


def test_ics_open_steps_sit_where_the_progress_moved_them() -> None:
    _, events = v2_ics()
    ml = events["plan-7-ml@aicareers"]
    assert ml["DTSTART"].dt == D(2026, 3, 16)  # planned for 9 March, re-dated from today
    assert "First planned for 2026-03-09" in str(ml["DESCRIPTION"])
    ops = events["plan-7-ops@aicareers"]
    assert ops["DTSTART"].dt == D(2026, 4, 20)  # not in the schedule: as built


def test_ics_of_a_version_2_plan_keeps_rfc_5545_lines() -> None:
    text, _ = v2_ics()
    physical = text.split("\r\n")
    assert physical[-1] == ""
    assert not any("\n" in line or "\r" in line for line in physical)
    assert max(len(line.encode("utf-8")) for line in physical) <= 75
    assert text.count("BEGIN:VALARM") == text.count("END:VALARM") == 7 + 2 + 1
    assert text.count("DTSTAMP:20260127T093000Z\r\n") == 4 + 9


def test_ics_of_a_plan_the_builder_makes() -> None:
    target = next(t for t in default_space() if t.career == "prompt-engineer")
    plan = build_plan(default_catalog(), target, Preferences(start=D(2026, 1, 5)))
    text = export_plan("ics", 2, plan, summarize(plan, [], D(2026, 1, 5)), now=NOW)
    events = ics_events(text)
    habits = [s for s in plan.steps if s.weekly_hours is not None]
    assert len(events) == len(plan.milestones) + len(plan.steps)  # nothing done yet
    assert sum("RRULE" in e for e in events.values()) == len(habits)
    one_offs = [e for u, e in events.items() if "-milestone-" not in u and "RRULE" not in e]
    assert all(len(alarms(e)) == 1 for e in one_offs)


def test_markdown_of_a_version_2_plan() -> None:
    text = export_plan("md", 7, v2_plan(), v2_progress(), now=NOW)
    assert "167 hours in all · ready to apply by 2026-05-18 · finish by 2026-08-10" in text
    assert (
        "This week: Machine learning basics, A small model behind an API, "
        "Take part in an MLOps community"
    ) in text
    assert (
        "| Path | Steps | Hours to job-ready | Hours in all | 5 h a week | 10 h a week "
        "| 15 h a week |"
    ) in text
    assert "| Thorough (this plan) | 10 | 124 | 167 | ready 2026-05-18, done 2026-08-10 |" in text
    assert "| Fast | 8 | 80 | 120 |" in text
    assert "- **Ready to apply**: 2026-05-18 (you could credibly apply from here)" in text
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Progress", "## Paths", "## Milestones", "## Learn the skills", "## Build projects",
        "## Meet people", "## Prove it", "## Apply for jobs", "## Breaking in",
    ]  # fmt: skip
    assert "- [x] **Python for data work**: 12 h, from 2026-01-05, due 2026-01-26" in text
    assert (
        "- [ ] **Take part in an MLOps community**: 1 h a week from 2026-01-05 to 2026-06-01"
    ) in text
    assert "- Show one system you built end to end, with its monitoring." in text


def test_csv_of_a_version_2_plan() -> None:
    text = export_plan("csv", 7, v2_plan(), v2_progress(), now=NOW)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == [
        "row", "id", "track", "milestone", "kind", "title", "start", "due", "hours",
        "weekly_hours", "job_ready", "status", "since", "note", "resources",
    ]  # fmt: skip
    kinds = [r["row"] for r in rows]
    assert kinds == ["step"] * 10 + ["milestone"] * 4 + ["path"] * 6
    steps = {r["id"]: r for r in rows if r["row"] == "step"}
    assert (steps["py"]["track"], steps["py"]["start"], steps["py"]["status"]) == (
        "learn", "2026-01-05", "done",
    )  # fmt: skip
    assert steps["py"]["milestone"] == "must-haves"  # the first milestone it leads to
    assert (steps["community"]["weekly_hours"], steps["community"]["due"]) == ("1", "2026-06-01")
    assert steps["ml"]["weekly_hours"] == ""
    ready = next(r for r in rows if r["id"] == "job-ready")
    assert (ready["due"], ready["job_ready"], ready["title"]) == (
        "2026-05-18", "2026-05-18", "Ready to apply",
    )  # fmt: skip
    paths = [r for r in rows if r["row"] == "path"]
    assert [r["id"] for r in paths] == [
        "fast-5h", "fast-10h", "fast-15h", "thorough-5h", "thorough-10h", "thorough-15h",
    ]  # fmt: skip
    assert paths[4]["title"] == "Thorough path at 10 h a week"
    assert (paths[4]["hours"], paths[4]["weekly_hours"]) == ("167", "10")
    assert paths[4]["job_ready"] < paths[3]["job_ready"]  # a faster pace is ready sooner
