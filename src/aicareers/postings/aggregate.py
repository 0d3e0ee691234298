"""Totals over a stream of postings, in memory that does not grow with the number of rows.

State: a posting count and a skill counter per career (at most 21 x the ~85 project skills),
an O*NET occupation counter for the "other" postings (at most the ~1,000 occupations), pay
figures per career and currency kept as value counts (``ValueCounts``), and the first
``MAX_LISTED`` malformed rows (the rest are counted, and were printed as they came).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from .classify import OTHER, PostingResult
from .salary_text import states_salary
from .stream import Malformed

MAX_KEYS = 4096  # distinct values a ValueCounts keeps before it coarsens
MAX_LISTED = 1000  # malformed rows kept for the report
MAX_EXAMPLES = 5  # salary texts we could not read, quoted in the report
TOP_SKILLS = 10
TOP_SKILLS_OVERALL = 20
TOP_OCCUPATIONS = 10


class ValueCounts:
    """Values with their counts, for an exact median in bounded memory.

    Yearly pay is rounded to whole currency units and counted. Salaries cluster on round
    figures ("$53K", "$45 an hour"), so a few hundred distinct values cover millions of
    postings and the median is exact. Only when more than ``MAX_KEYS`` distinct values come
    does the resolution grow tenfold (values then go to the nearest 10, 100, ...); the
    median is then right to within that resolution, which ``resolution`` reports.
    """

    def __init__(self, max_keys: int = MAX_KEYS) -> None:
        self.counts: Counter[int] = Counter()
        self.n = 0
        self.resolution = 1
        self.max_keys = max_keys

    def add(self, value: float) -> None:
        """Count one value."""
        self.counts[self._key(value)] += 1
        self.n += 1
        while len(self.counts) > self.max_keys:
            self._coarsen()

    def _key(self, value: float) -> int:
        return round(value / self.resolution) * self.resolution

    def _coarsen(self) -> None:
        self.resolution *= 10
        coarse: Counter[int] = Counter()
        for value, count in self.counts.items():
            coarse[self._key(value)] += count
        self.counts = coarse

    def median(self) -> float | None:
        """The median (the mean of the middle two for an even count), as statistics.median."""
        if self.n == 0:
            return None
        lower, upper = (self.n - 1) // 2, self.n // 2  # 0-based ranks of the middle values
        seen = 0
        low_value: int | None = None
        for value in sorted(self.counts):
            seen += self.counts[value]
            if low_value is None and seen > lower:
                low_value = value
            if seen > upper:
                return (low_value + value) / 2 if low_value is not None else float(value)
        raise AssertionError("counts add up to n")  # pragma: no cover


@dataclass
class Pay:
    """Pay figures of one career in one currency."""

    n: int = 0
    low: ValueCounts = field(default_factory=ValueCounts)
    high: ValueCounts = field(default_factory=ValueCounts)

    def as_dict(self, currency: str) -> dict[str, Any]:
        """n, and the medians of the yearly minimum and maximum, with their own counts."""
        return {
            "currency": currency, "n": self.n,
            "min_median": self.low.median(), "min_n": self.low.n,
            "max_median": self.high.median(), "max_n": self.high.n,
            "resolution": max(self.low.resolution, self.high.resolution),
        }  # fmt: skip


@dataclass
class Aggregates:
    """Running totals; ``add`` each result, ``add_malformed`` each skipped row."""

    careers: Counter[str] = field(default_factory=Counter)
    skills: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    pay: dict[tuple[str, str], Pay] = field(default_factory=dict)
    occupations: Counter[tuple[str, str]] = field(default_factory=Counter)
    salary_parsed: int = 0
    salary_unparsed: int = 0
    unparsed_examples: list[str] = field(default_factory=list)
    malformed: list[Malformed] = field(default_factory=list)
    malformed_count: int = 0

    @property
    def analysed(self) -> int:
        """Postings analysed (malformed rows not counted)."""
        return sum(self.careers.values())

    def add(self, result: PostingResult, salary_text: str | None) -> None:
        """Count one analysed posting; ``salary_text`` tells an unreadable salary from none."""
        self.careers[result.career] += 1
        self.skills[result.career].update(result.skills)
        if result.career == OTHER and result.occupation:
            self.occupations[(result.occupation, result.occupation_title or "")] += 1
        if result.salary is not None:
            self.salary_parsed += 1
            salary = result.salary
            pay = self.pay.setdefault((result.career, salary.currency), Pay())
            pay.n += 1
            if salary.min is not None:
                pay.low.add(salary.min)
            if salary.max is not None:
                pay.high.add(salary.max)
        elif salary_text is not None and states_salary(salary_text):
            self.salary_unparsed += 1
            example = salary_text.strip()[:80]
            if len(self.unparsed_examples) < MAX_EXAMPLES and example not in self.unparsed_examples:
                self.unparsed_examples.append(example)

    def add_malformed(self, item: Malformed) -> None:
        """Count one skipped row; the first ``MAX_LISTED`` are kept for the report."""
        self.malformed_count += 1
        if len(self.malformed) < MAX_LISTED:
            self.malformed.append(item)

    def career_rows(self, titles: dict[str, str], names: dict[str, str]) -> list[dict[str, Any]]:
        """Per career, most postings first: count, share, top skills and pay.

        ``titles`` maps career ids to titles and ``names`` skill ids to names.
        """
        total = self.analysed
        rows = []
        for career, n in sorted(self.careers.items(), key=lambda kv: (-kv[1], kv[0])):
            top = sorted(self.skills[career].items(), key=lambda kv: (-kv[1], kv[0]))
            rows.append({
                "career": career, "title": titles.get(career, "Other (none of the 20)"),
                "postings": n, "share": round(n / total, 4),
                "top_skills": [
                    {"skill": s, "name": names.get(s, s), "postings": c, "share": round(c / n, 4)}
                    for s, c in top[:TOP_SKILLS]
                ],
                "pay": [
                    pay.as_dict(currency)
                    for (c, currency), pay in sorted(self.pay.items()) if c == career
                ],
            })  # fmt: skip
        return rows

    def top_skills(self, names: dict[str, str]) -> list[dict[str, Any]]:
        """The skills named most across all postings, with their share of the postings."""
        overall: Counter[str] = Counter()
        for counts in self.skills.values():
            overall.update(counts)
        total = self.analysed
        top = sorted(overall.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_SKILLS_OVERALL]
        return [
            {"skill": s, "name": names.get(s, s), "postings": c, "share": round(c / total, 4)}
            for s, c in top
        ]

    def as_dict(self, titles: dict[str, str], names: dict[str, str]) -> dict[str, Any]:
        """All totals as JSON-ready values (see ``career_rows`` for the two maps)."""
        top_occupations = sorted(self.occupations.items(), key=lambda kv: (-kv[1], kv[0]))
        return {
            "rows": {
                "analysed": self.analysed,
                "malformed": self.malformed_count,
                "read": self.analysed + self.malformed_count,
            },
            "salary": {
                "parsed": self.salary_parsed,
                "unparsed": self.salary_unparsed,
                "absent": self.analysed - self.salary_parsed - self.salary_unparsed,
                "unparsed_examples": list(self.unparsed_examples),
            },
            "skills": self.top_skills(names),
            "careers": self.career_rows(titles, names),
            "other_occupations": [
                {"code": code, "title": title, "postings": n}
                for (code, title), n in top_occupations[:TOP_OCCUPATIONS]
            ],
            "malformed": [{"row": m.row, "reason": m.reason} for m in self.malformed],
        }
