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
    # Work date ranges found in the text (start, end, current), with or without a job title
    # read for them, and years of experience stated in words: a total ('5 years of
    # experience') and a lower bound (a skill used for 24 months).
    work_spans: tuple[tuple[str | None, str | None, bool], ...] = ()
    stated_years: float | None = None
    least_years: float | None = None


@dataclass
class Fields:
    """The structured fields a parser gathers while it reads, before they go into a Document."""

    positions: list[Position] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    education: list[Education] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    work_spans: list[tuple[str | None, str | None, bool]] = field(default_factory=list)
    stated_years: float | None = None
    least_years: float | None = None

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
            work_spans=tuple(self.work_spans),
            stated_years=self.stated_years,
            least_years=self.least_years,
        )
