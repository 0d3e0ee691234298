"""Plain text rendered from structured formats (JSON Resume, LinkedIn), sections recorded.

Structured sources have no text of their own, but evidence spans need one: we write the fields
out as a short resume under standard headings and record each section's offsets as we go.
``ResumeWriter`` writes jobs, studies and certificates the same way whatever the format, and
keeps them as the Document's fields.
"""

from __future__ import annotations

from collections.abc import Iterable

from aicareers.engine.profile.dates import parse_date
from aicareers.engine.profile.documents.education import education_level
from aicareers.engine.profile.documents.entries import make_position
from aicareers.engine.profile.documents.limits import MAX_ASSESSED_CHARS, TRUNCATED_NOTE
from aicareers.engine.profile.documents.model import Document, DocumentFormat, Fields
from aicareers.engine.profile.documents.normalize import normalize_text
from aicareers.engine.profile.model import Education, Location, Section, SectionKind
from aicareers.errors import EmptyDocumentError


class Renderer:
    """Builds text block by block; a section's heading is written with its first block."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._sections: list[Section] = []
        self._pending: tuple[SectionKind, str | None] | None = None
        self._open: tuple[SectionKind, int, int, str | None] | None = None
        # Set when a block was left out because the text assessed was already full.
        self.cut = False

    def _write(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    def block(self, *lines: str | None) -> None:
        """Add a paragraph of the given non-empty lines (none past the text assessed)."""
        if self._length >= MAX_ASSESSED_CHARS:
            self.cut = True
            return
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


def dated(heading: str, when: str | None) -> str:
    """``heading (when)``, or the heading alone when there are no dates."""
    return f"{heading} ({when})" if when else heading


class ResumeWriter(Renderer):
    """A Renderer for structured sources that also keeps the fields it writes out."""

    def __init__(self) -> None:
        super().__init__()
        self.fields = Fields()

    def opening(self, headline: str | None, place: str | None, summary: str | None) -> None:
        """The untitled first lines (headline and place), then the summary under its heading."""
        self.section("other", None)
        self.block(headline, place)
        self.section("summary", "Summary")
        self.block(summary)

    def position(
        self,
        title: str | None,
        organization: str | None,
        start: str | None,
        end: str | None,
        current: bool,
        *body: str | None,
    ) -> None:
        """A job as "title, organization (dates)" over its body; kept when it has a title."""
        heading = joined((title, organization))
        self.block(dated(heading, date_range(start, end, current)), *body)
        if title:
            self.fields.positions.append(make_position(title, organization, start, end, current))

    def education(
        self,
        heading: str,
        body: str | None,
        *,
        school: str | None,
        degree: str | None,
        field: str | None = None,
        start: str | None,
        end: str | None,
    ) -> None:
        """A course of study under ``heading``; kept when it names a school, degree or field."""
        self.block(dated(heading, date_range(start, end, False)), body)
        if school or degree or field:
            level = education_level(degree) if degree else None
            self.fields.education.append(Education(institution=school, degree=degree, field=field,
                                                   level=level, start=start, end=end))  # fmt: skip

    def certificate(self, name: str | None, issuer: str | None, date: str | None) -> None:
        """A certificate as "name, issuer (date)"; one without a name is left out."""
        if name:
            self.fields.certifications.append(name)
            self.block(dated(joined((name, issuer)), parse_date(date)))

    def document(
        self,
        format: DocumentFormat,
        filename: str | None,
        what: str = "document",
        *,
        location: Location | None = None,
        headline: str | None = None,
    ) -> Document:
        """The Document of what was written; EmptyDocumentError when that is nothing."""
        text, sections = self.finish()
        if not text:
            raise EmptyDocumentError(filename, what)
        notes = (TRUNCATED_NOTE,) if self.cut else ()
        return self.fields.document(format, text, sections, location=location, headline=headline,
                                    filename=filename, notes=notes)  # fmt: skip
