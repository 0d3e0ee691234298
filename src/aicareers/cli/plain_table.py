"""The careers list as a plain-text table, without Rich.

`aicareers careers list` is the command people run first and most; importing and running Rich
costs about 90 ms of its start-up, so this one table is laid out by hand in the same shape as
the Rich tables elsewhere (a header, a rule, one blank line between rows).
"""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Sequence

from ..documents.catalog import CareerSummary
from .output import _width, pay_range

GAP = "   "
BOLD, CYAN, DIM, RESET = "\x1b[1m", "\x1b[36m", "\x1b[2m", "\x1b[0m"


def _colour() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _style(text: str, code: str, on: bool) -> str:
    return f"{code}{text}{RESET}" if on and text else text


def _widths(rows: Sequence[CareerSummary], total: int) -> tuple[int, int, int, int]:
    rank = max(1, *(len(str(r.rank)) for r in rows))
    pay = max(len("Pay per year"), *(len(pay_range(r.salary)) for r in rows))
    rest = max(20, total - rank - pay - 3 * len(GAP))
    # Career gets 3 parts of what is left and key skills 4, as in the other tables.
    career = max(12, rest * 3 // 7)
    return rank, career, pay, max(8, rest - career)


def careers_text(rows: Sequence[CareerSummary], footer: str) -> str:
    """The table and a footer line, ready to print."""
    colour = _colour()
    rank_w, career_w, pay_w, skills_w = _widths(rows, _width(sys.stdout.isatty()))
    header = GAP.join(
        ["#".rjust(rank_w), "Career".ljust(career_w), "Pay per year".ljust(pay_w), "Key skills"]
    )
    rule = "\u2500" * (rank_w + career_w + pay_w + skills_w + 3 * len(GAP))
    lines = [_style(header.rstrip(), BOLD, colour), rule]
    for index, row in enumerate(rows):
        if index:
            lines.append("")
        career = textwrap.wrap(row.title, career_w) + textwrap.wrap(row.id, career_w)
        styles = [BOLD] * (len(career) - 1) + [CYAN]
        skills = textwrap.wrap(", ".join(s.name for s in row.key_skills), skills_w)
        for i in range(max(len(career), len(skills))):
            cells = [
                str(row.rank).rjust(rank_w) if i == 0 else " " * rank_w,
                _style(career[i].ljust(career_w), styles[i], colour) if i < len(career)
                else " " * career_w,
                (pay_range(row.salary) if i == 0 else "").ljust(pay_w),
                skills[i] if i < len(skills) else "",
            ]  # fmt: skip
            lines.append(GAP.join(cells).rstrip())
    lines += ["", _style(footer, DIM, colour)]
    return "\n".join(lines)
