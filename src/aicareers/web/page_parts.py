"""Pieces the catalog, salary and postings pages share: form parsing and inline charts."""

from __future__ import annotations

import re
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import Request
from markupsafe import Markup, escape

if TYPE_CHECKING:
    from ..service.market import ChartSpec, SalaryReport

# How to read each kind of chart, under it on the page.
LEGENDS = {
    "groups": (
        "Each box spans the middle half of the salaries (p25 to p75), the line runs from p10 "
        "to p90 and the dark bar marks the median; the shaded band is the guide's range."
    ),
    "trend": "The median of each year's salaries, with how many salaries it stands on (n).",
}
_charts_lock = threading.Lock()  # matplotlib's style context is process-wide


@dataclass(frozen=True)
class Chart:
    """An inline SVG chart, its title and how to read it."""

    title: str
    svg: Markup
    legend: str = ""


@dataclass(frozen=True)
class CareerMarket:
    """What the salary data says about one career: the report by level, and its chart."""

    report: SalaryReport
    chart: Chart | None


def query_values(request: Request, names: tuple[str, ...]) -> dict[str, str]:
    """The named query parameters, trimmed; '' for those not given."""
    return {name: request.query_params.get(name, "").strip() for name in names}


def whole_number(value: str, label: str, problems: list[str], top: int = 10_000_000) -> int | None:
    """A whole number from a form field ('' is None); a problem is noted otherwise."""
    cleaned = re.sub(r"[\s,$_]", "", value)
    if not cleaned:
        return None
    if re.fullmatch(r"[0-9]{1,9}", cleaned) and int(cleaned) <= top:
        return int(cleaned)
    problems.append(f"{label} must be a whole number from 0 to {top:,}; you gave '{value}'.")
    return None


def one_of(value: str, choices: dict[str, str], label: str, problems: list[str]) -> str | None:
    """``value`` if it is one of ``choices`` ('' is None); a problem is noted otherwise."""
    if not value or value in choices:
        return value or None
    problems.append(f"There is no {label} '{value}' in the list; choose one from it.")
    return None


def is_partial(request: Request) -> bool:
    """An HTMX request that wants only the part of the page it swaps."""
    headers = request.headers
    return "hx-request" in headers and "hx-history-restore-request" not in headers


def chart_of(spec: ChartSpec, prefix: str | None = None) -> Chart:
    """A chart the service chose, drawn inline; ids prefixed with ``prefix`` (default: its kind)."""
    from ..service.market import draw

    return inline_svg(
        lambda path: draw(spec, path), spec.title, prefix or spec.kind, LEGENDS[spec.kind]
    )


def inline_svg(draw: Callable[[Path], object], title: str, prefix: str, legend: str) -> Chart:
    """Draw a chart into a temporary SVG file and return it ready to put in a page.

    Every id is prefixed so that two charts on one page never share an id, and the root
    element gets ``role="img"`` and the title as its accessible name.
    """
    with _charts_lock, tempfile.TemporaryDirectory(prefix="aicareers-chart-") as folder:
        path = Path(folder) / "chart.svg"
        draw(path)
        text = path.read_text("utf-8")
    svg = text[text.index("<svg") :]
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r'(href=")#([^"]+)"', rf'\1#{prefix}-\2"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", svg)
    label = escape(title)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    return Chart(title, Markup(svg), legend)
