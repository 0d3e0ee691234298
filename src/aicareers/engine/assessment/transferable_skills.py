"""Project skills evidenced by the ESCO skills and O*NET technology a text names.

A resume rarely uses our 85 skills' own words: an auditor writes "internal auditing", an
analyst "MicroStrategy". reference_skills.py finds such names in the wide taxonomy; the reviewed
map in ``knowledge/data/skill_evidence.yaml`` says which project skill each one shows. A
finding quotes the same words as the reference skill and scores below a skill named outright
(0.85-0.99): the name is the person's, the step to our skill is ours.

The map is data, read once per process (a few milliseconds); a lookup per reference skill
found costs next to nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from functools import cache
from pathlib import Path

import msgspec

from ...errors import CatalogError
from ...knowledge.loader import DATA_DIR, decode_file
from ..evidence import SkillEvidence
from .reference_skills import ESCO, ONET_TECHNOLOGY, ReferenceSkill

MAP_NAME = "skill_evidence"
# Below a skill named outright, in the range of a match by meaning: each entry was reviewed,
# but the person may hold the ESCO skill without the whole of ours.
CONFIDENCE = 0.7
SOURCE_NAMES = {ESCO: "ESCO", ONET_TECHNOLOGY: "O*NET"}


class SkillSources(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What evidences one project skill: ESCO skills (URI id -> label) and O*NET examples."""

    esco: dict[str, str] = {}
    onet_technology: list[str] = []


class EvidenceMap(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The file as written: a version, the taxonomy versions, and the entries per skill."""

    version: int
    sources: dict[str, str]
    skills: dict[str, SkillSources]


def _key(source: str, ident: str) -> tuple[str, str]:
    # ESCO ids travel as full URIs; the map keeps only their last part.
    return source, ident.rsplit("/", 1)[-1] if source == ESCO else ident


class TransferableSkills:
    """The map as a lookup: (source, reference id) -> the project skills it evidences."""

    def __init__(self, evidence: EvidenceMap) -> None:
        self.evidence = evidence
        lookup: dict[tuple[str, str], list[str]] = {}
        for skill, sources in evidence.skills.items():
            pairs = [(ESCO, uri) for uri in sources.esco]
            pairs += [(ONET_TECHNOLOGY, name) for name in sources.onet_technology]
            for pair in pairs:
                lookup.setdefault(pair, []).append(skill)
        self.lookup = {pair: tuple(skills) for pair, skills in lookup.items()}

    @classmethod
    def load(cls, skill_ids: Collection[str], directory: Path | None = None) -> TransferableSkills:
        """Read and check ``skill_evidence.yaml``; every skill it names must be ours."""
        evidence = decode_file(directory or DATA_DIR, MAP_NAME, EvidenceMap)
        unknown = sorted(set(evidence.skills) - set(skill_ids))
        if unknown:
            raise CatalogError(f"{MAP_NAME}.yaml names skills that do not exist: {unknown}")
        return cls(evidence)

    def find(
        self, found: Iterable[ReferenceSkill], names: dict[str, str]
    ) -> dict[str, SkillEvidence]:
        """Project skills the reference skills evidence; the first reference found wins."""
        shown: dict[str, SkillEvidence] = {}
        for reference in found:
            for skill in self.lookup.get(_key(reference.source, reference.id), ()):
                if skill in shown:
                    continue
                via = SOURCE_NAMES.get(reference.source, reference.source)
                shown[skill] = SkillEvidence(
                    skill=skill, name=names[skill], confidence=CONFIDENCE,
                    evidence=reference.evidence, how=f"via {via}: {reference.name}",
                )  # fmt: skip
        return shown

    def unknown_entries(self, esco_uris: Iterable[str], examples: Iterable[str]) -> list[str]:
        """Entries the taxonomy lacks (a test runs this against the shipped artifact)."""
        known = {_key(ESCO, uri) for uri in esco_uris}
        known |= {(ONET_TECHNOLOGY, example) for example in examples}
        return sorted(
            f"{source}: {ident}" for source, ident in self.lookup if (source, ident) not in known
        )


@cache
def _default(skill_ids: frozenset[str]) -> TransferableSkills:
    return TransferableSkills.load(skill_ids)


def transferable_skills(
    found: Sequence[ReferenceSkill], names: dict[str, str],
    table: TransferableSkills | None = None,
) -> dict[str, SkillEvidence]:  # fmt: skip
    """Project skills shown by ``found`` (reference_skills.find output), by the shipped map."""
    if not found:
        return {}
    return (table or _default(frozenset(names))).find(found, names)
