"""The rule that dates a version 2 plan: parallel tracks sharing the weekly hours."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aicareers.engine.plans.timeline import TRACK_WEIGHTS, Work, day_of, habit_hours, simulate


def test_one_track_is_the_serial_rule() -> None:
    spans = simulate([Work("a", "learn", 10), Work("b", "learn", 25)], 3.5)
    assert (spans["a"].begin, spans["a"].end) == (0, pytest.approx(20))
    assert (spans["b"].begin, spans["b"].end) == (pytest.approx(20), pytest.approx(70))


def test_ready_tracks_share_the_hours_by_weight_and_nothing_is_left_unused() -> None:
    # learn (4) and build (3) both ready: 7 h a week is 1 h a day, 4/7 and 3/7 of it.
    spans = simulate([Work("course", "learn", 8), Work("project", "build", 6)], 7)
    assert spans["course"].end == pytest.approx(14)  # 8 h at 4/7 h a day
    assert spans["project"].end == pytest.approx(14)  # 6 h at 3/7 h a day
    # Once one track runs dry the other gets every hour: the rest of 12 h goes at 1 h a day.
    spans = simulate([Work("course", "learn", 8), Work("project", "build", 12)], 7)
    assert spans["project"].end == pytest.approx(20)


def test_a_step_waits_for_what_it_requires_and_its_track_lends_its_share() -> None:
    work = [Work("basics", "learn", 10), Work("project", "build", 10, requires=("basics",))]
    spans = simulate(work, 7)
    assert spans["basics"].end == pytest.approx(10)  # alone, at the full hour a day
    assert spans["project"].begin == pytest.approx(10)
    assert spans["project"].end == pytest.approx(20)


def test_habits_take_their_share_first() -> None:
    work = [Work("course", "learn", 9), Work("community", "connect", share=0.1)]
    spans = simulate(work, 7)
    assert spans["course"].end == pytest.approx(10)  # 90 % of 1 h a day
    assert (spans["community"].begin, spans["community"].end) == (0, pytest.approx(10))
    assert habit_hours(0.1, 7, spans["community"]) == 1.0


def test_a_fixed_habit_starts_when_its_gate_is_done_and_runs_its_weeks() -> None:
    work = [
        Work("course", "learn", 7),
        Work("search", "apply", share=0.4, weeks=2, requires=("course",)),
    ]
    spans = simulate(work, 7)
    assert spans["search"].begin == pytest.approx(7)
    assert spans["search"].end == pytest.approx(21)


def test_done_steps_are_left_out_and_count_as_met() -> None:
    work = [Work("a", "learn", 10), Work("b", "build", 7, requires=("a",))]
    spans = simulate(work, 7, done={"a"})
    assert "a" not in spans
    assert (spans["b"].begin, spans["b"].end) == (0, pytest.approx(7))


def test_a_requirement_that_can_never_be_met_does_not_stall_the_plan() -> None:
    work = [Work("a", "learn", 7, requires=("b",)), Work("b", "build", 7, requires=("a",))]
    spans = simulate(work, 7)
    assert set(spans) == {"a", "b"}
    assert max(s.end for s in spans.values()) == pytest.approx(14)


def test_days_round_ends_up_and_beginnings_down() -> None:
    start = dt.date(2027, 1, 4)
    assert day_of(start, 2.3, end=True) == dt.date(2027, 1, 7)
    assert day_of(start, 2.3, end=False) == dt.date(2027, 1, 6)
    assert day_of(start, 2.0000000001, end=True) == dt.date(2027, 1, 6)  # float noise


@st.composite
def plans(draw: st.DrawFn) -> list[Work]:
    tracks = sorted(TRACK_WEIGHTS)
    count = draw(st.integers(1, 12))
    work = []
    for index in range(count):
        earlier = [w.id for w in work]
        requires = draw(st.lists(st.sampled_from(earlier), max_size=2)) if earlier else []
        hours = draw(st.floats(0.5, 80, allow_nan=False))
        work.append(Work(f"s{index}", draw(st.sampled_from(tracks)), hours, tuple(requires)))
    return work


@settings(max_examples=150, deadline=None)
@given(work=plans(), pace=st.floats(0.5, 60, allow_nan=False))
def test_the_hours_are_always_all_used(work: list[Work], pace: float) -> None:
    """With requirements on earlier steps only, some step is always ready: the plan ends when
    its hours are spent, and every step begins after what it requires has ended."""
    spans = simulate(work, pace)
    total = sum(w.hours for w in work)
    assert max(s.end for s in spans.values()) == pytest.approx(total * 7 / pace, rel=1e-6)
    for w in work:
        assert all(spans[r].end <= spans[w.id].begin + 1e-9 for r in w.requires)
        assert spans[w.id].end - spans[w.id].begin >= w.hours * 7 / pace - 1e-6
    assert all(math.isfinite(s.end) for s in spans.values())
