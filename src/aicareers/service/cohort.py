"""The cohort report of a batch's results file: read as a stream, counted, laid out.

``cohort_report`` reads a file on disk (the CLI), ``cohort_report_stream`` an open binary
stream such as an upload (the web page). Either reads the JSON Lines that a batch assessment
writes, gzip-compressed or not, one line at a time: memory stays flat however long the file.
Lines that are not results are counted and reported; a file with no results at all is refused
with a message that says what was expected.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from ..documents.cohort import CohortReport
from ..documents.cohort_tally import Tally
from ..errors import Hint, UserInputError
from ..export.cohort_html import cohort_html, report_css, report_fragment
from ..export.cohort_markdown import cohort_markdown
from ..knowledge.loader import default_catalog
from .cohort_parquet import is_parquet, parquet_lines

# The layouts are the export package's; adapters reach them here.
__all__ = [
    "CohortRequest", "cohort_html", "cohort_markdown", "cohort_report", "cohort_report_stream",
    "report_css", "report_fragment",
]  # fmt: skip

MB = 1_048_576
MAX_LINE = 16 * MB  # a row with every career and its quotes is about 25 KB
PROBE_LINES = 50  # this many lines without one result: not a results file, stop reading
PROGRESS_EVERY = 2_000  # lines
GZIP_MAGIC = b"\x1f\x8b"
MAKE_RESULTS = Hint(
    "make one from a table of resumes",
    command="aicareers batch assess people.csv --text-column resume --out results.jsonl",
)
Progress = Callable[[int], None]  # bytes of the file read so far


class NotResultsError(UserInputError):
    """A file that holds no row of a batch assessment."""

    def __init__(self, name: str, why: str) -> None:
        super().__init__(
            f"{name} {why}. A cohort report reads the results of a batch assessment: JSON "
            'Lines, one object per person such as {"row": 0, "careers": [...]} or '
            '{"row": 1, "error": "..."}, optionally gzip-compressed.',
            hint=MAKE_RESULTS,
        )


@dataclass(frozen=True)
class CohortRequest:
    """What to report: grouped by a kept column or not, with people's words or not.

    ``max_unpacked`` caps the bytes a compressed file may unpack to (the web app sets it).
    """

    by: str | None = None
    include_text: bool = False
    max_unpacked: int | None = None


def cohort_report(
    path: Path, request: CohortRequest, progress: Progress | None = None
) -> CohortReport:
    """The report of the results at ``path``: a JSON Lines file, or Parquet parts."""
    if is_parquet(path):
        tally = Tally(request.by, request.include_text)
        for number, line in parquet_lines(path):
            tally.add(number, line)
        return _finish(tally, path.name, request)
    try:
        with path.open("rb") as stream:
            return cohort_report_stream(stream, path.name, request, progress)
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        raise UserInputError(f"Cannot read {path}: {exc.strerror}.") from exc


def cohort_report_stream(
    stream: IO[bytes], name: str, request: CohortRequest, progress: Progress | None = None
) -> CohortReport:
    """The report of a results file open for reading in binary (seekable, at its start)."""
    tally = Tally(request.by, request.include_text)
    packed = stream.read(2) == GZIP_MAGIC
    stream.seek(0)
    try:
        with _unpacked(stream, packed) as text:
            _count(_lines(text, name, request.max_unpacked), tally, name, stream, progress)
    except (OSError, EOFError, zlib.error) as exc:
        if not packed:
            raise
        raise UserInputError(f"{name} is a damaged gzip file: {exc}.") from exc
    return _finish(tally, name, request)


def _finish(tally: Tally, name: str, request: CohortRequest) -> CohortReport:
    """The report of what was counted, or why these were not the results of a batch."""
    if tally.lines == 0:
        raise NotResultsError(name, "is empty")
    if tally.results == 0:
        raise NotResultsError(name, "holds no results")
    if request.by is not None and tally.grouped == 0:
        raise _no_such_column(request.by, tally.kept_columns)
    names = {background.id: background.name for background in default_catalog().backgrounds}
    return tally.report(name, names)


def _unpacked(stream: IO[bytes], packed: bool) -> AbstractContextManager[IO[bytes]]:
    """The stream's text, unpacked when ``packed``; leaving the block leaves ``stream`` open."""
    if packed:
        return cast(AbstractContextManager[IO[bytes]], gzip.GzipFile(fileobj=stream, mode="rb"))
    return nullcontext(stream)


def _count(
    lines: Iterator[tuple[int, bytes | None]],
    tally: Tally,
    name: str,
    raw: IO[bytes],
    progress: Progress | None,
) -> None:
    for number, line in lines:
        if line is None:
            tally.add_bad(number, "too-long")
        else:
            tally.add(number, line)
        if tally.results == 0 and tally.lines >= PROBE_LINES:
            raise NotResultsError(name, f"has no result in its first {PROBE_LINES} lines")
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress(raw.tell())
    if progress is not None:
        progress(raw.tell())


def _lines(stream: IO[bytes], name: str, cap: int | None) -> Iterator[tuple[int, bytes | None]]:
    """(number from 1, line) for each line; None for a line over ``MAX_LINE``, skipped unread."""
    number = read = 0
    while raw := stream.readline(MAX_LINE):
        number += 1
        read += len(raw)
        whole = raw.endswith(b"\n") or len(raw) < MAX_LINE
        while not raw.endswith(b"\n") and len(raw) == MAX_LINE:  # skip the rest of the line
            raw = stream.readline(MAX_LINE)
            read += len(raw)
        if cap is not None and read > cap:
            raise UserInputError(
                f"{name} unpacks to more than {cap // MB} MB, the most read here. Split the "
                "cohort into smaller files, or make the report on your own machine."
            )
        yield number, raw if whole else None


def _no_such_column(by: str, kept: set[str]) -> UserInputError:
    shown = ", ".join(repr(column) for column in sorted(kept)[:10])
    has = f"Their rows keep only {shown}." if kept else "Their rows keep no input columns."
    return UserInputError(
        f"The results have no column {by!r} to group by: no row carries it. {has} The column "
        "has to be kept when the batch is assessed.",
        hint=Hint(
            f"assess the batch again keeping {by!r}",
            command=f"aicareers batch assess INPUT --text-column COL --keep {by} --out OUT.jsonl",
        ),
    )
