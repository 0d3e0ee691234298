"""The arithmetic of a plan: the order skills are learnt in and the hours a level takes.

Kept apart from ``build`` so that the rules that produce numbers (and that tests pin down
exactly) sit in one short module (how the tracks share the hours is ``timeline``):

- Hours. A learning path gives the hours from scratch to working level, level 3 of the career
  space's 1-5 scale. Other levels take that times ``LEVEL_FACTORS[level]``: the basics come
  quickly (level 1 about a third, level 2 about 60 percent), while each level above working costs
  more than the one below it (level 4, handling hard cases alone, 1.6 times; level 5, expert,
  2.5 times). The result is rounded half up to whole hours, and is never below one hour.
- Order. Gaps are learnt in the order given (most important first), but each one's missing
  prerequisites come before it, depth first, so nothing is learnt before what it builds on.
- Dates are not here: ``timeline`` shares the weekly hours between the tracks and dates every
  step (partial days round up, so a step is never due before its hours can have been spent).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence

WORKING_LEVEL = 3
# Hours to reach a level, as a multiple of the hours to working level (level 3).
LEVEL_FACTORS: Mapping[int, float] = {1: 0.3, 2: 0.6, 3: 1.0, 4: 1.6, 5: 2.5}
# A prerequisite the career does not ask for itself is learnt only far enough to build on.
PREREQUISITE_LEVEL = 2


def level_hours(hours_to_working_level: float, level: int) -> float:
    """Whole hours to reach ``level`` (clamped to 1-5) from scratch; at least one hour."""
    factor = LEVEL_FACTORS[min(max(level, 1), 5)]
    return float(max(1, math.floor(hours_to_working_level * factor + 0.5)))


def learning_order(
    gaps: Sequence[str],
    prerequisites: Mapping[str, Sequence[str]],
    have: Collection[str],
) -> tuple[list[str], dict[str, list[str]]]:
    """Skills to learn in order (prerequisites first) and, for each, the planned skills needing it.

    Skills in ``have`` are neither learnt nor followed further. A cycle in ``prerequisites`` (the
    catalog validator rules them out) cannot loop: a skill on the current chain is skipped.
    """
    order: list[str] = []
    needed_by: dict[str, list[str]] = {}

    def visit(skill: str, chain: frozenset[str]) -> None:
        for before in prerequisites.get(skill, ()):
            if before in have or before in chain:
                continue
            dependants = needed_by.setdefault(before, [])
            if skill not in dependants:
                dependants.append(skill)
            if before not in order:
                visit(before, chain | {skill})
        if skill not in order:
            order.append(skill)

    for gap in gaps:
        if gap not in have:
            visit(gap, frozenset())
    return order, needed_by
