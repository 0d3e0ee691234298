"""A horizontal bar chart of labelled values (skills in demand, postings per career, ...)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .figure import COLORS, chart_format, figure, save, title_figure


def bar_chart(
    labels: Sequence[str], values: Sequence[float], title: str, xlabel: str, path: str | Path
) -> Path:
    """Draw one bar per label, first label on top, and write SVG or PNG by the extension.

    Example: ``bar_chart(["Python", "SQL"], [0.62, 0.41], "Skills in demand", "share", "s.svg")``
    """
    path = Path(path)
    chart_format(path)  # a bad name fails before any drawing
    if len(labels) != len(values):
        raise ValueError(f"{len(labels)} labels but {len(values)} values")
    with figure(7.0, 1.2 + 0.32 * max(len(labels), 1)) as fig:
        ax = fig.add_subplot()
        rows = list(range(len(labels)))[::-1]
        bars = ax.barh(rows, list(values), color=COLORS["box"], height=0.7)
        ax.set_yticks(rows, list(labels))
        ax.bar_label(bars, labels=[f"{v:,.3g}" for v in values], padding=3, fontsize=8)
        title_figure(fig, title)
        ax.set_xlabel(xlabel)
        ax.margins(x=0.12)
        return save(fig, path)
