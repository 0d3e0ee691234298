"""The shipped catalog is internally consistent and written in our own words."""

from __future__ import annotations

import re
from typing import Any

import msgspec

from aicareers.knowledge import DATA_DIR, default_catalog
from aicareers.knowledge.loader import read_yaml
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


# The longest run of the guide's words our text may share with it: eight words in a row is a
# sentence copied, or nearly so; shorter runs are names and plain phrases ("AI ethics and
# responsible AI").
COPIED_RUN = 8


def runs(text_words: list[str], n: int = COPIED_RUN) -> list[str]:
    """Every run of ``n`` consecutive words."""
    return [" ".join(text_words[i : i + n]) for i in range(len(text_words) - n + 1)]


# A work's title is quoted to cite it ("The Future of Jobs Report 2023"), not prose we copied.
CITED_TITLE = re.compile(r"^\s*(?:- )?title:.*$", re.MULTILINE)


def test_no_eight_word_run_of_the_seed_is_copied() -> None:
    """Facts carry over from the guide; its sentences must not, not even nearly."""
    grams = set(runs(words(seed_text())))
    copied = []
    for path in sorted(DATA_DIR.glob("*.yaml")):
        ours = words(CITED_TITLE.sub("", path.read_text(encoding="utf-8")))
        copied += [f"{path.name}: {run}" for run in runs(ours) if run in grams]
    assert copied == []


# Where the guide's text breaks into sentences or list items ("How to break in: Build ...").
BREAKS = re.compile(r"(?<=[.!?:;])\s+|\n+")
# A whole sentence this long, the same as the guide's, is copied however short it is.
SHORTEST_SENTENCE = 5


def strings(node: Any) -> list[str]:
    """Every text value anywhere below ``node`` of a YAML file."""
    if isinstance(node, str):
        return [node]
    values = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    return [text for value in values for text in strings(value)]


def sentences(text: str, *, whole_only: bool) -> set[str]:
    """The text's sentences and list items of five words or more, as lower-case words;
    ``whole_only`` keeps only those ending as a sentence does (names and titles do not)."""
    found = set()
    for piece in BREAKS.split(text):
        piece = piece.strip()
        if whole_only and not piece.endswith((".", "!", "?")):
            continue
        if len(piece_words := words(piece)) >= SHORTEST_SENTENCE:
            found.add(" ".join(piece_words))
    return found


def test_no_sentence_of_the_seed_is_copied_whole() -> None:
    """A short sentence slips under the eight-word runs: "Build recommendation systems as
    portfolio projects." was the guide's own advice, word for word."""
    guide = sentences(seed_text(), whole_only=False)
    copied = []
    for path in sorted(DATA_DIR.glob("*.yaml")):
        for text in strings(read_yaml(path)):
            copied += [f"{path.name}: {s}" for s in sentences(text, whole_only=True) if s in guide]
    assert copied == []


def test_the_sentence_check_sees_a_short_copied_sentence() -> None:
    guide = sentences(seed_text(), whole_only=False)
    ours = sentences("Build recommendation systems as portfolio projects.", whole_only=True)
    assert ours <= guide
    assert not sentences("AI ethics and responsible AI practices", whole_only=True)


def test_the_copy_check_sees_a_copied_sentence_but_not_a_title() -> None:
    seed = words(seed_text())
    sentence = " ".join(seed[100:108])
    assert sentence in set(runs(seed))
    yaml = f"title: {' '.join(seed[200:210])}\ntext: {sentence}\n"
    assert runs(words(CITED_TITLE.sub("", yaml)))[-1] == sentence
    assert " ".join(seed[200:208]) not in runs(words(CITED_TITLE.sub("", yaml)))
