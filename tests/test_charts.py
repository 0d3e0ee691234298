"""Charts: files written in the format their name asks for, and SVG that repeats byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from aicareers.charts import bar_chart, distribution_chart, trend_chart
from aicareers.charts.figure import ChartFormatError

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


class Box(NamedTuple):
    label: str
    n: int
    p10: float | None
    p25: float | None
    p50: float | None
    p75: float | None
    p90: float | None


class Point(NamedTuple):
    year: int
    n: int
    p50: float | None


BOXES = [
    Box("Entry", 4, None, None, None, None, None),
    Box("Mid", 71, 75_000, 120_000, 156_000, 192_000, 222_000),
    Box("Senior", 197, 105_000, 135_000, 170_500, 215_000, 267_000),
]
POINTS = [Point(2022, 5, None), Point(2023, 40, 151_000), Point(2024, 126, 171_150)]


def is_svg(path: Path) -> bool:
    head = path.read_bytes()[:200]
    return head.startswith(b"<?xml") and b"<svg" in path.read_bytes()[:1000]


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_each_chart_writes_its_format(tmp_path: Path, suffix: str) -> None:
    paths = [
        bar_chart(["Python", "SQL", "AWS"], [0.62, 0.41, 0.2], "Skills in demand",
                  "share of postings", tmp_path / f"bar{suffix}"),
        distribution_chart(BOXES, "Pay by level", tmp_path / f"box{suffix}", (130_000, 200_000)),
        trend_chart(POINTS, "Median by year", tmp_path / f"trend{suffix}"),
    ]  # fmt: skip
    for path in paths:
        assert path.stat().st_size > 1000
        if suffix == ".svg":
            assert is_svg(path)
        else:
            assert path.read_bytes()[:8] == PNG_MAGIC


def test_svg_is_deterministic(tmp_path: Path) -> None:
    first = distribution_chart(BOXES, "Pay by level", tmp_path / "a.svg")
    second = distribution_chart(BOXES, "Pay by level", tmp_path / "b.svg")
    assert first.read_bytes() == second.read_bytes()
    one = bar_chart(["a", "b"], [1, 2], "t", "x", tmp_path / "c.svg").read_bytes()
    assert one == bar_chart(["a", "b"], [1, 2], "t", "x", tmp_path / "d.svg").read_bytes()
    assert b"<dc:date>" not in one


def test_svg_shows_labels_and_withheld_groups(tmp_path: Path) -> None:
    # Text is drawn as glyph paths; matplotlib keeps each string in a comment beside it.
    svg = distribution_chart(BOXES, "Pay by level", tmp_path / "a.svg", (1, 2)).read_text()
    for text in (
        "Pay by level",
        "Senior (n=197)",
        "Entry (n=4)",
        "$150k",
        "the guide's range",
        "fewer than 10 salaries: withheld",
    ):
        assert f"<!-- {text} -->" in svg
    trend = trend_chart(POINTS, "Median", tmp_path / "t.svg").read_text()
    assert "<!-- n=126 -->" in trend
    assert "withheld, under 10 salaries: 2022" in trend


def test_bad_names_and_inputs(tmp_path: Path) -> None:
    with pytest.raises(ChartFormatError, match=r"\.svg or \.png"):
        bar_chart(["a"], [1], "t", "x", tmp_path / "chart.pdf")
    with pytest.raises(ChartFormatError, match="does not exist"):
        trend_chart(POINTS, "t", tmp_path / "missing" / "chart.svg")
    with pytest.raises(ValueError, match="2 labels but 1 values"):
        bar_chart(["a", "b"], [1], "t", "x", tmp_path / "chart.svg")


def test_importing_charts_does_not_load_matplotlib() -> None:
    code = "import sys, aicareers.charts; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
