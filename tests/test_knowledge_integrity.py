"""The shipped catalog is internally consistent and written in our own words."""

from __future__ import annotations

from typing import Any

import msgspec

from aicareers.knowledge import DATA_DIR, default_catalog
from aicareers.knowledge.validate import problems

from .seed import seed_text, words


def test_shipped_catalog_has_no_problems() -> None:
    assert problems(default_catalog()) == []


def cited_sources(node: Any) -> set[str]:
    """Every id listed under a ``sources`` or ``status_source`` key anywhere below ``node``."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "sources" and all(isinstance(v, str) for v in value):
                found.update(value)
            elif key == "status_source" and isinstance(value, str):
                found.add(value)
            else:
                found |= cited_sources(value)
    elif isinstance(node, list | tuple):
        for item in node:
            found |= cited_sources(item)
    return found


def test_every_source_is_cited_somewhere() -> None:
    """An uncited source would be a reference without a fact behind it, or a typo."""
    catalog = default_catalog()
    data = msgspec.to_builtins(catalog)
    del data["sources"]
    cited = cited_sources(data)
    assert [s.id for s in catalog.sources if s.id not in cited] == []


def test_every_skill_is_needed_by_a_career_or_a_skill_group() -> None:
    catalog = default_catalog()
    used = {s for c in catalog.careers for s in c.key_skills}
    used |= {s for g in catalog.essential_skills for s in g.skills}
    used |= {s for t in catalog.trending_skills for s in t.skills}
    assert [s.id for s in catalog.skills if s.id not in used] == []


def test_no_ten_word_run_of_the_seed_is_copied() -> None:
    """Facts carry over from the guide; its sentences must not."""
    seed = words(seed_text())
    grams = {" ".join(seed[i : i + 10]) for i in range(len(seed) - 9)}
    copied = []
    for path in sorted(DATA_DIR.glob("*.yaml")):
        ours = words(path.read_text(encoding="utf-8"))
        copied += [
            f"{path.name}: {' '.join(ours[i : i + 10])}"
            for i in range(len(ours) - 9)
            if " ".join(ours[i : i + 10]) in grams
        ]
    assert copied == []
