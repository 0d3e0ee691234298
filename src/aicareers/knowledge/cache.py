"""A compiled copy of the validated catalog, so that most runs skip YAML entirely.

Parsing, converting and cross-checking the YAML files costs tens of milliseconds and importing
PyYAML more; decoding the same catalog from MessagePack takes about one. The copy lives in the
user's cache folder, keyed by the names, sizes and modification times of the YAML files and
by this package's version, so any edit to a file (or an upgrade) rebuilds it. A cache that
cannot be read or written is ignored: the YAML is always the source of truth.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

import msgspec

from ..version import __version__
from .models import Catalog


def cache_dir() -> Path:
    """``$AICAREERS_CACHE_DIR``, else ``$XDG_CACHE_HOME/aicareers``, else ``~/.cache/aicareers``."""
    explicit = os.environ.get("AICAREERS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "aicareers"


def fingerprint(directory: Path) -> str:
    """A key that changes whenever any catalog file changes.

    CRC-32 is enough to tell versions of our own files apart, and zlib imports in a fraction
    of the time hashlib needs, which this start-up path counts.
    """
    parts = [f"{__version__}:{directory.resolve()}"]
    for path in sorted(directory.glob("*.yaml")):
        stat = path.stat()
        parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    key = ";".join(parts).encode()
    return f"{zlib.crc32(key):08x}{zlib.adler32(key):08x}"


def _path(directory: Path) -> Path:
    return cache_dir() / f"catalog-{fingerprint(directory)}.msgpack"


def read_bytes(path: Path) -> bytes | None:
    """A cache file's bytes, or None when caching is off or the file cannot be read."""
    if os.environ.get("AICAREERS_NO_CACHE"):
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def write_bytes(path: Path, data: bytes) -> None:
    """Store a cache file atomically; failures (read-only home, full disk) are ignored."""
    if os.environ.get("AICAREERS_NO_CACHE"):
        return
    import tempfile  # only on a cache miss

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, path)
    except OSError:
        return


def read_cached(directory: Path) -> Catalog | None:
    """The cached catalog for ``directory``, or None when there is no usable copy."""
    data = read_bytes(_path(directory))
    try:
        return None if data is None else msgspec.msgpack.decode(data, type=Catalog)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None


def write_cached(directory: Path, catalog: Catalog) -> None:
    """Store ``catalog`` in the cache."""
    write_bytes(_path(directory), msgspec.msgpack.encode(catalog))
