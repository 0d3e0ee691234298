"""``aicareers data build``: O*NET + ESCO source folders -> the taxonomy artifact folder.

The build writes into a sibling folder first and swaps it in at the end, so a failed build
never leaves a half-written artifact where the package expects a whole one.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import TaxonomyError
from ..taxonomy.artifact import Table, read_array, read_table, write_files
from ..taxonomy.manifest import (
    DEFAULT_DIR,
    FORMAT,
    MANIFEST,
    SCHEMA_VERSION,
    SIMILARITY_MODEL,
    Manifest,
    file_entry,
    onet_version,
    read_manifest,
    write_manifest,
)
from . import esco, onet
from .readers import require_dir, require_file

ESCO_VERSION = "v1.1.1"
# Steps reported to ``progress``: one per source file read, one for hashing, one for writing.
STEPS = len(onet.FILES) + len(esco.FILES) + 2
Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    """A progress callback that says nothing."""


def source_entries(folder: Path, names: tuple[str, ...]) -> dict[str, Any]:
    """``{file name: {"sha256", "size"}}`` for the source files the build reads."""
    return {name: file_entry(folder / name) for name in names}


def _sources(onet_dir: Path, esco_dir: Path, esco_version: str) -> dict[str, Any]:
    return {
        "onet": {
            "name": "O*NET Database",
            **onet_version(onet_dir),
            "license": "CC BY 4.0",
            "publisher": "U.S. Department of Labor, Employment and Training Administration",
            "files": source_entries(onet_dir, onet.SOURCE_FILES),
        },
        "esco": {
            "name": "ESCO classification (English)",
            "version": esco_version,
            "license": "European Union, reuse with attribution",
            "publisher": "European Commission",
            "files": source_entries(esco_dir, esco.SOURCE_FILES),
        },
    }


def _counts(files: dict[str, Any]) -> dict[str, Any]:
    titles: Table = files["titles.json.gz"]
    technology: Table = files["technology.json.gz"]
    elements: Table = files["elements.json.gz"]
    return {
        "occupations": len(files["occupations.json.gz"]["code"]),
        "titles": {kind: titles["kind"].count(i) for i, kind in enumerate(titles["kinds"])},
        "skill_elements": len(elements["skills"]["id"]),
        "knowledge_elements": len(elements["knowledge"]["id"]),
        "technology_examples": len(technology["example"]),
        "technology_hot": sum(technology["hot"]),
        "technology_in_demand": sum(technology["in_demand"]),
        "tasks": len(files["tasks.json.gz"]["text"]),
        "dwas": len(files["dwas.json.gz"]["id"]),
        "task_dwa_links": len(files["dwas.json.gz"]["links"]["dwa"]),
        "esco_skills": len(files["esco_skills.json.gz"]["uri"]),
        "esco_occupations": len(files["esco_occupations.json.gz"]["uri"]),
        "esco_relations": int(files["esco_relations.npy"].shape[0]),
        "benchmark_related": len(files["benchmark_related.json.gz"]["related"]),
    }


def _check_target(target: Path) -> None:
    if target.exists() and any(target.iterdir()) and not (target / MANIFEST).is_file():
        raise TaxonomyError(f"{target} holds files but no taxonomy; refusing to overwrite it.")


def _carried(target: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """What a rebuild keeps from the target artifact (else the package's): the similarity
    re-ranker and the wage survey's files, with the wages' manifest section.

    Neither is built from the O*NET and ESCO sources (the model is fitted by a benchmark, the
    wages come from another survey), so a rebuild must not lose them (``_write`` replaces the
    whole folder); an artifact without them gets none.
    """
    from ..taxonomy.wages import WAGE_FILES

    for folder in (target, DEFAULT_DIR):
        try:
            manifest = read_manifest(folder)
        except TaxonomyError:  # no artifact there, or a broken one: the next in line
            continue
        files: dict[str, Any] = {}
        if SIMILARITY_MODEL in manifest.get("files", {}):
            files[SIMILARITY_MODEL] = read_table(folder, SIMILARITY_MODEL)
        sections = {}
        if "wages" in manifest:
            files.update({name: _read_any(folder, name) for name in WAGE_FILES})
            sections["wages"] = manifest["wages"]
        return files, sections
    return {}, {}


def _read_any(folder: Path, name: str) -> Any:
    return read_array(folder, name) if name.endswith(".npy") else read_table(folder, name)


def _write(target: Path, files: dict[str, Any], manifest: Manifest) -> None:
    staging = target.with_name(f".{target.name}.building")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        manifest["files"] = write_files(staging, files)
        write_manifest(staging, manifest)
        shutil.rmtree(target, ignore_errors=True)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def check_sources(onet_dir: Path, esco_dir: Path) -> None:
    """Fail early, naming the first source folder or file that is missing."""
    require_dir(onet_dir, "O*NET")
    require_dir(esco_dir, "ESCO")
    for name in onet.SOURCE_FILES:
        require_file(onet_dir / name)
    for name in esco.SOURCE_FILES:
        require_file(esco_dir / name)


def build(
    onet_dir: Path,
    esco_dir: Path,
    out_dir: Path | None = None,
    progress: Progress = _quiet,
    esco_version: str = ESCO_VERSION,
) -> Manifest:
    """Build the artifact (without vectors) into ``out_dir``; returns its manifest."""
    onet_dir, esco_dir = Path(onet_dir), Path(esco_dir)
    target = Path(out_dir) if out_dir is not None else DEFAULT_DIR
    _check_target(target)
    check_sources(onet_dir, esco_dir)
    onet_files, onet_skipped = onet.build_onet(onet_dir, progress)
    esco_files, esco_skipped = esco.build_esco(esco_dir, progress)
    carried, sections = _carried(target)
    files = {**onet_files, **esco_files, **carried}
    progress("hashing sources")
    sources = _sources(onet_dir, esco_dir, esco_version)
    progress("writing artifact")
    manifest: Manifest = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "sources": sources,
        "build": {
            "params": {
                "esco_description_chars": esco.DESCRIPTION_CHARS,
                "ratings": "uint16 hundredths of the O*NET data value; 65535 = not rated",
            },
            "skipped_rows": {**onet_skipped, **{f"esco_{k}": v for k, v in esco_skipped.items()}},
        },
        "counts": _counts(files),
        "files": {},
        "vectors": None,
        **sections,
    }
    _write(target, files, manifest)
    return read_manifest(target)
