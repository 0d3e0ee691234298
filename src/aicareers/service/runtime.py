"""Assemble the assessment engine from the shipped data, once per process.

The engine itself is pure; this module does the loading: catalog, career space, taxonomy,
title coder, occupation similarity and the semantic matcher. Everything heavy is imported
here, inside functions, so that importing aicareers stays cheap.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import ModelNotBuiltError
from ..knowledge import default_catalog
from ..knowledge.cache import cache_dir, read_bytes, write_bytes
from ..knowledge.space import RIASEC, default_space

T = TypeVar("T")

if TYPE_CHECKING:
    from ..engine.assessment.assess import Assessor as Assessor
    from ..engine.assessment.reference_skills import ReferenceVocabulary
    from ..engine.assessment.semantic_skills import SemanticSkillMatcher
    from ..engine.occupations.text_coding import TextCoder
    from ..engine.occupations.titles import TitleCoder
    from ..knowledge.models import Catalog
    from ..taxonomy.model import Taxonomy


def _occupation_interests(taxonomy: Taxonomy) -> Callable[[str], dict[str, float] | None]:
    occupations = taxonomy.occupations

    def lookup(code: str) -> dict[str, float] | None:
        try:
            found = occupations.get(code).interests
        except Exception:  # an occupation coded elsewhere but absent here is simply unknown
            return None
        return None if found is None else dict(zip(RIASEC, found, strict=True))

    return lookup


@dataclass(frozen=True)
class Engine:
    """The assessment engine as loaded, and whether it matches skills by meaning."""

    assessor: Assessor
    by_meaning: bool


# Shown on every adapter's results, so it says what is missing rather than which command adds it.
NAME_ONLY_NOTE = (
    "Skills were matched by name only: the local text encoder is not built, so words that mean "
    "the same as a skill were not recognised."
)
_load_lock = threading.Lock()


def once(build: Callable[..., T]) -> Callable[..., T]:
    """Cache ``build``'s result per arguments, building under a lock (web requests run in
    threads, and two of them must not load the same index at once)."""
    cached = cache(build)
    lock = threading.Lock()

    @wraps(build)
    def get(*args: Any) -> T:
        with lock:
            return cached(*args)

    return get


def engine_for(semantic: bool = True) -> Engine:
    """The engine, loaded once per process (thread-safe).

    The first use builds the encoder (fetching its weights if need be, ``encoder_setup``).
    Only when that cannot be done (offline without the weights, or turned off) does it match
    skills by name, so that assessing still works: the caller tells the person with
    ``NAME_ONLY_NOTE``, and the reporter has said once what to run.
    """
    from .encoder_setup import ensure_encoder

    with _load_lock:
        if semantic:
            try:
                ensure_encoder()
                return Engine(load_assessor(semantic=True), True)
            except ModelNotBuiltError:
                pass
        return Engine(load_assessor(semantic=False), False)


def light_assessor() -> Assessor:
    """The engine from the shipped catalog alone: no taxonomy, title coder or encoder."""
    from ..engine.assessment.assess import Assessor
    from ..engine.assessment.vocabulary import Vocabulary

    catalog = default_catalog()
    return Assessor(catalog=catalog, space=default_space(), vocabulary=Vocabulary(catalog.skills))


@lru_cache(maxsize=2)
def load_assessor(semantic: bool = True) -> Assessor:
    """The engine with every index this installation has; ``semantic`` adds meaning matching."""
    from ..engine.assessment.assess import Assessor
    from ..engine.assessment.vocabulary import Vocabulary
    from ..engine.occupations.loading import load_similarity
    from ..engine.occupations.memo_encoder import MemoEncoder
    from ..semantic import Encoder
    from ..taxonomy.model import Taxonomy

    catalog = default_catalog()
    taxonomy = Taxonomy.load()
    from .encoder_setup import ensure_encoder

    # One encoder, remembering its sentences: text coding and the skill matcher share them.
    # Batch workers and postings come here directly, so the first of them builds it too.
    encoder = MemoEncoder(Encoder.load(ensure_encoder())) if semantic else None
    return Assessor(
        catalog=catalog,
        space=default_space(),
        vocabulary=Vocabulary(catalog.skills),
        coder=load_title_coder(taxonomy, encoder),
        similarity=load_similarity(taxonomy).score,
        semantic=_skill_matcher(encoder, catalog) if encoder is not None else None,
        occupation_interests=_occupation_interests(taxonomy),
        reference=load_reference_vocabulary(taxonomy),
        text_coder=load_text_coder(taxonomy, encoder),
    )


def sentence_memories(assessor: object) -> list[Any]:
    """The engine's memories of recent sentence vectors (``forget`` empties one).

    A sentence's vector differs in its last bits with the batch it was embedded in, so a
    vector remembered from an earlier row can move a score by a point. Emptying the memory
    before each row makes a row's answer depend on that row alone: the same whichever worker
    or partition it lands in, on either engine, and the same as ``assess`` of the person. The
    memory still serves its purpose, one embedding per sentence within an assessment.
    """
    found: dict[int, Any] = {}
    for part in (getattr(assessor, "semantic", None), getattr(assessor, "text_coder", None),
                 getattr(assessor, "coder", None)):  # fmt: skip
        encoder = getattr(part, "encoder", None)
        if callable(getattr(encoder, "forget", None)):
            found[id(encoder)] = encoder
    return list(found.values())


def _artifact_key(taxonomy: Taxonomy, files: Sequence[str], modules: Sequence[Any]) -> str:
    """Changes with the named artifact files and with the source of the modules that index them."""
    digest = hashlib.sha256()
    recorded = taxonomy.manifest["files"]
    for name in files:
        digest.update(recorded[name]["sha256"].encode())
    for module in modules:
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()[:24]


def _cached(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()``, pickled into the user cache under ``name-key`` and read back next time.

    A cache that cannot be read or written is simply rebuilt: the artifact stays the truth.
    """
    path = cache_dir() / f"{name}-{key}.pickle"
    data = read_bytes(path)
    if data is not None:
        try:
            value: T = pickle.loads(data)
            return value
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            pass
    value = build()
    write_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value


def load_title_coder(taxonomy: Taxonomy, encoder: Any = None) -> TitleCoder:
    """The title coder; its word index (seconds to build from 66,000 titles) is cached."""
    from ..engine.occupations import title_index, title_words
    from ..engine.occupations.titles import TitleCoder

    key = _artifact_key(
        taxonomy, ("titles.json.gz", "occupations.json.gz"), (title_index, title_words)
    )
    index = _cached("title-index", key, lambda: TitleCoder.from_taxonomy(taxonomy).index)
    return TitleCoder.from_index(index, taxonomy, encoder)


def load_text_coder(taxonomy: Taxonomy, encoder: Any = None) -> TextCoder:
    """Codes whole texts to occupations; its word index (about a second to build) is cached."""
    from ..engine.occupations import facets, text_coding
    from ..engine.occupations.text_coding import OccupationLexicon, TextCoder, occupation_texts

    files = ("occupations.json.gz", "titles.json.gz", "tasks.json.gz", "technology.json.gz")
    key = _artifact_key(taxonomy, files, (facets, text_coding))
    size = len(taxonomy.occupations.codes)
    lexicon = _cached(
        "text-lexicon", key, lambda: OccupationLexicon.build(size, occupation_texts(taxonomy))
    )
    return TextCoder.from_taxonomy(taxonomy, encoder, lexicon)


def load_reference_vocabulary(taxonomy: Taxonomy) -> ReferenceVocabulary:
    """ESCO skills and O*NET technology examples as a phrase index (cached: 1.5 s to build)."""
    from ..engine import phrases
    from ..engine.assessment import reference_skills
    from ..engine.assessment.reference_skills import EscoLike, ReferenceVocabulary

    def build() -> ReferenceVocabulary:
        esco = [EscoLike(s.uri, s.label, s.alt_labels) for s in taxonomy.esco_skills]
        tech = taxonomy.technology
        hot = sorted({e for e, h in zip(tech.examples, tech.hot.tolist(), strict=True) if h})
        return ReferenceVocabulary.build(esco, sorted(set(tech.examples)), hot)

    files = ("esco_skills.json.gz", "technology.json.gz")
    key = _artifact_key(taxonomy, files, (phrases, reference_skills))
    return _cached("reference-skills", key, build)


def _skill_matcher(encoder: Any, catalog: Catalog) -> SemanticSkillMatcher:
    """The meaning matcher, with the skills' vectors read from the user cache when possible.

    Embedding 170 skill texts takes over a second on two cores; the vectors only change with
    the skills or the model, which both go into the cache key.
    """
    import numpy as np

    from ..engine.assessment.semantic_skills import SemanticSkillMatcher, skill_texts
    from ..taxonomy.vectors import model_hash

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
