"""A career's pay sources as ranges on one dollar axis, as a small hand-written SVG.

Each source (the guide, the AI job-title salaries, the occupations the role grows from) is one
row: its label, where and when the figures hold with how much data they rest on, then a bar
from its low to its high figure with a tick at the median. A source without figures keeps its
row and says so, because "no figures" is an answer a person should see, not a gap.

One shared axis, so the ranges can be compared by eye; it starts at a round number near the
lowest figure rather than at zero, because the differences between sources are what matters
here. No matplotlib: the chart is inline in the career and salaries pages, like the plan's
timeline, and follows its rules: 440 units wide, no text under 13 units, colours that pass
WCAG AA on white, every label escaped, the same bytes for the same input.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from .svg import fit_over, line, num, shorten, text_element, xml

if TYPE_CHECKING:
    from ..market.local_pay import CareerPay, PaySource

WIDTH = 440.0
MARGIN = 8.0
FONT = 13  # 13 * 390 / 440 = 11.5 px on a phone, as in the plan's timeline
LINE = 17.0  # one line of text
BAR = 10.0
ROW = 4 * LINE + 6  # label, details, bar, figures, and a little air
AXIS = 26.0
TEXT = "#1f2937"  # 14:1 on white
MUTED = "#4b5563"  # 7.6:1
GRID = "#e5e7eb"  # decoration only
MEDIAN = "#111827"
# One colour per kind of source, each at least 4.5:1 on white.
COLOURS = {"guide": "#1d4ed8", "ai-jobs": "#047857", "base-occupations": "#b45309"}
OTHER = "#7e22ce"
STEPS = (1_000, 2_000, 2_500, 5_000, 10_000, 20_000, 25_000, 50_000, 100_000, 200_000, 250_000)
MAX_TICKS = 6
DASH = "\u2013"  # between a range's ends, as the pages write it
_FONTS = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


def pay_ranges_svg(pay: CareerPay, *, ident: str = "pay-ranges") -> str:
    """The SVG text (one ``<svg>`` element and a newline) of ``pay``'s sources as ranges.

    ``ident`` prefixes the ids inside, for a page that shows two of these charts.
    """
    ident = re.sub(r"[^A-Za-z0-9_-]", "", ident) or "pay-ranges"
    scale = _scale(pay.sources)
    rows: list[str] = []
    top = MARGIN
    for source in pay.sources:
        rows.extend(_row(source, top, scale))
        top += ROW
    grid, labels = _axis(scale, MARGIN, top) if scale is not None else ([], [])
    body = [*grid, *rows, *labels]  # the grid first, so the bars are drawn over it
    top += AXIS if scale is not None else 0
    height = top + MARGIN
    title = f"Pay ranges for {pay.career_name} in {pay.area_name}"
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pay-ranges" '
        f'viewBox="0 0 {num(WIDTH)} {num(height)}" width="100%" role="img" '
        f'aria-labelledby="{ident}-title" aria-describedby="{ident}-desc" '
        f'font-family="{_FONTS}" '
        f'font-size="{FONT}" fill="{TEXT}">',
        f'<title id="{ident}-title">{xml(title)}</title>',
        f'<desc id="{ident}-desc">{xml(describe(pay))}</desc>',
        *body,
        "</svg>\n",
    ])  # fmt: skip


def dollars(value: float) -> str:
    """$111,429: whole dollars, as the pages print them."""
    return f"${round(value):,}"


def short_dollars(value: float) -> str:
    """$85k or $1.2m, for the axis, where room is short."""
    if value >= 1_000_000:
        return f"${num(value / 1_000_000)}m"
    return f"${num(value / 1_000)}k"


def figures(source: PaySource) -> str | None:
    """'$85,882 to $140,931, median $111,429' (an en dash for "to"), or None without a range."""
    if source.low is None or source.high is None:
        return None
    text = f"{dollars(source.low)} {DASH} {dollars(source.high)}"
    return text + (f", median {dollars(source.median)}" if source.median is not None else "")


def details(source: PaySource) -> str:
    """Where and when the figures hold, and how much data they rest on."""
    parts = [source.area, source.date]
    if source.n:  # "0 salaries" would repeat what the date already says ("no salaries")
        parts.append(f"{source.n:,} salaries")
    if source.employment is not None:
        parts.append(f"{source.employment:,} jobs")
    return " · ".join(parts)


def describe(pay: CareerPay) -> str:
    """The chart in words, for a screen reader: one sentence per source."""
    said = []
    for source in pay.sources:
        shown = figures(source)
        said.append(f"{source.label} ({details(source)}): {shown or 'no figures'}.")
    return " ".join(said)


class _Scale:
    """Dollars to x, over round numbers that hold every source's range."""

    def __init__(self, low: float, high: float) -> None:
        step = next((s for s in STEPS if math.ceil(high / s) - math.floor(low / s) <= MAX_TICKS),
                    STEPS[-1])  # fmt: skip
        self.step = step
        self.low = math.floor(low / step) * step
        self.high = max(math.ceil(high / step) * step, self.low + step)

    def x(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low)
        return MARGIN + share * (WIDTH - 2 * MARGIN)

    def ticks(self) -> list[float]:
        count = round((self.high - self.low) / self.step)
        return [self.low + i * self.step for i in range(count + 1)]


def _scale(sources: tuple[PaySource, ...]) -> _Scale | None:
    """The axis for every source with a range, or None when none has one."""
    lows = [s.low for s in sources if s.low is not None and s.high is not None]
    highs = [s.high for s in sources if s.low is not None and s.high is not None]
    if not lows or not highs:
        return None
    return _Scale(min(lows), max(highs))


def _row(source: PaySource, top: float, scale: _Scale | None) -> list[str]:
    """One source: its label, its details, its bar (or 'no figures') and its figures."""
    room = WIDTH - 2 * MARGIN
    colour = COLOURS.get(source.kind, OTHER)
    label = shorten(source.label, room, FONT) or ""
    said = shorten(details(source), room, FONT) or ""
    out = [
        f'<text x="{num(MARGIN)}" y="{num(top + LINE - 4)}" font-weight="600">{xml(label)}</text>',
        f'<text x="{num(MARGIN)}" y="{num(top + 2 * LINE - 4)}" fill="{MUTED}">{xml(said)}</text>',
    ]
    shown = figures(source)
    bar_top = top + 2 * LINE + (LINE - BAR) / 2
    if shown is None or scale is None or source.low is None or source.high is None:
        out.append(f'<text x="{num(MARGIN)}" y="{num(top + 3 * LINE - 4)}" fill="{MUTED}" '
                   'font-style="italic">No figures</text>')  # fmt: skip
        return out
    left, right = scale.x(source.low), scale.x(source.high)
    right = max(right, left + 2)  # a range of one figure still shows
    out.append(
        f'<rect x="{num(left)}" y="{num(bar_top)}" width="{num(right - left)}" '
        f'height="{num(BAR)}" rx="2" fill="{colour}">'
        f"<title>{xml(source.label + ': ' + shown)}</title></rect>"
    )
    if source.median is not None:
        middle = scale.x(source.median)
        out.append(line(middle, middle, bar_top - 3, bar_top + BAR + 3, MEDIAN, 3))
    placed = fit_over(shown, (left, right), (MARGIN, WIDTH - MARGIN), FONT)
    out.extend(text_element(placed, top + 4 * LINE - 4))
    return out


def _axis(scale: _Scale, top: float, bottom: float) -> tuple[list[str], list[str]]:
    """Light grid lines for behind the rows, and the dollar figure of each under them."""
    grid, labels = [], []
    for tick in scale.ticks():
        x = scale.x(tick)
        grid.append(line(x, x, top, bottom, GRID))
        anchor = "start" if tick == scale.low else "end" if tick == scale.high else "middle"
        labels.append(f'<text x="{num(x)}" y="{num(bottom + AXIS - 8)}" text-anchor="{anchor}" '
                      f'fill="{MUTED}">{short_dollars(tick)}</text>')  # fmt: skip
    return grid, labels
