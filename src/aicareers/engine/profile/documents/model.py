"""What a parser returns: the text offsets refer to, its sections, and any structured fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from aicareers.engine.profile.model import Base, Education, Location, Position, Section

DocumentFormat = Literal["text", "markdown", "pdf", "docx", "json-resume", "linkedin"]


class Document(Base, frozen=True):
    """A parsed resume or profile export; every offset in ``sections`` refers to ``text``."""

    format: DocumentFormat
    text: str
    sections: tuple[Section, ...] = ()
    titles: tuple[Position, ...] = ()
    skills: tuple[str, ...] = ()
    education: tuple[Education, ...] = ()
    certifications: tuple[str, ...] = ()
    location: Location | None = None
    headline: str | None = None
    filename: str | None = None
    notes: tuple[str, ...] = ()


@dataclass
class Fields:
    """The structured fields a parser gathers while it reads, before they go into a Document."""

    positions: list[Position] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    education: list[Education] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)

    def document(
        self,
        format: DocumentFormat,
        text: str,
        sections: tuple[Section, ...],
        *,
        location: Location | None = None,
        headline: str | None = None,
        filename: str | None = None,
        notes: tuple[str, ...] = (),
    ) -> Document:
        """The Document of ``text`` with these fields."""
        return Document(
            format=format,
            text=text,
            sections=sections,
            titles=tuple(self.positions),
            skills=tuple(self.skills),
            education=tuple(self.education),
            certifications=tuple(self.certifications),
            location=location,
            headline=headline,
            filename=filename,
            notes=notes,
        )
