"""A blank figure and the one way charts are saved: format from the file's extension.

No pyplot: figures are made from ``matplotlib.figure.Figure`` with the Agg canvas, so nothing
touches a global backend or a display, and a web server can draw in several threads.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from ..errors import AicareersError, UserInputError

FORMATS = {".svg": "svg", ".png": "png"}
# Fixed ids and no timestamp make SVG files repeatable, so tests and diffs can compare them.
STYLE = {
    "svg.hashsalt": "aicareers",
    "svg.fonttype": "path",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titleweight": "bold",
}
METADATA: dict[str, dict[str, Any]] = {"svg": {"Date": None}, "png": {"Software": None}}
COLORS = {"box": "#4c72b0", "whisker": "#8da0cb", "median": "#1b1b1b", "guide": "#dd8452"}
DPI = 120


class ChartFormatError(UserInputError):
    """A chart file name whose extension is neither .svg nor .png, or an unusable folder."""


class ChartsUnavailableError(AicareersError):
    """matplotlib, which draws the charts, is not installed."""


def chart_format(path: Path) -> str:
    """``svg`` or ``png`` from the file name; ``ChartFormatError`` otherwise."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ChartFormatError(f"Cannot draw '{path}': name the chart file .svg or .png.")
    if not path.parent.is_dir():
        raise ChartFormatError(f"Cannot write '{path}': the folder {path.parent} does not exist.")
    return fmt


@contextmanager
def figure(width: float, height: float) -> Iterator[Any]:
    """A new matplotlib Figure (inches) drawn in the house style."""
    try:
        import matplotlib
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise ChartsUnavailableError(
            "Charts need matplotlib, which is not installed: pip install matplotlib"
        ) from None

    with matplotlib.rc_context(cast(Any, STYLE)):
        fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
        FigureCanvasAgg(fig)
        yield fig


def save(fig: Any, path: Path) -> Path:
    """Write the figure as SVG or PNG (by extension) and return the path."""
    fmt = chart_format(path)
    fig.savefig(path, format=fmt, metadata=METADATA[fmt])
    return path


def title_figure(fig: Any, title: str) -> None:
    """A bold title over the whole figure, flush left; the layout makes room for long ones."""
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=11)


def money_axis(axis: Any) -> None:
    """Tick labels like $150k on a pay axis."""
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda value, _: f"${value / 1000:,.0f}k"))
