"""One plain sentence that says why a career scored as it did."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ...knowledge.models import Career
from ...knowledge.wording import lower_first, with_article

if TYPE_CHECKING:
    from ..evidence import SkillEvidence
    from .fit import MissingSkill, Signals

STRONG_TRANSFER = 0.5
SOME_TRANSFER = 0.3
STRONG_INTEREST = 0.75


def _background_clause(name: str, origin: str | None) -> str:
    noun = lower_first(name)
    if origin == "step1":
        return f"the guide names the move from {noun} to this role as a natural one"
    if origin == "break-in":
        return f"the guide counts {with_article(noun)} background as a way in"
    if origin == "coach":
        return f"much of {with_article(noun)} background carries over to this role"
    return f"{with_article(noun)} background fits its key skills"


# How many matched skills a reason names before it counts the rest.
NAMED_SKILLS = 3


def _skills_clause(matched: Sequence[SkillEvidence], total: int) -> str:
    """ "3 of its 8 skills (a, b and c)": every skill counted is named, or counted as "more"."""
    names = [lower_first(m.name) for m in matched[:NAMED_SKILLS]]
    rest = len(matched) - len(names)
    if rest:
        listed = ", ".join(names) + f" and {rest} more"
    else:
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"you already show {len(matched)} of its {total} skills ({listed})"


def _strengths(
    components: Mapping[str, float | None],
    matched: Sequence[SkillEvidence],
    total_skills: int,
    signals: Signals,
    background: tuple[str, str | None] | None,
) -> list[str]:
    found: list[tuple[float, str]] = []
    if background is not None:
        found.append((components["background"] or 0.0, _background_clause(*background)))
    if matched:
        found.append((components["skills"] or 0.0, _skills_clause(matched, total_skills)))
    transfer = components["transferable"]
    if transfer is not None and transfer >= SOME_TRANSFER and signals.occupations:
        how = "carries over well" if transfer >= STRONG_TRANSFER else "partly carries over"
        job = signals.occupations[0]
        # The person's own words read better than O*NET's plural occupation names.
        name = f'"{job.from_title}"' if job.from_title else f"{job.title} (O*NET)"
        found.append((transfer, f"your work as {name} {how}"))
    interests = components["interests"]
    if interests is not None and interests >= STRONG_INTEREST:
        found.append((interests * 0.5, "the kind of work matches your interests"))
    found.sort(key=lambda pair: -pair[0])
    return [text for _, text in found[:2]]


def reason(
    career: Career,
    components: Mapping[str, float | None],
    matched: Sequence[SkillEvidence],
    missing: Sequence[MissingSkill],
    signals: Signals,
    via: str,
    origin: str | None,
) -> str:
    """Why this career got its score, in one line a career changer understands."""
    names = {b.background: b.name for b in signals.backgrounds}
    background = (names[via], origin) if via else None
    strengths = _strengths(components, matched, len(matched) + len(missing), signals, background)
    gap = f"the main gap is {lower_first(missing[0].name)}" if missing else "no skill gaps found"
    if not strengths:
        start = lower_first(missing[0].name) if missing else "the basics"
        return f"Little overlap with {career.title} yet: you would start with {start}."
    text = " and ".join(strengths) + "; " + gap + "."
    return text[0].upper() + text[1:]
