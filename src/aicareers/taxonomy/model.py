"""``Taxonomy``: typed, lazy access to the shipped O*NET + ESCO artifact.

``Taxonomy.load()`` reads only the manifest; each part is read on first use and then kept, so a
caller that needs occupations and ratings never pays for ESCO or the title list.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import Hint, TaxonomyError
from .artifact import REBUILD, Table, read_array, read_table
from .manifest import (
    DEFAULT_DIR,
    SCHEMA_VERSION,
    SIMILARITY_MODEL,
    Manifest,
    read_manifest,
)
from .tables import (
    Array,
    EscoOccupation,
    EscoSkill,
    Occupations,
    Ratings,
    RelatedOccupation,
    Tasks,
    TechnologySkills,
    Titles,
    hundredths,
)
from .vectors import dequantize

ADD_VECTORS = Hint("add them", command="aicareers data vectors")


def _full_uris(table: Table) -> list[str]:
    prefix = table["uri_prefix"]
    return [uri if uri.startswith("http") else prefix + uri for uri in table["uri"]]


class Taxonomy:
    """The reference taxonomy: O*NET 29.3 occupations and ESCO v1.1.1 skills."""

    def __init__(self, folder: Path, manifest: Manifest) -> None:
        self.folder = folder
        self.manifest = manifest

    @classmethod
    def load(cls, path: Path | None = None) -> Taxonomy:
        """Open the artifact at ``path`` (default: the one shipped in the package)."""
        folder = Path(path) if path is not None else DEFAULT_DIR
        manifest = read_manifest(folder)
        if manifest.get("schema_version") != SCHEMA_VERSION:
            raise TaxonomyError(
                f"The taxonomy at {folder} has schema version {manifest.get('schema_version')}, "
                f"this code reads {SCHEMA_VERSION}.",
                hint=REBUILD,
            )
        return cls(folder, manifest)

    @property
    def counts(self) -> dict[str, Any]:
        """Row counts recorded at build time."""
        counts: dict[str, Any] = self.manifest["counts"]
        return counts

    @cached_property
    def occupations(self) -> Occupations:
        """O*NET occupations with job zone and RIASEC interests."""
        table = read_table(self.folder, "occupations.json.gz")
        return Occupations(
            codes=table["code"],
            titles=table["title"],
            descriptions=table["description"],
            job_zones=read_array(self.folder, "job_zones.npy"),
            interests=hundredths(read_array(self.folder, "interests.npy")),
        )

    @cached_property
    def _elements(self) -> Table:
        return read_table(self.folder, "elements.json.gz")

    @property
    def riasec(self) -> list[str]:
        """Names of the six interest columns, in order."""
        names: list[str] = self._elements["riasec"]
        return names

    def _ratings(self, key: str) -> Ratings:
        elements = self._elements[key]
        return Ratings(
            element_ids=elements["id"],
            element_names=elements["name"],
            importance=hundredths(read_array(self.folder, f"{key}_importance.npy")),
            level=hundredths(read_array(self.folder, f"{key}_level.npy")),
        )

    @cached_property
    def skills(self) -> Ratings:
        """O*NET Skills importance and level (occupation x 35 skills)."""
        return self._ratings("skills")

    @cached_property
    def knowledge(self) -> Ratings:
        """O*NET Knowledge importance and level (occupation x 33 areas)."""
        return self._ratings("knowledge")

    @cached_property
    def titles(self) -> Titles:
        """Official, alternate, short and reported job titles with their occupation."""
        table = read_table(self.folder, "titles.json.gz")
        kinds = table["kinds"]
        return Titles(
            texts=table["title"],
            occupation=np.asarray(table["occupation"], dtype=np.int32),
            kind=[kinds[k] for k in table["kind"]],
        )

    @cached_property
    def technology(self) -> TechnologySkills:
        """Technology examples per occupation with hot / in-demand flags."""
        table = read_table(self.folder, "technology.json.gz")
        codes, titles = table["commodities"]["code"], table["commodities"]["title"]
        return TechnologySkills(
            occupation=np.asarray(table["occupation"], dtype=np.int32),
            examples=table["example"],
            commodity_codes=[codes[c] for c in table["commodity"]],
            commodity_titles=[titles[c] for c in table["commodity"]],
            hot=np.asarray(table["hot"], dtype=bool),
            in_demand=np.asarray(table["in_demand"], dtype=bool),
        )

    @cached_property
    def tasks(self) -> Tasks:
        """Task statements and the detailed work activities linked to them."""
        tasks = read_table(self.folder, "tasks.json.gz")
        dwas = read_table(self.folder, "dwas.json.gz")
        links = dwas["links"]
        return Tasks(
            occupation=np.asarray(tasks["occupation"], dtype=np.int32),
            ids=tasks["id"],
            texts=tasks["text"],
            types=tasks["type"],
            dwa_ids=dwas["id"],
            dwa_titles=dwas["title"],
            link_occupation=np.asarray(links["occupation"], dtype=np.int32),
            link_task=np.asarray(links["task"], dtype=np.int32),
            link_dwa=np.asarray(links["dwa"], dtype=np.int32),
        )

    @cached_property
    def esco_skills(self) -> list[EscoSkill]:
        """ESCO skills and knowledge concepts with their labels."""
        table = read_table(self.folder, "esco_skills.json.gz")
        columns = zip(
            _full_uris(table),
            table["label"],
            table["alt_labels"],
            table["hidden_labels"],
            table["type"],
            table["reuse"],
            table["description"],
            strict=True,
        )
        return [
            EscoSkill(uri, label, tuple(alt), tuple(hidden), kind, reuse, description)
            for uri, label, alt, hidden, kind, reuse, description in columns
        ]

    @cached_property
    def esco_occupations(self) -> list[EscoOccupation]:
        """ESCO occupations with their labels and ISCO group."""
        table = read_table(self.folder, "esco_occupations.json.gz")
        columns = zip(
            _full_uris(table),
            table["label"],
            table["alt_labels"],
            table["isco_group"],
            table["code"],
            table["description"],
            strict=True,
        )
        return [
            EscoOccupation(uri, label, tuple(alt), isco, code, description)
            for uri, label, alt, isco, code, description in columns
        ]

    @cached_property
    def esco_relations(self) -> Array:
        """int32 (n, 3): ESCO occupation row, skill row, 1 if essential else 0 (optional)."""
        return read_array(self.folder, "esco_relations.npy").astype(np.int32)

    @cached_property
    def _esco_occupation_rows(self) -> dict[str, int]:
        return {occupation.uri: i for i, occupation in enumerate(self.esco_occupations)}

    def esco_skills_of(self, uri: str) -> tuple[list[EscoSkill], list[EscoSkill]]:
        """``(essential, optional)`` skills of the ESCO occupation ``uri``."""
        row = self._esco_occupation_rows.get(uri)
        if row is None:
            raise TaxonomyError(f"No ESCO occupation {uri} in the taxonomy.")
        mine = self.esco_relations[self.esco_relations[:, 0] == row]
        skills = self.esco_skills
        essential = [skills[s] for s in mine[mine[:, 2] == 1, 1]]
        return essential, [skills[s] for s in mine[mine[:, 2] == 0, 1]]

    @cached_property
    def benchmark_related(self) -> list[RelatedOccupation]:
        """O*NET Related Occupations: for benchmarks and display only, never for similarity."""
        table = read_table(self.folder, "benchmark_related.json.gz")
        codes = self.occupations.codes
        rows = zip(
            table["occupation"], table["related"], table["tier"], table["index"], strict=True
        )
        return [RelatedOccupation(codes[a], codes[b], tier, rank) for a, b, tier, rank in rows]

    @cached_property
    def similarity_model(self) -> dict[str, Any] | None:
        """The learned occupation-similarity re-ranker in its plain form, if the artifact has one.

        The engine turns it into a model (``similarity_rerank.model_from_dict``); an artifact
        whose manifest lists no such file ranks by the unsupervised fusion alone.
        """
        if SIMILARITY_MODEL not in self.manifest.get("files", {}):
            return None
        model = read_table(self.folder, SIMILARITY_MODEL).get("model")
        if not isinstance(model, dict):
            raise TaxonomyError(f"Taxonomy file is corrupt: {self.folder / SIMILARITY_MODEL}.")
        return model

    @property
    def has_vectors(self) -> bool:
        """Whether the artifact holds sentence embeddings."""
        return bool(self.manifest.get("vectors"))

    def vectors(self, name: str) -> Array:
        """Unit-length float32 rows of a vector set (``occupations``, ``esco_skills``, ...)."""
        vectors = self.manifest.get("vectors") or {}
        if name not in vectors.get("sets", {}):
            raise TaxonomyError(f"The taxonomy has no '{name}' vectors.", hint=ADD_VECTORS)
        return self._vectors(name)

    def _vectors(self, name: str) -> Array:
        cache: dict[str, Array] = self.__dict__.setdefault("_vector_cache", {})
        if name not in cache:
            codes = read_array(self.folder, f"vectors_{name}.npy")
            cache[name] = dequantize(codes, read_array(self.folder, f"vectors_{name}_scale.npy"))
        return cache[name]
