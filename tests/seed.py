"""Locate the guide the catalog was built from (``../shared/seed`` beside the repo)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def seed_text() -> str:
    """The seed guide's text; skips (visibly, with the reason) where it is not laid out."""
    folder = Path(os.environ.get("AICAREERS_SEED_DIR", REPO.parent / "shared" / "seed"))
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        pytest.skip(f"the seed guide is not at {folder}; set AICAREERS_SEED_DIR to check it")
    return files[0].read_text(encoding="utf-8")


def words(text: str) -> list[str]:
    """Lower-case word tokens, as the project's copy check counts them."""
    return re.findall(r"[a-z0-9$%']+", text.lower())
