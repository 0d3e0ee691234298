"""Find catalog entries by id, suggesting the closest ids when one is unknown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from ..errors import Hint, UnknownIdError, listing


class HasIdAndName(Protocol):
    """Anything with a stable id and a display name or title."""

    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=HasIdAndName)

# Where every career id is listed: the one hint of an unknown career, wherever it is looked up.
CAREER_IDS = listing(command="aicareers careers list", page="/careers")


def _label(item: HasIdAndName) -> str:
    return str(getattr(item, "title", None) or getattr(item, "name", item.id))


def suggest(given: str, items: Sequence[HasIdAndName], limit: int = 3) -> list[str]:
    """The ids closest to ``given``, matching on ids and on names or titles."""
    import difflib  # only when an id is unknown

    wanted = given.strip().lower()
    by_key: dict[str, str] = {}
    for item in items:
        by_key.setdefault(item.id, item.id)
        by_key.setdefault(_label(item).lower(), item.id)
    close = difflib.get_close_matches(wanted, list(by_key), n=limit * 2, cutoff=0.5)
    # Words of the given text that appear inside an id catch "mlops" -> "mlops-engineer".
    contains = [i.id for i in items if wanted and (wanted in i.id or wanted in _label(i).lower())]
    found: list[str] = []
    for ident in [*contains, *(by_key[key] for key in close)]:
        if ident not in found:
            found.append(ident)
    return found[:limit]


def by_id(items: Sequence[T], ident: str, kind: str, hint: Hint | None = None) -> T:
    """The item whose id is ``ident``; ``UnknownIdError`` with suggestions (and ``hint``, where
    the ids are listed) otherwise."""
    for item in items:
        if item.id == ident:
            return item
    raise UnknownIdError(kind, ident, suggest(ident, items), hint)
