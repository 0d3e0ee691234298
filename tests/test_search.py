"""Ranking of the catalog search."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aicareers.errors import UserInputError
from aicareers.knowledge import default_catalog
from aicareers.knowledge.search import KINDS, Hit, search, snippet, stem


def ids(hits: list[Hit]) -> list[str]:
    return [f"{h.kind}:{h.id}" for h in hits]


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_query_is_a_user_error(text: str) -> None:
    with pytest.raises(UserInputError, match="Type a word or phrase"):
        search(default_catalog(), text)


def test_career_whose_title_matches_comes_first() -> None:
    hits = search(default_catalog(), "mlops")
    first = hits[0]
    assert (first.kind, first.id, first.field) == ("career", "mlops-engineer", "title")


def test_exact_title_beats_partial_titles() -> None:
    hits = search(default_catalog(), "prompt engineer")
    assert ids(hits)[0] == "career:prompt-engineer"
    assert hits[0].score > hits[1].score


def test_skill_name_outranks_careers_that_list_it() -> None:
    hits = search(default_catalog(), "python")
    assert (hits[0].kind, hits[0].id, hits[0].field) == ("skill", "python", "name")
    careers = [h for h in hits if h.kind == "career"]
    assert {"prompt-engineer", "synthetic-data-scientist"} <= {h.id for h in careers}
    assert {h.field for h in careers} == {"key_skills"}


def test_aliases_are_searched_and_reported() -> None:
    first = search(default_catalog(), "pandas")[0]
    assert (first.kind, first.id, first.field) == ("skill", "python", "aliases")
    assert "pandas" in first.snippet


def test_stems_and_prefixes_match() -> None:
    assert "career:prompt-engineer" in ids(search(default_catalog(), "engineers"))
    assert ids(search(default_catalog(), "kube"))[0] == "tool:kubernetes"
    assert stem("engineering") == "engineer"
    assert stem("policies") == "policy"
    assert stem("access") == "access"


def test_hubs_and_other_kinds_are_searched() -> None:
    assert ids(search(default_catalog(), "London"))[0] == "hub:london"
    kinds = {h.kind for h in search(default_catalog(), "ai", limit=500)}
    assert {"career", "skill", "resource", "step"} <= kinds


def test_filler_words_do_not_drown_the_query() -> None:
    hits = search(default_catalog(), "how to become a prompt engineer")
    assert ids(hits)[0] == "career:prompt-engineer"


def test_limit_and_no_match() -> None:
    assert len(search(default_catalog(), "ai", limit=3)) == 3
    assert search(default_catalog(), "xyzzyplugh") == []
    with pytest.raises(UserInputError, match="limit"):
        search(default_catalog(), "ai", limit=0)


def test_ties_are_broken_deterministically() -> None:
    first = search(default_catalog(), "data", limit=200)
    assert first == search(default_catalog(), "data", limit=200)
    keys = [(-h.score, KINDS.index(h.kind), h.name.casefold(), h.id) for h in first]
    assert keys == sorted(keys)


def test_snippet_is_a_short_window_around_the_match() -> None:
    text = "word " * 40 + "kubernetes clusters in production " + "tail " * 40
    cut = snippet(text, ["kubernetes"])
    assert "kubernetes" in cut
    assert cut.startswith("…")
    assert cut.endswith("…")
    assert len(cut) <= 82
    assert snippet("short text", ["x"]) == "short text"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40), st.integers(min_value=1, max_value=30))
def test_search_never_crashes_and_sorts_by_score(text: str, limit: int) -> None:
    catalog = default_catalog()
    if not text.strip():
        with pytest.raises(UserInputError):
            search(catalog, text, limit)
        return
    hits = search(catalog, text, limit)
    assert len(hits) <= limit
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(h.score > 0 and h.kind in KINDS and h.snippet for h in hits)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([c.title for c in default_catalog().careers]))
def test_every_career_title_finds_its_career_first(title: str) -> None:
    hit = search(default_catalog(), title)[0]
    assert (hit.kind, hit.name, hit.field) == ("career", title, "title")
