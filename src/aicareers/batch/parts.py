"""A batch's output as numbered part files, each written whole or not at all.

Partition ``k`` (rows ``k * size`` to ``(k + 1) * size - 1`` of the input) goes to
``part-0000k.jsonl`` or ``.parquet``, written to a temporary name and renamed. A part is
therefore there complete or absent: a task that is run twice (its worker was killed after it
wrote, or Dask retried it) writes the same bytes under the same name, and a rerun can skip
every part already there. ``_run.json`` records what the parts were made from, so a resumed
run with another input or other settings is refused rather than mixed in.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec

from ..errors import UserInputError

PART = re.compile(r"part-(\d{5,})\.(jsonl|parquet)")
MANIFEST = "_run.json"
Line = tuple[bool, bytes]


@dataclass(frozen=True)
class Parts:
    """The folder of part files and their format (``jsonl`` or ``parquet``)."""

    folder: Path
    format: str

    def path(self, index: int) -> Path:
        """Where partition ``index`` goes."""
        return self.folder / f"part-{index:05d}.{self.format}"

    def done(self) -> list[int]:
        """The partitions already written, in order."""
        if not self.folder.is_dir():
            return []
        found = (PART.fullmatch(p.name) for p in self.folder.iterdir())
        return sorted(int(m[1]) for m in found if m and m[2] == self.format)

    def write(self, index: int, lines: list[Line]) -> None:
        """Write partition ``index`` atomically (temporary file, then rename)."""
        data = _jsonl(lines) if self.format == "jsonl" else _parquet(lines)
        _atomic_write(self.path(index), data)

    def counts(self, index: int) -> tuple[int, int]:
        """Rows and rows assessed without error in a written part (for a resumed run)."""
        path = self.path(index)
        if self.format == "jsonl":
            lines = path.read_bytes().splitlines()
            return len(lines), sum("error" not in msgspec.json.decode(line) for line in lines)
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        errors = pq.read_table(path, columns=["error"]).column("error")
        return len(errors), errors.null_count

    def start(self, settings: dict[str, Any], resume: bool) -> list[int]:
        """Prepare the folder for a run with ``settings``; the partitions to skip.

        Without ``resume``, parts of an earlier run are removed (the caller has checked that
        replacing them is wanted). With it, the earlier run must have had the same settings.
        """
        manifest = self.folder / MANIFEST
        if resume and manifest.exists():
            before = json.loads(manifest.read_text("utf-8"))
            if before != settings:
                changed = sorted(k for k in settings if before.get(k) != settings[k])
                raise UserInputError(
                    f"The parts in {self.folder} were made with other settings "
                    f"({', '.join(changed)}); they cannot be resumed with these."
                )
            return self.done()
        self.clear()
        self.folder.mkdir(parents=True, exist_ok=True)
        _atomic_write(manifest, json.dumps(settings, indent=1).encode())
        return []

    def clear(self) -> None:
        """Remove the part files and the manifest (nothing else in the folder)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if PART.fullmatch(path.name) or path.name == MANIFEST:
                path.unlink()

    def join(self, out: Path) -> None:
        """Concatenate the JSONL parts, in order, into ``out`` (atomically), then remove them."""
        with tempfile.NamedTemporaryFile(
            "wb", dir=out.parent, prefix=f".{out.name}.", suffix=".part", delete=False
        ) as handle:
            try:
                for index in self.done():
                    with self.path(index).open("rb") as part:
                        shutil.copyfileobj(part, handle, 1 << 20)
                handle.flush()
                os.fsync(handle.fileno())
            except BaseException:
                Path(handle.name).unlink(missing_ok=True)
                raise
        _publish(Path(handle.name), out)
        self.clear()
        if not any(self.folder.iterdir()):
            self.folder.rmdir()


def _jsonl(lines: list[Line]) -> bytes:
    return b"".join(line + b"\n" for _, line in lines)


def _parquet(lines: list[Line]) -> bytes:
    """One Parquet file: row, the kept columns, the best career and its score, all careers (as
    the JSON of a batch line, so every format holds the same answer) and the error."""
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    decoded = [msgspec.json.decode(line) for _, line in lines]
    kept = pa.map_(pa.string(), pa.string())
    careers = [d.get("careers") for d in decoded]
    table = pa.table(
        {
            "row": pa.array([d["row"] for d in decoded], pa.int64()),
            "columns": pa.array([d.get("columns") for d in decoded], kept),
            "top_career": pa.array([c[0]["id"] if c else None for c in careers], pa.string()),
            "top_score": pa.array([c[0]["score"] if c else None for c in careers], pa.int32()),
            "careers": pa.array(
                [msgspec.json.encode(c).decode() if c is not None else None for c in careers],
                pa.string(),
            ),
            "error": pa.array([d.get("error") for d in decoded], pa.string()),
        }
    )
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd")
    return buffer.getvalue()


def _atomic_write(path: Path, data: bytes) -> None:
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below, then renamed)
        "wb", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    _publish(Path(handle.name), path)


def _publish(temporary: Path, path: Path) -> None:
    """Rename into place with the usual permissions (temporary files are private, 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)
    os.replace(temporary, path)

