"""Suggestions for an id that names nothing the user has."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest_numbers(ids: Iterable[int], wanted: int, n: int = 3) -> list[str]:
    """Up to ``n`` of ``ids`` that ``wanted`` could be a slip for, numerically closest first.

    A slip is one digit typed wrong in a longer number, one too many or one too few, or two
    neighbours swapped (``12`` for ``21``). Ids merely near in value are no help: asked for 99,
    someone with plans 6, 7 and 8 was offered "8, 7, 6", none of which they meant.
    """
    typed = str(wanted)
    found = sorted(
        {int(i) for i in ids if _one_slip(str(int(i)), typed)},
        key=lambda i: (abs(i - wanted), -i),
    )
    return [str(i) for i in found[:n]]


def _one_slip(id_: str, typed: str) -> bool:
    """Whether ``typed`` is ``id_`` with one digit changed, added or dropped, or two swapped."""
    if id_ == typed or abs(len(id_) - len(typed)) > 1:
        return False
    if len(id_) == len(typed):
        differ = [k for k, (a, b) in enumerate(zip(id_, typed, strict=True)) if a != b]
        swapped = (
            len(differ) == 2  # a swap touches exactly two places
            and differ[1] == differ[0] + 1
            and id_[differ[0]] == typed[differ[1]]
            and id_[differ[1]] == typed[differ[0]]
        )
        # One wrong digit of a one-digit id leaves nothing in common: 9 is no slip for 8.
        return (len(differ) == 1 and len(typed) > 1) or swapped
    longer, shorter = (id_, typed) if len(id_) > len(typed) else (typed, id_)
    return any(longer[:k] + longer[k + 1 :] == shorter for k in range(len(longer)))


def closest_keys(keys: Iterable[str], wanted: str, n: int = 3) -> list[str]:
    """Up to ``n`` of ``keys`` that look most like ``wanted``."""
    return difflib.get_close_matches(wanted, list(keys), n=n, cutoff=0.5)


def storable_id(value: int) -> bool:
    """Whether ``value`` can be a row id; larger numbers overflow the driver instead of missing."""
    return 0 < value < 2**63
