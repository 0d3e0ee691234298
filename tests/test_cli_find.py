"""``aicareers search`` and ``aicareers catalog``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .conftest import Invoke

JsonInvoke = Callable[..., Any]
CATALOG_LISTS = {
    "careers", "emerging", "skills", "steps", "salary_bands", "hubs", "certifications",
    "resources", "challenges", "sources", "essential_skills", "trending_skills", "backgrounds",
    "tools", "organizations", "statistics", "learning_paths", "projects", "activities",
}  # fmt: skip


def test_search_json_ranks_the_title_match_first(invoke_json: JsonInvoke) -> None:
    hits = invoke_json("search", "mlops", "--format", "json")
    assert hits[0] == {
        "kind": "career",
        "id": "mlops-engineer",
        "name": "Machine Learning Operations (MLOps) Engineer",
        "field": "title",
        "snippet": "Machine Learning Operations (MLOps) Engineer",
        "score": hits[0]["score"],
    }
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_joins_words_and_limits(invoke_json: JsonInvoke) -> None:
    hits = invoke_json("search", "prompt", "engineer", "--limit", "2", "--format", "json")
    assert [h["id"] for h in hits][:1] == ["prompt-engineer"]
    assert len(hits) == 2


def test_search_table(invoke: Invoke) -> None:
    result = invoke("search", "python")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Results for 'python'"
    assert lines[1].split() == ["Kind", "Name", "Matched", "in", "Where", "it", "matched"]
    assert lines[3].split() == ["skill", "Python", "name"]
    assert any(line.split()[:2] == ["career", "Prompt"] and "key skills" in line for line in lines)
    assert lines[-1] == "Open a career: aicareers careers show ID"


def test_search_without_match_says_so(invoke: Invoke) -> None:
    result = invoke("search", "xyzzyplugh")
    assert result.exit_code == 0
    assert result.stdout.startswith("Nothing in the catalog matches 'xyzzyplugh'.")
    assert invoke_json_empty(invoke, "xyzzyplugh") == "[]\n"


def invoke_json_empty(invoke: Invoke, text: str) -> str:
    return invoke("search", text, "--format", "json").stdout


def test_search_blank_is_a_user_error(invoke: Invoke) -> None:
    result = invoke("search", "   ")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: Type a word or phrase to search for")
    missing = invoke("search")
    assert missing.exit_code == 2
    assert "Missing argument 'TEXT...'" in missing.stderr


def test_search_limit_must_be_positive(invoke: Invoke) -> None:
    result = invoke("search", "ai", "--limit", "0")
    assert result.exit_code == 2
    assert "--limit" in result.stderr


def test_catalog_json_is_the_whole_catalog(invoke: Invoke) -> None:
    import json

    from aicareers.knowledge import default_catalog

    result = invoke("catalog", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == CATALOG_LISTS | {"guide"}
    assert all(isinstance(data[key], list) for key in CATALOG_LISTS)
    catalog = default_catalog()
    assert len(data["careers"]) == len(catalog.careers) == 20
    assert data["careers"][0]["salary"]["max"] == 335000
    assert data["guide"]["published"] == catalog.guide.published.isoformat()
    # Indented by two, non-ASCII kept as it is rather than escaped.
    assert result.stdout.startswith('{\n  "guide": {\n    "title": ')
    assert "\\u" not in result.stdout
