"""The text an assessment quotes from: the person's own words plus what they typed in fields.

Titles and skills given as flags or form fields are appended as short labelled lines when the
resume does not already contain them, so every piece of evidence is a quote with offsets.
"""

from __future__ import annotations

from ..profile.model import Profile


def _missing(text: str, items: tuple[str, ...]) -> list[str]:
    lowered = text.casefold()
    return [item for item in items if item.casefold() not in lowered]


def assessed_text(profile: Profile) -> tuple[str, list[tuple[int, int]]]:
    """The text to analyse and the character ranges that list skills."""
    text = profile.text
    ranges = [(s.start, s.end) for s in profile.sections if s.kind == "skills"]
    extra_titles = _missing(text, tuple(p.title for p in profile.titles))
    extra_skills = _missing(text, profile.skills)
    parts = [text.rstrip()] if text.strip() else []
    if extra_titles:
        parts.append("Job titles: " + "; ".join(extra_titles))
    if extra_skills:
        parts.append("Skills: " + ", ".join(extra_skills))
        # The skills line is the last part, so its range is the tail of the joined text.
        joined = "\n".join(parts)
        ranges.append((len(joined) - len(parts[-1]), len(joined)))
        return joined, ranges
    return "\n".join(parts), ranges
