"""The cohort report as Markdown, for reading in a terminal, an editor or a repository."""

from __future__ import annotations

from collections.abc import Sequence

from ..documents.cohort import CohortReport, CohortSection
from . import cohort_words as words

MISSING_SHOWN = 5


def _cell(value: object) -> str:
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return [*lines, ""]


def _quote(text: str) -> str:
    """People's words inline, never taken for Markdown."""
    return "“" + _cell(text).replace("`", "'").replace("*", "\\*").replace("_", "\\_") + "”"


def cohort_markdown(report: CohortReport) -> str:
    """The whole report: summary, the cohort, each group, then the lines that are not results."""
    lines = [f"# {words.title(report)}", "", words.intro(report), "", words.privacy(report), ""]
    grouping = words.grouping(report)
    if grouping:
        lines += [grouping, ""]
    for section in (report.cohort, *report.groups):
        lines += _section(report, section)
    lines += _bad_lines(report)
    return "\n".join(lines).rstrip() + "\n"


def _section(report: CohortReport, section: CohortSection) -> list[str]:
    lines = [f"## {words.section_heading(report, section)}", "", words.section_summary(section), ""]
    if section.careers:
        lines += _careers(section)
        lines += _missing(section)
        lines += _backgrounds(section)
    lines += _errors(section)
    return lines


def _careers(section: CohortSection) -> list[str]:
    rows = [[c.title, *words.career_figures(c, section.assessed),
             words.sparkline(c.scores.histogram)] for c in section.careers]  # fmt: skip
    lines = ["### Careers", "",
             "How often each career came first and in the top 3, and how its scores (0-100) "
             "spread; the last column is a histogram in ten bins from 0 to 100.", "",
             *_table([*words.CAREER_COLUMNS, "Histogram"], rows)]  # fmt: skip
    examples = [(c.title, e) for c in section.careers for e in c.examples]
    if examples:
        lines += ["People's words behind their first career:", ""]
        for career, example in examples:
            quotes = "; ".join(_quote(q) for q in example.quotes) or "no quote"
            lines.append(f"- {career}, row {example.row}: {quotes}. {_quote(example.reason)}")
        lines.append("")
    return lines


def _missing(section: CohortSection) -> list[str]:
    lines = ["### Skills missing most", "",
             "For each career, among the rows where it is in the top 3: the skills missing "
             "most often.", ""]  # fmt: skip
    for career in (c for c in section.careers if c.top3 and c.missing):
        shown = ", ".join(f"{m.name} {m.rows:,} ({words.share(m.rows, career.top3)})"
                          for m in career.missing[:MISSING_SHOWN])  # fmt: skip
        lines.append(f"- **{_cell(career.title)}** ({words.missing_intro(career)}): {shown}")
    return [*lines, ""]


def _backgrounds(section: CohortSection) -> list[str]:
    rows = [(b.name, f"{b.rows:,}", words.share(b.rows, section.assessed))
            for b in section.backgrounds]  # fmt: skip
    lines = ["### Backgrounds found", ""]
    if rows:
        lines += _table(("Background", "Rows", "Share of assessed"), rows)
    return [*lines, words.backgrounds_note(section), ""]


def _errors(section: CohortSection) -> list[str]:
    if not section.errors:
        return ["### Rows that could not be assessed", "", "None.", ""]
    rows = [(e.label, f"{e.rows:,}", words.share(e.rows, section.rows)) for e in section.errors]
    lines = ["### Rows that could not be assessed", "",
             *_table(("Why", "Rows", "Share of rows"), rows)]  # fmt: skip
    for kind in section.errors:
        lines += [f"- {kind.label}, row {e.row}: {_quote(e.message)}" for e in kind.examples]
    if any(kind.examples for kind in section.errors):
        lines.append("")
    return lines


def _bad_lines(report: CohortReport) -> list[str]:
    if not report.bad_lines:
        return []
    rows = [(b.label, f"{b.lines:,}", ", ".join(str(n) for n in b.first), b.detail)
            for b in report.bad_lines]  # fmt: skip
    return ["## Lines that are not results", "",
            "Lines count from 1. The detail is the reader's, for the first such line.", "",
            *_table(("What", "Lines", "First lines", "Detail"), rows)]  # fmt: skip
