"""What a parser returns: the text offsets refer to, its sections, and any structured fields."""

from __future__ import annotations

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
