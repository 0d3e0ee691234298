"""A starter portfolio for one career: plan the files, write them (never over a file), or zip.

The CLI writes the folder (``write``, or ``plan_only`` for a dry run); the web page offers the
same files as a zip (``zipped``).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..knowledge.models import Catalog
from ..portfolio import (
    PortfolioConflictError,
    Scaffold,
    build_scaffold,
    check_root,
    find_conflicts,
    tree_lines,
    write_portfolio,
)

__all__ = [
    "PortfolioConflictError", "Scaffold", "ZippedPortfolio", "plan_only", "scaffold", "tree_lines",
    "write", "zipped",
]  # fmt: skip
NAME_LIMIT = 200  # characters of a person's name on the README


def scaffold(catalog: Catalog, career: str, name: str | None = None) -> Scaffold:
    """The files of a portfolio for ``career``, with ``name`` on its README."""
    if name is not None and len(name) > NAME_LIMIT:
        from ..errors import ProfileError

        raise ProfileError("name", f"A name can be at most {NAME_LIMIT} characters.")
    return build_scaffold(catalog, career, name)


def plan_only(directory: Path, files: Scaffold) -> None:
    """Check that ``files`` could be written into ``directory``; raise on any clash."""
    check_root(directory)
    conflicts = find_conflicts(directory, files.files)
    if conflicts:
        raise PortfolioConflictError(directory, conflicts)


def write(directory: Path, files: Scaffold) -> list[str]:
    """Write ``files`` into ``directory``, all or none (never over an existing file)."""
    return write_portfolio(directory, files.files)


@dataclass(frozen=True)
class ZippedPortfolio:
    """A portfolio as a zip archive, and the name to save it under."""

    filename: str
    data: bytes


def zipped(files: Scaffold) -> ZippedPortfolio:
    """The portfolio as a zip whose files sit in one ``CAREER-portfolio`` folder."""
    folder = f"{files.career}-portfolio"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in files.files:
            archive.writestr(f"{folder}/{file.path}", file.text)
    return ZippedPortfolio(f"{folder}.zip", buffer.getvalue())
