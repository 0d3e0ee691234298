"""The Markdown report of ``postings analyze``, and its short summary for the terminal.

Both are rendered from the JSON summary (``summary`` below), so the report, the terminal and
``--format json`` always tell the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .salary_text import PER_YEAR


def _money(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def _share(value: float) -> str:
    return f"{100 * value:.1f}%"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return [*lines, ""]


def _intro(summary: dict[str, Any]) -> list[str]:
    run, rows, salary = summary["input"], summary["rows"], summary["salary"]
    columns = ", ".join(f"{k} = `{v}`" for k, v in run["columns"].items() if v)
    periods = ", ".join(f"{p} x {n:,}" for p, n in PER_YEAR.items() if n > 1)
    lines = [
        f"# Job postings: {run['file']}",
        "",
        f"{rows['read']:,} rows read ({run['format']}; columns {columns}) in "
        f"{summary['seconds']:.1f} s ({summary['rows_per_second']:,.0f} rows/s): "
        f"{rows['analysed']:,} postings analysed, {rows['malformed']:,} malformed rows skipped"
        + (" (listed at the end)." if rows["malformed"] else "."),
        "",
        f"Salaries: {salary['parsed']:,} read, {salary['unparsed']:,} not understood, "
        f"{salary['absent']:,} absent. Pay is yearly: {periods}.",
    ]
    if salary["unparsed_examples"]:
        quoted = "; ".join(f"`{e}`" for e in salary["unparsed_examples"])
        lines.append(f"Not understood, for example: {quoted}.")
    return [*lines, ""]


def _careers(summary: dict[str, Any]) -> list[str]:
    rows = [(c["title"], f"`{c['career']}`", f"{c['postings']:,}", _share(c["share"]))
            for c in summary["careers"]]  # fmt: skip
    return ["## Postings per career", "", *_table(("career", "id", "postings", "share"), rows)]


def _skills(summary: dict[str, Any]) -> list[str]:
    lines = ["## Top skills per career", "", "Share of the career's postings that name the skill.",
             ""]  # fmt: skip
    for career in summary["careers"]:
        lines += [f"### {career['title']} ({career['postings']:,} postings)", ""]
        rows = [(s["name"], f"{s['postings']:,}", _share(s["share"])) for s in career["top_skills"]]
        lines += _table(("skill", "postings", "share"), rows) if rows else ["No skills named.", ""]
    return lines


def _pay(summary: dict[str, Any]) -> list[str]:
    rows = [
        (career["title"], pay["currency"], f"{pay['n']:,}", _money(pay["min_median"]),
         _money(pay["max_median"]))
        for career in summary["careers"]
        for pay in career["pay"]
    ]  # fmt: skip
    if not rows:
        return ["## Pay ranges", "", "No salary could be read.", ""]
    intro = "Yearly; the median of the postings' stated minimums and of their maximums."
    header = ("career", "currency", "n", "median min", "median max")
    return ["## Pay ranges", "", intro, "", *_table(header, rows)]


def _occupations(summary: dict[str, Any]) -> list[str]:
    found = summary["other_occupations"]
    if not found:
        return []
    rows = [(o["title"], o["code"], f"{o['postings']:,}") for o in found]
    return [
        '## Closest O*NET occupations of the "other" postings',
        "",
        *_table(("occupation", "O*NET-SOC", "postings"), rows),
    ]


def _malformed(summary: dict[str, Any]) -> list[str]:
    total = summary["rows"]["malformed"]
    if not total:
        return []
    listed = summary["malformed"]
    note = f" (the first {len(listed):,} of {total:,})" if len(listed) < total else ""
    rows = [(m["row"], m["reason"]) for m in listed]
    return [f"## Malformed rows{note}", "", "Rows count from 0, header not counted.", "",
            *_table(("row", "reason"), rows)]  # fmt: skip


def markdown(summary: dict[str, Any]) -> str:
    """The whole report as Markdown."""
    parts = (_intro, _careers, _skills, _pay, _occupations, _malformed)
    return "\n".join(line for part in parts for line in part(summary)).rstrip() + "\n"


def terminal(summary: dict[str, Any], top: int = 10) -> str:
    """A few lines for the terminal: rows, and postings per career with the top skills."""
    rows = summary["rows"]
    lines = [
        f"{rows['analysed']:,} postings analysed, {rows['malformed']:,} malformed rows skipped, "
        f"{summary['salary']['parsed']:,} salaries read "
        f"({summary['rows_per_second']:,.0f} rows/s)."
    ]
    for career in summary["careers"][:top]:
        skills = ", ".join(s["name"] for s in career["top_skills"][:3]) or "none"
        lines.append(
            f"  {career['postings']:>9,}  {_share(career['share']):>6}  {career['title']}"
            f" (top skills: {skills})"
        )
    return "\n".join(lines)
