"""The whole assessment: a Profile in, the 20 careers ranked and explained out.

``Assessor`` holds the prepared indexes (skill vocabulary, title coder, occupation similarity,
semantic matcher); ``assess`` is a pure function of the profile given them, so the same code
serves a CLI call, a web request and a batch worker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import msgspec

from ...knowledge.models import Catalog
from ...knowledge.space import RIASEC, RIASEC_TYPES, CareerTarget
from ..evidence import BackgroundMatch, OccupationMatch, SkillEvidence, Span
from ..profile.model import EDUCATION_LEVELS, Profile
from .backgrounds import detect_backgrounds
from .degrees import research_degree
from .fit import CareerScore, Signals
from .reference_skills import ReferenceSkill, ReferenceVocabulary
from .scoring import rank
from .semantic_skills import sentences
from .skills import extract_skills, implied_skills, merge
from .text import assessed_text
from .transferable_skills import transferable_skills
from .typed_skills import SkillSpace, typed_by_meaning
from .vocabulary import Vocabulary

ENGINE_VERSION = "1"
PAST_TITLE_WEIGHT = 0.6
MAX_OCCUPATIONS = 5
# Texts naming fewer project skills than this are read sentence by sentence for meaning too.
SPARSE_NAMED = 3
SHORT_PROSE_WORDS = 150
# Even an occupation the text does not back keeps a little of its title's share.
SHARE_FLOOR = 0.1
# A position's title the rest of the resume does not back at all still counts this much.
POSITION_FLOOR = 0.6


class TitleCoder(Protocol):
    """Codes job titles to O*NET occupations (see engine.titles)."""

    def code_many(self, titles: Sequence[str]) -> list[list[OccupationMatch]]: ...


class SemanticSkills(SkillSpace, Protocol):
    """Finds skills by meaning rather than by name (see engine.semantic_skills)."""

    def find(self, text: str, covered: Sequence[Span] = ()) -> dict[str, SkillEvidence]: ...


class TextReading(Protocol):
    """Occupations read from a whole text (see engine.occupations.text_coding)."""

    @property
    def matches(self) -> list[OccupationMatch]: ...

    @property
    def fused(self) -> Any: ...

    def support(self, code: str) -> float: ...

    def affinity(self, code: str) -> float: ...


class TextCoder(Protocol):
    """Codes the whole text to occupations (see engine.occupations.text_coding)."""

    def read(self, text: str, sentences: Sequence[str] = ()) -> TextReading: ...


class Assessment(msgspec.Struct, frozen=True, kw_only=True):
    """The result of one assessment, with the text that evidence offsets point into."""

    text: str
    occupations: tuple[OccupationMatch, ...]
    backgrounds: tuple[BackgroundMatch, ...]
    skills: tuple[SkillEvidence, ...]
    reference_skills: tuple[ReferenceSkill, ...]
    interests: dict[str, float] | None
    interests_source: str | None
    careers: tuple[CareerScore, ...]
    engine_version: str = ENGINE_VERSION


@dataclass(frozen=True)
class Assessor:
    """Prepared indexes; anything missing (no taxonomy, say) turns its component off."""

    catalog: Catalog
    space: tuple[CareerTarget, ...]
    vocabulary: Vocabulary
    coder: TitleCoder | None = None
    similarity: Callable[[str, str], float] | None = None
    semantic: SemanticSkills | None = None
    occupation_interests: Callable[[str], dict[str, float] | None] | None = None
    reference: ReferenceVocabulary | None = None
    text_coder: TextCoder | None = None

    def assess(self, profile: Profile) -> Assessment:
        """Rank every career for ``profile``."""
        text, skills_ranges = assessed_text(profile)
        named = extract_skills(text, self.vocabulary, skills_ranges)
        quoted = [span for found in named.values() for span in found.evidence]
        occupations = self._occupations(profile, text, quoted)
        own_titles = [position.title for position in profile.titles]
        backgrounds = tuple(
            detect_backgrounds(text, occupations, self.catalog.backgrounds, own_titles)
        )
        education = highest_education(profile)
        names = self.vocabulary.names
        typed = (
            typed_by_meaning(text, profile.typed_skills, named, self.semantic, len(profile.text))
            if self.semantic and profile.typed_skills
            else {}
        )
        reference = tuple(self.reference.find(text)) if self.reference else ()
        skills = merge(
            implied_skills(backgrounds, research_degree(profile.education), names),
            transferable_skills(reference, names),
            self.semantic.find(text, quoted) if self.semantic and _sparse(text, named) else {},
            typed,
            named,
        )
        interests, source = self._interests(profile, occupations)
        signals = Signals(
            skills=skills, skills_read=bool(skills or profile.text.strip() or profile.skills),
            occupations=occupations, backgrounds=backgrounds,
            interests=interests, years=profile.years_experience, education=education,
        )  # fmt: skip
        similarity = self.similarity or _same_code
        careers = rank(self.catalog.careers, self.space, signals, similarity, names)
        ordered = sorted(skills.values(), key=lambda s: (-s.confidence, s.skill))
        return Assessment(
            text=text, occupations=occupations, backgrounds=backgrounds, skills=tuple(ordered),
            reference_skills=reference, interests=interests, interests_source=source,
            careers=tuple(careers),
        )  # fmt: skip

    def _occupations(
        self, profile: Profile, text: str, quoted: Sequence[Span] = ()
    ) -> tuple[OccupationMatch, ...]:
        """Job titles coded, fused with what the whole text describes (see text_coding.py)."""
        # The skill matcher's sentences: embedded once, read by both (MemoEncoder).
        pieces = [span.text for span in sentences(text, quoted)]
        reading = self.text_coder.read(text, pieces) if self.text_coder else None
        best = self._coded_titles(profile, text, reading) if self.coder else {}
        for match in reading.matches if reading else ():
            title = best.get(match.code)
            # Two independent readings of the same occupation combine like probabilities.
            both = 1 - (1 - (title.confidence if title else 0.0)) * (1 - match.confidence)
            best[match.code] = msgspec.structs.replace(title or match, confidence=round(both, 3))
        ranked = sorted(best.values(), key=lambda m: (-m.confidence, m.code))
        return tuple(ranked[:MAX_OCCUPATIONS])

    def _coded_titles(
        self, profile: Profile, text: str, reading: TextReading | None
    ) -> dict[str, OccupationMatch]:
        assert self.coder is not None
        # A current job says more about who someone is today than an old one.
        positions = [
            (p.title, 1.0 if p.current or i == 0 else PAST_TITLE_WEIGHT)
            for i, p in enumerate(profile.titles)
        ]
        weighted = positions or self._titles_in_prose(text)
        if not weighted:
            return {}
        # A title quoted in passing counts only as far as the rest of the text agrees with it;
        # one read from a position keeps most of its weight (its parse may still be wrong).
        floor = POSITION_FLOOR if positions else 0.0
        backed = reading if reading is not None and reading.fused is not None else None
        coded = self.coder.code_many([title for title, _ in weighted])
        best: dict[str, OccupationMatch] = {}
        for (_, factor), matches in zip(weighted, coded, strict=True):
            for match in _backed_by_text(matches, backed, floor, factor):
                if match.code not in best or best[match.code].confidence < match.confidence:
                    best[match.code] = match
        return {code: match for code, match in best.items() if match.confidence > 0}

    def _titles_in_prose(self, text: str) -> list[tuple[str, float]]:
        """Job titles quoted in free text ("I have been a registered nurse"), weighted lower.

        Pasted prose has no positions; the typical titles of our backgrounds found in it are
        the best stand-in, at the weight of a past job since we cannot tell if it is current.
        """
        found = detect_backgrounds(text, (), self.catalog.backgrounds)
        quotes = [span.text for match in found for span in match.evidence]
        return [(quote, PAST_TITLE_WEIGHT) for quote in dict.fromkeys(quotes)][:3]

    def _interests(
        self, profile: Profile, occupations: Sequence[OccupationMatch]
    ) -> tuple[dict[str, float] | None, str | None]:
        if profile.interests is not None:
            given = msgspec.structs.asdict(profile.interests)
            # The profile keeps 0-1 scores; careers use O*NET's 1-7 scale.
            scores = [1 + 6 * float(given[name]) for name in RIASEC_TYPES.values()]
            return dict(zip(RIASEC, scores, strict=True)), "given"
        if self.occupation_interests is None or not occupations:
            return None, None
        return _weighted_interests(occupations, self.occupation_interests)


def _sparse(text: str, named: dict[str, SkillEvidence]) -> bool:
    """Whether the text is a short piece of prose that names almost no skill by name.

    In resumes, sentence matches by meaning were right in 41 % of a first audit and 47 % of a
    second, even when the resume named few skills (bench/results/evidence_audit.json), and
    they changed no top 3 on the development set; in a short paragraph that names none ("I
    automate releases of our ranking models") they are the only skill signal.
    """
    return len(named) < SPARSE_NAMED and len(text.split()) < SHORT_PROSE_WORDS


def _backed_by_text(
    matches: Sequence[OccupationMatch], backed: TextReading | None, floor: float, factor: float
) -> list[OccupationMatch]:
    """One title's codings weighed by how far the rest of the text backs each.

    A position's title keeps ``floor`` plus the rest of its mass as far as the text backs its
    best-backed occupation; that mass is then shared among its occupations by coding
    confidence times how well the text fits each one's field, so a title O*NET files under
    several occupations ("Advocate": legal support workers and social service assistants)
    goes to the one the resume is about.
    """
    if backed is None or not matches:
        return [replace_confidence(m, m.confidence * factor) for m in matches]
    if floor == 0:  # a title quoted in prose: each reading only as far as the text backs it
        return [
            replace_confidence(m, m.confidence * factor * backed.support(m.code)) for m in matches
        ]
    support = max(backed.support(m.code) for m in matches)
    mass = sum(m.confidence for m in matches) * factor * (floor + (1 - floor) * support)
    fits = [backed.affinity(m.code) for m in matches]
    top = max(fits) or 1.0
    shares = [m.confidence * (SHARE_FLOOR + f / top) for m, f in zip(matches, fits, strict=True)]
    total = sum(shares) or 1.0
    return [
        replace_confidence(m, mass * share / total)
        for m, share in zip(matches, shares, strict=True)
    ]


def replace_confidence(match: OccupationMatch, confidence: float) -> OccupationMatch:
    return msgspec.structs.replace(match, confidence=round(confidence, 3))


def _weighted_interests(
    occupations: Sequence[OccupationMatch],
    lookup: Callable[[str], dict[str, float] | None],
) -> tuple[dict[str, float] | None, str | None]:
    """People tend to hold jobs that suit their interests, so infer them from the jobs."""
    total: dict[str, float] = dict.fromkeys(RIASEC, 0.0)
    weight = 0.0
    for match in occupations:
        profile = lookup(match.code)
        if profile is None:
            continue
        weight += match.confidence
        for key in RIASEC:
            total[key] += match.confidence * profile[key]
    if weight == 0:
        return None, None
    return {k: round(v / weight, 3) for k, v in total.items()}, "inferred from occupations"


def highest_education(profile: Profile) -> str | None:
    """The highest education level the profile states, if any."""
    levels = [e.level for e in profile.education if e.level is not None]
    return max(levels, key=EDUCATION_LEVELS.index) if levels else None


def _same_code(a: str, b: str) -> float:
    return 1.0 if a == b else 0.0
