"""Counting a batch's results line by line into a cohort report (``documents.cohort``).

Nothing here reads a file: the caller hands over one line at a time and ``Tally`` keeps only
counts (a count per score per career, a counter of missing skills, ...), so a million rows
cost no more memory than a hundred. People's words are decoded only when the report is to
include them; otherwise the decoder skips those fields without building them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Annotated

import msgspec

from .cohort import (
    HISTOGRAM_BINS,
    BackgroundCount,
    BadLines,
    CareerExample,
    CareerSpread,
    CohortReport,
    CohortSection,
    ErrorExample,
    ErrorKind,
    ScoreSpread,
    SkillCount,
)

__all__ = ["MAX_GROUPS", "Tally", "error_kind", "spread"]

MAX_GROUPS = 200  # a column with a value per person would otherwise keep a section per person
TOP = 3
MISSING_SHOWN = 8
EXAMPLES = 3  # words kept per career and per kind of error, with include_text
FIRST_BAD = 5  # line numbers kept per kind of bad line
MAX_NAMED_COLUMNS = 20  # kept column names remembered, to say which there are
Score = Annotated[int, msgspec.Meta(ge=0, le=100)]
Value = str | int | float | bool | None


class _Missing(msgspec.Struct, frozen=True):
    skill: str
    name: str


class _Fit(msgspec.Struct, frozen=True):
    id: str
    title: str
    score: Score
    missing: tuple[_Missing, ...] = ()
    backgrounds: tuple[str, ...] = ()


class _Quote(msgspec.Struct, frozen=True):
    text: str


class _Matched(msgspec.Struct, frozen=True):
    evidence: tuple[_Quote, ...] = ()


class _FitWithText(_Fit, frozen=True):
    matched: tuple[_Matched, ...] = ()
    reason: str = ""


class _Line(msgspec.Struct, frozen=True):
    row: Annotated[int, msgspec.Meta(ge=0)]
    careers: tuple[_Fit, ...] | None = None
    error: str | None = None
    columns: dict[str, Value] | None = None


class _LineWithText(_Line, frozen=True):
    careers: tuple[_FitWithText, ...] | None = None


# Why a row was not assessed, from the messages the batch writes (tabular readers, the batch
# runner, the service's input errors). The first pattern that matches names the kind.
ERROR_KINDS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (kind, label, re.compile(pattern))
    for kind, label, pattern in (
        ("unreadable-row", "The input row could not be read",
         r"^Line \d+ is (not valid (JSON|CSV)|JSON but not an object)|^The row could not be"),
        ("no-text", "No text in the row",
         r"^The row has no value in column|^The document is empty"),
        ("not-text", "The text cell holds something other than text",
         r"^Column .* holds .*not text"),
        ("too-short", "Too short to tell what work the person does", r"^This text is too short"),
        ("nothing-recognised", "No job title, kind of work or skill recognised",
         r"^We could not find a job title"),
        ("too-large", "The text is over a size or complexity limit",
         r"too (large|long|complex)|over the .*limit"),
        ("unexpected", "An unexpected error in the engine", r"^Unexpected \w+"),
    )
)  # fmt: skip
OTHER_KIND = ("other", "Another reason")
BAD_KINDS = {
    "not-json": "Not JSON",
    "not-a-result": "JSON, but not a row of a batch assessment",
    "too-long": "A line too long to read",
}


def error_kind(message: str) -> tuple[str, str]:
    """(kind, label) of a row's error message; the message itself is never part of either."""
    for kind, label, pattern in ERROR_KINDS:
        if pattern.search(message):
            return kind, label
    return OTHER_KIND


def spread(counts: list[int]) -> ScoreSpread:
    """Quartiles, mean and histogram of scores given as ``counts[score]`` for 0..100."""
    n = sum(counts)
    bins = [0] * HISTOGRAM_BINS
    for score, count in enumerate(counts):
        bins[min(score // 10, HISTOGRAM_BINS - 1)] += count
    if n == 0:
        return ScoreSpread(n=0, min=None, q1=None, median=None, q3=None, max=None, mean=None,
                           histogram=tuple(bins))  # fmt: skip
    scores = [score for score, count in enumerate(counts) if count]
    total = sum(score * count for score, count in enumerate(counts))
    return ScoreSpread(
        n=n, min=scores[0], q1=_quantile(counts, n, 0.25), median=_quantile(counts, n, 0.5),
        q3=_quantile(counts, n, 0.75), max=scores[-1], mean=round(total / n, 2),
        histogram=tuple(bins),
    )  # fmt: skip


def _quantile(counts: list[int], n: int, share: float) -> float:
    position = share * (n - 1)
    low = int(position)
    below, above = _nth(counts, low), _nth(counts, min(low + 1, n - 1))
    return round(below + (above - below) * (position - low), 2)


def _nth(counts: list[int], index: int) -> int:
    """The score at ``index`` (from 0) of the sorted scores."""
    seen = 0
    for score, count in enumerate(counts):
        seen += count
        if seen > index:
            return score
    raise IndexError(index)


class _Career:
    """One career's counts within one section."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.top1 = self.top3 = 0
        self.scores = [0] * 101
        self.missing: Counter[str] = Counter()
        self.names: dict[str, str] = {}
        self.examples: list[CareerExample] = []

    def done(self, career: str) -> CareerSpread:
        missing = tuple(SkillCount(skill=skill, name=self.names[skill], rows=rows)
                        for skill, rows in _most_common(self.missing, MISSING_SHOWN))  # fmt: skip
        return CareerSpread(id=career, title=self.title, top1=self.top1, top3=self.top3,
                            scores=spread(self.scores), missing=missing,
                            examples=tuple(self.examples))  # fmt: skip


def _most_common(counter: Counter[str], shown: int | None = None) -> list[tuple[str, int]]:
    """Most first, ties by id, so the same file gives the same report."""
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:shown]


class _Section:
    """The counts of the cohort or of one group."""

    def __init__(self) -> None:
        self.assessed = self.not_assessed = self.no_background = 0
        self.careers: dict[str, _Career] = {}
        self.backgrounds: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.error_examples: dict[str, list[ErrorExample]] = {}

    def add(self, line: _Line, text: bool) -> None:
        if line.careers is None:
            self._add_error(line.row, line.error or "", text)
            return
        self.assessed += 1
        ranked = sorted(line.careers, key=lambda fit: -fit.score)  # stable: ties keep order
        found: set[str] = set()
        for place, fit in enumerate(ranked):
            career = self.careers.get(fit.id) or self.careers.setdefault(fit.id, _Career(fit.title))
            career.scores[fit.score] += 1
            found.update(fit.backgrounds)
            if place < TOP:
                self._add_top(career, fit, place, line.row, text)
        self.backgrounds.update(found)
        self.no_background += not found

    def _add_top(self, career: _Career, fit: _Fit, place: int, row: int, text: bool) -> None:
        career.top3 += 1
        career.top1 += place == 0
        career.missing.update(skill.skill for skill in fit.missing)
        for skill in fit.missing:
            career.names.setdefault(skill.skill, skill.name)
        wanted = text and place == 0 and len(career.examples) < EXAMPLES
        if wanted and isinstance(fit, _FitWithText):
            quotes = tuple(q.text for m in fit.matched for q in m.evidence)[:EXAMPLES]
            career.examples.append(CareerExample(row=row, quotes=quotes, reason=fit.reason))

    def _add_error(self, row: int, message: str, text: bool) -> None:
        self.not_assessed += 1
        kind, _ = error_kind(message)
        self.errors[kind] += 1
        kept = self.error_examples.setdefault(kind, [])
        if text and len(kept) < EXAMPLES:
            kept.append(ErrorExample(row=row, message=message))

    def done(self, group: str | None, background_names: Mapping[str, str]) -> CohortSection:
        careers = sorted(
            self.careers.items(), key=lambda item: (-item[1].top3, -item[1].top1, item[1].title)
        )
        labels = {kind: label for kind, label, _ in ERROR_KINDS} | dict([OTHER_KIND])
        return CohortSection(
            group=group, rows=self.assessed + self.not_assessed, assessed=self.assessed,
            not_assessed=self.not_assessed,
            careers=tuple(career.done(ident) for ident, career in careers),
            backgrounds=tuple(BackgroundCount(id=b, name=background_names.get(b, b), rows=n)
                              for b, n in _most_common(self.backgrounds)),
            no_background=self.no_background,
            errors=tuple(ErrorKind(kind=kind, label=labels[kind], rows=n,
                                   examples=tuple(self.error_examples[kind]))
                         for kind, n in _most_common(self.errors)),
        )  # fmt: skip


class Tally:
    """Every line of a results file counted into a report, one line at a time."""

    def __init__(self, by: str | None = None, include_text: bool = False) -> None:
        self.by = by
        self.include_text = include_text
        self.lines = self.results = self.ungrouped = self.other_groups = 0
        self.cohort = _Section()
        self.groups: dict[str, _Section] = {}
        self.bad: Counter[str] = Counter()
        self.first_bad: dict[str, list[int]] = {}
        self.bad_detail: dict[str, str] = {}
        self.kept_columns: set[str] = set()
        self._decoder = msgspec.json.Decoder(_LineWithText if include_text else _Line)

    def add(self, number: int, raw: bytes) -> None:
        """Count line ``number`` (from 1) of the file; a blank line is skipped."""
        if not raw.strip():
            return
        self.lines += 1
        try:
            line = self._decoder.decode(raw)
        except msgspec.ValidationError as exc:
            self.add_bad(number, "not-a-result", str(exc))
            return
        except msgspec.DecodeError as exc:
            self.add_bad(number, "not-json", str(exc))
            return
        if (line.careers is None) == (line.error is None):
            self.add_bad(number, "not-a-result", "A line has either careers or an error.")
            return
        self.results += 1
        self.cohort.add(line, self.include_text)
        if self.by is not None:
            self._add_to_group(line)

    def add_bad(self, number: int, kind: str, detail: str = "") -> None:
        """Count line ``number`` as bad; ``detail`` (the decoder's words, never the line's)."""
        self.lines += kind == "too-long"  # a line too long to read never reached ``add``
        self.bad[kind] += 1
        first = self.first_bad.setdefault(kind, [])
        if len(first) < FIRST_BAD:
            first.append(number)
        self.bad_detail.setdefault(kind, detail)

    def _add_to_group(self, line: _Line) -> None:
        columns = line.columns or {}
        if len(self.kept_columns) < MAX_NAMED_COLUMNS:  # to name them when ``by`` is not one
            self.kept_columns.update(list(columns)[:MAX_NAMED_COLUMNS])
        if self.by not in columns:
            self.ungrouped += 1
            return
        value = columns[self.by]
        name = "" if value is None else str(value).strip()
        section = self.groups.get(name)
        if section is None:
            if len(self.groups) >= MAX_GROUPS:
                self.other_groups += 1
                return
            section = self.groups[name] = _Section()
        section.add(line, self.include_text)

    @property
    def grouped(self) -> int:
        """Result lines that had the ``by`` column."""
        return self.results - self.ungrouped

    def report(self, source: str, background_names: Mapping[str, str]) -> CohortReport:
        """The report of everything counted so far."""
        bad = tuple(BadLines(kind=kind, label=BAD_KINDS[kind], lines=n,
                             first=tuple(self.first_bad[kind]), detail=self.bad_detail[kind])
                    for kind, n in _most_common(self.bad))  # fmt: skip
        groups = tuple(self.groups[name].done(name, background_names)
                       for name in sorted(self.groups))  # fmt: skip
        return CohortReport(
            source=source, lines=self.lines, results=self.results, bad_lines=bad,
            include_text=self.include_text, cohort=self.cohort.done(None, background_names),
            by=self.by, groups=groups, ungrouped=self.ungrouped, other_groups=self.other_groups,
            max_groups=MAX_GROUPS if self.by is not None else 0,
        )  # fmt: skip
