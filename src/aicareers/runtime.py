"""Assemble the assessment engine from the shipped data, once per process.

The engine itself is pure; this module does the loading: catalog, career space, taxonomy,
title coder, occupation similarity and the semantic matcher. Everything heavy is imported
here, inside functions, so that importing aicareers stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from .knowledge import default_catalog
from .knowledge.space import RIASEC, default_space

if TYPE_CHECKING:
    from .engine.assess import Assessor
    from .taxonomy.model import Taxonomy


def _occupation_interests(taxonomy: Taxonomy) -> Callable[[str], dict[str, float] | None]:
    occupations = taxonomy.occupations

    def lookup(code: str) -> dict[str, float] | None:
        try:
            found = occupations.get(code).interests
        except Exception:  # an occupation coded elsewhere but absent here is simply unknown
            return None
        return None if found is None else dict(zip(RIASEC, found, strict=True))

    return lookup


@lru_cache(maxsize=2)
def load_assessor(semantic: bool = True) -> Assessor:
    """The engine with every index this installation has; ``semantic`` adds meaning matching."""
    from .engine.assess import Assessor
    from .engine.semantic_skills import SemanticSkillMatcher
    from .engine.titles import TitleCoder
    from .engine.vocabulary import Vocabulary
    from .semantic import Encoder
    from .taxonomy.model import Taxonomy
    from .taxonomy.similarity_build import load_similarity

    catalog = default_catalog()
    taxonomy = Taxonomy.load()
    encoder = Encoder.load() if semantic else None
    return Assessor(
        catalog=catalog,
        space=default_space(),
        vocabulary=Vocabulary(catalog.skills),
        coder=TitleCoder.from_taxonomy(taxonomy, encoder=encoder),
        similarity=load_similarity(taxonomy).score,
        semantic=SemanticSkillMatcher.build(encoder, catalog) if encoder is not None else None,
        occupation_interests=_occupation_interests(taxonomy),
    )
