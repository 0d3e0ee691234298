"""A resume against one posting: what fits, what is missing, and how long the gaps take.

The posting is read into skills with the kind of asking each does (``requirements``); the
resume has been assessed already (skills with evidence, found by name or by meaning). A posting
skill is met when the assessment shows the same skill, so "shipped models with Kubeflow" meets
"ML pipelines" when the engine reads it as that skill; the quotes of both texts are kept side by
side. The fit (0-100) mixes four parts, each shown, with the weights below; a part the texts
cannot measure is left out and the rest keep their proportions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import msgspec

from .asked import Ask, Quote, posting_asks, reference_id
from .requirements import Kind, read_requirements

if TYPE_CHECKING:
    from ..engine.assessment.assess import Assessment

WEIGHTS = {"must": 55, "nice": 15, "level": 15, "background": 15}
# Common English words: a text with few of them is not English (the engine reads English only).
ENGLISH = frozenset({
    "the", "and", "of", "to", "in", "a", "with", "for", "on", "is", "are", "you", "we", "our",
    "your", "as", "be", "will", "or", "an", "have", "experience", "work", "team", "skills",
    "years", "this", "that", "from",
})  # fmt: skip
MIN_WORDS_FOR_LANGUAGE = 30
OTHER_LANGUAGES = frozenset({
    "und", "der", "die", "das", "mit", "für", "sie", "wir", "ist", "eine", "ein", "zu", "von",
    "den", "auf", "im", "et", "le", "la", "les", "des", "pour", "vous", "nous", "avec", "une",
    "est", "du", "dans", "y", "el", "los", "las", "para", "con", "una", "es", "por", "del",
    "que", "su", "com", "uma", "não", "il", "di", "che", "per", "sono",
})  # fmt: skip


class SkillMatch(msgspec.Struct, frozen=True, kw_only=True):
    """One skill the posting asks for, and whether (and where) the resume shows it."""

    id: str
    name: str
    kind: Kind  # must | nice | duties (named only among the duties)
    matched: bool
    posting_quote: Quote
    resume_quote: Quote | None = None
    resume_how: str | None = None  # how the engine found it when no quote shows it
    learn_hours: int | None = None  # to working level, from the learning paths
    options: tuple[str, ...] = ()  # ids of the skills any of which meets it, when several


class Mention(msgspec.Struct, frozen=True, kw_only=True):
    """A skill the resume shows that the posting's career values but the posting omits."""

    id: str
    name: str
    quote: Quote | None


class FitParts(msgspec.Struct, frozen=True, kw_only=True):
    """Each part 0-1, or None when the texts cannot measure it."""

    must: float | None
    nice: float | None
    level: float | None
    background: float | None


class PostingRead(msgspec.Struct, frozen=True, kw_only=True):
    title: str
    career: str
    career_name: str | None
    level: str
    years: int | None
    structured: bool


def english_share(text: str) -> float | None:
    """Of the text's common function words, the share that are English ones (0-1); None when
    the text is too short to tell. German, French, Spanish, Portuguese and Italian words count
    against it, so a posting in one of them reads near 0 even with English terms in it."""
    found = re.findall(r"[a-zA-Z\u00c0-\u024f]+", text.casefold())
    if len(found) < MIN_WORDS_FOR_LANGUAGE:
        return None
    english = sum(word in ENGLISH for word in found)
    other = sum(word in OTHER_LANGUAGES for word in found)
    return english / (english + other) if english + other else None


def _resume_skills(assessment: Assessment) -> dict[str, tuple[Quote | None, str]]:
    """Skill id -> (first quote, how) of everything the resume shows, technologies too."""
    shown: dict[str, tuple[Quote | None, str]] = {}
    for skill in assessment.skills:
        span = skill.evidence[0] if skill.evidence else None
        quote = Quote(span.start, span.end, span.text) if span else None
        shown[skill.skill] = (quote, skill.how)
    for ref in assessment.reference_skills:
        if ref.evidence:
            span = ref.evidence[0]
            shown[reference_id(ref)] = (Quote(span.start, span.end, span.text), "text")
    return shown


def match_skills(
    asks: Sequence[Ask], assessment: Assessment, hours: dict[str, int]
) -> list[SkillMatch]:
    """Each ask, met by any of its options (with both quotes) or missing (with the shortest
    learning time among its options)."""
    shown = _resume_skills(assessment)
    found = []
    for ask in asks:
        met = next((o for o in ask.options if o.id in shown), None)
        first = ask.options[0]
        mine = shown[met.id] if met else None
        known = [hours[o.id] for o in ask.options if o.id in hours]
        found.append(SkillMatch(
            id=(met or first).id, name=ask.name, kind=ask.kind, matched=met is not None,
            posting_quote=ask.quote, resume_quote=mine[0] if mine else None,
            resume_how=mine[1] if mine and mine[0] is None else None,
            learn_hours=None if mine or not known else min(known),
            options=tuple(o.id for o in ask.options) if len(ask.options) > 1 else (),
        ))  # fmt: skip
    return found


def _share(skills: Sequence[SkillMatch], kinds: tuple[Kind, ...]) -> float | None:
    chosen = [s for s in skills if s.kind in kinds]
    return sum(s.matched for s in chosen) / len(chosen) if chosen else None


def fit_parts(
    skills: Sequence[SkillMatch], years_asked: int | None, years: float | None,
    background: float | None,
) -> FitParts:  # fmt: skip
    """The four parts: must-haves shown, nice-to-haves shown, years, and background."""
    level = None
    if years_asked:
        level = min(1.0, (years or 0.0) / years_asked)
    return FitParts(must=_share(skills, ("must",)), nice=_share(skills, ("nice", "duties")),
                    level=level, background=background)  # fmt: skip


def measured(parts: FitParts) -> bool:
    """Whether the posting asked for any skill we could read: years and background alone say
    too little to call a fit (a posting we read no skill from would otherwise score 100)."""
    return parts.must is not None or parts.nice is not None


def fit_score(parts: FitParts) -> int:
    """0-100: the parts that could be measured, weighted by ``WEIGHTS``; 0 when not
    ``measured``."""
    found = {k: v for k, v in msgspec.structs.asdict(parts).items() if v is not None}
    if not measured(parts):
        return 0
    total = sum(WEIGHTS[k] for k in found)
    return round(100 * sum(WEIGHTS[k] * float(v) for k, v in found.items()) / total)


def also_worth_mentioning(
    assessment: Assessment, career_skills: dict[str, int], asked: set[str], limit: int = 6
) -> list[Mention]:
    """Skills the resume shows that the career values (importance 3+) but the posting omits."""
    found = []
    for skill in assessment.skills:
        if skill.skill in asked or career_skills.get(skill.skill, 0) < 3:
            continue
        span = skill.evidence[0] if skill.evidence else None
        quote = Quote(span.start, span.end, span.text) if span else None
        found.append(Mention(id=skill.skill, name=skill.name, quote=quote))
    return found[:limit]


def suggestions(skills: Sequence[SkillMatch]) -> list[str]:
    """Rewording tips, only for skills the resume already shows in other words."""
    tips = []
    for s in skills:
        if not (s.matched and s.resume_quote and s.kind in ("must", "nice")):
            continue
        theirs, mine = s.posting_quote.text, s.resume_quote.text
        if theirs.casefold() not in mine.casefold() and mine.casefold() not in theirs.casefold():
            tips.append(f"Your resume shows {s.name} as \u201c{mine}\u201d; the posting asks for "
                        f"\u201c{theirs}\u201d. If that is the same work, say it in the "
                        "posting's words too.")  # fmt: skip
    return tips


__all__ = [
    "FitParts", "Mention", "PostingRead", "Quote", "SkillMatch", "also_worth_mentioning",
    "english_share", "fit_parts", "fit_score", "match_skills", "measured", "posting_asks",
    "read_requirements", "suggestions",
]  # fmt: skip
