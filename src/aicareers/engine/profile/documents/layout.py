"""Lines back into run-on resumes: PDF text and job-site exports often hold a whole resume on a
few lines, with headings, bullets and labels inline ('Skills • Python • SQL Experience Company
Name City, State Analyst 01/2010 to Current').

Breaks go before inline bullets, before labels ('Designation:', 'company - '), and around
headings that are written as headings (capitals, or Title Case followed by what cannot continue
a sentence). Everything else in the text stays as it was. Patterns are alternations of
literals without nested repeats, so the work stays linear in the length of the text.
"""

from __future__ import annotations

import re

from aicareers.engine.profile.documents.sections import FIRST_WORDS, heading_kind

BULLETS = (
    "\u2022\u25aa\u25cf\u25e6\u25a0\u25a1\u25ba\u25b8\u27a2\u27a4\u2713"
    "\u2714\u2756\u2666\u2736\u2794\u2192\u2605\u25c6\u2043\u25cb\u2b9a"
)
# An inline bullet (not the first thing on its line), or ' * ' used as one in run-on text.
_BULLET = re.compile(rf"(?<=\S)\s*(?=[{BULLETS}])|(?<=[.;:,a-z0-9)])\s+(?=\*\s+[A-Za-z])")
# Labels of job-site exports and form-like resumes that begin a line of their own.
_LABELS = (
    "job profile", "job title", "designation", "current designation", "position", "role",
    "duration", "period", "tenure", "company name", "company", "employer", "organization",
    "organisation", "description", "responsibilities", "roles and responsibilities", "client",
    "project", "project name", "project title", "team size", "environment", "location",
    "total experience", "work experience", "experience",
)  # fmt: skip
_LABEL_WORDS = "|".join(sorted((re.escape(x).replace(r"\ ", r"\s") for x in _LABELS), key=len,
                               reverse=True))  # fmt: skip
# 'Designation: X' in any case after a sentence or a value; 'company - X' only in lower case,
# the way job-site exports write it (a capitalised 'Company - ' is too often prose).
_LABEL = re.compile(
    rf"(?<=[^\s*{BULLETS}])\s+(?=(?i:{_LABEL_WORDS})\s?:\s*\S)"
    rf"|(?<=\S)\s*(?<![\w-])(?=(?:company|description|designation|role|duration)\s-\s\S)"
)
# Single words that open a section even inline in Title Case; others ('Software', 'Training',
# 'Career') begin job titles too often ('Software Engineer').
_STRONG = {
    "summary", "experience", "education", "skills", "projects", "certifications",
    "certificates", "highlights", "accomplishments", "achievements", "objective",
    "qualifications", "employment", "internships", "awards", "publications", "interests",
    "references", "hobbies", "languages",
}  # fmt: skip
# A heading glued to the word before it, as when block boundaries were lost in extraction.
_GLUED = re.compile(
    r"(?<=[a-z.])(?=(?:Education|Skills?|Company|Experience|Work|Projects?|Certifications?"
    r"|Summary|Objective|Employment|Professional|Technical|Personal|Achievements?)\b)"
    # Two-word headings are safe after capitals too: 'SPSSEducation Details'.
    r"|(?<=[A-Z])(?=(?:Education|Skill|Company|Project|Personal) Details\b)"
)
_TOKEN = re.compile(r"\S+")
_WORDLIKE = re.compile(r"[A-Za-z][A-Za-z&/'-]*:?|&")
_SMALL = {"and", "of", "&", "in"}
_MAX_WORDS = 4


def relayout(text: str) -> str:
    """Text with line breaks put back before inline bullets, labels and headings."""
    lines = []
    for line in text.split("\n"):
        if len(line) > 40:
            line = _split_headings(line)
            line = _LABEL.sub("\n", line)
        lines.append(_BULLET.sub("\n", line) if len(line) > 2 else line)
    return "\n".join(lines)


def _split_headings(line: str) -> str:
    """The line with each inline heading put on a line of its own."""
    line = _GLUED.sub(" ", line)
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(line)]
    cuts: list[tuple[int, int]] = []
    index = 0
    while index < len(tokens):
        size = _heading_at(line, tokens, index)
        if size:
            cuts.append((tokens[index][0], tokens[index + size - 1][1]))
        index += size or 1
    if not cuts:
        return line
    pieces: list[str] = []
    last = 0
    for start, end in cuts:
        pieces.extend((line[last:start], "\n", line[start:end], "\n"))
        last = end
    pieces.append(line[last:])
    return "".join(pieces)


def _heading_at(line: str, tokens: list[tuple[int, int]], index: int) -> int:
    """How many tokens from ``index`` on form a heading written as one (0 when none do)."""
    first = line[tokens[index][0] : tokens[index][1]]
    if not first[:1].isupper() or first.rstrip(":").lower() not in FIRST_WORDS:
        return 0
    for size in range(min(_MAX_WORDS, len(tokens) - index), 0, -1):
        words = [line[s:e] for s, e in tokens[index : index + size]]
        if not all(_WORDLIKE.fullmatch(w) for w in words):
            continue
        if any(w.endswith(":") for w in words[:-1]):
            continue
        phrase = " ".join(words)
        if heading_kind(phrase) is not None and _written_as_heading(line, tokens, index, size):
            return size
    return 0


def _written_as_heading(line: str, tokens: list[tuple[int, int]], index: int, size: int) -> bool:
    """True when a heading phrase in a line is written as a heading, not as words of prose.

    A colon or capitals make a heading ('WORK EXPERIENCE', 'Skills:'); Title Case does when the
    phrase opens the line or follows a sentence end. A single word must be a strong heading word,
    and in every case the next word must not be lower case ('Experience in sales' is prose).
    """
    words = [line[s:e] for s, e in tokens[index : index + size]]
    before = line[: tokens[index][0]].rstrip()
    previous = before.rsplit(None, 1)[-1] if before else ""
    opens = (
        not previous
        or previous[-1] in ".!?:;)]|-\u2013\u2014"  # a header's separators: 'Dublin - Skills:'
        or previous[:1].islower()
        or (len(previous) > 1 and previous.isupper())
    )
    if words[-1].endswith(":"):
        return words[0][:1].isupper() and opens
    following = line[tokens[index + size][0] :] if index + size < len(tokens) else ""
    if following[:1].islower():
        return False
    if size == 1 and words[0].lower() not in _STRONG:
        return False
    if all(not c.isalpha() or c.isupper() for w in words for c in w):
        return True
    if not all(w[:1].isupper() for w in words if w.lower() not in _SMALL):
        return False
    return opens or size > 1
