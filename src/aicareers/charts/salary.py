"""Salary charts: percentile boxes by group (level, country, ...) and the median by year.

They draw figures already computed (and already suppressed) by ``aicareers.market``; a chart
never shows a number the table withholds.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .figure import COLORS, chart_format, figure, money_axis, save, title_figure

if TYPE_CHECKING:  # the market's own records: a group's summary, one year's median
    from ..market.report import Group, TrendPoint


def distribution_chart(
    groups: Sequence[Group],
    title: str,
    path: str | Path,
    guide_range: tuple[float, float] | None = None,
) -> Path:
    """Boxes from p25 to p75, whiskers to p10 and p90, a bar at the median; one row a group.

    ``guide_range`` shades the guide's pay range behind the boxes.
    """
    path = Path(path)
    chart_format(path)
    with figure(7.5, 1.4 + 0.45 * max(len(groups), 1)) as fig:
        ax = fig.add_subplot()
        if guide_range is not None:
            ax.axvspan(*guide_range, color=COLORS["guide"], alpha=0.15, label="the guide's range")
        for row, group in enumerate(reversed(groups)):
            _box(ax, row, group)
        ax.set_yticks(range(len(groups)), [f"{g.label} (n={g.n:,})" for g in reversed(groups)])
        ax.set_ylim(-0.7, len(groups) - 0.3)
        money_axis(ax.xaxis)
        ax.set_xlabel("Yearly pay in USD: box p25 to p75, line p10 to p90, bar the median")
        title_figure(fig, title)
        if guide_range is not None:
            ax.legend(loc="lower right", frameon=False, fontsize=8)
        return save(fig, path)


def _box(ax: Any, row: int, group: Group) -> None:
    """One group's box, or a note that its figures are withheld."""
    if group.p10 is None or group.p25 is None or group.p75 is None or group.p90 is None:
        ax.text(0.01, row, "fewer than 10 salaries: withheld", va="center", color="grey",
                transform=ax.get_yaxis_transform(), fontsize=8)  # fmt: skip
        return
    ax.plot([group.p10, group.p90], [row, row], color=COLORS["whisker"], lw=1.5, zorder=1)
    ax.barh(row, group.p75 - group.p25, left=group.p25, height=0.5, color=COLORS["box"], zorder=2)
    ax.plot([group.p50, group.p50], [row - 0.25, row + 0.25], color=COLORS["median"], lw=2,
            zorder=3)  # fmt: skip


def trend_chart(points: Sequence[TrendPoint], title: str, path: str | Path) -> Path:
    """Median pay by year, each point labelled with its sample size; withheld years are gaps."""
    path = Path(path)
    chart_format(path)
    with figure(7.0, 3.6) as fig:
        ax = fig.add_subplot()
        shown = [p for p in points if p.p50 is not None]
        ax.plot([p.year for p in shown], [p.p50 for p in shown], marker="o", color=COLORS["box"])
        for point in shown:
            ax.annotate(f"n={point.n:,}", (point.year, point.p50), textcoords="offset points",
                        xytext=(0, 8), ha="center", fontsize=8)  # fmt: skip
        ax.set_xticks([p.year for p in points])
        money_axis(ax.yaxis)
        ax.set_ylabel("Median yearly pay (USD)")
        withheld = [str(p.year) for p in points if p.p50 is None]
        note = f" (withheld, under 10 salaries: {', '.join(withheld)})" if withheld else ""
        ax.set_xlabel("Year" + note)
        title_figure(fig, title)
        # From zero: a zoomed axis would make a few per cent look like a boom or a crash.
        ax.set_ylim(bottom=0, top=max((p.p50 or 0.0 for p in shown), default=1.0) * 1.15)
        return save(fig, path)
