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

from .requirements import Kind, Requirements, read_requirements, ruled_out

if TYPE_CHECKING:
    from ..engine.assessment.assess import Assessment, Assessor
    from ..engine.assessment.reference_skills import ReferenceSkill

WEIGHTS = {"must": 55, "nice": 15, "level": 15, "background": 15}
KIND_ORDER: dict[Kind, int] = {"must": 0, "nice": 1, "duties": 2, "ignore": 3}
TECH = "onet-technology"
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


class Quote(msgspec.Struct, frozen=True):
    start: int
    end: int
    text: str


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


def posting_skills(text: str, requirements: Requirements, assessor: Assessor) -> list[tuple[
        str, str, Kind, Quote]]:  # fmt: skip
    """(id, name, kind, quote) of each skill the posting asks for, the strongest ask per skill."""
    from ..engine.claims import claimed

    best: dict[str, tuple[str, str, Kind, Quote]] = {}

    def keep(ident: str, name: str, start: int, end: int) -> None:
        kind = requirements.kind_at(start)
        # With requirement headings, what the duties name is the work, not what is asked for.
        if kind == "ignore" or (kind == "duties" and requirements.structured):
            return
        if ruled_out(text, start, end):
            return
        found = best.get(ident)
        if found is None or KIND_ORDER[kind] < KIND_ORDER[found[2]]:
            best[ident] = (ident, name, kind, Quote(start, end, text[start:end]))

    names = assessor.vocabulary.names
    for hit in assessor.vocabulary.find(text):
        if claimed(text, hit.span):
            for ident in hit.ids:
                keep(ident, names.get(ident, ident), hit.span.start, hit.span.end)
    known = {name.casefold() for _, name, _, _ in best.values()}
    for ref in assessor.reference.find(text) if assessor.reference else ():
        # A technology that is also one of our skills ("Python") is asked for once.
        if ref.evidence and ref.name.casefold() not in known and named_as_is(ref):
            span = ref.evidence[0]
            keep(reference_id(ref), ref.name, span.start, span.end)
    return sorted(best.values(), key=lambda s: (KIND_ORDER[s[2]], s[1].casefold()))


def reference_id(ref: ReferenceSkill) -> str:
    """``tech:Kubernetes`` or ``esco:<uri>``: reference skills keep their vocabulary's name."""
    return f"{'tech' if ref.source == TECH else 'esco'}:{ref.id}"


def named_as_is(ref: ReferenceSkill) -> bool:
    """A technology, or an ESCO skill the posting names as such ("Java" for "Java (computer
    programming)"); ESCO skills only related to the words ("database management systems" for
    "SQL") are too loose to ask a person for."""
    if ref.source == TECH:
        return True
    head = ref.name.split(" (")[0].casefold()
    return any(span.text.casefold() == head for span in ref.evidence)


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
    asked: Sequence[tuple[str, str, Kind, Quote]],
    assessment: Assessment,
    hours: dict[str, int],
) -> list[SkillMatch]:
    """Each asked skill, met (with both quotes) or missing (with its learning time)."""
    shown = _resume_skills(assessment)
    found = []
    for ident, name, kind, quote in asked:
        mine = shown.get(ident)
        found.append(SkillMatch(
            id=ident, name=name, kind=kind, matched=mine is not None, posting_quote=quote,
            resume_quote=mine[0] if mine else None,
            resume_how=mine[1] if mine and mine[0] is None else None,
            learn_hours=None if mine else hours.get(ident),
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


def fit_score(parts: FitParts) -> int:
    """0-100: the parts that could be measured, weighted by ``WEIGHTS``."""
    measured = {k: v for k, v in msgspec.structs.asdict(parts).items() if v is not None}
    if not measured:
        return 0
    total = sum(WEIGHTS[k] for k in measured)
    return round(100 * sum(WEIGHTS[k] * float(v) for k, v in measured.items()) / total)


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
    "english_share", "fit_parts", "fit_score", "match_skills", "posting_skills",
    "read_requirements", "suggestions",
]  # fmt: skip
