"""When each step of a version 2 plan happens: parallel tracks sharing the weekly hours.

The rule, in the order it is applied (docs/plans.md explains it with an example):

1. Habits first. While it runs, a habit takes a fixed share of the weekly hours
   (``Work.share``): the weekly community and practice habits run from week one until the
   plan's other work is done; the job search runs for its fixed number of weeks from the day
   its ``requires`` (the job-ready steps) are done.
2. The rest goes to one-off steps. Each track works on one step at a time: the first of its
   steps, in plan order, whose ``requires`` are all done. The tracks that have such a step share
   the hours in proportion to their weights; a track with nothing ready gives its share to the
   others, so no hour is left unused while there is work that can be done. A step once begun is
   finished before its track takes another (people do not juggle half-done courses).
3. Time runs evenly: the weekly hours are spread over seven days. A step is due on the first
   whole day by which its hours are spent (partial days round up, so it is never due early); it
   begins on the day its track picks it up.

Pure arithmetic over plain records, so the builder, the progress summary (which re-dates the
open steps from today) and the tests all use the same rule.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

# Shares of a track among the tracks with work ready: learning leads, projects close behind,
# events and credentials move along steadily, and once a project is finished the profile and
# the job search weigh as much as learning (they are short, and they are what gets a job).
TRACK_WEIGHTS: Mapping[str, float] = {"learn": 4, "build": 3, "prove": 1, "connect": 1, "apply": 4}
_EPSILON = 1e-9
# Habits never take all the time: a pace is for learning and building too.
MAX_HABIT_SHARE = 0.9


@dataclass(frozen=True)
class Work:
    """What the scheduler needs of a step: its lane, size and what must be done first.

    A habit has a ``share`` of the weekly hours instead of a size; ``weeks`` fixes how long it
    runs (otherwise until the other work is done).
    """

    id: str
    track: str
    hours: float = 0.0
    requires: tuple[str, ...] = ()
    share: float | None = None
    weeks: float | None = None


@dataclass(frozen=True)
class Span:
    """When a step begins and ends, in days from the start (fractions of a day included)."""

    begin: float
    end: float


@dataclass
class _Run:
    """The simulation's state: hours left per open one-off step, what is finished and when."""

    work: Sequence[Work]
    left: dict[str, float]
    finished: dict[str, float]
    begun: dict[str, float]
    current: dict[str, str]
    habit_begin: dict[str, float]
    known: frozenset[str]

    def met(self, item: Work) -> bool:
        """Every requirement that names a step of this plan is finished."""
        return all(r not in self.known or r in self.finished for r in item.requires)


def simulate(
    work: Sequence[Work],
    hours_per_week: float,
    *,
    done: Collection[str] = (),
    weights: Mapping[str, float] = TRACK_WEIGHTS,
) -> dict[str, Span]:
    """The span of every step not in ``done``, by the rule in this module's docstring."""
    one_offs = [w for w in work if w.share is None and w.id not in done]
    run = _Run(
        work=work, left={w.id: max(w.hours, 0.0) for w in one_offs},
        finished=dict.fromkeys(done, 0.0), begun={}, current={}, habit_begin={},
        known=frozenset(w.id for w in work),
    )  # fmt: skip
    habits = [w for w in work if w.share is not None and w.id not in done]
    per_day = hours_per_week / 7
    now = 0.0
    while True:
        _pick(run, now)
        _begin_habits(run, habits, now)
        running = [h for h in habits if _running(run, habits, h, now)]
        if not run.current:
            if run.left:
                _force_one(run, now)  # requirements that can never be met must not stall a plan
                continue
            nxt = _next_habit_change(run, habits, now)
            if nxt is None:
                break
            now = nxt  # only a fixed-length habit (the job search) is still running
            continue
        share = min(sum(h.share or 0.0 for h in running), MAX_HABIT_SHARE)
        free = per_day * (1 - share)
        total = sum(weights.get(track, 1.0) for track in run.current)
        rates = {t: free * weights.get(t, 1.0) / total for t in run.current}
        step = min(run.left[s] / rates[t] for t, s in run.current.items())
        change = _next_habit_change(run, habits, now)
        if change is not None and change - now < step:
            step = change - now
        now += step
        _advance(run, rates, step, now)
    return _spans(run, habits)


def _pick(run: _Run, now: float) -> None:
    """Give every idle track its first ready step, in plan order."""
    for item in run.work:
        idle = item.track not in run.current and item.id not in run.begun
        if item.id in run.left and idle and run.met(item):
            run.current[item.track] = item.id
            run.begun[item.id] = now
    for track, step in list(run.current.items()):
        if run.left.get(step, 0.0) <= _EPSILON:  # a zero-hour step is done as it begins
            run.finished[step] = now
            run.left.pop(step, None)
            del run.current[track]


def _begin_habits(run: _Run, habits: Sequence[Work], now: float) -> None:
    for habit in habits:
        if habit.id not in run.habit_begin and run.met(habit):
            run.habit_begin[habit.id] = now


def _running(run: _Run, habits: Sequence[Work], habit: Work, now: float) -> bool:
    """A fixed habit runs its weeks; an open one while anything else is left to do."""
    begin = run.habit_begin.get(habit.id)
    if begin is None:
        return False
    if habit.weeks is not None:
        return now < begin + habit.weeks * 7 - _EPSILON
    return bool(run.left) or _next_habit_change(run, habits, now) is not None


def _next_habit_change(run: _Run, habits: Sequence[Work], now: float) -> float | None:
    """The next moment a fixed-length habit ends (its share goes back to the tracks)."""
    ends = [
        run.habit_begin[h.id] + h.weeks * 7
        for h in habits
        if h.weeks is not None and h.id in run.habit_begin
    ]
    later = [e for e in ends if e > now + _EPSILON]
    return min(later) if later else None


def _force_one(run: _Run, now: float) -> None:
    blocked = next(w for w in run.work if w.id in run.left and w.id not in run.begun)
    run.current[blocked.track] = blocked.id
    run.begun[blocked.id] = now


def _advance(run: _Run, rates: Mapping[str, float], days: float, now: float) -> None:
    for track, step in list(run.current.items()):
        run.left[step] -= rates[track] * days
        if run.left[step] <= _EPSILON * max(1.0, rates[track]):
            run.finished[step] = now
            del run.left[step]
            del run.current[track]


def _spans(run: _Run, habits: Sequence[Work]) -> dict[str, Span]:
    spans = {s: Span(run.begun[s], t) for s, t in run.finished.items() if s in run.begun}
    fixed = {
        h.id: Span(run.habit_begin[h.id], run.habit_begin[h.id] + h.weeks * 7)
        for h in habits
        if h.weeks is not None and h.id in run.habit_begin
    }
    last = max((s.end for s in [*spans.values(), *fixed.values()]), default=0.0)
    for habit in habits:
        begin = run.habit_begin.get(habit.id)
        if begin is not None and habit.id not in fixed:
            spans[habit.id] = Span(begin, max(last, begin + 7))  # a habit runs a week at least
    return {**spans, **fixed}


def day_of(start: dt.date, days: float, *, end: bool) -> dt.date:
    """The calendar day ``days`` after ``start``: an end rounds up, a beginning rounds down."""
    days = round(days, 6)  # float noise must not push a whole day over
    return start + dt.timedelta(days=math.ceil(days) if end else math.floor(days))


def habit_hours(share: float, hours_per_week: float, span: Span) -> float:
    """The hours a habit takes over its span at ``hours_per_week``, to a tenth of an hour."""
    return round(share * hours_per_week * (span.end - span.begin) / 7, 1)
