"""``aicareers data``: build, check and describe the O*NET + ESCO taxonomy artifact.

Everything heavy (numpy, the readers, the encoder, Rich) is imported inside the commands, so
registering this group costs the other commands nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from .output import emit, emit_json, format_option

DIR = click.Path(file_okay=False, path_type=Path)
Step = Callable[[str], None]


@click.group()
def data() -> None:
    """Build and inspect the O*NET and ESCO reference taxonomy.

    Example: aicareers data info
    """


@contextmanager
def _progress(total: int) -> Iterator[Step]:
    """A Rich progress bar on stderr; yields a callback that advances it one step."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description:<44}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("starting", total=total)
        started = [False]

        def step(label: str) -> None:
            if started[0]:
                bar.advance(task)
            started[0] = True
            bar.update(task, description=label)

        yield step
        bar.update(task, completed=total)


@data.command()
@click.option("--onet", "onet_dir", type=DIR, required=True, help="O*NET 29.3 Excel folder.")
@click.option("--esco", "esco_dir", type=DIR, required=True, help="ESCO v1.1.1 CSV folder.")
@click.option("--out", "out_dir", type=DIR, help="Where to write (default: the package's).")
@click.option("--no-vectors", is_flag=True, help="Skip the sentence-embedding stage.")
def build(onet_dir: Path, esco_dir: Path, out_dir: Path | None, no_vectors: bool) -> None:
    """Build the taxonomy artifact from the O*NET and ESCO source files.

    Example: aicareers data build --onet ../shared/data/onet --esco ../shared/data/esco --out /tmp/taxonomy --no-vectors
    """  # noqa: E501
    from ..build import taxonomy as builder
    from ..taxonomy.manifest import DEFAULT_DIR
    from ..taxonomy.vectors import VECTOR_SETS, add_vectors

    started = time.perf_counter()
    builder.check_sources(onet_dir, esco_dir)  # before the bar, so an error stands alone
    with _progress(builder.STEPS) as step:
        manifest = builder.build(onet_dir, esco_dir, out_dir, progress=step)
    target = out_dir or DEFAULT_DIR
    if not no_vectors:
        with _progress(len(VECTOR_SETS) + 1) as step:
            step("loading the encoder")
            manifest = add_vectors(target, progress=step)
    manifest = _add_similarity(target)
    seconds = time.perf_counter() - started
    total = sum(entry["size"] for entry in manifest["files"].values())
    vectors = "with vectors" if manifest.get("vectors") else "without vectors"
    click.echo(
        f"Built the taxonomy in {target} ({total / 1e6:.1f} MB, {vectors}) in {seconds:.1f} s: "
        f"{manifest['counts']['occupations']:,} occupations, "
        f"{manifest['counts']['esco_skills']:,} ESCO skills."
    )


@data.command()
@click.option("--dir", "folder", type=DIR, help="Artifact folder (default: the package's).")
def vectors(folder: Path | None) -> None:
    """Add sentence embeddings to an existing taxonomy artifact (needs the built encoder).

    Example: aicareers data vectors --dir /tmp/taxonomy
    """
    from ..taxonomy.vectors import VECTOR_SETS, add_vectors

    with _progress(len(VECTOR_SETS) + 1) as step:
        step("loading the encoder")
        manifest = add_vectors(folder, progress=step)
    _add_similarity(folder)
    click.echo(f"Added {', '.join(manifest['vectors']['sets'])} vectors.")


def _add_similarity(folder: Path | None) -> dict[str, Any]:
    """Store the occupation-similarity table last: it reads the content and the vectors."""
    from ..build.similarity import add_similarity

    with _progress(1) as step:
        manifest: dict[str, Any] = add_similarity(folder, progress=step)
    return manifest


@data.command()
@click.option("--dir", "folder", type=DIR, help="Artifact folder (default: the package's).")
@click.option("--onet", "onet_dir", type=DIR, help="Also check freshness against this folder.")
@click.option("--esco", "esco_dir", type=DIR, help="Also check freshness against this folder.")
@format_option("text", "json")
def check(folder: Path | None, onet_dir: Path | None, esco_dir: Path | None, fmt: str) -> None:
    """Verify the artifact's files against its manifest and, if given, its sources.

    Exits with status 3 when the artifact is missing, corrupt or stale.

    Example: aicareers data check
    """
    from ..taxonomy.manifest import DEFAULT_DIR, REBUILD, check, read_manifest
    from ..taxonomy.vectors import current_model_hash

    target = folder or DEFAULT_DIR
    try:
        has_vectors = bool(read_manifest(target).get("vectors"))
    except Exception:  # check() below reports the same problem in words
        has_vectors = False
    model = current_model_hash() if has_vectors else None
    problems = check(target, onet_dir, esco_dir, model_hash=model)
    if fmt == "json":
        emit_json({"artifact": str(target), "ok": not problems, "problems": problems})
    elif problems:
        click.echo(f"The taxonomy at {target} has problems:")
        for problem in problems:
            click.echo(f"  - {problem}")
        click.echo(f"Rebuild it: {REBUILD}")
    else:
        click.echo(f"The taxonomy at {target} is sound.")
    if problems:
        raise SystemExit(3)


def _info(folder: Path | None) -> dict[str, Any]:
    from ..taxonomy.manifest import DEFAULT_DIR, read_manifest

    target = folder or DEFAULT_DIR
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


@data.command()
@click.option("--dir", "folder", type=DIR, help="Artifact folder (default: the package's).")
@format_option("table", "json")
def info(folder: Path | None, fmt: str) -> None:
    """Show what the taxonomy artifact holds: sources, counts and file sizes.

    Example: aicareers data info --format json
    """
    view = _info(folder)
    if fmt == "json":
        emit_json(view)
        return
    from rich.table import Table

    sources = Table("source", "version", "license", title="Sources")
    for source in view["sources"].values():
        version = f"{source['version']} {source.get('release', '')}".strip()
        sources.add_row(source["name"], version, source["license"])
    counts = Table("what", "count", title="Counts")
    for name, count in view["counts"].items():
        shown = (
            ", ".join(f"{k} {v:,}" for k, v in count.items())
            if isinstance(count, dict)
            else f"{count:,}"
        )
        counts.add_row(name.replace("_", " "), shown)
    files = Table("file", "bytes", title=f"Files in {view['artifact']}")
    for name, size in view["files"].items():
        files.add_row(name, f"{size:,}")
    files.add_row("total", f"{view['total_bytes']:,}")
    vectors = view["vectors"]
    note = (
        f"Vectors: {', '.join(vectors['sets'])} ({vectors['model']})"
        if vectors
        else "Vectors: none"
    )
    emit(sources, counts, files, note)
