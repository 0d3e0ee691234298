"""Reference commands: skills, certifications, resources, hubs, salaries and steps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from aicareers.service.catalog import RESOURCE_KINDS

from .conftest import Invoke

JsonInvoke = Callable[..., Any]

HUBS_TABLE = """\
Where the AI jobs are
City                     Country          Why                                 Employers there
────────────────────────────────────────────────────────────────────────────────────────────────────
San Francisco Bay Area   United States    More AI companies and AI jobs are   OpenAI, Anthropic,
                                          concentrated here than anywhere     Google, Meta
                                          else.

Seattle                  United States    Amazon and Microsoft are            Amazon, Microsoft
                                          headquartered here, with large AI
                                          teams.

New York City            United States    A fast-growing market for AI in     —
                                          finance and media.

London                   United Kingdom   Europe's main AI hub, with a        Google DeepMind
                                          strong research community.

Toronto                  Canada           A major centre of AI research,      Vector Institute
                                          home of the Vector Institute.

Singapore                Singapore        The centre of AI work in the        —
                                          Asia-Pacific region.

Remote work: Plenty of AI jobs can be done remotely, so living outside a hub matters less than it
used to.

From the guide of 23 March 2026; pay, titles and courses change, so check them before you decide.
"""


def test_hubs_table_exact(invoke: Invoke) -> None:
    result = invoke("hubs", "--format", "table")
    assert result.exit_code == 0
    assert result.stdout == HUBS_TABLE


def test_hubs_json(invoke_json: JsonInvoke) -> None:
    data = invoke_json("hubs", "--format", "json")
    assert set(data) == {"hubs", "remote_note"}
    assert len(data["hubs"]) == 6
    bay = data["hubs"][0]
    assert (bay["id"], bay["country"]) == ("san-francisco-bay-area", "United States")
    assert {"id": "openai", "name": "OpenAI"}.items() <= bay["organizations"][0].items()
    assert data["remote_note"].startswith("Plenty of AI jobs can be done remotely")


def test_skills_table_groups_by_category_and_shows_what_is_rising(invoke: Invoke) -> None:
    out = invoke("skills").stdout
    sections = ["Technical skills", "Business skills", "Domain knowledge", "People skills"]
    sections += ["Skills every AI career draws on", "Skills on the rise"]
    positions = [out.index(f"{title}\n") for title in sections]
    assert positions == sorted(positions)
    python_row = next(line for line in out.splitlines() if line.startswith("Python "))
    assert "Prompt Engineer, Synthetic Data Scientist" in python_row


def test_skills_of_one_career(invoke: Invoke, invoke_json: JsonInvoke) -> None:
    out = invoke("skills", "--career", "mlops-engineer").stdout
    assert out.startswith("Key skills for Machine Learning Operations (MLOps) Engineer\n")
    assert "CI/CD pipelines" in out
    data = invoke_json("skills", "--career", "mlops-engineer", "--format", "json")
    assert set(data) == {"career", "skills", "essential", "trending"}
    assert data["career"] == {"id": "mlops-engineer", "name": data["career"]["name"]}
    assert len(data["skills"]) == 4
    assert {"id", "name", "category", "description", "aliases", "careers"} <= set(data["skills"][0])


def test_skills_unknown_career(invoke: Invoke) -> None:
    result = invoke("skills", "--career", "prompt")
    assert result.exit_code == 2
    assert "Did you mean: prompt-engineer" in result.stderr


def test_certifications(invoke: Invoke, invoke_json: JsonInvoke) -> None:
    out = invoke("certifications").stdout
    titles = ("Technical certifications", "Ethics and governance certifications")
    for title in (*titles, "Course certificates"):
        assert f"{title}\n" in out
    certs = invoke_json("certifications", "--format", "json")
    aws = next(c for c in certs if c["id"] == "aws-ml-specialty")
    assert aws["group"] == "technical"
    assert [c["id"] for c in aws["careers"]] == ["mlops-engineer", "personalization-engineer"]


def test_resources_by_kind(invoke: Invoke, invoke_json: JsonInvoke) -> None:
    courses = invoke_json("resources", "--kind", "course", "--format", "json")
    assert courses
    assert {r["kind"] for r in courses} == {"course"}
    out = invoke("resources", "--kind", "course").stdout
    assert out.startswith("Courses\n")
    url = "https://www.deeplearning.ai/short-courses/chatgpt-prompt-engineering-for-developers/"
    assert f"\n    {url}\n" in out
    assert "    Recommended for: Prompt Engineer\n" in out


def test_unknown_resource_kind_lists_choices(invoke: Invoke) -> None:
    result = invoke("resources", "--kind", "books")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: Unknown resource kind 'books'. Choose one of: ")
    assert all(kind in result.stderr for kind in RESOURCE_KINDS)


def test_salary_bands(invoke: Invoke, invoke_json: JsonInvoke) -> None:
    out = invoke("salaries", "bands").stdout
    assert "Entry level, 0\u20132 years" in out
    assert "Senior level, 6+ years" in out
    assert "$200,000 \u2013 $500,000+" in out
    data = invoke_json("salaries", "bands", "--format", "json")
    assert set(data) == {"bands", "pay_note"}
    assert [b["id"] for b in data["bands"]] == ["entry", "mid", "senior"]
    assert data["bands"][2]["max_years"] is None
    role = data["bands"][0]["roles"][2]
    assert role["career"] == {"id": "prompt-engineer", "name": "Prompt Engineer"}
    assert (role["salary"]["min"], role["salary"]["max"]) == (70000, 110000)


def test_salaries_is_a_group(invoke: Invoke) -> None:
    result = invoke("salaries")
    assert result.exit_code in (0, 2)  # click shows the group's help for a bare group
    assert "bands" in result.output


def test_steps(invoke: Invoke, invoke_json: JsonInvoke) -> None:
    out = invoke("steps").stdout
    headings = [line for line in out.splitlines() if line.startswith("Step ")]
    assert [h.split(":")[0] for h in headings] == [f"Step {n}" for n in range(1, 6)]
    assert "If you come from" in out
    pair = next(line for line in out.splitlines() if "Software engineer" in line)
    assert "Machine Learning Operations (MLOps) Engineer" in pair
    steps = invoke_json("steps", "--format", "json")
    assert [s["number"] for s in steps] == [1, 2, 3, 4, 5]
    assert steps[0]["transitions"][0]["background"]["name"]
    assert all(s["items"] for s in steps)


@pytest.mark.parametrize("width", ["60", "140"])
def test_tables_follow_columns_when_not_a_terminal(invoke: Invoke, width: str) -> None:
    result = invoke("careers", "list", env={"COLUMNS": width})
    widths = [len(line) for line in result.stdout.splitlines()]
    assert max(widths) <= int(width)
    assert "\x1b[" not in result.stdout


def test_catalog_text_is_printed_as_written_not_as_markup(invoke: Invoke) -> None:
    import msgspec

    from aicareers.knowledge import default_catalog
    from aicareers.service.catalog import Navigator

    catalog = default_catalog()
    odd = "Odd [bold]text[/bold] with [1] and :robot: in it."
    guide = msgspec.structs.replace(catalog.guide, remote_note=odd)
    navigator = Navigator(msgspec.structs.replace(catalog, guide=guide))
    out = invoke("hubs", obj=navigator).stdout
    assert f"\nRemote work: {odd}\n" in out
