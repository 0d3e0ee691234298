"""Progress on a version 2 plan: ahead or behind only from the start, and dates that move."""

from __future__ import annotations

import datetime as dt

import msgspec

from aicareers.engine.plans.build import build_plan
from aicareers.engine.plans.model import Plan, Preferences, ProgressEvent
from aicareers.engine.plans.progress import summarize
from aicareers.knowledge import default_catalog
from aicareers.knowledge.space import default_space

START = dt.date(2027, 1, 4)
UTC = dt.UTC


def plan_for(career: str = "prompt-engineer", **prefs: object) -> Plan:
    target = next(t for t in default_space() if t.career == career)
    preferences = msgspec.convert({"start": START.isoformat(), **prefs}, Preferences)
    return build_plan(default_catalog(), target, preferences)


def done(step: str, day: dt.date, seq: int = 1) -> ProgressEvent:
    at = dt.datetime.combine(day, dt.time(12), tzinfo=UTC)
    return ProgressEvent(seq=seq, step=step, status="done", at=at)


def test_a_fresh_plan_on_its_start_day_is_on_schedule() -> None:
    plan = plan_for()
    progress = summarize(plan, [], START)
    assert progress.started
    assert progress.days_behind == 0
    assert progress.projected_finish == plan.finish
    assert progress.projected_job_ready == plan.job_ready
    assert all(d.due == d.planned_due for d in progress.schedule)


def test_before_the_start_nothing_is_ahead_or_behind_even_with_a_step_done_early() -> None:
    plan = plan_for()
    first = plan.steps[0].id
    progress = summarize(
        plan, [done(first, START - dt.timedelta(days=30))], START - dt.timedelta(days=20)
    )
    assert not progress.started
    assert progress.days_behind is None  # it used to say "74 days ahead of the plan"
    assert progress.overdue == ()
    # The step done early still moves the steps after it: re-dated from the start date.
    dates = {d.step: d for d in progress.schedule}
    assert first not in dates
    assert dates[plan.steps[1].id].due < dates[plan.steps[1].id].planned_due
    assert all(d.start >= START for d in progress.schedule)


def test_a_step_done_early_moves_the_dates_that_follow_and_the_job_ready_date() -> None:
    plan = plan_for()
    first = plan.steps[0]
    day = START + dt.timedelta(days=3)
    assert first.due > day
    progress = summarize(plan, [done(first.id, day)], day)
    assert progress.days_behind is not None
    assert progress.days_behind < 0  # ahead
    assert progress.projected_job_ready is not None
    assert plan.job_ready is not None
    assert progress.projected_job_ready < plan.job_ready
    moved = [d for d in progress.schedule if d.due < d.planned_due]
    assert moved


def test_a_slow_start_pushes_the_dates_back() -> None:
    plan = plan_for()
    later = START + dt.timedelta(days=120)
    progress = summarize(plan, [], later)
    assert progress.days_behind == 120
    assert progress.overdue  # steps that were due by now
    assert all(d.start >= later for d in progress.schedule)


def test_this_week_holds_the_first_steps_and_the_weekly_habits() -> None:
    plan = plan_for()
    week = summarize(plan, [], START).this_week
    kinds = {s.id: s for s in plan.steps}
    assert any(i.startswith("starter-") for i in week)
    assert any(kinds[i].kind == "community" for i in week)
    assert any(kinds[i].kind == "practice" and kinds[i].weekly_hours for i in week)
    assert any(kinds[i].track == "learn" for i in week)
    assert not any(i.startswith("apply-") for i in week)  # the job search comes later
    before = summarize(plan, [], START - dt.timedelta(days=10)).this_week
    assert before == week  # before the start, the first week of the plan


def test_a_started_job_search_counts_down_its_weeks() -> None:
    plan = plan_for(path="fast")
    search = next(s for s in plan.steps if s.id == "apply-search")
    day = START + dt.timedelta(days=30)
    when = dt.datetime.combine(day - dt.timedelta(days=28), dt.time(9), tzinfo=UTC)
    began = ProgressEvent(seq=1, step=search.id, status="in_progress", at=when)
    progress = summarize(plan, [began], day)
    dates = next(d for d in progress.schedule if d.step == search.id)
    assert dates.start == day  # begun already: it runs now, not after job-ready
    assert (dates.due - dates.start).days == (search.weeks or 0) * 7 - 28
