"""Reference taxonomy: O*NET 29.3 and ESCO v1.1.1, built into a compact artifact and loaded lazily.

Importing this package reads no data; ``Taxonomy.load()`` reads the manifest and each part is
read on first use.
"""

from __future__ import annotations

from .manifest import SCHEMA_VERSION, check
from .model import Taxonomy

__all__ = ["SCHEMA_VERSION", "Taxonomy", "check"]
