"""A cohort's careers as small hand-written SVGs: how often each comes first or in the top 3,
how its scores spread (a box per career on one 0-100 axis), and one score histogram.

Inline in the cohort report (a self-contained HTML file and a web page), so no matplotlib and
no external anything. The same rules as the plan's timeline and the pay ranges: 440 units
wide, no text under 13 units, colours that pass WCAG AA on white where they carry meaning,
every label escaped, ids prefixed by ``ident`` so several charts share a page, and the same
bytes for the same input. Each chart's ``<desc>`` says in words what its shapes show.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from .svg import line, num, shorten, text_width, xml

WIDTH = 440.0
MARGIN = 8.0
FONT = 13
LINE = 17.0
BAR = 10.0
AXIS = 24.0
TEXT = "#1f2937"  # 14:1 on white
MUTED = "#4b5563"  # 7.6:1
GRID = "#e5e7eb"  # decoration only
FIRST = "#1d4ed8"  # 6.7:1: the rows where the career came first
TOP3 = "#bfdbfe"  # a tint: the number beside the bar says what it shows
BOX = "#dbeafe"
EDGE = "#1e3a8a"  # 10:1: box outline, whiskers and the median
_FONTS = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


class CareerCount(NamedTuple):
    """A career's label and its rows first and in the top 3."""

    label: str
    first: int
    top3: int


class CareerBox(NamedTuple):
    """A career's label and the five figures of its scores."""

    label: str
    low: float
    q1: float
    median: float
    q3: float
    high: float


def _open(ident: str, height: float, title: str, desc: str, width: float = WIDTH,
          kind: str = "cohort-chart") -> list[str]:  # fmt: skip
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{kind}" '
        f'viewBox="0 0 {num(width)} {num(height)}" width="100%" role="img" '
        f'aria-labelledby="{ident}-title" aria-describedby="{ident}-desc" '
        f'font-family="{_FONTS}" font-size="{FONT}" fill="{TEXT}">',
        f'<title id="{ident}-title">{xml(title)}</title>',
        f'<desc id="{ident}-desc">{xml(desc)}</desc>',
    ]


def _ident(ident: str, default: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "", ident) or default


def _x(value: float, top: float) -> float:
    """``value`` (0 to ``top``) to x across the drawing width."""
    return MARGIN + (value / top if top else 0.0) * (WIDTH - 2 * MARGIN)


def counts_svg(careers: Sequence[CareerCount], assessed: int, *, ident: str = "cohort-top",
               title: str = "Careers that came first and in the top 3") -> str:  # fmt: skip
    """One row per career: its label, then a pale bar of its top-3 rows with a dark bar of its
    first places over it, both out of ``assessed`` rows, and the two numbers in words."""
    ident = _ident(ident, "cohort-top")
    out: list[str] = []
    top = MARGIN
    for career in careers:
        label = shorten(career.label, WIDTH - 2 * MARGIN, FONT) or ""
        bar = top + LINE + 2
        said = f"{career.first:,} first, {career.top3:,} in the top 3"
        out += [
            f'<text x="{num(MARGIN)}" y="{num(top + LINE - 4)}">{xml(label)}</text>',
            _bar(0, career.top3, assessed, bar, TOP3, f"{career.label}: {said}"),
            _bar(0, career.first, assessed, bar, FIRST, f"{career.label}: {career.first:,} first"),
            _words(said, _x(career.top3, assessed), bar + BAR - 1),
        ]
        top += LINE + BAR + 12
    grid, labels = _axis(assessed, MARGIN, top, [0, assessed / 2, assessed], "{:,.0f} rows")
    desc = " ".join(f"{c.label}: {c.first:,} first and {c.top3:,} in the top 3 of "
                    f"{assessed:,} rows." for c in careers)  # fmt: skip
    height = top + AXIS + MARGIN
    return "\n".join([*_open(ident, height, title, desc), *grid, *out, *labels, "</svg>\n"])


def _bar(low: float, high: float, top: float, y: float, colour: str, tip: str) -> str:
    left, right = _x(low, top), _x(high, top)
    return (f'<rect x="{num(left)}" y="{num(y)}" width="{num(max(right - left, 0))}" '
            f'height="{num(BAR)}" fill="{colour}"><title>{xml(tip)}</title></rect>')  # fmt: skip


def _words(text: str, after: float, baseline: float) -> str:
    """A bar's figures after its end, or before it (ending at its end) when they would not fit."""
    if after + 4 + text_width(text, FONT) <= WIDTH - MARGIN:
        return f'<text x="{num(after + 4)}" y="{num(baseline)}" fill="{MUTED}">{xml(text)}</text>'
    return (f'<text x="{num(WIDTH - MARGIN)}" y="{num(baseline - BAR - 8)}" text-anchor="end" '
            f'fill="{MUTED}">{xml(text)}</text>')  # fmt: skip


def _axis(top_value: float, y0: float, y1: float, ticks: Sequence[float],
          form: str) -> tuple[list[str], list[str]]:  # fmt: skip
    grid, labels = [], []
    for tick in ticks:
        x = _x(tick, top_value)
        grid.append(line(x, x, y0, y1, GRID))
        anchor = "start" if tick == ticks[0] else "end" if tick == ticks[-1] else "middle"
        labels.append(f'<text x="{num(x)}" y="{num(y1 + AXIS - 8)}" text-anchor="{anchor}" '
                      f'fill="{MUTED}">{xml(form.format(tick))}</text>')  # fmt: skip
    return grid, labels


def boxes_svg(careers: Sequence[CareerBox], *, ident: str = "cohort-scores",
              title: str = "How each career's scores spread") -> str:  # fmt: skip
    """One row per career on a shared 0-100 axis: a line from the lowest to the highest score,
    a box from the first to the third quartile, and a thick mark at the median."""
    ident = _ident(ident, "cohort-scores")
    out: list[str] = []
    top = MARGIN
    for career in careers:
        label = shorten(career.label, WIDTH - 2 * MARGIN, FONT) or ""
        middle = top + LINE + 2 + BAR / 2
        said = _box_words(career)
        left, right = _x(career.q1, 100), _x(career.q3, 100)
        median = _x(career.median, 100)
        out += [
            f'<text x="{num(MARGIN)}" y="{num(top + LINE - 4)}">{xml(label)}</text>',
            line(_x(career.low, 100), _x(career.high, 100), middle, middle, EDGE),
            f'<rect x="{num(left)}" y="{num(middle - BAR / 2)}" '
            f'width="{num(max(right - left, 1))}" height="{num(BAR)}" fill="{BOX}" '
            f'stroke="{EDGE}"><title>{xml(said)}</title></rect>',
            line(median, median, middle - BAR / 2 - 2, middle + BAR / 2 + 2, EDGE, 3),
        ]
        top += LINE + BAR + 10
    grid, labels = _axis(100, MARGIN, top, [0, 25, 50, 75, 100], "{:.0f}")
    desc = ". ".join(_box_words(c) for c in careers) + ("." if careers else "")
    height = top + AXIS + MARGIN
    return "\n".join([*_open(ident, height, title, desc), *grid, *out, *labels, "</svg>\n"])


def _box_words(career: CareerBox) -> str:
    return (f"{career.label}: scores from {num(career.low)} to {num(career.high)}, "
            f"half of them between {num(career.q1)} and {num(career.q3)}, "
            f"median {num(career.median)}")  # fmt: skip


HIST_WIDTH = 200.0
HIST_HEIGHT = 64.0


def histogram_svg(bins: Sequence[int], *, ident: str, title: str) -> str:
    """A small histogram of scores in ``len(bins)`` equal bins from 0 to 100, with the axis
    ends labelled; the tallest bar fills the height."""
    ident = _ident(ident, "cohort-hist")
    tallest = max(bins, default=0) or 1
    plot = HIST_HEIGHT - LINE - 2
    step = (HIST_WIDTH - 2) / max(len(bins), 1)
    width = 100 / max(len(bins), 1)
    out = []
    for index, count in enumerate(bins):
        height = plot * count / tallest
        low = round(index * width)
        high = 100 if index == len(bins) - 1 else round((index + 1) * width) - 1
        out.append(f'<rect x="{num(1 + index * step + 1)}" y="{num(plot - height)}" '
                   f'width="{num(step - 2)}" height="{num(height)}" fill="{FIRST}">'
                   f"<title>{low}-{high}: {count:,}</title></rect>")  # fmt: skip
    out.append(line(0, HIST_WIDTH, plot, plot, MUTED))
    out.append(f'<text x="0" y="{num(HIST_HEIGHT - 4)}" fill="{MUTED}">0</text>')
    out.append(f'<text x="{num(HIST_WIDTH)}" y="{num(HIST_HEIGHT - 4)}" text-anchor="end" '
               f'fill="{MUTED}">100</text>')  # fmt: skip
    desc = ", ".join(f"{round(i * width)} and up: {count:,}" for i, count in enumerate(bins))
    return "\n".join([*_open(ident, HIST_HEIGHT, title, f"Rows by score: {desc}.", HIST_WIDTH,
                            "cohort-hist"),
                      *out, "</svg>\n"])  # fmt: skip
