"""The plan timeline SVG: lanes, bars, milestones, today, text that is safe and readable."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import xml.etree.ElementTree as ET
from typing import Any

import msgspec
import pytest

from aicareers.charts.svg import text_width
from aicareers.charts.timeline import plan_timeline_svg
from aicareers.engine.plans.build import build_plan
from aicareers.engine.plans.model import (
    TRACKS,
    Milestone,
    PaceOption,
    PathOption,
    Plan,
    PlanStep,
    Preferences,
    Progress,
    StepDates,
    StepResource,
    StepState,
    Track,
)
from aicareers.knowledge import default_catalog
from aicareers.knowledge.space import default_space

from .plan_samples import sample_plan

D = dt.date
SVG = "{http://www.w3.org/2000/svg}"


def v2_plan(*, first_title: str = "Python for data work") -> Plan:
    """A hand-built version 2 plan: five tracks, two weekly habits, the four milestones."""

    def step(
        id: str, track: str, kind: str, title: str, start: D, due: D, hours: float, **more: Any
    ) -> PlanStep:
        fields = {
            "id": id,
            "kind": kind,
            "milestone": None,
            "title": title,
            "hours": hours,
            "why": f"Why {title.lower()}.",
            "due": due,
            "start": start,
            "track": track,
        }
        return msgspec.convert({**fields, **more}, PlanStep, from_attributes=True)

    steps = (
        step("py", "learn", "foundation", first_title, D(2026, 1, 5), D(2026, 1, 26), 12,
             resources=(StepResource(id="py", name="Python course",
                                     url="https://example.org/py", free=True),)),
        step("ml", "learn", "foundation", "Machine learning basics", D(2026, 1, 26),
             D(2026, 3, 9), 20, requires=("py",)),
        step("ops", "learn", "foundation", "Deploying and monitoring models", D(2026, 3, 9),
             D(2026, 4, 20), 18, requires=("ml",)),
        step("proj1", "build", "project", "A small model behind an API", D(2026, 1, 12),
             D(2026, 2, 23), 10, deliverables=("a public repository",)),
        step("proj2", "build", "project", "An end-to-end pipeline with monitoring",
             D(2026, 2, 23), D(2026, 5, 4), 30, requires=("proj1", "ml")),
        step("community", "connect", "community", "Take part in an MLOps community",
             D(2026, 1, 5), D(2026, 6, 1), 21, weekly_hours=1.0),
        step("meetup", "connect", "event", "Go to a local meetup", D(2026, 4, 1),
             D(2026, 4, 5), 3),
        step("cert", "prove", "certification", "A cloud ML certificate", D(2026, 4, 20),
             D(2026, 5, 18), 25),
        step("profile", "prove", "profile", "Put your profile in order", D(2026, 5, 4),
             D(2026, 5, 11), 4),
        step("search", "apply", "job-search", "Apply, ask for referrals, practise interviews",
             D(2026, 5, 18), D(2026, 8, 10), 24, weekly_hours=2.0, weeks=12,
             requires=("proj2", "profile")),
    )  # fmt: skip
    tracks = (
        Track(id="learn", title="Learn the skills", weight=4, why="The must-haves first."),
        Track(id="build", title="Build projects", weight=3, why="Show what you can do."),
        Track(id="connect", title="Meet people", weight=1, why="Most jobs come through people."),
        Track(id="prove", title="Prove it", weight=1, why="A credential and a clear profile."),
        Track(id="apply", title="Apply for jobs", weight=1, why="From job-ready on."),
    )
    milestones = (
        Milestone(id="first-project", title="First project done", due=D(2026, 2, 23),
                  steps=("proj1",)),
        Milestone(id="must-haves", title="Must-have skills", due=D(2026, 4, 20),
                  steps=("py", "ml", "ops")),
        Milestone(id="job-ready", title="Ready to apply", due=D(2026, 5, 18),
                  steps=("py", "ml", "ops", "proj1", "proj2", "profile")),
        Milestone(id="finish", title="Plan finished", due=D(2026, 8, 10),
                  steps=tuple(s.id for s in steps)),
    )  # fmt: skip

    def paces(scale: float) -> tuple[PaceOption, ...]:
        return tuple(
            PaceOption(hours_per_week=h, job_ready=D(2026, 1, 5) + dt.timedelta(days=round(
                scale * 19 * 7 * 5 / h)), finish=D(2026, 1, 5) + dt.timedelta(days=round(
                scale * 31 * 7 * 5 / h)))
            for h in (5.0, 10.0, 15.0)
        )  # fmt: skip

    options = (
        PathOption(path="fast", hours=120, hours_to_job_ready=80, steps=8, certifications=0,
                   projects=1, paces=paces(0.7)),
        PathOption(path="thorough", hours=167, hours_to_job_ready=124, steps=10,
                   certifications=1, projects=2, paces=paces(1.0)),
    )  # fmt: skip
    return Plan(
        career="mlops-engineer",
        career_title="MLOps Engineer",
        preferences=Preferences(start=D(2026, 1, 5), hours_per_week=5.0),
        milestones=milestones,
        steps=steps,
        gaps=("python", "machine-learning", "mlops"),
        total_hours=167.0,
        finish=D(2026, 8, 10),
        version=2,
        tracks=tracks,
        job_ready=D(2026, 5, 18),
        options=options,
        break_in=("Show one system you built end to end, with its monitoring.",),
    )


def v2_progress(today: D | None = None) -> Progress:
    """py done, proj1 in progress, ml re-dated a week later than planned."""
    return Progress(
        percent=7.2, steps_done=1, steps_skipped=0, steps_total=10, hours_done=12.0,
        hours_left=155.0, next_steps=("ml", "proj1"), overdue=(), streak_days=0,
        states=(StepState(step="py", status="done"),
                StepState(step="proj1", status="in_progress")),
        as_of=today or D(2026, 2, 2),
        schedule=(StepDates(step="ml", start=D(2026, 2, 2), due=D(2026, 3, 16),
                            planned_due=D(2026, 3, 9)),),
        this_week=("ml", "proj1", "community"),
        projected_job_ready=D(2026, 5, 25),
    )  # fmt: skip


# --- helpers ----------------------------------------------------------------------------------


def draw(plan: Plan, progress: Progress | None = None, **kwargs: object) -> ET.Element:
    text = plan_timeline_svg(plan, progress, **kwargs)  # type: ignore[arg-type]
    return ET.fromstring(text)


def groups(root: ET.Element, css: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if css in (g.get("class") or "").split()]


def bar_of(root: ET.Element, step: str) -> ET.Element:
    group = next(g for g in groups(root, "step") if g.get("data-step") == step)
    rect = group.find(f"{SVG}rect")
    assert rect is not None
    return rect


def label_of(group: ET.Element) -> str:
    texts = [t.text or "" for t in group.iter(f"{SVG}text")]
    return texts[0] if texts else ""


def hover(group: ET.Element) -> str:
    title = group.find(f"{SVG}title")
    assert title is not None
    return title.text or ""


def x_span(rect: ET.Element) -> tuple[float, float]:
    x = float(rect.get("x", "0"))
    return x, x + float(rect.get("width", "0"))


def luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(colour: str, background: str = "#ffffff") -> float:
    high, low = sorted((luminance(colour), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# --- accessible, responsive, deterministic ----------------------------------------------------


def test_the_svg_is_an_accessible_responsive_image() -> None:
    text = plan_timeline_svg(v2_plan(), v2_progress())
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    assert (root.get("role"), root.get("width")) == ("img", "100%")
    assert root.get("viewBox", "").startswith("0 0 ")
    labelled = (root.get("aria-labelledby") or "").split()
    by_id = {e.get("id"): e for e in root.iter() if e.get("id")}
    assert [by_id[i].tag for i in labelled] == [f"{SVG}title", f"{SVG}desc"]
    assert by_id[labelled[0]].text == "Timeline of your plan towards MLOps Engineer"
    desc = by_id[labelled[1]].text or ""
    for words in ("Learn the skills (3 steps, 1 done)", "Build projects (2 steps)", "Meet people",
                  "Prove it", "Apply for jobs (1 step)", "Ready to apply for jobs by 18 May 2026",
                  "Everything done by 10 Aug 2026", "ready around 25 May 2026"):  # fmt: skip
        assert words in desc
    assert text == plan_timeline_svg(v2_plan(), v2_progress())  # same input, same bytes
    assert len(text.encode()) < 20_000  # small enough to send inline with the page


def test_no_text_under_11_px_on_a_390_px_screen() -> None:
    root = draw(v2_plan(), v2_progress())
    width = float((root.get("viewBox") or "").split()[2])
    sizes = [float(e.get("font-size", "0")) for e in root.iter() if e.get("font-size")]
    assert root.get("font-size") is not None
    assert min(sizes) * 390 / width >= 11
    for text in root.iter(f"{SVG}text"):
        assert 0 <= float(text.get("x", "0")) <= width


def test_colours_pass_wcag_aa_on_white() -> None:
    root = draw(v2_plan(), v2_progress())
    text_colours = {root.get("fill")} | {t.get("fill") for t in root.iter(f"{SVG}text")}
    assert all(contrast(c or "#000000") >= 4.5 for c in text_colours), text_colours
    marks = [r.get("stroke") for g in groups(root, "step") for r in g.iter(f"{SVG}rect")]
    marks += [p.get("fill") for p in root.iter(f"{SVG}polygon")]
    marks += [line.get("stroke") for line in root.iter(f"{SVG}line")
              if line.get("class") in ("today", "job-ready-line")]  # fmt: skip
    assert len(marks) > 10
    assert all(contrast(c or "#ffffff") >= 3 for c in marks), marks


# --- what is drawn ----------------------------------------------------------------------------


def test_one_lane_per_track_in_track_order() -> None:
    plan = v2_plan()
    shuffled = msgspec.structs.replace(plan, tracks=tuple(reversed(plan.tracks)))
    root = draw(shuffled)
    lanes = groups(root, "lane")
    assert [g.get("data-lane") for g in lanes] == ["learn", "build", "connect", "prove", "apply"]
    titles = [next(t.text for t in g.iter(f"{SVG}text") if t.get("class") == "lane-title")
              for g in lanes]  # fmt: skip
    assert titles == [t.title for t in plan.tracks]
    in_lane = {g.get("data-lane"): [s.get("data-step") for s in groups(g, "step")] for g in lanes}
    assert in_lane["connect"] == ["community", "meetup"]
    assert in_lane["apply"] == ["search"]


def test_a_bar_per_step_from_start_to_due_with_a_hover_title() -> None:
    plan = v2_plan()
    root = draw(plan)
    steps = groups(root, "step")
    assert sorted(g.get("data-step") or "" for g in steps) == sorted(s.id for s in plan.steps)
    py, ml, ops = (x_span(bar_of(root, s)) for s in ("py", "ml", "ops"))
    assert py[1] == pytest.approx(ml[0], abs=0.11)
    assert ml[1] == pytest.approx(ops[0], abs=0.11)
    community = x_span(bar_of(root, "community"))
    assert community[0] == pytest.approx(py[0], abs=0.11)  # habits run from week one
    meetup = next(g for g in steps if g.get("data-step") == "meetup")
    assert hover(meetup) == "Go to a local meetup: 1 Apr 2026 to 5 Apr 2026, about 3 h (to do)"


def test_habits_are_striped_and_one_offs_solid() -> None:
    root = draw(v2_plan())
    habits = {g.get("data-step") for g in groups(root, "habit")}
    assert habits == {"community", "search"}
    assert (bar_of(root, "community").get("fill") or "").startswith("url(#plan-timeline-hatch-")
    assert bar_of(root, "meetup").get("fill") == bar_of(root, "meetup").get("stroke")
    search = next(g for g in groups(root, "habit") if g.get("data-step") == "search")
    assert label_of(search).endswith(" \u00b7 2 h a week")
    assert hover(search).startswith("Apply, ask for referrals, practise interviews: 2 h a week "
                                     "from 18 May 2026 to 10 Aug 2026")  # fmt: skip


def test_done_steps_are_grey_and_checked_never_colour_alone() -> None:
    root = draw(v2_plan(), v2_progress())
    done = groups(root, "done")
    assert [g.get("data-step") for g in done] == ["py"]
    assert label_of(done[0]) == "\u2713 Python for data work"
    assert bar_of(root, "py").get("fill") != bar_of(root, "ml").get("fill")
    assert "(done)" in hover(done[0])


def test_a_done_step_as_wide_as_the_picture_keeps_its_check() -> None:
    plan = v2_plan(first_title="A very long title that cannot fit anywhere " * 3)
    wide = msgspec.structs.replace(plan.steps[0], start=D(2026, 1, 5), due=D(2026, 8, 10))
    plan = msgspec.structs.replace(plan, steps=(wide, *plan.steps[1:]))
    root = draw(plan, v2_progress())
    done = groups(root, "done")
    assert label_of(done[0]).startswith("\u2713 A very long title")
    assert label_of(done[0]).endswith("\u2026")
    assert hover(done[0]).startswith(plan.steps[0].title.strip())


def test_every_bar_has_its_label_over_it() -> None:
    root = draw(v2_plan(), v2_progress())
    for group in groups(root, "step"):
        text, rect = group.find(f"{SVG}text"), group.find(f"{SVG}rect")
        assert text is not None
        assert rect is not None
        start, end = x_span(rect)
        x = float(text.get("x", "0"))
        assert x == pytest.approx(start + 3 if text.get("text-anchor") == "start" else end - 3)
        assert float(text.get("y", "0")) < float(rect.get("y", "0"))  # above the bar


def test_long_titles_are_shortened_and_kept_whole_in_the_hover() -> None:
    long = "Learn Containers and orchestration (Docker, Kubernetes), to level 3 of 5 " * 2
    root = draw(v2_plan(first_title=long.strip()))
    py = next(g for g in groups(root, "step") if g.get("data-step") == "py")
    assert label_of(py).endswith("\u2026")
    assert len(label_of(py)) < len(long) / 2
    assert hover(py).startswith(long.strip() + ":")


def test_the_job_ready_diamond_is_emphasised_with_its_date() -> None:
    root = draw(v2_plan())
    marks = groups(root, "milestone")
    assert [g.get("data-milestone") for g in marks] == [
        "first-project", "must-haves", "job-ready", "finish",
    ]  # fmt: skip
    ready = groups(root, "job-ready")
    assert len(ready) == 1
    assert label_of(ready[0]) == "Ready to apply, 18 May 2026"
    text = ready[0].find(f"{SVG}text")
    assert text is not None
    assert text.get("font-weight") == "bold"

    def xs(group: ET.Element) -> list[float]:
        polygon = group.find(f"{SVG}polygon")
        assert polygon is not None
        return [float(p.split(",")[0]) for p in (polygon.get("points") or "").split()]

    assert max(xs(ready[0])) - min(xs(ready[0])) > max(xs(marks[0])) - min(xs(marks[0]))
    line = next(e for e in root.iter(f"{SVG}line") if e.get("class") == "job-ready-line")
    centre = (max(xs(ready[0])) + min(xs(ready[0]))) / 2
    assert float(line.get("x1", "0")) == pytest.approx(centre, abs=0.11)


def test_the_today_line_only_when_today_is_inside_the_plan() -> None:
    root = draw(v2_plan(), v2_progress(D(2026, 2, 2)))
    today = [e for e in root.iter(f"{SVG}line") if e.get("class") == "today"]
    assert len(today) == 1
    label = next(t for t in root.iter(f"{SVG}text") if t.get("class") == "today-label")
    assert label.text == "Today, 2 Feb 2026"
    ml_start = x_span(bar_of(root, "ml"))[0]  # ml was re-dated to start today
    assert float(today[0].get("x1", "0")) == pytest.approx(ml_start, abs=0.11)
    for outside in (D(2025, 12, 31), D(2026, 8, 11)):
        root = draw(v2_plan(), v2_progress(outside))
        assert not [e for e in root.iter(f"{SVG}line") if e.get("class") == "today"]
    assert "today" not in plan_timeline_svg(v2_plan())  # no progress, no day: no clock read
    assert 'class="today"' in plan_timeline_svg(v2_plan(), today=D(2026, 3, 1))


def test_open_steps_are_drawn_where_the_progress_moved_them() -> None:
    root = draw(v2_plan(), v2_progress())
    ml = next(g for g in groups(root, "step") if g.get("data-step") == "ml")
    assert hover(ml) == ("Machine learning basics: 2 Feb 2026 to 16 Mar 2026, about 20 h "
                         "(to do); first planned for 9 Mar 2026")  # fmt: skip
    assert "in-progress" in (groups(root, "in-progress")[0].get("class") or "")


def test_every_text_is_escaped() -> None:
    hostile = 'Ship <script>alert("x")</script> & ]]> \x01 it'
    text = plan_timeline_svg(v2_plan(first_title=hostile), v2_progress(), ident='x" onload="1')
    assert "<script>" not in text
    assert "\x01" not in text
    assert 'onload="1' not in text
    root = ET.fromstring(text)
    py = next(g for g in groups(root, "step") if g.get("data-step") == "py")
    assert hover(py).startswith('Ship <script>alert("x")</script> & ]]>  it:')
    assert root.get("aria-labelledby") == "xonload1-title xonload1-desc"


def test_month_labels_never_overlap_and_years_show() -> None:
    for hours in (3.0, 15.0):  # a long plan (labels thinned out) and a short one
        plan = v2_plan()
        if hours == 3.0:  # stretch it over three years
            plan = msgspec.structs.replace(plan, finish=D(2029, 1, 5))
        ticks = [t for t in draw(plan).iter(f"{SVG}text") if t.get("class") == "tick"]
        spans = sorted((float(t.get("x", "0")), float(t.get("x", "0"))
                        + text_width(t.text or "", 13)) for t in ticks)  # fmt: skip
        assert len(spans) >= 3
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
        labels = [t.text or "" for t in ticks]
        assert any(re.fullmatch(r"(\w{3} )?20\d\d", label) for label in labels), labels


def test_a_version_1_plan_gets_a_lane_per_milestone_and_chained_steps() -> None:
    plan = sample_plan()
    root = draw(plan, today=D(2026, 1, 27))
    assert [g.get("data-lane") for g in groups(root, "lane")] == ["foundations", "portfolio"]
    spans = {s.id: x_span(bar_of(root, s.id)) for s in plan.steps}
    order = [s.id for s in plan.steps]
    for before, after in itertools.pairwise(order):
        assert spans[after][0] == pytest.approx(spans[before][1], abs=0.11)
    assert spans["py"][0] == pytest.approx(8.0)  # the plan's start
    assert "Milestones one after another" in plan_timeline_svg(plan)
    assert not groups(root, "habit")
    assert not groups(root, "job-ready")


def test_a_plan_the_builder_makes_draws_every_step() -> None:
    target = next(t for t in default_space() if t.career == "prompt-engineer")
    plan = build_plan(default_catalog(), target, Preferences(start=D(2026, 1, 5)))
    root = draw(plan, today=D(2026, 2, 1))
    lanes = [g.get("data-lane") for g in groups(root, "lane")]
    if plan.version >= 2:
        assert lanes == [t for t in TRACKS if t in {t.id for t in plan.tracks}]
        assert len(groups(root, "job-ready")) == 1
    else:
        assert lanes == [m.id for m in plan.milestones]
    assert len(groups(root, "step")) == len(plan.steps)
