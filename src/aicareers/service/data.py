"""Admin use cases: build, check and describe the taxonomy artifact, build and describe the encoder.

What ``aicareers data ...`` and ``aicareers model ...`` do, as plain functions that return plain
values or small dataclasses; the CLI only parses flags, draws progress and prints. Everything
heavy (numpy, the readers, the encoder) is imported inside the functions, so importing this
module costs the CLI nothing.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Hint

Step = Callable[[str], None]
# Opens a progress display for one stage of ``total`` steps; what it yields names each step.
Stages = Callable[[int], AbstractContextManager[Step]]
Manifest = dict[str, Any]


@contextmanager
def quiet(total: int) -> Iterator[Step]:
    """A stage that reports nothing (the default when a caller shows no progress)."""
    yield lambda _: None


@dataclass(frozen=True)
class BuildResult:
    """What ``build_taxonomy`` made: where, how big, with or without vectors, in how long."""

    artifact: Path
    total_bytes: int
    with_vectors: bool
    occupations: int
    esco_skills: int
    seconds: float


@dataclass(frozen=True)
class CheckResult:
    """The problems ``check_taxonomy`` found (none: the artifact is sound) and the fix."""

    artifact: Path
    problems: list[str]
    rebuild: Hint

    @property
    def ok(self) -> bool:
        """Whether the artifact is sound (and fresh, where sources were given)."""
        return not self.problems


@dataclass(frozen=True)
class EncoderBuild:
    """A freshly built encoder: its folder, the build time and int8-vs-fp32 agreement."""

    folder: Path
    seconds: float
    agreement: dict[str, float]


def artifact_dir(folder: Path | None = None) -> Path:
    """The artifact folder meant by ``folder``: itself, or the one shipped in the package."""
    from ..taxonomy.manifest import DEFAULT_DIR

    return folder or DEFAULT_DIR


def build_taxonomy(
    onet_dir: Path,
    esco_dir: Path,
    out_dir: Path | None = None,
    vectors: bool = True,
    stages: Stages = quiet,
) -> BuildResult:
    """Build the artifact from the sources, then its vectors (if asked) and similarity table."""
    from ..build import taxonomy as builder

    started = time.perf_counter()
    builder.check_sources(onet_dir, esco_dir)  # before any progress, so an error stands alone
    with stages(builder.STEPS) as step:
        manifest = builder.build(onet_dir, esco_dir, out_dir, progress=step)
    target = artifact_dir(out_dir)
    if vectors:
        _vector_stage(target, stages)
    manifest = add_similarity(target, stages)
    return BuildResult(
        artifact=target,
        total_bytes=sum(entry["size"] for entry in manifest["files"].values()),
        with_vectors=bool(manifest.get("vectors")),
        occupations=manifest["counts"]["occupations"],
        esco_skills=manifest["counts"]["esco_skills"],
        seconds=time.perf_counter() - started,
    )


def _vector_stage(folder: Path | None, stages: Stages) -> Manifest:
    from ..build.vectors import VECTOR_SETS
    from ..build.vectors import add_vectors as embed

    with stages(len(VECTOR_SETS) + 1) as step:
        step("loading the encoder")
        return embed(folder, progress=step)


def add_vectors(folder: Path | None = None, stages: Stages = quiet) -> list[str]:
    """Embed an existing artifact's texts, store its similarity table again; the sets' names."""
    manifest = _vector_stage(folder, stages)
    # The similarity table reads the vectors: it is stale as soon as they change.
    add_similarity(folder, stages)
    return list(manifest["vectors"]["sets"])


def add_similarity(folder: Path | None = None, stages: Stages = quiet) -> Manifest:
    """Store the occupation-similarity table last: it reads the content and the vectors."""
    from ..build.similarity import add_similarity as store

    with stages(1) as step:
        return store(folder, progress=step)


def _has_vectors(folder: Path) -> bool:
    from ..taxonomy.manifest import read_manifest

    try:
        return bool(read_manifest(folder).get("vectors"))
    except Exception:  # check() reports the same problem in words
        return False


def check_taxonomy(
    folder: Path | None = None, onet_dir: Path | None = None, esco_dir: Path | None = None
) -> CheckResult:
    """Verify the artifact's files against its manifest and, where given, its sources."""
    from ..taxonomy.artifact import REBUILD
    from ..taxonomy.manifest import check
    from ..taxonomy.vectors import current_model_hash

    target = artifact_dir(folder)
    # Only vectors can be stale against the local encoder: don't look for one otherwise.
    model = current_model_hash() if _has_vectors(target) else None
    problems = check(target, onet_dir, esco_dir, model_hash=model)
    return CheckResult(artifact=target, problems=problems, rebuild=REBUILD)


def taxonomy_info(folder: Path | None = None) -> dict[str, Any]:
    """What the artifact holds: sources, counts, file sizes and vector sets (JSON-ready)."""
    from ..taxonomy.manifest import read_manifest

    target = artifact_dir(folder)
    manifest = read_manifest(target)
    files = {name: entry["size"] for name, entry in manifest["files"].items()}
    sources = {
        label: {k: v for k, v in source.items() if k != "files"}
        for label, source in manifest["sources"].items()
    }
    vectors = manifest.get("vectors")
    return {
        "artifact": str(target),
        "schema_version": manifest["schema_version"],
        "sources": sources,
        "counts": manifest["counts"],
        "files": files,
        "total_bytes": sum(files.values()),
        "vectors": {k: v for k, v in vectors.items() if k != "files"} if vectors else None,
    }


def encoder_dir(folder: Path | None = None) -> Path:
    """The encoder folder meant by ``folder``: itself, else $AICAREERS_MODEL_DIR or the cache."""
    from ..semantic.paths import default_model_dir

    return folder or default_model_dir()


def encoder_is_built(folder: Path) -> bool:
    """Whether ``folder`` holds a built encoder of this code's format."""
    from ..semantic.paths import is_built

    return is_built(folder)


def encoder_info(folder: Path | None = None) -> dict[str, Any]:
    """Where the encoder is, whether it is built, and its manifest when it is (JSON-ready)."""
    from ..semantic.paths import MANIFEST_FILE

    target = encoder_dir(folder)
    built = encoder_is_built(target)
    manifest = json.loads((target / MANIFEST_FILE).read_text("utf-8")) if built else None
    return {"model_dir": str(target), "built": built, "manifest": manifest}


def build_encoder(
    folder: Path, weights: Path | None = None, weights_version: str | None = None
) -> EncoderBuild:
    """Build the int8 encoder into ``folder`` (seconds) from the MiniLM weights: the installed
    package's, or the files in ``weights`` (of package version ``weights_version``)."""
    from ..semantic.build import build_model

    started = time.perf_counter()
    build_model(folder, weights, weights_version=weights_version)
    seconds = time.perf_counter() - started
    agreement: dict[str, float] = encoder_info(folder)["manifest"]["agreement_int8_vs_fp32"]
    return EncoderBuild(folder=folder, seconds=seconds, agreement=agreement)
