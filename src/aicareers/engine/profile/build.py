"""Build the Profile: explicit values (flags, form fields) merged with a parsed document.

Explicit values win; positions get their years from their dates, the person's total from the
union of those spans.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import msgspec

from aicareers.engine.profile import dates
from aicareers.engine.profile.countries import country_code
from aicareers.engine.profile.model import Education, Interests, Location, Position, Profile
from aicareers.errors import EmptyDocumentError, ProfileError

if TYPE_CHECKING:
    from aicareers.engine.profile.documents import Document


def build_profile(
    document: Document | None = None,
    *,
    title: str | None = None,
    past_titles: Sequence[str] = (),
    skills: Sequence[str] = (),
    text: str | None = None,
    years_experience: float | None = None,
    country: str | None = None,
    city: str | None = None,
    region: str | None = None,
    education: Sequence[Education] = (),
    certifications: Sequence[str] = (),
    interests: Interests | None = None,
    hours_per_week: float | None = None,
    as_of: dt.date | None = None,
) -> Profile:
    """Merge explicit values (flags, form fields) with a parsed document; explicit values win.

    ``as_of`` dates open-ended positions ('2019 - Present'); it defaults to today.
    """
    from aicareers.engine.profile.documents import merge_free_text

    if text is not None and not text.strip():
        raise EmptyDocumentError(what="text")
    document = merge_free_text(document, text) if text is not None else document
    given = (title, past_titles, skills, document, education, certifications)
    if not any(given):
        raise ProfileError(
            "profile",
            "Nothing to assess: give a job title, some skills, a resume file or a few "
            "sentences about your work.",
        )
    today = as_of or dt.date.today()
    positions = _merge_positions(title, past_titles, document, today)
    derived = _document_years(positions, document, today)
    return Profile(
        titles=positions,
        skills=_unique((*skills, *(document.skills if document else ()))),
        typed_skills=_unique(tuple(skills)),
        text=document.text if document else "",
        sections=document.sections if document else (),
        years_experience=years_experience if years_experience is not None else derived,
        education=(*education, *(document.education if document else ())),
        certifications=_unique((*certifications, *(document.certifications if document else ()))),
        location=_merge_location(
            country, city, region, document.location if document else None
        ),
        interests=interests,
        hours_per_week=hours_per_week,
        source=document.format if document else None,
        notes=document.notes if document else (),
    )


def _document_years(
    positions: Sequence[Position], document: Document | None, today: dt.date
) -> float | None:
    """Years of work: the union of dated positions and other work date ranges in the document.

    Overlaps count once. A total stated in words ('12 years of experience') wins when it is
    larger, as resumes often date only their latest jobs, and so does a lower bound (a skill
    used for 24 months).
    """
    spans = [(p.start, p.end, p.current) for p in positions]
    stated = least = None
    if document is not None:
        spans.extend(document.work_spans)
        stated, least = document.stated_years, document.least_years
    derived = dates.merged_years(spans, today)
    # Each is at least true: a skill used for ten years means ten years of work even when only
    # the latest job is dated.
    known = [years for years in (derived, stated, least) if years is not None]
    return max(known) if known else None


def _unique(items: Sequence[str]) -> tuple[str, ...]:
    """Stripped, non-empty items without case-insensitive repeats, first spelling kept."""
    seen: set[str] = set()
    kept: list[str] = []
    for item in items:
        cleaned = " ".join(item.split())
        if cleaned and cleaned.casefold() not in seen:
            seen.add(cleaned.casefold())
            kept.append(cleaned)
    return tuple(kept)


def _merge_positions(
    title: str | None, past: Sequence[str], document: Document | None, today: dt.date
) -> tuple[Position, ...]:
    """Explicit titles first (the given one current), then the document's, without repeats."""
    found = list(document.titles) if document else []
    used: set[int] = set()
    merged: list[Position] = []
    for name, current in ((title, True), *((p, False) for p in past)):
        cleaned = " ".join((name or "").split())
        if not cleaned:
            continue
        key = cleaned.casefold()
        same = [i for i, p in enumerate(found) if i not in used and p.title.casefold() == key]
        used.update(same[:1])
        base = found[same[0]] if same else Position(title=cleaned)
        merged.append(msgspec.structs.replace(base, current=current or base.current))
    merged.extend(p for i, p in enumerate(found) if i not in used)
    return tuple(_with_years(p, today) for p in merged)


def _with_years(position: Position, today: dt.date) -> Position:
    if position.years is not None:
        return position
    years = dates.span_years(position.start, position.end, position.current, today)
    return msgspec.structs.replace(position, years=years) if years is not None else position


def _merge_location(
    country: str | None, city: str | None, region: str | None, found: Location | None
) -> Location | None:
    """Explicit country, state and city win; a found city or state is kept only if its
    country still holds (and a found state only if no other state was given)."""
    code = country_code(country) if country is not None else None
    if found is not None and (code is None or code == found.country):
        code = code or found.country
        city = city or found.city
        region = region or found.region
    city = city.strip() if city and city.strip() else None
    region = region if code == "US" else None
    return Location(country=code, city=city, region=region) if code or city else None
