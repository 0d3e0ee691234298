"""Plain text rendered from structured formats (JSON Resume, LinkedIn), sections recorded.

Structured sources have no text of their own, but evidence spans need one: we write the fields
out as a short resume under standard headings and record each section's offsets as we go.
"""

from __future__ import annotations

from collections.abc import Iterable

from aicareers.engine.profile.documents.normalize import normalize_text
from aicareers.engine.profile.model import Section, SectionKind


class Renderer:
    """Builds text block by block; a section's heading is written with its first block."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._sections: list[Section] = []
        self._pending: tuple[SectionKind, str | None] | None = None
        self._open: tuple[SectionKind, int, int, str | None] | None = None

    def _write(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    def block(self, *lines: str | None) -> None:
        """Add a paragraph of the given non-empty lines."""
        cleaned = (normalize_text(line) for line in lines if line)
        text = "\n".join(line for line in cleaned if line)
        if not text:
            return
        if self._parts:
            self._write("\n\n")
        if self._pending is not None:
            kind, heading = self._pending
            start = self._length
            if heading:
                self._write(heading + "\n")
            self._open, self._pending = (kind, start, self._length, heading), None
        self._write(text)

    def section(self, kind: SectionKind, heading: str | None) -> None:
        """Start a section; it is written only if a block follows, and lasts until the next."""
        self._close()
        self._pending = (kind, heading)

    def _close(self) -> None:
        if self._open is not None:
            kind, start, body, heading = self._open
            self._sections.append(
                Section(kind=kind, start=start, body_start=body, end=self._length, heading=heading)
            )
        self._open = self._pending = None

    def finish(self) -> tuple[str, tuple[Section, ...]]:
        """The text and its sections."""
        self._close()
        return "".join(self._parts), tuple(self._sections)


def date_range(start: str | None, end: str | None, current: bool) -> str | None:
    """'2019-03 - Present' style text (with an en dash) for a rendered position, or None."""
    if not start and not end:
        return None
    return f"{start or '?'} \u2013 {'Present' if current else (end or '?')}"


def joined(items: Iterable[str | None], separator: str = ", ") -> str:
    """Non-empty items joined."""
    return separator.join(item.strip() for item in items if item and item.strip())
