"""Assemble the assessment engine from the shipped data, once per process.

The engine itself is pure; this module does the loading: catalog, career space, taxonomy,
title coder, occupation similarity and the semantic matcher. Everything heavy is imported
here, inside functions, so that importing aicareers stays cheap.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .knowledge import default_catalog
from .knowledge.cache import cache_dir, read_bytes, write_bytes
from .knowledge.space import RIASEC, default_space

if TYPE_CHECKING:
    from .engine.assess import Assessor
    from .engine.semantic_skills import SemanticSkillMatcher
    from .engine.title_index import TitleIndex
    from .engine.titles import TitleCoder
    from .knowledge.models import Catalog
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
        coder=load_title_coder(taxonomy, encoder),
        similarity=load_similarity(taxonomy).score,
        semantic=_skill_matcher(encoder, catalog) if encoder is not None else None,
        occupation_interests=_occupation_interests(taxonomy),
    )


def _title_index_key(taxonomy: Taxonomy) -> str:
    """Changes with the artifact's title and occupation files and with the indexing code."""
    from .engine import title_index, title_words

    digest = hashlib.sha256()
    files = taxonomy.manifest["files"]
    for name in ("titles.json.gz", "occupations.json.gz"):
        digest.update(files[name]["sha256"].encode())
    for module in (title_index, title_words):
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()[:24]


def load_title_coder(taxonomy: Taxonomy, encoder: Any = None) -> TitleCoder:
    """The title coder, with its word index read from the user cache when it was built before.

    Building the index normalises 66,000 O*NET titles (seconds); unpickling it takes a tenth
    of that. A cache that cannot be read or written is simply rebuilt.
    """
    from .engine.titles import TitleCoder

    path = cache_dir() / f"title-index-{_title_index_key(taxonomy)}.pickle"
    data = read_bytes(path)
    try:
        index: TitleIndex | None = None if data is None else pickle.loads(data)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        index = None
    if index is not None:
        return TitleCoder.from_index(index, taxonomy, encoder)
    coder = TitleCoder.from_taxonomy(taxonomy, encoder=encoder)
    write_bytes(path, pickle.dumps(coder.index, protocol=pickle.HIGHEST_PROTOCOL))
    return coder


def _skill_matcher(encoder: Any, catalog: Catalog) -> SemanticSkillMatcher:
    """The meaning matcher, with the skills' vectors read from the user cache when possible.

    Embedding 170 skill texts takes over a second on two cores; the vectors only change with
    the skills or the model, which both go into the cache key.
    """
    import numpy as np

    from .engine.semantic_skills import SemanticSkillMatcher, skill_texts
    from .taxonomy.vectors import model_hash

    texts = [text for skill in catalog.skills for text in skill_texts(skill)]
    digest = hashlib.sha256(model_hash(encoder.manifest).encode())
    digest.update("\n".join(texts).encode())
    path = cache_dir() / f"skill-vectors-{digest.hexdigest()[:24]}.npy"
    data = read_bytes(path)
    try:
        if data is not None:
            vectors = np.load(io.BytesIO(data))
            return SemanticSkillMatcher(encoder, tuple(catalog.skills), vectors)
    except (ValueError, EOFError, OSError):  # a damaged cache file: embed again
        pass
    matcher = SemanticSkillMatcher.build(encoder, catalog)
    buffer = io.BytesIO()
    np.save(buffer, matcher.vectors)
    write_bytes(path, buffer.getvalue())
    return matcher
