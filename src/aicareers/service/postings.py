"""Job postings: each posting's career, skills and yearly pay, and the totals over a file.

``analyze_file`` reads a file on disk (the CLI, streaming millions of rows through a pool);
``analyze_upload`` takes an uploaded file's bytes, analyses them in a private temporary folder
and removes it (the web page and the API). Both read with the same columns and options and
return the summary documented in docs/postings.md. ``skills_chart`` draws the skills named most.
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import AicareersError, UserInputError
from ..postings.output import Sink, open_sink, output_format, record
from ..postings.report import markdown, terminal
from ..postings.runner import EngineFactory, Options, Progress
from ..postings.stream import Malformed
from ..tabular.cluster import Cluster
from ..tabular.readers import EXTENSIONS
from ..tabular.readers import FORMATS as INPUT_FORMATS

if TYPE_CHECKING:
    from .runtime import Assessor

# The postings package's sinks, report layouts and records are what adapters write and print.
__all__ = [
    "INPUT_FORMATS", "EngineFactory", "Malformed", "PostingsRequest", "Progress", "Sink",
    "analyze_file", "analyze_upload", "installed_engine", "markdown", "open_sink",
    "output_format", "record", "skills_chart", "terminal",
]  # fmt: skip

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
# Given the row count (or None), what to call for each malformed row and as rows are done.
Announce = Callable[[str | None], None]
Reporting = Callable[
    [int | None], tuple[Callable[[Malformed], None], Callable[[Progress], None]]
]


@dataclass(frozen=True)
class PostingsRequest:
    """How to read a file of postings: its format and columns (detected when not given), the
    currency of salaries that name none, how many rows, meaning matching, worker processes,
    and the engine that runs them (see ``cluster``)."""

    input_format: str | None = None
    title_col: str | None = None
    text_col: str | None = None
    salary_col: str | None = None
    currency: str | None = None
    limit: int | None = None
    semantic: bool = False
    workers: int = 1
    engine: str = "local"  # or "dask": on a LocalCluster of ``workers``, or at ``scheduler``
    scheduler: str | None = None

    def cluster(self, announce: Announce | None = None) -> Cluster | None:
        """The Dask cluster to run on, or None to run here; ``announce`` gets its dashboard."""
        if self.engine != "dask" and self.scheduler is None:
            return None
        return Cluster(self.scheduler, self.workers, announce)

    def options(self) -> Options:
        """The analysis options, the currency checked."""
        currency = (self.currency or "").strip().upper() or None
        if currency is not None and not re.fullmatch(r"[A-Z]{3}", currency):
            raise UserInputError(
                f"A currency is a three-letter code (USD, EUR, GBP), not '{self.currency}'."
            )
        return Options(semantic=self.semantic, currency=currency)


def installed_engine(semantic: bool = False) -> Assessor:
    """The installed engine; the catalog alone when the taxonomy is missing (careers and skills
    still work). A module-level function, so that it pickles into worker processes."""
    from .runtime import light_assessor, load_assessor

    try:
        return load_assessor(semantic)
    except AicareersError:
        return light_assessor()


def analyze_file(
    path: Path,
    request: PostingsRequest,
    sink: Sink | None = None,
    *,
    factory: EngineFactory | None = None,
    reporting: Reporting | None = None,
    announce: Announce | None = None,
) -> dict[str, Any]:
    """Analyse every posting of ``path`` (the first ``limit``); results go to ``sink``.

    ``reporting`` is called once the file is open and its columns resolved, with the row count
    when it is free to know (Parquet); it returns what to call for each malformed row and as
    rows are done. ``announce`` is told the Dask dashboard's address (or None) once a cluster
    is up, when the request runs on Dask.
    """
    from functools import partial

    from ..postings.analyze import analyze_table, open_postings

    options = request.options()
    table, columns = open_postings(
        path, request.input_format, title=request.title_col, text=request.text_col,
        salary=request.salary_col,
    )  # fmt: skip
    on_malformed, on_progress = None, None
    if reporting is not None:
        total = table.count(request.limit) if table.format == "parquet" else None
        on_malformed, on_progress = reporting(total)
    return analyze_table(
        table, columns, sink, factory=factory or partial(installed_engine, request.semantic),
        options=options, workers=request.workers, limit=request.limit,
        on_malformed=on_malformed, on_progress=on_progress, cluster=request.cluster(announce),
    )  # fmt: skip


def analyze_upload(
    data: bytes, filename: str | None, request: PostingsRequest, sink: Sink | None = None
) -> dict[str, Any]:
    """Analyse an uploaded file in a private temporary folder, removed afterwards."""
    name = safe_name(filename, request.input_format)
    if request.input_format is None and Path(name).suffix.lower() not in EXTENSIONS:
        raise UserInputError(
            f"We read job postings from .csv, .jsonl or .parquet files; '{name}' is none of "
            "them (or say which format it is)."
        )
    with tempfile.TemporaryDirectory(prefix="aicareers-postings-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            return analyze_file(path, request, sink)
        except AicareersError:
            raise
        except (ValueError, OSError, EOFError, csv.Error) as exc:  # readers of odd files
            raise UserInputError(f"{name} could not be read as {_kind(name)}: {exc}") from None


def safe_name(given: str | None, fmt: str | None) -> str:
    """A safe base name for the temporary copy (the summary reports it as ``input.file``)."""
    base = (given or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = _SAFE_NAME.sub("_", base).strip("._")[:120]
    return base or f"postings.{fmt or 'csv'}"


def _kind(name: str) -> str:
    """How we tried to read a file, for the message when that failed."""
    suffix = Path(name).suffix.lower().lstrip(".")
    return f"a {suffix.upper()} file" if suffix else "a table"


def skills_chart(summary: dict[str, Any], path: Path) -> bool:
    """Draw the skills the postings name most (at most ``CHART_ROWS``); False if none."""
    from ..charts import bar_chart
    from .market import CHART_ROWS

    top = summary["skills"][:CHART_ROWS]
    if not top:
        return False
    analysed = summary["rows"]["analysed"]
    bar_chart(
        [s["name"] for s in top],
        [round(100 * s["share"], 1) for s in top],
        f"Skills named most in {summary['input']['file']} ({analysed:,} postings)",
        "% of postings naming the skill",
        path,
    )
    return True
