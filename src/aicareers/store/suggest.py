"""Suggestions for an id that names nothing the user has."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest_numbers(ids: Iterable[int], wanted: int, n: int = 3) -> list[str]:
    """Up to ``n`` of ``ids`` closest to ``wanted`` (a typo in a number is usually one digit)."""
    found = sorted({int(i) for i in ids}, key=lambda i: (abs(i - wanted), -i))
    return [str(i) for i in found[:n]]


def closest_keys(keys: Iterable[str], wanted: str, n: int = 3) -> list[str]:
    """Up to ``n`` of ``keys`` that look most like ``wanted``."""
    return difflib.get_close_matches(wanted, list(keys), n=n, cutoff=0.5)


def storable_id(value: int) -> bool:
    """Whether ``value`` can be a row id; larger numbers overflow the driver instead of missing."""
    return 0 < value < 2**63
