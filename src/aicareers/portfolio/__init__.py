"""Portfolio scaffolds: a folder tree of READMEs and project checklists for one career.

``build_scaffold`` is pure (catalog in, files out); ``write_portfolio`` writes them and never
replaces an existing file.
"""

from __future__ import annotations

from .scaffold import PortfolioFile, Scaffold, build_scaffold, career_projects
from .tree import tree_lines
from .writer import (
    PortfolioConflictError,
    PortfolioPathError,
    check_root,
    find_conflicts,
    write_portfolio,
)

__all__ = [
    "PortfolioConflictError",
    "PortfolioFile",
    "PortfolioPathError",
    "Scaffold",
    "build_scaffold",
    "career_projects",
    "check_root",
    "find_conflicts",
    "tree_lines",
    "write_portfolio",
]
