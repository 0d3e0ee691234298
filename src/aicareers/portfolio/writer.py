"""Write a scaffold to disk without ever replacing anything that is already there.

Every target is checked before the first byte is written, so a clash means nothing is
written at all. Files are then created with exclusive mode, so a file that appears between the
check and the write is still not overwritten; in that case the files and folders this run made
are removed again, leaving the folder as it was.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath

from ..errors import UserInputError
from .scaffold import PortfolioFile

MAX_LISTED = 20


class PortfolioPathError(UserInputError):
    """The target is not a folder we can write a portfolio into."""


class PortfolioConflictError(UserInputError):
    """Some targets already exist; nothing was written. ``conflicts`` lists them all."""

    def __init__(self, root: Path, conflicts: Sequence[str]) -> None:
        self.root = root
        self.conflicts = list(conflicts)
        shown = [f"  {c}" for c in self.conflicts[:MAX_LISTED]]
        if len(self.conflicts) > MAX_LISTED:
            shown.append(f"  ... and {len(self.conflicts) - MAX_LISTED} more")
        count = len(self.conflicts)
        noun = "path is" if count == 1 else "paths are"
        super().__init__(
            f"Nothing was written: {count} {noun} already there in {root}:\n"
            + "\n".join(shown)
            + "\nMove them aside or choose another folder, then run the command again."
        )


def _relative(path: str) -> PurePosixPath:
    rel = PurePosixPath(path)
    # Scaffold paths come from slugs, but a path that climbs out of the folder must never be
    # written, whatever produced it.
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        raise ValueError(f"not a relative path inside the portfolio: {path!r}")
    return rel


def check_root(root: Path) -> None:
    """Raise ``PortfolioPathError`` unless ``root`` is, or can become, a folder."""
    if root.exists() and not root.is_dir():
        raise PortfolioPathError(
            f"{root} is a file, not a folder. Give the path of a new folder or an existing one."
        )
    for parent in root.parents:
        if parent.exists():
            if not parent.is_dir():
                raise PortfolioPathError(f"{root} cannot be created: {parent} is a file.")
            break


def find_conflicts(root: Path, files: Iterable[PortfolioFile]) -> list[str]:
    """Relative paths that exist already: files to be written, or files where a folder goes."""
    conflicts: list[str] = []
    for item in files:
        rel = _relative(item.path)
        for depth in range(1, len(rel.parts)):
            folder = PurePosixPath(*rel.parts[:depth])
            target = root / folder
            if os.path.lexists(target) and not target.is_dir() and str(folder) not in conflicts:
                conflicts.append(str(folder))
        if os.path.lexists(root / rel) and item.path not in conflicts:
            conflicts.append(item.path)
    return conflicts


def write_portfolio(root: Path, files: Sequence[PortfolioFile]) -> list[str]:
    """Create ``root`` and every file under it; the relative paths written, in order.

    Raises ``PortfolioConflictError`` (nothing written) if any target exists, and
    ``PortfolioPathError`` if ``root`` is not a usable folder or a write fails.
    """
    check_root(root)
    conflicts = find_conflicts(root, files)
    if conflicts:
        raise PortfolioConflictError(root, conflicts)
    # Encoded before anything is written, so that bad text cannot leave a half-written tree.
    payloads = [(root / _relative(item.path), item.text.encode("utf-8")) for item in files]
    made_dirs: list[Path] = []
    made_files: list[Path] = []
    try:
        for target, payload in payloads:
            _make_dirs(target.parent, made_dirs)
            with target.open("xb") as handle:
                made_files.append(target)
                handle.write(payload)
    except FileExistsError as exc:
        _undo(made_files, made_dirs)
        raise PortfolioConflictError(root, [_shown(root, exc)]) from None
    except OSError as exc:
        _undo(made_files, made_dirs)
        raise PortfolioPathError(
            f"Could not write into {root}: {exc.strerror or exc} ({_shown(root, exc)}). "
            "Nothing was kept; check the folder's permissions and free space."
        ) from None
    return [item.path for item in files]


def _make_dirs(folder: Path, made: list[Path]) -> None:
    """Create ``folder`` and missing parents, remembering each one this run created."""
    missing: list[Path] = []
    while not folder.is_dir():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        made.append(path)


def _undo(files: list[Path], dirs: list[Path]) -> None:
    """Remove what this run created; only folders we made, and only if they are empty."""
    for path in reversed(files):
        path.unlink(missing_ok=True)
    for path in reversed(dirs):
        # A folder that is not empty holds something another process put there: keep it.
        with contextlib.suppress(OSError):
            path.rmdir()


def _shown(root: Path, exc: OSError) -> str:
    name = exc.filename or root
    try:
        return Path(name).relative_to(root).as_posix()
    except ValueError:
        return str(name)
