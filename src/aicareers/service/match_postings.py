"""One resume against every posting of a file: the rows read as postings analysis reads them.

Kept apart from ``service.match`` so the one-posting match stays small: this module only opens
the file (CSV, JSONL or Parquet, the title and description columns found by name) and feeds
its rows to ``match_many``, which reads the resume once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..errors import UserInputError
from .match import match_many

if TYPE_CHECKING:
    from pathlib import Path

    from ..documents.match import MatchReport
    from ..postings.stream import Malformed
    from .assess import AssessInput

__all__ = ["Result", "match_file"]

# (row, title, report, None) for a posting matched, (row, title, None, why) for one that was not.
Result = tuple[int, str, "MatchReport | None", str | None]


def match_file(
    person: AssessInput,
    path: Path,
    input_format: str | None = None,
    *,
    title_col: str | None = None,
    text_col: str | None = None,
    limit: int | None = None,
) -> tuple[int, Iterator[Result]]:
    """The number of rows to match, and each row's result in file order.

    The file and its columns are checked before this returns, so a wrong column fails before
    any work. A row that cannot be read, or whose posting is empty, says why and the rest go on.
    """
    from itertools import islice

    from ..postings.analyze import open_postings
    from ..postings.stream import Malformed, read_postings

    table, columns = open_postings(path, input_format, title=title_col, text=text_col)
    total = table.count(limit)
    if not total:
        raise UserInputError(f"{path.name} has no postings in it, only its header.")
    items = islice(read_postings(table, columns), limit)
    titles: dict[int, str] = {}
    skipped: list[Malformed] = []

    def usable() -> Iterator[tuple[int, str, str]]:
        for item in items:
            if isinstance(item, Malformed):
                skipped.append(item)  # given back in its place by ``results``
                continue
            titles[item.row] = item.title
            yield item.row, item.title, item.text

    def results() -> Iterator[Result]:
        for row, report, why in match_many(person, usable()):
            while skipped and skipped[0].row < row:
                yield _unread(skipped.pop(0))
            yield row, titles.pop(row), report, why
        yield from (_unread(item) for item in skipped)

    return total, results()


def _unread(item: Malformed) -> Result:
    """A row the reader could not use, its reason as a sentence."""
    return item.row, "", None, f"This row could not be read: {item.reason.rstrip('.')}."
