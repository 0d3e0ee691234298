"""Progress derived from the event log: replay, percent, overdue, next steps, streaks, rules.

The sample plan is built by hand (tests/plan_samples.py), not by the plan builder.
"""

from __future__ import annotations

import datetime as dt
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from aicareers.engine.plans.model import (
    EventStatus,
    ProgressEvent,
    StepStatus,
)
from aicareers.engine.plans.progress import check_transition, derive_states, streak, summarize
from aicareers.errors import UnknownIdError, UserInputError

from .plan_samples import UTC, D, at, log, sample_plan

PLAN = sample_plan()


def statuses(events: list[ProgressEvent]) -> dict[str, StepStatus]:
    return {k: v.status for k, v in derive_states(PLAN, events).items()}


# --- replay -------------------------------------------------------------------------------


def test_no_events_means_everything_to_do() -> None:
    states = derive_states(PLAN, [])
    assert list(states) == ["py", "ml", "stats", "proj1", "proj2"]  # plan order
    assert {s.status for s in states.values()} == {"todo"}
    assert all(s.since is None and s.note is None for s in states.values())


def test_replay_follows_seq_not_list_order_and_reopen_returns_to_todo() -> None:
    events = [
        ProgressEvent(seq=3, step="py", status="reopened", at=at(D(2026, 1, 9)), note="redo it"),
        ProgressEvent(seq=1, step="py", status="in_progress", at=at(D(2026, 1, 6))),
        ProgressEvent(seq=2, step="py", status="done", at=at(D(2026, 1, 8)), note="finished"),
        ProgressEvent(seq=4, step="stats", status="skipped", at=at(D(2026, 1, 9))),
        ProgressEvent(seq=5, step="stats", status="reopened", at=at(D(2026, 1, 10))),
        ProgressEvent(seq=6, step="stats", status="done", at=at(D(2026, 1, 11)), note="ok"),
    ]
    states = derive_states(PLAN, events)
    assert states["py"].status == "todo"
    assert states["py"].since == at(D(2026, 1, 9))
    assert states["py"].note == "redo it"
    assert (states["stats"].status, states["stats"].note) == ("done", "ok")
    assert states["ml"].status == "todo"


def test_events_for_unknown_steps_are_ignored() -> None:
    events = log(("gone", "done", D(2026, 1, 6)), ("py", "done", D(2026, 1, 7)))
    assert statuses(events) == {
        "py": "done", "ml": "todo", "stats": "todo", "proj1": "todo", "proj2": "todo",
    }  # fmt: skip
    progress = summarize(PLAN, events, D(2026, 1, 7))
    assert progress.last_activity == at(D(2026, 1, 7))  # the unknown step's event is not counted


# --- summary: percent, hours, overdue, next steps ----------------------------------------


def test_fresh_plan_summary() -> None:
    p = summarize(PLAN, [], D(2026, 1, 5))
    assert (p.percent, p.steps_done, p.steps_skipped, p.steps_total) == (0.0, 0, 0, 5)
    assert (p.hours_done, p.hours_left) == (0.0, 40.0)
    assert p.next_steps == ("py", "stats")  # ml needs py; the projects need ml
    assert p.overdue == ()
    assert p.streak_days == 0
    assert p.current_milestone == "foundations"
    assert p.projected_finish == D(2026, 1, 5) + dt.timedelta(days=56)  # 40 h at 5 h a week
    assert p.days_behind == 0
    assert p.last_activity is None
    assert p.as_of == D(2026, 1, 5)
    assert [s.step for s in p.states] == ["py", "ml", "stats", "proj1", "proj2"]


def test_percent_counts_hours_and_leaves_skipped_steps_out() -> None:
    events = log(("py", "done", D(2026, 1, 10)), ("stats", "skipped", D(2026, 1, 11)),
                 ("ml", "in_progress", D(2026, 1, 12)))  # fmt: skip
    p = summarize(PLAN, events, D(2026, 1, 12))
    assert p.percent == 16.7  # 6 of the 36 hours that remain in the plan
    assert (p.hours_done, p.hours_left) == (6.0, 30.0)  # ml counts fully as left
    assert (p.steps_done, p.steps_skipped, p.steps_in_progress) == (1, 1, 1)
    assert p.projected_finish == D(2026, 1, 12) + dt.timedelta(days=42)
    assert p.days_behind == (D(2026, 2, 23) - D(2026, 3, 2)).days == -7  # ahead of the plan


def test_everything_done_or_skipped_is_complete() -> None:
    events = log(*((s.id, "done", D(2026, 2, 1)) for s in PLAN.steps[:4]),
                 ("proj2", "skipped", D(2026, 2, 2)))  # fmt: skip
    p = summarize(PLAN, events, D(2026, 2, 2))
    assert (p.percent, p.hours_done, p.hours_left) == (100.0, 32.0, 0.0)
    assert p.next_steps == p.overdue == ()
    assert p.current_milestone is None
    assert p.projected_finish is None
    assert p.days_behind is None
    all_skipped = log(*((s.id, "skipped", D(2026, 2, 1)) for s in PLAN.steps))
    assert summarize(PLAN, all_skipped, D(2026, 2, 1)).percent == 100.0


def test_overdue_is_past_due_and_not_finished() -> None:
    events = log(("py", "done", D(2026, 1, 10)), ("ml", "in_progress", D(2026, 1, 20)))
    assert summarize(PLAN, events, D(2026, 1, 26)).overdue == ()  # due today is not overdue
    assert summarize(PLAN, events, D(2026, 1, 27)).overdue == ("ml",)
    assert summarize(PLAN, [], D(2026, 2, 2)).overdue == ("py", "ml", "stats")
    skipped = log(("py", "skipped", D(2026, 1, 10)))
    assert summarize(PLAN, skipped, D(2026, 1, 13)).overdue == ()


def test_next_steps_honour_requires_and_put_started_steps_first() -> None:
    assert summarize(PLAN, log(("py", "done", D(2026, 1, 9))), D(2026, 1, 9)).next_steps == (
        "ml", "stats",
    )  # fmt: skip
    # A skipped prerequisite counts as met: the person decided they do not need it.
    events = log(("py", "skipped", D(2026, 1, 9)), ("ml", "done", D(2026, 1, 9)))
    assert summarize(PLAN, events, D(2026, 1, 9)).next_steps == ("stats", "proj1")
    # Started out of order: proj1 is shown first although ml is not done.
    events = log(("proj1", "in_progress", D(2026, 1, 9)), ("py", "done", D(2026, 1, 9)))
    assert summarize(PLAN, events, D(2026, 1, 9)).next_steps == ("proj1", "ml", "stats")


def test_current_milestone_moves_on_when_the_first_is_finished() -> None:
    events = log(("py", "done", D(2026, 1, 9)), ("ml", "done", D(2026, 1, 9)),
                 ("stats", "skipped", D(2026, 1, 9)))  # fmt: skip
    assert summarize(PLAN, events, D(2026, 1, 9)).current_milestone == "portfolio"


def test_plan_with_zero_hours_counts_steps() -> None:
    zero = replace(PLAN, steps=tuple(replace(s, hours=0.0) for s in PLAN.steps))
    p = summarize(zero, log(("py", "done", D(2026, 1, 9))), D(2026, 1, 9))
    assert p.percent == 20.0
    assert p.projected_finish is None


# --- streaks ----------------------------------------------------------------------------


def test_streak_across_days_with_a_gap() -> None:
    events = log(
        ("py", "in_progress", D(2026, 1, 6)),
        ("py", "done", D(2026, 1, 7)),
        # 2026-01-08: nothing
        ("ml", "in_progress", D(2026, 1, 9)),
        ("stats", "in_progress", D(2026, 1, 10)),
        ("stats", "done", D(2026, 1, 10)),  # two events on one day count once
        ("ml", "done", D(2026, 1, 11)),
    )
    assert summarize(PLAN, events, D(2026, 1, 11)).streak_days == 3  # 9, 10, 11
    assert summarize(PLAN, events, D(2026, 1, 12)).streak_days == 3  # nothing yet today
    assert summarize(PLAN, events, D(2026, 1, 13)).streak_days == 0  # yesterday was missed
    assert summarize(PLAN, events, D(2026, 1, 7)).streak_days == 2  # later events do not count


def test_streak_counts_only_done_and_started() -> None:
    events = log(("py", "done", D(2026, 1, 6)), ("py", "reopened", D(2026, 1, 7)),
                 ("stats", "skipped", D(2026, 1, 8)))  # fmt: skip
    assert summarize(PLAN, events, D(2026, 1, 8)).streak_days == 0
    assert summarize(PLAN, events, D(2026, 1, 6)).streak_days == 1


def test_streak_days_follow_the_given_time_zone() -> None:
    late = [
        ProgressEvent(seq=1, step="py", status="in_progress", at=at(D(2026, 1, 6), 10)),
        ProgressEvent(seq=2, step="py", status="done", at=at(D(2026, 1, 6), 23)),
    ]
    assert summarize(PLAN, late, D(2026, 1, 7)).streak_days == 1  # both on the 6th in UTC
    plus_two = dt.timezone(dt.timedelta(hours=2))
    # In UTC+2 the second event falls on the 7th: two days in a row.
    assert summarize(PLAN, late, D(2026, 1, 7), tz=plus_two).streak_days == 2


def test_streak_helper() -> None:
    days = [D(2026, 1, 1), D(2026, 1, 2), D(2026, 1, 4)]
    assert streak(days, D(2026, 1, 2)) == 2
    assert streak(days, D(2026, 1, 3)) == 2
    assert streak(days, D(2026, 1, 4)) == 1
    assert streak([], D(2026, 1, 4)) == 0


# --- transition rules ---------------------------------------------------------------------

ALLOWED: dict[StepStatus, set[EventStatus]] = {
    "todo": {"done", "in_progress", "skipped"},
    "in_progress": {"done", "in_progress", "skipped", "reopened"},
    "done": {"done", "reopened"},
    "skipped": {"done", "in_progress", "skipped", "reopened"},
}
REACH: dict[StepStatus, list[EventStatus]] = {
    "todo": [],
    "in_progress": ["in_progress"],
    "done": ["done"],
    "skipped": ["skipped"],
}


@pytest.mark.parametrize("current", list(ALLOWED))
@pytest.mark.parametrize("asked", get_args(EventStatus))
def test_transition_table(current: StepStatus, asked: EventStatus) -> None:
    states = derive_states(PLAN, log(*(("py", s, D(2026, 1, 6)) for s in REACH[current])))
    assert states["py"].status == current
    if asked in ALLOWED[current]:
        check_transition(PLAN, states, "py", asked)
    else:
        with pytest.raises(UserInputError) as caught:
            check_transition(PLAN, states, "py", asked)
        assert "'py' (Python for data work)" in str(caught.value)


def test_transition_messages_say_what_to_do() -> None:
    todo = derive_states(PLAN, [])
    with pytest.raises(UserInputError, match="still to do, so there is nothing to reopen"):
        check_transition(PLAN, todo, "ml", "reopened")
    done = derive_states(PLAN, log(("ml", "done", D(2026, 1, 6))))
    with pytest.raises(UserInputError, match=r"already done.*skipped.*Reopen it first, then"):
        check_transition(PLAN, done, "ml", "skipped")
    with pytest.raises(UserInputError, match=r"then mark it started"):
        check_transition(PLAN, done, "ml", "in_progress")


def test_transition_unknown_step_or_status() -> None:
    with pytest.raises(UnknownIdError, match=r"No step with id 'stat'.*Did you mean: stats"):
        check_transition(PLAN, derive_states(PLAN, []), "stat", "done")
    with pytest.raises(UserInputError, match="'finished' is not a step status"):
        check_transition(PLAN, derive_states(PLAN, []), "py", "finished")  # type: ignore[arg-type]


# --- properties -----------------------------------------------------------------------------

STEP_IDS = [s.id for s in PLAN.steps] + ["unknown-step"]
events_strategy = st.lists(
    st.builds(
        ProgressEvent,
        seq=st.integers(min_value=1, max_value=10_000),
        step=st.sampled_from(STEP_IDS),
        status=st.sampled_from(get_args(EventStatus)),
        at=st.datetimes(
            min_value=dt.datetime(2025, 12, 1),
            max_value=dt.datetime(2026, 4, 1),
            timezones=st.just(UTC),
        ),
        note=st.none() | st.text(max_size=20),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(events=events_strategy, today=st.dates(D(2025, 12, 1), D(2026, 5, 1)))
def test_any_log_gives_valid_states_and_a_bounded_percent(
    events: list[ProgressEvent], today: dt.date
) -> None:
    states = derive_states(PLAN, events)
    assert set(states) == {s.id for s in PLAN.steps}
    assert {s.status for s in states.values()} <= set(get_args(StepStatus))
    p = summarize(PLAN, events, today)
    assert 0.0 <= p.percent <= 100.0
    assert p.steps_done + p.steps_skipped + p.steps_in_progress <= p.steps_total == 5
    assert p.hours_done + p.hours_left <= PLAN.total_hours + 1e-9
    open_steps = {k for k, v in states.items() if v.status in ("todo", "in_progress")}
    assert set(p.next_steps) | set(p.overdue) <= open_steps
    assert p.streak_days >= 0
