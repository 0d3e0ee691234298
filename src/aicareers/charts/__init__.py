"""Charts as SVG or PNG files, drawn with matplotlib (one library for the CLI and the web app),
and a plan's timeline, written as SVG by hand (``timeline``) so a page can show it inline.

matplotlib is imported only inside the drawing functions, so importing this package costs
nothing until a chart is asked for. SVG output is byte-for-byte repeatable.
"""

from __future__ import annotations

from .bar import bar_chart
from .salary import distribution_chart, trend_chart
from .timeline import plan_timeline_svg

__all__ = ["bar_chart", "distribution_chart", "plan_timeline_svg", "trend_chart"]
