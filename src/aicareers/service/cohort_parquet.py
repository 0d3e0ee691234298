"""Batch results kept as Parquet parts (``batch assess --out FOLDER``), read as result lines.

The Dask engine can write a folder of ``part-00000.parquet`` files with the columns row,
columns, top_career, top_score, careers (the careers as JSON text) and error. The cohort
report counts JSON lines, so each Parquet row becomes the line the JSONL output would have
held for it; parts are read a batch of rows at a time, so memory stays flat.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec

from ..errors import Hint, UserInputError

NEEDED = ("row", "careers", "error")
READ = ("row", "columns", "careers", "error")
BATCH_ROWS = 2_048
_ENCODE = msgspec.json.Encoder()


def is_parquet(path: Path) -> bool:
    """Whether ``path`` names Parquet results: a folder of parts or one ``.parquet`` file."""
    return path.is_dir() or path.suffix.lower() == ".parquet"


def parquet_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(number from 1, JSON line) for every row of the parts at ``path``, in part-name order."""
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    parts = sorted(path.glob("part-*.parquet")) if path.is_dir() else [path]
    if not parts:
        raise UserInputError(
            f"The folder {path} holds no part-*.parquet files: give the folder of Parquet "
            "parts a batch assessment wrote, or its JSON Lines file.",
            hint=Hint("write the results as Parquet parts",
                      command="aicareers batch assess INPUT --text-column COL --out FOLDER"),
        )  # fmt: skip
    number = 0
    for part in parts:
        try:
            file = pq.ParquetFile(part)
        except Exception as exc:  # pyarrow raises several kinds for a file that is not Parquet
            raise UserInputError(f"{part} is not a Parquet file that can be read ({exc}).") from exc
        names = set(file.schema_arrow.names)
        if not set(NEEDED) <= names:
            raise UserInputError(
                f"{part} has no {', '.join(c for c in NEEDED if c not in names)} column, so it "
                "is not a part of batch results (they hold row, careers and error)."
            )
        for batch in file.iter_batches(BATCH_ROWS, columns=[c for c in READ if c in names]):
            for record in batch.to_pylist():
                number += 1
                yield number, _line(record)


def _line(record: dict[str, Any]) -> bytes:
    """The JSONL line of one Parquet row: kept columns as an object, careers as they were."""
    line: dict[str, Any] = {"row": record["row"]}
    if record.get("columns"):
        line["columns"] = dict(record["columns"])  # a Parquet map reads as (key, value) pairs
    if record["careers"] is not None:
        line["careers"] = msgspec.Raw(record["careers"].encode())
    if record["error"] is not None:
        line["error"] = record["error"]
    return _ENCODE.encode(line)
