"""O*NET occupations: code a job title, list the occupations most alike in content, list all.

The taxonomy, the similarity table and the title coder load once per process (``once``:
under a lock, as web requests run in threads). ``similar`` answers ours (similar in content)
or O*NET's own related list, always labelled which.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..documents.assessment import Occupation
from ..documents.occupations import (
    NeighbourLine,
    OccupationEntry,
    RelatedOccupation,
    SimilarOccupation,
    SimilarOccupations,
    TitleCoding,
)
from .runtime import once

if TYPE_CHECKING:
    from ..engine.occupations.similarity import OccupationSimilarity
    from ..engine.occupations.titles import TitleCoder
    from ..taxonomy import Taxonomy

ONET_LABEL = "O*NET Related Occupations (O*NET's own list, not computed by aicareers)"
OURS_LABEL = "Similar in content (tasks, activities, skills, knowledge, technology, titles)"
MAX_TOP = 1015  # every other occupation of O*NET 29.3


def code_title(title: str, top: int = 5) -> TitleCoding:
    """The occupations a job title most likely names, with confidence."""
    coder = _coder()
    matches = coder.code(title, top=top)
    return TitleCoding(
        title=title,
        normalised=coder.normalise(title),
        occupations=tuple(
            Occupation(code=m.code, title=m.title, confidence=m.confidence) for m in matches
        ),
    )


def similar(code: str, top: int = 10, onet: bool = False) -> SimilarOccupations:
    """The occupations most alike to ``code`` (or O*NET's list); an unknown code raises."""
    taxonomy, similarity = _loaded()
    similarity.index(code)  # an unknown code fails here, with close codes as suggestions
    title = taxonomy.occupations.get(code).title
    if onet:
        return SimilarOccupations(code=code, title=title, source=ONET_LABEL,
                                  related=_onet_related(taxonomy, code, top))  # fmt: skip
    found = tuple(
        SimilarOccupation(code=other, title=taxonomy.occupations.get(other).title,
                          score=round(score, 3))
        for other, score in similarity.top(code, top)
    )  # fmt: skip
    return SimilarOccupations(code=code, title=title, source=OURS_LABEL, similar=found)


def all_similar(top: int = 10, onet: bool = False) -> list[NeighbourLine]:
    """For every occupation, the codes of its list (ours, or O*NET's)."""
    taxonomy, similarity = _loaded()
    lines = []
    for code, pairs in similarity.all_top(top):
        if onet:
            related = tuple(r.code for r in _onet_related(taxonomy, code, top))
            lines.append(NeighbourLine(code=code, related=related))
        else:
            lines.append(NeighbourLine(code=code, similar=tuple(other for other, _ in pairs)))
    return lines


def occupations() -> list[OccupationEntry]:
    """Every O*NET-SOC occupation with its title, in code order."""
    found = _taxonomy().occupations
    return [
        OccupationEntry(code=c, title=t) for c, t in zip(found.codes, found.titles, strict=True)
    ]


def _onet_related(taxonomy: Taxonomy, code: str, top: int) -> tuple[RelatedOccupation, ...]:
    """O*NET's own related occupations for ``code``, in O*NET's order."""
    rows = sorted((r for r in taxonomy.benchmark_related if r.code == code), key=lambda r: r.index)
    return tuple(
        RelatedOccupation(code=r.related_code, title=taxonomy.occupations.get(r.related_code).title,
                          tier=r.tier, index=r.index)
        for r in rows[:top]
    )  # fmt: skip


@once
def _taxonomy() -> Taxonomy:
    from ..taxonomy import Taxonomy

    return Taxonomy.load()


@once
def _loaded() -> tuple[Taxonomy, OccupationSimilarity]:
    from ..engine.occupations.loading import load_similarity

    taxonomy = _taxonomy()
    return taxonomy, load_similarity(taxonomy)


@once
def _coder() -> TitleCoder:
    """The title coder (its word index cached on disk); the encoder joins only when the
    taxonomy ships occupation vectors, else it would first spend seconds encoding titles."""
    from ..errors import ModelNotBuiltError
    from .runtime import load_title_coder

    taxonomy = _taxonomy()
    encoder: Any = None
    if taxonomy.has_vectors:
        try:
            from ..semantic import Encoder
            from .encoder_setup import ensure_encoder

            encoder = Encoder.load(ensure_encoder())
        except (ImportError, ModelNotBuiltError):
            encoder = None
    return load_title_coder(taxonomy, encoder)
