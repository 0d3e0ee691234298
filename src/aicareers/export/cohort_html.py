"""The cohort report as HTML: one self-contained file, or the same body inside a web page.

The file needs nothing else: its CSS is inline, its charts are inline SVG (``charts.cohort``),
there is no script and no address of any asset. Every value is escaped, people's words
included (they reach the report only when it was asked to include them). Headings, table
captions and charts with a title and a description in words keep it usable with a screen
reader; colours pass WCAG AA on white.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from ..charts.cohort import CareerBox, CareerCount, boxes_svg, counts_svg, histogram_svg
from ..documents.cohort import CohortReport, CohortSection
from . import cohort_words as words

MISSING_SHOWN = 5
CSS = """
.cohort-report { color: #1f2937; line-height: 1.5; }
.cohort-report table { border-collapse: collapse; margin: 0.5rem 0 1.25rem; min-width: 60%; }
.cohort-report caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
.cohort-report th, .cohort-report td { border-bottom: 1px solid #d1d5db; padding: 0.3rem 0.45rem;
  text-align: left; vertical-align: top; }
.cohort-report thead th { background: #f3f4f6; }
.cohort-report .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.cohort-report .scroll { overflow-x: auto; }
.cohort-report .muted { color: #4b5563; }
.cohort-report figure { margin: 0.5rem 0 1.5rem; max-width: 32rem; }
.cohort-report figcaption { color: #4b5563; font-size: 0.9rem; }
.cohort-report svg.cohort-hist { width: 7rem; height: auto; display: block; }
.cohort-report blockquote { margin: 0.25rem 0 0.5rem 1rem; color: #374151; }
"""
PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;
  margin: 0 auto; padding: 1rem; max-width: 64rem; background: #ffffff; }}
{css}</style>
</head>
<body>
<main class="cohort-report">
<h1>{title}</h1>
{body}</main>
</body>
</html>
"""


def e(value: object) -> str:
    """Text safe in HTML content and attributes."""
    return escape(str(value), quote=True)


def report_css() -> str:
    """The report's CSS, every rule under ``.cohort-report``."""
    return CSS


def cohort_html(report: CohortReport) -> str:
    """The report as one self-contained HTML file."""
    title = e(words.title(report))
    return PAGE.format(title=title, css=CSS, body=report_fragment(report))


def report_fragment(report: CohortReport) -> str:
    """The report's body (from ``<h2>`` down), for the file or for a page with its own ``<h1>``."""
    parts = [f"<p>{e(words.intro(report))}</p>", f'<p class="muted">{e(words.privacy(report))}</p>']
    grouping = words.grouping(report)
    if grouping:
        parts.append(f"<p>{e(grouping)}</p>")
    for index, section in enumerate((report.cohort, *report.groups)):
        parts += _section(report, section, f"cohort-{index}")
    parts += _bad_lines(report)
    return "\n".join(parts) + "\n"


def _table(caption: str, header: Sequence[str], rows: Iterable[Sequence[str]],
           numeric: frozenset[int] = frozenset()) -> str:  # fmt: skip
    """A table whose cells are already HTML; the first cell of a row heads it."""
    head = "".join(f'<th scope="col"{_num(i, numeric)}>{e(h)}</th>' for i, h in enumerate(header))
    body = []
    for row in rows:
        cells = [f'<th scope="row">{row[0]}</th>']
        cells += [f"<td{_num(i, numeric)}>{cell}</td>" for i, cell in enumerate(row[1:], 1)]
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<div class="scroll" role="region" tabindex="0" aria-label="{e(caption)}">'
            f"<table><caption>{e(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></div>")  # fmt: skip


def _num(index: int, numeric: frozenset[int]) -> str:
    return ' class="num"' if index in numeric else ""


def _section(report: CohortReport, section: CohortSection, ident: str) -> list[str]:
    heading = words.section_heading(report, section)
    parts = [f'<h2 id="{ident}">{e(heading)}</h2>', f"<p>{e(words.section_summary(section))}</p>"]
    if section.careers:
        parts += _careers(section, heading, ident)
        parts += _missing(section, heading)
        parts += _backgrounds(section, heading)
    parts += _errors(section, heading)
    return parts


def _figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption>{e(caption)}</figcaption></figure>"


def _careers(section: CohortSection, heading: str, ident: str) -> list[str]:
    shown = [c for c in section.careers if c.top3]
    counts = counts_svg([CareerCount(c.title, c.top1, c.top3) for c in shown], section.assessed,
                        ident=f"{ident}-top",
                        title=f"{heading}: careers first and in the top 3")  # fmt: skip
    boxes = boxes_svg([CareerBox(c.title, c.scores.min, c.scores.q1, c.scores.median,
                                 c.scores.q3, c.scores.max)
                       for c in section.careers
                       if c.scores.min is not None and c.scores.q1 is not None
                       and c.scores.median is not None and c.scores.q3 is not None
                       and c.scores.max is not None],
                      ident=f"{ident}-scores", title=f"{heading}: how scores spread")  # fmt: skip
    rows = []
    for index, career in enumerate(section.careers):
        hist = histogram_svg(career.scores.histogram, ident=f"{ident}-hist-{index}",
                             title=f"Scores for {career.title}")  # fmt: skip
        figures = [e(f) for f in words.career_figures(career, section.assessed)]
        rows.append([e(career.title), *figures, hist])
    table = _table(f"{heading}: careers and their scores (0 to 100)",
                   [*words.CAREER_COLUMNS, "Histogram"], rows,
                   numeric=frozenset(range(1, 10)))  # fmt: skip
    return ["<h3>Careers</h3>",
            _figure(counts, "Dark: rows where the career came first; pale: rows where it was in "
                    f"the top 3; out of {section.assessed:,} assessed rows. Careers never in "
                    "a top 3 are left out."),
            table,
            _figure(boxes, "The line runs from the lowest score to the highest, the box holds "
                    "the middle half of the scores and the thick mark is the median."),
            *_examples(section)]  # fmt: skip


def _examples(section: CohortSection) -> list[str]:
    items = []
    for career in section.careers:
        for example in career.examples:
            quotes = "".join(f"<blockquote>{e(q)}</blockquote>" for q in example.quotes)
            items.append(f"<li>{e(career.title)}, row {example.row}:{quotes}"
                         f"<p>{e(example.reason)}</p></li>")  # fmt: skip
    if not items:
        return []
    return ["<h4>People's words behind their first career</h4>", f"<ul>{''.join(items)}</ul>"]


def _missing(section: CohortSection, heading: str) -> list[str]:
    rows = []
    for career in (c for c in section.careers if c.top3 and c.missing):
        shown = ", ".join(f"{e(m.name)} {m.rows:,} ({words.share(m.rows, career.top3)})"
                          for m in career.missing[:MISSING_SHOWN])  # fmt: skip
        rows.append([e(career.title), f"{career.top3:,}", shown])
    return ["<h3>Skills missing most</h3>",
            "<p>For each career, among the rows where it is in the top 3: the skills missing "
            "most often, with how many of those rows miss them.</p>",
            _table(f"{heading}: skills missing most per career",
                   ("Career", "Rows in the top 3", "Skills missing"), rows,
                   numeric=frozenset({1}))]  # fmt: skip


def _backgrounds(section: CohortSection, heading: str) -> list[str]:
    rows = [[e(b.name), f"{b.rows:,}", words.share(b.rows, section.assessed)]
            for b in section.backgrounds]  # fmt: skip
    table = _table(f"{heading}: prior-career backgrounds found",
                   ("Background", "Rows", "Share of assessed"), rows,
                   numeric=frozenset({1, 2})) if rows else ""  # fmt: skip
    return ["<h3>Backgrounds found</h3>", table, f"<p>{e(words.backgrounds_note(section))}</p>"]


def _errors(section: CohortSection, heading: str) -> list[str]:
    parts = ["<h3>Rows that could not be assessed</h3>"]
    if not section.errors:
        return [*parts, "<p>None.</p>"]
    rows = [[e(k.label), f"{k.rows:,}", words.share(k.rows, section.rows)] for k in section.errors]
    parts.append(_table(f"{heading}: rows that could not be assessed, by why",
                        ("Why", "Rows", "Share of rows"), rows,
                        numeric=frozenset({1, 2})))  # fmt: skip
    items = [f"<li>{e(k.label)}, row {x.row}: <q>{e(x.message)}</q></li>"
             for k in section.errors for x in k.examples]  # fmt: skip
    if items:
        parts.append(f"<ul>{''.join(items)}</ul>")
    return parts


def _bad_lines(report: CohortReport) -> list[str]:
    if not report.bad_lines:
        return []
    rows = [[e(b.label), f"{b.lines:,}", e(", ".join(str(n) for n in b.first)), e(b.detail)]
            for b in report.bad_lines]  # fmt: skip
    return ['<h2 id="cohort-bad-lines">Lines that are not results</h2>',
            "<p>Lines count from 1. The detail is the reader's, for the first such line.</p>",
            _table("Lines of the file that are not results", ("What", "Lines", "First lines",
                   "Detail"), rows, numeric=frozenset({1}))]  # fmt: skip
