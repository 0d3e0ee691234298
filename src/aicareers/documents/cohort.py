"""The cohort report: how a batch of assessments spreads over the careers.

Declared once, here: ``aicareers cohort report --format json`` prints it, the Markdown and HTML
reports and the web page are laid out from it. It holds counts, never people's words, unless
the report was asked to include them (``include_text``): then ``examples`` carry quotes,
reasons and error messages, and nothing else does.

Scores are whole numbers from 0 to 100, so a career's scores are kept as a count per score and
the quartiles are exact however many rows there are.
"""

from __future__ import annotations

from .catalog import View

__all__ = [
    "BackgroundCount", "BadLines", "CareerExample", "CareerSpread", "CohortReport",
    "CohortSection", "ErrorExample", "ErrorKind", "ScoreSpread", "SkillCount",
]  # fmt: skip

HISTOGRAM_BINS = 10
"""Score bins of the histograms: 0-9, 10-19, ..., 80-89 and 90-100."""


class ScoreSpread(View, frozen=True):
    """One career's scores over the rows that have it: quartiles, mean and a histogram.

    Quartiles interpolate between neighbouring scores in sorted order (position ``p * (n - 1)``,
    as numpy and ``statistics.quantiles(method="inclusive")`` do); all are None when ``n`` is 0.
    """

    n: int
    min: int | None
    q1: float | None
    median: float | None
    q3: float | None
    max: int | None
    mean: float | None
    histogram: tuple[int, ...]


class SkillCount(View, frozen=True):
    """A skill a career asks for, and in how many rows it is missing."""

    skill: str
    name: str
    rows: int


class CareerExample(View, frozen=True):
    """One row's words behind a career (only with ``include_text``)."""

    row: int
    quotes: tuple[str, ...]
    reason: str


class CareerSpread(View, frozen=True):
    """One career across the rows: how often it comes first or in the top 3, and its scores.

    ``missing`` counts, among the ``top3`` rows, how often each skill is missing, most first.
    """

    id: str
    title: str
    top1: int
    top3: int
    scores: ScoreSpread
    missing: tuple[SkillCount, ...]
    examples: tuple[CareerExample, ...] = ()


class BackgroundCount(View, frozen=True):
    """A prior-career background and the number of rows in which it was found."""

    id: str
    name: str
    rows: int


class ErrorExample(View, frozen=True):
    """A row that could not be assessed, with its message (only with ``include_text``)."""

    row: int
    message: str


class ErrorKind(View, frozen=True):
    """Rows that could not be assessed for one kind of reason; ``label`` says it in words."""

    kind: str
    label: str
    rows: int
    examples: tuple[ErrorExample, ...] = ()


class CohortSection(View, frozen=True):
    """The report for the whole cohort (``group`` None) or for one group of it.

    ``rows`` = ``assessed`` + ``not_assessed``. Careers come most often in the top 3 first;
    ``no_background`` is the number of assessed rows in which no background was found.
    """

    group: str | None
    rows: int
    assessed: int
    not_assessed: int
    careers: tuple[CareerSpread, ...]
    backgrounds: tuple[BackgroundCount, ...]
    no_background: int
    errors: tuple[ErrorKind, ...]


class BadLines(View, frozen=True):
    """Lines of the results file that are not results, of one kind; the first few by number."""

    kind: str
    label: str
    lines: int
    first: tuple[int, ...]
    detail: str = ""


class CohortReport(View, frozen=True):
    """The whole report: the file read, its bad lines, the cohort, and each group of it.

    ``lines`` counts every non-blank line; ``results`` those that are rows of a batch
    assessment. With ``by``, ``groups`` holds one section per value of that column (at most
    ``max_groups``; rows of the groups past it are counted in ``other_groups``) and
    ``ungrouped`` the rows that lack the column.
    """

    source: str
    lines: int
    results: int
    bad_lines: tuple[BadLines, ...]
    include_text: bool
    cohort: CohortSection
    by: str | None = None
    groups: tuple[CohortSection, ...] = ()
    ungrouped: int = 0
    other_groups: int = 0
    max_groups: int = 0
