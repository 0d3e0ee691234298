"""Which columns of a postings file hold the title, the description and the salary.

Names are compared case-insensitively with "_" and "-" read as spaces, so "Job Title",
"job_title" and "JOB-TITLE" are one name. A column given by the user must exist; one left to
detection is the first known name found, in the order of the lists below.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import UserInputError

TITLE_NAMES = ("job title", "title", "jobtitle", "position title", "position", "role", "job")
TEXT_NAMES = (
    "job description", "description", "jobdescription", "text", "body", "content", "details",
    "posting", "summary",
)  # fmt: skip
SALARY_NAMES = (
    "salary estimate", "salary", "salary range", "pay", "pay range", "compensation", "wage",
    "salary text",
)  # fmt: skip
# What each kind of column holds, in a message's words ("the job title column").
WORDS = {"title": "job title", "text": "job description", "salary": "salary"}


@dataclass(frozen=True)
class PostingColumns:
    """The input columns read for each posting; ``salary`` is None when the file has none."""

    title: str
    text: str
    salary: str | None = None

    def names(self) -> list[str]:
        """The column names to read, without repeats."""
        return list(dict.fromkeys(c for c in (self.title, self.text, self.salary) if c))


def normal_name(name: str) -> str:
    """A column name as compared: lower case, "_" and "-" as spaces, spaces collapsed."""
    return " ".join(re.split(r"[\s_\-]+", name.strip().casefold())).strip()


def _listing(found: Sequence[str]) -> str:
    return ", ".join(repr(c) for c in found) or "none"


def _given(kind: str, given: str, found: Sequence[str], source: str) -> str:
    """The column the user named: exact, else the one column equal to it in any case."""
    if given in found:
        return given
    same = [c for c in found if normal_name(c) == normal_name(given)]
    if len(same) == 1:
        return same[0]
    raise UserInputError(
        f"{source} has no column {given!r} (given as the {WORDS[kind]} column). "
        f"Its columns are: {_listing(found)}."
    )


def _detected(known: Sequence[str], found: Sequence[str]) -> str | None:
    by_name: dict[str, str] = {}
    for column in found:
        by_name.setdefault(normal_name(column), column)
    return next((by_name[name] for name in known if name in by_name), None)


def resolve_columns(
    found: Sequence[str],
    *,
    title: str | None = None,
    text: str | None = None,
    salary: str | None = None,
    source: str = "The file",
) -> PostingColumns:
    """The columns to read from a file whose columns are ``found``; raises UserInputError."""
    chosen: dict[str, str | None] = {}
    for kind, given, known in (
        ("title", title, TITLE_NAMES),
        ("text", text, TEXT_NAMES),
        ("salary", salary, SALARY_NAMES),
    ):
        chosen[kind] = _given(kind, given, found, source) if given else _detected(known, found)
    for kind in ("title", "text"):
        if chosen[kind] is None:
            raise UserInputError(
                f"{source} has no {WORDS[kind]} column that we recognise; say which column "
                f"holds the {WORDS[kind]}. Its columns are: {_listing(found)}."
            )
    return PostingColumns(str(chosen["title"]), str(chosen["text"]), chosen["salary"])
