"""Job postings: each one's career, skills and salary, and totals over files of millions.

    table, columns = open_postings(Path("jobs.csv"))
    summary = analyze_table(table, columns, sink=None, factory=light_assessor)

See docs/postings.md for the method, the salary normalisation and the streaming design.
"""

from __future__ import annotations

from .aggregate import Aggregates, ValueCounts
from .analyze import analyze_table, open_postings
from .classify import OTHER, PostingClassifier, PostingResult
from .columns import PostingColumns, resolve_columns
from .output import open_sink, output_format
from .runner import Options
from .salary_text import Salary, parse_salary
from .stream import Malformed, Posting, read_postings

__all__ = [
    "OTHER",
    "Aggregates",
    "Malformed",
    "Options",
    "Posting",
    "PostingClassifier",
    "PostingColumns",
    "PostingResult",
    "Salary",
    "ValueCounts",
    "analyze_table",
    "open_postings",
    "open_sink",
    "output_format",
    "parse_salary",
    "read_postings",
    "resolve_columns",
]
