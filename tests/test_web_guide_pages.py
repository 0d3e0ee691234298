"""The guide's pages and JSON: steps, skills, one skill, emerging, challenges, pay by level.

A real app over SQLite; the JSON is compared with what the CLI prints for the same question.
"""

from __future__ import annotations

import html
import json
import re

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from aicareers.cli.app import cli
from aicareers.service import guide
from aicareers.service.catalog import Navigator

from .web_fixtures import client, web_app, web_settings

__all__ = ["client", "web_app", "web_settings"]  # fixtures used here

NAV = Navigator()
PAGES = ("/steps", "/skills", "/skills/python", "/emerging", "/challenges", "/salaries/bands")


def main_of(html: str) -> str:
    """The page's own content, without the header and footer every page shares."""
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def cli_json(*args: str) -> object:
    """What ``aicareers ARGS --format json`` prints, parsed."""
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize("path", PAGES)
def test_every_guide_page_answers_and_links_back(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert 'href="/"' in main_of(page.text)


def test_step_one_table_links_each_background_and_career(client: TestClient) -> None:
    html = main_of(client.get("/steps").text)
    table = html.split('id="transitions"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", table, re.S)
    step_one = next(s for s in NAV.steps() if s.transitions)
    assert len(rows) == len(step_one.transitions)
    for row, transition in zip(rows, step_one.transitions, strict=True):
        background = transition.background
        assert f'<a href="/careers?background={background.id}">{background.name}</a>' in row
        for career in transition.careers:
            assert f'href="/careers/{career.id}"' in row
    # Each background link leads to a list of careers that suit it, the promised ones among them.
    first = step_one.transitions[0]
    listed = client.get(f"/careers?background={first.background.id}")
    assert listed.status_code == 200
    assert all(f'href="/careers/{c.id}"' in listed.text for c in first.careers)


def test_every_step_is_shown_in_order(client: TestClient) -> None:
    html = main_of(client.get("/steps").text)
    found = re.findall(r"<h2 id=\"[^\"]+\">Step (\d+): ", html)
    assert found == [str(s.number) for s in NAV.steps()] == ["1", "2", "3", "4", "5"]


def test_skills_page_links_each_skill_and_the_careers_needing_it(client: TestClient) -> None:
    html = main_of(client.get("/skills").text)
    view = NAV.skills()
    for skill in view.skills:
        assert f'href="/skills/{skill.id}"' in html
    for title in ("Technical skills", "Soft skills", "Business skills", "Design skills"):
        assert title in html
    for group in view.essential:
        assert group.name in html
    for trend in view.trending:
        assert trend.name in html
    python = next(s for s in view.skills if s.id == "python")
    assert python.careers
    assert all(f'href="/careers/{c.id}"' in html for c in python.careers)


def test_one_skill_shows_who_needs_it_and_how_to_learn_it(client: TestClient) -> None:
    page = client.get("/skills/python")
    html = main_of(page.text)
    assert "<h1>Python</h1>" in html
    path = next(p for p in NAV.catalog.learning_paths if p.skill == "python")
    assert f"<strong>{path.hours} hours</strong>" in html
    resources = {r.id: r for r in NAV.catalog.resources}
    for ident in path.resources:
        assert resources[ident].name in html
    assert path.practice in html
    # The careers that need it, most important first, each linked to its page.
    rows = re.findall(r'<a href="/careers/([a-z0-9-]+)">.*?<td class="num">(\d)</td>', html, re.S)
    importances = [int(i) for _, i in rows]
    assert rows
    assert importances == sorted(importances, reverse=True)
    for career in next(s for s in NAV.skills().skills if s.id == "python").careers:
        assert career.id in {c for c, _ in rows}


def test_every_skill_has_a_page_whose_links_answer(client: TestClient) -> None:
    followed: set[str] = set()
    for skill in NAV.catalog.skills:
        page = client.get(f"/skills/{skill.id}")
        assert page.status_code == 200, skill.id
        followed.update(re.findall(r'href="(/(?:careers|skills)[^"#]*)"', main_of(page.text)))
    assert any(link.startswith("/careers?skill=") for link in followed)
    for link in sorted(followed):
        assert client.get(link.replace("&amp;", "&")).status_code == 200, link


def test_unknown_skill_is_a_404_with_close_skills(client: TestClient) -> None:
    page = client.get("/skills/pyhton")
    assert page.status_code == 404
    assert 'href="/skills/python"' in main_of(page.text)
    nothing = client.get("/skills/zzzz-qqqq")
    assert nothing.status_code == 404
    assert "No skill id comes close" in nothing.text


def test_emerging_and_challenges_show_every_entry(client: TestClient) -> None:
    emerging = main_of(client.get("/emerging").text)
    assert all(e.name in emerging for e in NAV.catalog.emerging)
    challenges = main_of(client.get("/challenges").text)
    assert len(NAV.catalog.challenges) == 4
    for c in NAV.catalog.challenges:
        assert c.name in challenges
        assert all(r.replace("'", "&#39;") in challenges for r in c.remedies)


def test_bands_page_is_dated_and_shows_real_pay_by_level(client: TestClient) -> None:
    html = main_of(client.get("/salaries/bands").text)
    published = NAV.catalog.guide.published
    assert f"{published.day} {published.strftime('%b')} {published.year}" in html
    for band in NAV.salary_bands().bands:
        assert band.name in html
    # The salary data ships with the package, so the percentiles by level are beside the bands.
    market = guide.market_levels(NAV)
    assert market is not None
    assert "Real salaries by level" in html
    for level in market.levels:
        assert level.suppressed or f'<td class="num">${round(level.p50 or 0):,}</td>' in html


# ---------------------------------------------------------------- JSON


def test_skills_json_is_the_clis(client: TestClient) -> None:
    assert client.get("/api/v1/skills").json() == cli_json("skills")
    career = "prompt-engineer"
    answer = client.get("/api/v1/skills", params={"career": career}).json()
    assert answer == cli_json("skills", "--career", career)


def test_steps_json_is_the_clis(client: TestClient) -> None:
    assert client.get("/api/v1/steps").json() == cli_json("steps")


def test_bands_json_is_the_clis(client: TestClient) -> None:
    assert client.get("/api/v1/salaries/bands").json() == cli_json("salaries", "bands")


def test_one_skill_json_and_unknown_skill(client: TestClient) -> None:
    found = client.get("/api/v1/skills/python").json()
    assert found["id"] == "python"
    assert found["learning"]["hours"] > 0
    assert {n["career"]["id"] for n in found["needed_by"]} >= {"synthetic-data-scientist"}
    missing = client.get("/api/v1/skills/pyhton")
    assert missing.status_code == 404
    assert "python" in missing.json()["error"]["details"]["suggestions"]


def test_emerging_and_challenges_json(client: TestClient) -> None:
    emerging = client.get("/api/v1/emerging").json()
    assert [e["id"] for e in emerging] == [e.id for e in NAV.catalog.emerging]
    challenges = client.get("/api/v1/challenges").json()
    assert [c["id"] for c in challenges] == [c.id for c in NAV.catalog.challenges]
    assert all(c["remedies"] for c in challenges)


def test_each_step_one_background_opens_an_assessment_prefilled_with_its_title(
    client: TestClient,
) -> None:
    page = client.get("/steps").text
    links = re.findall(r'href="(/assess\?title=[^"]+)"', page)
    assert len(links) == 5  # one per background of the guide's Step 1 table
    form = client.get(html.unescape(links[0])).text
    assert re.search(r'name="title"[^>]*value="nurse"', form)
