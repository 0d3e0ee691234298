"""The manifest: what the artifact was built from, with what, and the hash of every file in it.

``check`` compares the manifest with the files beside it (corruption), with this code's schema
version (an old artifact), and optionally with the source folders and the encoder (staleness).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import TaxonomyError
from .artifact import REBUILD, sha256_file

# Bump when the layout or meaning of any artifact file changes; old artifacts are then refused.
SCHEMA_VERSION = 1
FORMAT = "aicareers-taxonomy"
MANIFEST = "manifest.json"
DEFAULT_DIR = Path(__file__).resolve().parent / "data"
# The learned re-ranker of occupation similarity: fitted by a benchmark, not built from the
# sources, so a rebuild carries it over (build/taxonomy.py) and the similarity fingerprint
# hashes its content rather than listing it among the source-derived files.
SIMILARITY_MODEL = "similarity_model.json.gz"

Manifest = dict[str, Any]


def file_entry(path: Path) -> dict[str, Any]:
    """``{"sha256", "size"}`` of one file."""
    return {"sha256": sha256_file(path), "size": path.stat().st_size}


def onet_version(onet_dir: Path) -> dict[str, str]:
    """The O*NET release named in ``Read Me.txt`` (``{"version": "29.3", "release": ...}``)."""
    path = onet_dir / "Read Me.txt"
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise TaxonomyError(f"Source file not found or unreadable: {path}") from exc
    version = re.search(r"O\*NET\s+([\d.]+)\s+Database", text)
    release = re.search(r"^(\w+ \d{4}) Release", text, re.MULTILINE)
    if version is None:
        raise TaxonomyError(f"{path} does not name an O*NET database version.")
    return {"version": version.group(1), "release": release.group(1) if release else ""}


def write_manifest(folder: Path, manifest: Manifest) -> None:
    """Write ``manifest.json`` (indented and key-ordered, so diffs in git stay readable)."""
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    (folder / MANIFEST).write_text(text, encoding="utf-8")


def read_manifest(folder: Path) -> Manifest:
    """Read and minimally validate ``manifest.json``; a ``TaxonomyError`` says what to run."""
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        missing = f"No taxonomy artifact at {folder} (no {MANIFEST})."
        raise TaxonomyError(missing, hint=REBUILD) from exc
    except (OSError, ValueError) as exc:
        raise TaxonomyError(f"{path} is unreadable ({exc}).", hint=REBUILD) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise TaxonomyError(f"{path} is not an aicareers taxonomy manifest.", hint=REBUILD)
    return manifest


def _matches(path: Path, entry: dict[str, Any]) -> bool:
    """Whether ``path`` has the size and hash a manifest entry recorded (size first: cheap)."""
    return bool(path.stat().st_size == entry["size"] and sha256_file(path) == entry["sha256"])


def _file_problems(folder: Path, files: dict[str, Any]) -> list[str]:
    problems = []
    for name, entry in sorted(files.items()):
        path = folder / name
        if not path.is_file():
            problems.append(f"artifact file missing: {name}")
        elif not _matches(path, entry):
            problems.append(f"artifact file corrupt (hash differs from manifest): {name}")
    return problems


def _source_problems(label: str, source_dir: Path, recorded: dict[str, Any]) -> list[str]:
    if not source_dir.is_dir():
        return [f"{label} source directory not found: {source_dir}"]
    problems = []
    for name, entry in sorted(recorded.items()):
        path = source_dir / name
        if not path.is_file():
            problems.append(f"stale: {label} source file missing: {path}")
        elif not _matches(path, entry):
            problems.append(f"stale: {label} source changed since the build: {name}")
    return problems


def _vector_problems(manifest: Manifest, model_hash: str | None) -> list[str]:
    vectors = manifest.get("vectors")
    if not vectors or model_hash is None or vectors.get("model_hash") == model_hash:
        return []
    return ["stale: vectors were computed with another encoder model; compute them again"]


def check(
    taxonomy_dir: Path | None = None,
    onet_dir: Path | None = None,
    esco_dir: Path | None = None,
    model_hash: str | None = None,
) -> list[str]:
    """Problems with the artifact (empty when it is sound and, where sources are given, fresh)."""
    folder = taxonomy_dir or DEFAULT_DIR
    try:
        manifest = read_manifest(folder)
    except TaxonomyError as exc:
        return [str(exc)]
    problems = []
    found = manifest.get("schema_version")
    if found != SCHEMA_VERSION:
        problems.append(f"schema version {found} does not match this code's {SCHEMA_VERSION}")
    problems += _file_problems(folder, manifest.get("files", {}))
    sources = manifest.get("sources", {})
    for label, source_dir in (("onet", onet_dir), ("esco", esco_dir)):
        if source_dir is not None:
            recorded = sources.get(label, {}).get("files", {})
            problems += _source_problems(label, Path(source_dir), recorded)
    return problems + _vector_problems(manifest, model_hash)
