"""The curated knowledge base: careers, skills, resources and the rest, as validated data."""

from __future__ import annotations

from .loader import DATA_DIR, default_catalog, load_catalog
from .lookup import by_id, suggest
from .models import Catalog

__all__ = ["DATA_DIR", "Catalog", "by_id", "default_catalog", "load_catalog", "suggest"]
