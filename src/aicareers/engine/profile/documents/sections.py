"""Resume section detection: find headings such as 'WORK EXPERIENCE', '## Skills' or 'Education:'.

A heading is a short line whose words, once stripped of Markdown marks, emphasis, numbering and
a trailing colon, name a known section ('Relevant Work Experience' and 'S K I L L S' included).
'Skills: Python, SQL' also opens a section when it starts a paragraph. Offsets index the text
given, which should already be normalised (see ``normalize_text``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from aicareers.engine.profile.model import Section, SectionKind

_KINDS: dict[SectionKind, tuple[str, ...]] = {
    "experience": (
        "experience", "work experience", "employment", "employment history", "work history",
        "career history", "career", "positions", "positions held", "volunteer experience",
        "volunteering", "clinical experience", "teaching experience", "industry experience",
        "professional background", "military experience", "internships", "work",
        "internship experience", "experience highlights", "employment experience",
        "company details", "job details", "employment details", "detailexperiences",
        "experience details", "work experience details", "professional experience details",
    ),
    "skills": (
        "skills", "skill set", "skillset", "skills and tools", "skills and technologies",
        "tools", "technologies", "tools and technologies", "proficiencies", "competencies",
        "areas of expertise", "expertise", "strengths", "capabilities", "languages and tools",
        "programming languages", "skills summary", "software", "tech stack", "toolkit",
        "skills and competencies", "skills and abilities", "abilities", "skill",
        "highlights", "it skills", "computer skills", "computer knowledge", "soft skills",
        "key skills", "technical expertise", "technical proficiency", "core competencies",
    ),
    "education": (
        "education", "academic background", "education and training", "qualifications",
        "academic qualifications", "degrees", "academic history", "training",
        "education and qualifications", "education and certifications",
        "educational qualification", "educational qualifications", "academic details",
        "academic qualification", "educational background", "academics",
    ),
    "certifications": (
        "certifications", "certification", "certificates", "licenses", "licences",
        "licenses and certifications", "licences and certifications", "credentials",
        "certifications and licenses", "certifications and licences", "accreditations",
        "certifications and training", "professional development", "courses",
        "courses and certifications", "continuing education",
    ),
    "summary": (
        "summary", "profile", "professional summary", "profile summary", "career summary",
        "about", "about me", "objective", "career objective", "personal statement", "overview",
        "executive summary", "personal profile", "introduction", "bio", "professional profile",
    ),
    "projects": ("projects", "portfolio", "side projects", "personal projects", "project work"),
    "other": (
        "awards", "honors", "honours", "awards and honors", "awards and honours",
        "publications", "interests", "hobbies", "hobbies and interests", "references",
        "languages", "activities", "memberships", "affiliations", "additional information",
        "contact", "contact information", "personal details", "achievements",
        "accomplishments", "extracurricular activities", "leadership", "volunteer work",
    ),
}  # fmt: skip
_LOOKUP = {phrase: kind for kind, phrases in _KINDS.items() for phrase in phrases}
# Job-site exports add 'Details' to their headings ('Education Details', 'Skill Details').
_SUFFIXES = {"details", "detail", "section"}
_MODIFIERS = {
    "relevant", "professional", "selected", "select", "key", "core", "technical", "additional",
    "recent", "other", "notable", "my", "previous", "prior", "further", "main", "work",
}  # fmt: skip
FIRST_WORDS = frozenset({p.split()[0] for p in _LOOKUP} | _MODIFIERS)
"""Words a heading can start with, lower case: a cheap test before trying a phrase."""
_MAX_HEADING = 48
_DECORATION = re.compile(r"^(?:#{1,6}\s*|\d{1,2}[.)]\s+|[IVX]{1,4}\.\s+)|[*_=~\s]+$|^[*_=~\s]+")
_INLINE = re.compile(r"^([A-Za-z][A-Za-z &/,'-]{1,40}?)\s*:\s*(?=\S)")
_UNDERLINE = re.compile(r"^(?:={3,}|-{3,})$")


def heading_kind(line: str) -> SectionKind | None:
    """The section a heading line opens, or None when the line is not a heading."""
    if len(line) > _MAX_HEADING:
        return None
    cleaned = _DECORATION.sub("", line).rstrip(":").strip(" *_")
    key = " ".join(re.sub(r"[^a-z ]+", " ", cleaned.lower().replace("&", " and ")).split())
    words = key.split()
    if len(words) > 2 and all(len(w) == 1 for w in words):
        words = ["".join(words)]  # letter-spaced: 'S K I L L S'
    if len(words) > 1 and words[-1] in _SUFFIXES and " ".join(words) not in _LOOKUP:
        words = words[:-1]
    while words:
        kind = _LOOKUP.get(" ".join(words))
        if kind is not None:
            return kind
        if words[0] not in _MODIFIERS:
            return None
        words = words[1:]
    return None


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for each line of text."""
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def _headings(text: str) -> Iterator[tuple[int, int, SectionKind, str]]:
    """(start, body_start, kind, heading) for every heading line in text."""
    lines = list(_lines(text))
    previous_blank = True
    for index, (offset, line) in enumerate(lines):
        stripped = line.strip()
        kind = heading_kind(stripped) if stripped else None
        if kind is not None:
            body = offset + len(line) + 1
            following = lines[index + 1][1].strip() if index + 1 < len(lines) else ""
            if _UNDERLINE.match(following):  # Setext Markdown: the underline is heading too
                body = lines[index + 1][0] + len(lines[index + 1][1]) + 1
            yield offset, min(body, len(text)), kind, _clean_heading(stripped)
        elif previous_blank and stripped:
            inline = _INLINE.match(stripped)
            if inline and (kind := heading_kind(inline.group(1))) is not None:
                yield offset, offset + inline.end(), kind, inline.group(1).strip()
        previous_blank = not stripped


def _clean_heading(line: str) -> str:
    return _DECORATION.sub("", line).rstrip(":").strip(" *_") or line


def detect_sections(text: str) -> tuple[Section, ...]:
    """Sections in order; text before the first heading is an 'other' section with no heading."""
    found = list(_headings(text))
    sections: list[Section] = []
    first = found[0][0] if found else len(text)
    if text[:first].strip():
        sections.append(_section(text, "other", 0, 0, first, None))
    for index, (start, body, kind, heading) in enumerate(found):
        end = found[index + 1][0] if index + 1 < len(found) else len(text)
        sections.append(_section(text, kind, start, body, end, heading))
    return tuple(sections)


def _section(
    text: str, kind: SectionKind, start: int, body: int, end: int, heading: str | None
) -> Section:
    """A Section whose end skips trailing whitespace, so slicing gives clean text."""
    end = max(body, len(text[:end].rstrip()))
    body += len(text[body:end]) - len(text[body:end].lstrip())  # skip blank lines under it
    return Section(kind=kind, start=start, body_start=body, end=end, heading=heading)


def section_text(text: str, section: Section) -> str:
    """The body of a section (the text under its heading)."""
    return text[section.body_start : section.end]
