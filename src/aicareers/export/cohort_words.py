"""The sentences and figures the Markdown and HTML cohort reports share, so both say the same."""

from __future__ import annotations

from ..documents.cohort import CareerSpread, CohortReport, CohortSection

BLOCKS = "▁▂▃▄▅▆▇█"
EMPTY_BIN = "·"  # a bin with no row, told apart from a bin with a few
DASH = "\u2013"


def share(part: int, whole: int) -> str:
    """'42%' of a whole, or an en dash when there is nothing to share."""
    return f"{100 * part / whole:.0f}%" if whole else DASH


def figure(value: float | None) -> str:
    """A score figure: whole when it is whole, one decimal otherwise, an en dash for none."""
    if value is None:
        return DASH
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def sparkline(bins: tuple[int, ...]) -> str:
    """A histogram as block characters, the tallest bin full height."""
    tallest = max(bins, default=0)
    if not tallest:
        return ""
    return "".join(
        BLOCKS[max(round(8 * count / tallest) - 1, 0)] if count else EMPTY_BIN for count in bins
    )


def title(report: CohortReport) -> str:
    """The report's title."""
    return f"Cohort report: {report.source}"


def intro(report: CohortReport) -> str:
    """What was read: lines, results, rows assessed and not."""
    cohort = report.cohort
    bad = sum(b.lines for b in report.bad_lines)
    said = (
        f"{report.results:,} results read from {report.lines:,} lines: {cohort.assessed:,} people "
        f"assessed and {cohort.not_assessed:,} rows that could not be assessed."
    )
    if bad:
        said += f" {lines(bad)} not results and were skipped (listed at the end)."
    return said


def privacy(report: CohortReport) -> str:
    """Whether people's own words are in the report."""
    if report.include_text:
        return (
            "This report includes people's own words: quotes from their texts, the reasons "
            "given for their first career and the messages of rows that could not be assessed. "
            "Share it only with those who may read them."
        )
    return (
        "This report holds counts only: no quote, reason or error message from anyone's text. "
        "The group names, if any, are the values of the grouping column."
    )


def grouping(report: CohortReport) -> str | None:
    """How the cohort was grouped, with the rows that fell outside the groups."""
    if report.by is None:
        return None
    said = f"Grouped by the column {report.by!r}: {len(report.groups):,} groups."
    if report.ungrouped:
        said += f" Rows without the column, counted in the whole cohort only: {report.ungrouped:,}."
    if report.other_groups:
        said += (
            f" Only the first {report.max_groups:,} values get a section; rows of later "
            f"values, counted in the whole cohort only: {report.other_groups:,}."
        )
    return said


def section_heading(report: CohortReport, section: CohortSection) -> str:
    """'The whole cohort', or the group's column and value."""
    if section.group is None:
        return "The whole cohort"
    return f"{report.by}: {section.group or '(blank)'}"


def section_summary(section: CohortSection) -> str:
    """The rows of one section, assessed and not."""
    return (
        f"{rows(section.rows)}: {section.assessed:,} assessed, "
        f"{section.not_assessed:,} could not be assessed."
    )


def rows(count: int) -> str:
    """'1 row', '2 rows'."""
    return f"{count:,} row" + ("" if count == 1 else "s")


def lines(count: int) -> str:
    """'1 line is', '2 lines are'."""
    return f"{count:,} line is" if count == 1 else f"{count:,} lines are"


def missing_intro(career: CareerSpread) -> str:
    """What the counts of missing skills are out of."""
    return f"in the top 3 for {rows(career.top3)}"


def backgrounds_note(section: CohortSection) -> str:
    """How many assessed rows had no background found ("0 of 39" reads as a slip: say it)."""
    if section.no_background == 0:
        return "A prior-career background was found in every assessed row."
    return (
        f"No prior-career background was found in {section.no_background:,} of "
        f"{section.assessed:,} assessed rows ({share(section.no_background, section.assessed)})."
    )


CAREER_COLUMNS = ("Career", "First", "Top 3", "Rows scored", "Lowest", "Q1", "Median", "Q3",
                  "Highest", "Mean")  # fmt: skip


def career_figures(career: CareerSpread, assessed: int) -> list[str]:
    """A career's row in the careers table (after its title)."""
    s = career.scores
    return [
        f"{career.top1:,} ({share(career.top1, assessed)})",
        f"{career.top3:,} ({share(career.top3, assessed)})",
        f"{s.n:,}", figure(s.min), figure(s.q1), figure(s.median), figure(s.q3), figure(s.max),
        figure(s.mean),
    ]  # fmt: skip
