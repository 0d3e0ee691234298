"""``aicareers data``: build, check and describe the O*NET + ESCO taxonomy artifact, and say
how fresh the guide's facts are.

The work is ``aicareers.service.data``'s and ``aicareers.service.freshness``'s; this module
parses flags, draws progress and prints.
Everything heavy (numpy, the readers, the encoder, Rich) is imported inside the commands, so
registering this group costs the other commands nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .output import emit, emit_json, format_option

if TYPE_CHECKING:
    from ..service.freshness import FreshnessReport

DIR = click.Path(file_okay=False, path_type=Path)
Step = Callable[[str], None]


@click.group()
def data() -> None:
    """Build and inspect the O*NET and ESCO reference taxonomy; see how fresh the guide's facts are.

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
    from ..service.data import build_taxonomy

    built = build_taxonomy(onet_dir, esco_dir, out_dir, vectors=not no_vectors, stages=_progress)
    vectors = "with vectors" if built.with_vectors else "without vectors"
    click.echo(
        f"Built the taxonomy in {built.artifact} ({built.total_bytes / 1e6:.1f} MB, {vectors}) "
        f"in {built.seconds:.1f} s: {built.occupations:,} occupations, "
        f"{built.esco_skills:,} ESCO skills."
    )


@data.command()
@click.option("--dir", "folder", type=DIR, help="Artifact folder (default: the package's).")
def vectors(folder: Path | None) -> None:
    """Add sentence embeddings to an existing taxonomy artifact (needs the built encoder).

    Example: aicareers data vectors --dir /tmp/taxonomy
    """
    from ..service.data import add_vectors

    sets = add_vectors(folder, stages=_progress)
    click.echo(f"Added {', '.join(sets)} vectors.")


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
    from ..service.data import check_taxonomy

    result = check_taxonomy(folder, onet_dir, esco_dir)
    target = result.artifact
    if fmt == "json":
        emit_json({"artifact": str(target), "ok": result.ok, "problems": result.problems})
    elif result.problems:
        click.echo(f"The taxonomy at {target} has problems:")
        for problem in result.problems:
            click.echo(f"  - {problem}")
        click.echo(f"Rebuild it: {result.rebuild.command}")
    else:
        click.echo(f"The taxonomy at {target} is sound.")
    if result.problems:
        raise SystemExit(3)


@data.command()
@click.option("--dir", "folder", type=DIR, help="Artifact folder (default: the package's).")
@format_option("table", "json")
def info(folder: Path | None, fmt: str) -> None:
    """Show what the taxonomy artifact holds: sources, counts and file sizes.

    Example: aicareers data info --format json
    """
    from ..service.data import taxonomy_info

    view = taxonomy_info(folder)
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


@data.command()
@click.option(
    "--older-than",
    "days",
    type=click.IntRange(min=0),
    default=180,
    show_default=True,
    metavar="DAYS",
    help="List items last checked more than this many days ago.",
)
@format_option("table", "json")
def freshness(days: int, fmt: str) -> None:
    """List the guide's facts to check again: undated, checked long ago, or unverified.

    Covers careers (pay, tools, employers), certifications, organisations, resources and
    statistics. Exits with status 3 when an item has no date at all.

    Example: aicareers data freshness --older-than 90
    """
    from ..service.freshness import freshness as report_freshness

    report = report_freshness(days)
    if fmt == "json":
        emit_json(report)
    else:
        _print_freshness(report)
    if report.undated:
        raise SystemExit(3)


def _print_freshness(report: FreshnessReport) -> None:
    from rich.table import Table

    table = Table(title="To check again")
    table.add_column("kind")
    # Ids are what a person searches the YAML for: never cut short.
    table.add_column("id", no_wrap=True)
    for name in ("last checked", "days", "status", "why"):
        table.add_column(name)
    for item in report.items:
        checked = item.last_checked.isoformat() if item.last_checked else "never"
        age = "" if item.age_days is None else str(item.age_days)
        table.add_row(item.kind, item.id, checked, age, item.status, ", ".join(item.reasons))
    summary = (
        f"{len(report.items)} of {report.total} items to check again on "
        f"{report.today.isoformat()}: {report.undated} undated, {report.stale} checked more "
        f"than {report.older_than_days} days ago, {report.unverified} unverified."
    )
    if report.items:
        emit(table, summary)
    else:
        emit(summary)
