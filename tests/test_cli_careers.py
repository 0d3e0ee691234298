"""``aicareers careers list|show|compare``: JSON contracts, tables and errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from .conftest import Invoke

JsonInvoke = Callable[..., Any]
SALARY_KEYS = {"min", "max", "currency", "period", "open_ended"}


def test_list_json_contract(invoke_json: JsonInvoke) -> None:
    rows = invoke_json("careers", "list", "--format", "json")
    assert isinstance(rows, list)
    assert len(rows) == 20
    for row in rows:
        assert {"id", "title", "summary", "salary", "key_skills"} <= set(row)
        assert set(row["salary"]) >= SALARY_KEYS
        assert row["key_skills"]
        assert all(set(k) == {"id", "name"} for k in row["key_skills"])
    first = rows[0]
    assert first["id"] == "prompt-engineer"
    assert {k: first["salary"][k] for k in SALARY_KEYS} == {
        "min": 95000, "max": 335000, "currency": "USD", "period": "year", "open_ended": False,
    }  # fmt: skip
    assert {"id": "python", "name": "Python"} in first["key_skills"]
    safety = next(r for r in rows if r["id"] == "ai-safety-researcher")
    assert (safety["salary"]["min"], safety["salary"]["open_ended"]) == (150000, True)


@pytest.mark.parametrize(
    ("sort", "first_ids"),
    [
        ("rank", ["prompt-engineer", "ai-ethics-officer"]),
        ("title", ["ai-compliance-manager", "ai-content-moderator"]),
        ("salary", ["ai-safety-researcher", "prompt-engineer"]),
    ],
)
def test_list_sort_orders(invoke_json: JsonInvoke, sort: str, first_ids: list[str]) -> None:
    rows = invoke_json("careers", "list", "--sort", sort, "--format", "json")
    assert [r["id"] for r in rows[:2]] == first_ids


def test_list_table_shows_pay_as_people_write_it(invoke: Invoke) -> None:
    result = invoke("careers", "list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["#", "Career", "Pay", "per", "year", "Key", "skills"]
    assert lines[2].startswith(" 1   Prompt Engineer ")
    assert "$95,000 \u2013 $335,000 " in lines[2]
    assert "$150,000 \u2013 $300,000+" in result.stdout
    assert "prompt-engineer" in lines[3]
    # The guide's date and a reminder to check come last (tests/test_freshness.py).
    assert lines[-3] == "More about one career: aicareers careers show ID"


def test_list_bad_sort_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("careers", "list", "--sort", "pay")
    assert result.exit_code == 2
    assert "Invalid value for '--sort'" in result.stderr


def test_show_json_has_every_section_resolved(invoke_json: JsonInvoke) -> None:
    page = invoke_json("careers", "show", "prompt-engineer", "--format", "json")
    assert set(page) == {
        "rank", "id", "title", "summary", "salary", "key_skills", "duties", "backgrounds",
        "break_in", "tools", "employers", "sources",
    }  # fmt: skip
    assert (page["rank"], page["title"]) == (1, "Prompt Engineer")
    salary = page["salary"]
    assert {k: salary[k] for k in SALARY_KEYS} == {
        "min": 95000, "max": 335000, "currency": "USD", "period": "year", "open_ended": False,
    }  # fmt: skip
    assert any("Bloomberg" in s["title"] for s in salary["sources"])
    assert [k["name"] for k in page["key_skills"]] == [
        "LLM capabilities and limits", "Written communication", "Python", "Domain expertise",
    ]  # fmt: skip
    assert all(set(b) == {"id", "name", "origin", "why"} for b in page["backgrounds"])
    step_keys = {"text", "resources", "certifications", "tools", "organizations"}
    assert all(set(step) == step_keys for step in page["break_in"])
    links = [link for s in page["break_in"] for link in s["resources"] + s["certifications"]]
    assert all(set(link) == {"id", "name", "url"} for link in links)
    assert "OpenAI Playground" in [t["name"] for t in page["tools"]]


def test_show_text_is_a_full_page(invoke: Invoke) -> None:
    result = invoke("careers", "show", "ai-safety-researcher")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("AI Safety Researcher  id: ai-safety-researcher\n")
    for section in ("What you would do", "Pay", "Key skills", "How to break in", "Sources"):
        assert f"\n{section}\n" in out
    assert "$150,000 \u2013 $300,000+ a year" in out
    assert "  1. " in out


def test_show_lists_referenced_entries_with_addresses(invoke: Invoke) -> None:
    out = invoke("careers", "show", "prompt-engineer").stdout
    assert "→ Tool: OpenAI Playground (https://platform.openai.com/playground)" in out
    assert "  Source: Bloomberg" in out


@pytest.mark.parametrize(
    ("given", "suggestion"), [("mlops", "mlops-engineer"), ("promt-engineer", "prompt-engineer")]
)
def test_show_unknown_id_suggests_and_exits_2(invoke: Invoke, given: str, suggestion: str) -> None:
    result = invoke("careers", "show", given)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"Error: No career with id '{given}'. Did you mean: {suggestion}"
    )
    assert "Run `aicareers careers list` to see every id." in result.stderr
    assert "Traceback" not in result.stderr


def test_compare_table_side_by_side(invoke: Invoke) -> None:
    result = invoke("careers", "compare", "prompt-engineer", "synthetic-data-scientist")
    assert result.exit_code == 0
    out = result.stdout
    header = out.splitlines()[1]
    assert "Prompt Engineer" in header
    assert "Synthetic Data Scientist" in header
    for row in ("Pay per year", "Key skills", "Suits", "Tools", "First step"):
        assert f"│ {row}" in out
    assert "\nKey skills they all share: Python\n" in out


def test_compare_json(invoke_json: JsonInvoke) -> None:
    data = invoke_json(
        "careers", "compare", "mlops-engineer", "prompt-engineer", "--format", "json"
    )
    assert set(data) == {"careers", "shared_skills", "shared_by_pairs"}
    assert [c["id"] for c in data["careers"]] == ["mlops-engineer", "prompt-engineer"]
    assert data["careers"][0]["salary"]["min"] == 130000
    assert data["shared_skills"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["prompt-engineer"], "Error: Compare two to four careers at a time; one was given."),
        (["a", "b", "c", "d", "e"], "Error: Compare two to four careers at a time; 5 were given."),
        (["prompt-engineer", "prompt-engineer"], "Error: Name each career once"),
        (["prompt-engineer", "mlops"], "Error: No career with id 'mlops'. Did you mean"),
    ],
)
def test_compare_fails_cleanly(invoke: Invoke, args: list[str], message: str) -> None:
    result = invoke("careers", "compare", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert result.stdout == ""


def test_compare_without_ids_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("careers", "compare")
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


def test_list_table_wraps_inside_the_width_and_needs_no_rich() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from aicareers.cli import main; sys.argv = ['aicareers', 'careers', 'list'];"
        "\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('RICH' if 'rich' in sys.modules else 'NO-RICH')"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env={"COLUMNS": "80", "NO_COLOR": "1", "PATH": ""},
    ).stdout  # fmt: skip
    lines = out.splitlines()
    assert lines[-1] == "NO-RICH"
    assert max(len(line) for line in lines) <= 80
    assert lines[1] == "\u2500" * 80
