"""The artifact on disk: a folder of ``.npy`` arrays and gzipped JSON tables, written byte-stably.

Every writer here is deterministic (no timestamps in gzip headers, insertion-ordered JSON), so
building twice from the same sources gives the same bytes and the same manifest hashes.
"""

from __future__ import annotations

import gzip
import hashlib
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec
import numpy as np

from ..errors import Hint, TaxonomyError

Table = dict[str, Any]
CHUNK = 1 << 20
# What fixes a missing, corrupt or outdated artifact (an operator's step: no web page offers it).
REBUILD = Hint(
    "rebuild it from the O*NET and ESCO sources",
    command="aicareers data build --onet DIR --esco DIR",
)


def sha256_file(path: Path) -> str:
    """The hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_texts(texts: list[str]) -> str:
    """A hash of a list of strings (order matters), to tell whether embedded texts changed."""
    return hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()


def json_gz_bytes(table: Table) -> bytes:
    """``table`` as compact UTF-8 JSON, gzipped with a fixed header (mtime 0)."""
    return gzip.compress(msgspec.json.encode(table), compresslevel=9, mtime=0)


def npy_bytes(array: np.ndarray[Any, Any]) -> bytes:
    """``array`` in the ``.npy`` format (no pickles)."""
    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()


def encode(name: str, content: Table | np.ndarray[Any, Any]) -> bytes:
    """The bytes of artifact file ``name``: ``.npy`` for arrays, ``.json.gz`` for tables."""
    if name.endswith(".npy"):
        if not isinstance(content, np.ndarray):
            raise TypeError(f"{name} needs an array")
        return npy_bytes(content)
    if name.endswith(".json.gz") and isinstance(content, dict):
        return json_gz_bytes(content)
    raise TypeError(f"No format for artifact file {name}")


def write_files(
    folder: Path, files: Mapping[str, Table | np.ndarray[Any, Any]]
) -> dict[str, Table]:
    """Write each file into ``folder``; returns ``{name: {"sha256", "size"}}`` for the manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    entries: dict[str, Table] = {}
    for name, content in files.items():
        data = encode(name, content)
        (folder / name).write_bytes(data)
        entries[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    return entries


def read_table(folder: Path, name: str) -> Table:
    """Read a gzipped JSON table from the artifact."""
    path = folder / name
    try:
        table = msgspec.json.decode(gzip.decompress(path.read_bytes()))
    except FileNotFoundError as exc:
        raise TaxonomyError(f"Taxonomy file missing: {path}.", hint=REBUILD) from exc
    except (OSError, EOFError, msgspec.DecodeError) as exc:
        raise TaxonomyError(f"Taxonomy file is corrupt: {path} ({exc}).") from exc
    if not isinstance(table, dict):
        raise TaxonomyError(f"Taxonomy file is corrupt: {path} (not a table).")
    return table


def read_array(folder: Path, name: str) -> np.ndarray[Any, Any]:
    """Read an ``.npy`` array from the artifact."""
    path = folder / name
    try:
        array: np.ndarray[Any, Any] = np.load(path, allow_pickle=False)
    except FileNotFoundError as exc:
        raise TaxonomyError(f"Taxonomy file missing: {path}.", hint=REBUILD) from exc
    except (OSError, ValueError, EOFError) as exc:
        raise TaxonomyError(f"Taxonomy file is corrupt: {path} ({exc}).") from exc
    return array
