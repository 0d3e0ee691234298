"""Read the YAML files of the catalog, decode them into typed models and validate them.

Each top-level field of ``Catalog`` lives in a file of the same name (``careers.yaml`` holds
``careers``). Files are decoded one at a time so that an error can name the file, the entry and
the key that is wrong.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import msgspec

from ..errors import CatalogError
from .cache import read_cached, write_cached
from .models import Catalog

DATA_DIR = Path(__file__).with_name("data")

_PATH = re.compile(r" - at `\$(?P<path>[^`]*)`$")


def catalog_fields() -> dict[str, Any]:
    """Map each top-level catalog field to its annotated type."""
    return {f.name: f.type for f in msgspec.structs.fields(Catalog)}


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, naming the file and line on a syntax error."""
    # Imported here: a run that finds the compiled catalog in the cache never needs PyYAML.
    import yaml

    # The C loader is several times faster; fall back to the pure-Python one without libyaml.
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CatalogError(f"{path.name}: the catalog file is missing ({path}).") from None
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise CatalogError(f"{path.name}:{where} is not valid YAML: {exc}") from None


def describe_location(raw: Any, path: str) -> str:
    """Turn msgspec's ``[3].salary`` into ``entry 4 (id: x), key salary``."""
    match = re.match(r"\[(\d+)\](.*)", path)
    if not match or not isinstance(raw, list):
        return f"key {path.lstrip('.')}" if path else "top level"
    index, rest = int(match.group(1)), match.group(2).lstrip(".")
    item = raw[index] if index < len(raw) else None
    ident = f" (id: {item['id']})" if isinstance(item, dict) and "id" in item else ""
    key = f", key {rest}" if rest else ""
    return f"entry {index + 1}{ident}{key}"


def decode_file(directory: Path, field: str, annotation: Any) -> Any:
    """Decode ``<field>.yaml`` into ``annotation``; errors name the file, entry and key."""
    path = directory / f"{field}.yaml"
    raw = read_yaml(path)
    try:
        return msgspec.convert(raw, type=annotation)
    except msgspec.ValidationError as exc:
        message = str(exc)
        match = _PATH.search(message)
        where = describe_location(raw, match.group("path")) if match else "top level"
        reason = _PATH.sub("", message).replace("Object contains unknown field", "unknown key")
        raise CatalogError(f"{path.name}: {where}: {reason}") from None


def load_catalog(directory: Path | None = None, *, use_cache: bool = True) -> Catalog:
    """Load and validate the catalog from ``directory`` (the shipped data by default)."""
    directory = directory or DATA_DIR
    cached = read_cached(directory) if use_cache else None
    if cached is not None:
        return cached
    # Validation (and PyYAML) are needed only when the compiled cache misses.
    from .validate import validate_catalog

    parts = {name: decode_file(directory, name, ann) for name, ann in catalog_fields().items()}
    catalog = Catalog(**parts)
    validate_catalog(catalog)
    if use_cache:
        write_cached(directory, catalog)
    return catalog


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The shipped catalog, loaded once per process."""
    return load_catalog()
