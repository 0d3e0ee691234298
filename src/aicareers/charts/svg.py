"""Small helpers for SVG written by hand: escaping, numbers, text widths and labels that fit.

Without a renderer there is no way to measure text, so widths are estimated generously (an
average glyph of 0.55 em, a whole em for wide East Asian characters): a label estimated to fit
does fit in the common sans-serif fonts.
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

CHAR_EM = 0.55
MIN_LABEL_CHARS = 6  # a label shortened below this says nothing: leave it out
GAP = 4.0  # between a mark and its label
INSET = 3.0  # a label over a bar starts this far in from the bar's end
ELLIPSIS = "\u2026"
# Characters XML 1.0 does not allow at all; titles and notes are people's text, so drop them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml(text: str) -> str:
    """Text safe in XML content and in double-quoted attributes."""
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates become '?'
    return escape(_NOT_XML.sub("", text), {'"': "&quot;"})


def num(value: float) -> str:
    """A number with at most one decimal and no trailing zero: short, and the same each run."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def text_width(text: str, size: float) -> float:
    """A text's estimated width at font size ``size``."""
    ems = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else CHAR_EM for c in text)
    return ems * size


def fit_label(
    text: str,
    span: tuple[float, float],
    bounds: tuple[float, float],
    size: float,
    tail: str = "",
) -> tuple[float, str, str] | None:
    """(x, text-anchor, text) for the label ``text + tail`` beside the mark spanning ``span``.

    After the mark when it fits inside ``bounds``, else before it, else on the side with more
    room with ``text`` shortened (an ellipsis) and ``tail`` (a date, the hours) kept whole;
    None when the room left would hold too few characters to mean anything.
    """
    (left, right), (low, high) = span, bounds
    after = high - (right + GAP)
    before = (left - GAP) - low
    needed = text_width(text + tail, size)
    if needed <= after:
        return right + GAP, "start", text + tail
    if needed <= before:
        return left - GAP, "end", text + tail
    head = shorten(text, max(after, before) - text_width(tail, size), size)
    if head is None:
        return None
    shown = head + tail
    return (right + GAP, "start", shown) if after >= before else (left - GAP, "end", shown)


def fit_over(
    text: str,
    span: tuple[float, float],
    bounds: tuple[float, float],
    size: float,
    tail: str = "",
) -> tuple[float, str, str] | None:
    """(x, text-anchor, text) for a label over a bar spanning ``span`` (drawn below the text).

    From the bar's start when it fits inside ``bounds``, else ending at the bar's end, else
    shortened (``tail`` kept whole) from whichever end leaves more room.
    """
    (left, right), (low, high) = span, bounds
    left, right = left + INSET, right - INSET  # clear of a line drawn at the bar's end
    from_start, to_end = high - left, right - low
    if text_width(text + tail, size) <= from_start:
        return left, "start", text + tail
    if text_width(text + tail, size) <= to_end:
        return right, "end", text + tail
    head = shorten(text, max(from_start, to_end) - text_width(tail, size), size)
    if head is None:
        return None
    return (left, "start", head + tail) if from_start >= to_end else (right, "end", head + tail)


def text_element(placed: tuple[float, str, str] | None, y: float, attrs: str = "") -> list[str]:
    """The ``<text>`` for a placed label (``attrs`` added as they are), or none."""
    if placed is None:
        return []
    x, anchor, shown = placed
    return [f'<text x="{num(x)}" y="{num(y)}" text-anchor="{anchor}"{attrs}>{xml(shown)}</text>']


def shorten(text: str, room: float, size: float) -> str | None:
    """``text`` if it fits ``room``, else its longest start that fits with an ellipsis; None when
    that start would be too short to mean anything."""
    if text_width(text, size) <= room:
        return text
    kept = text
    while kept and text_width(kept + ELLIPSIS, size) > room:
        kept = kept[:-1]
    kept = kept.rstrip()
    return kept + ELLIPSIS if len(kept) >= MIN_LABEL_CHARS else None


def line(x1: float, x2: float, y1: float, y2: float, colour: str, width: float = 1) -> str:
    """A ``<line>`` element."""
    return (
        f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" stroke="{colour}" '
        f'stroke-width="{num(width)}"/>'
    )
