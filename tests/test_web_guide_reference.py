"""The guide's reference pages and JSON: hubs, certifications, resources by kind, statistics,
sources, the search box, the home page's ways in and the guide's date in every footer.

A real app over SQLite; the JSON is compared with what the CLI prints for the same question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from aicareers.service import guide_reference
from aicareers.service.catalog import Navigator

from .web_fixtures import client, web_app, web_settings

__all__ = ["client", "web_app", "web_settings"]  # fixtures used here

NAV = Navigator()
PAGES = ("/hubs", "/certifications", "/resources", "/resources?kind=course", "/statistics",
         "/sources", "/search", "/search?q=nurse")  # fmt: skip
InvokeJson = Callable[..., Any]


def main_of(html: str) -> str:
    """The page's own content, without the header and footer every page shares."""
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def footer_of(html: str) -> str:
    return html.split('<footer class="site-footer">', 1)[1].split("</footer>", 1)[0]


@pytest.mark.parametrize("path", PAGES)
def test_every_reference_page_answers(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")


def test_hubs_page_shows_every_hub_and_the_remote_note(client: TestClient) -> None:
    html = main_of(client.get("/hubs").text)
    view = NAV.hubs()
    assert view.remote_note.split()[0] in html
    for hub in view.hubs:
        assert f'id="{hub.id}"' in html
        assert hub.name in html


def card_of(html: str, ident: str) -> str:
    return html.split(f'id="{ident}"', 1)[1].split("</li>", 1)[0]


def test_retired_certification_stays_visible_and_marked(client: TestClient) -> None:
    html = main_of(client.get("/certifications").text)
    certs = NAV.catalog.certifications
    retired = [c for c in certs if c.status == "retired"]
    active = [c for c in certs if c.status == "active"]
    assert retired
    assert active
    for cert in retired:
        card = card_of(html, cert.id)
        assert "<strong>Retired</strong>" in card
        assert "Status checked" in card
        assert cert.name in card
    assert "Retired" not in card_of(html, active[0].id)
    # The TensorFlow certificate is shown with the careers the data maps it to.
    tensorflow = card_of(html, "tensorflow-developer-certificate")
    for career in next(c for c in certs if c.id == "tensorflow-developer-certificate").careers:
        assert f'href="/careers/{career}"' in tensorflow


def test_resources_are_grouped_by_kind_in_the_guides_order(client: TestClient) -> None:
    html = main_of(client.get("/resources").text)
    headings = re.findall(r'<h2 id="kind-([a-z-]+)"', html)
    wanted = ["course", "news", "research", "podcast", "video", "community", "conference",
              "practice"]  # fmt: skip
    assert headings[: len(wanted)] == wanted
    for section in guide_reference.resource_sections(NAV):
        part = html.split(f'id="kind-{section.kind}"', 1)[1].split("</section>", 1)[0]
        for resource in section.resources:
            assert f'id="{resource.id}"' in part
            assert all(r.kind == section.kind for r in section.resources)


def test_a_resource_on_hiatus_is_marked(client: TestClient) -> None:
    paused = [r for r in NAV.catalog.resources if r.status != "active"]
    assert paused
    html = main_of(client.get("/resources").text)
    for resource in paused:
        item = html.split(f'id="{resource.id}"', 1)[1].split("</li>", 1)[0]
        assert '<span class="tag warn">' in item


def test_one_kind_of_resource_and_an_unknown_kind(client: TestClient) -> None:
    html = main_of(client.get("/resources?kind=podcast").text)
    assert re.findall(r'<h2 id="kind-([a-z-]+)"', html) == ["podcast"]
    wrong = client.get("/resources?kind=books")
    assert wrong.status_code == 422
    assert "books" in main_of(wrong.text)


def test_statistics_and_sources_pages_name_their_sources(client: TestClient) -> None:
    stats = main_of(client.get("/statistics").text)
    table = {s.id: s for s in NAV.catalog.sources}
    for stat in NAV.catalog.statistics:
        row = stats.split(f'id="{stat.id}"', 1)[1].split("</tr>", 1)[0]
        assert stat.unit in row
        # Each figure says when it was last checked, and "unverified" unless a source confirmed it.
        assert stat.last_checked is not None
        assert f"{stat.last_checked.year}</td>" in row or f"{stat.last_checked.year}<br>" in row
        assert ("unverified" in row) is not stat.verified
        for ident in stat.sources:
            source = table[ident]
            assert f'href="{source.url or f"/sources#{ident}"}"' in row
    sources = main_of(client.get("/sources").text)
    for source in NAV.catalog.sources:
        assert f'id="{source.id}"' in sources


def groups_of(html: str) -> list[str]:
    return re.findall(r'<h2 id="found-([a-z]+)"', html)


def first_link(html: str, kind: str) -> str:
    part = html.split(f'id="found-{kind}"', 1)[1].split("</section>", 1)[0]
    found = re.search(r'<a href="([^"]+)"', part)
    assert found
    return found.group(1)


def test_search_nurse_finds_the_healthcare_coordinator_first(client: TestClient) -> None:
    html = main_of(client.get("/search", params={"q": "nurse"}).text)
    assert groups_of(html)[0] == "career"
    assert first_link(html, "career") == "/careers/ai-assisted-healthcare-coordinator"
    assert "background" in groups_of(html)


def test_search_quantum_puts_the_career_before_resources(client: TestClient) -> None:
    html = main_of(client.get("/search", params={"q": "quantum"}).text)
    kinds = groups_of(html)
    assert kinds[0] == "career"
    assert "resource" in kinds
    assert first_link(html, "career") == "/careers/quantum-machine-learning-researcher"


def test_search_for_a_background_without_a_step_one_pair_still_finds_careers(
    client: TestClient,
) -> None:
    # "teacher" matches the teaching background, which Step 1 pairs with nothing: the careers
    # that list it as a background they suit come first instead.
    html = main_of(client.get("/search", params={"q": "teacher"}).text)
    assert groups_of(html)[0] == "career"
    first = first_link(html, "career").removeprefix("/careers/")
    career = next(c for c in NAV.catalog.careers if c.id == first)
    assert "teaching" in {b.background for b in career.backgrounds}


def test_search_with_nothing_found_says_so(client: TestClient) -> None:
    html = main_of(client.get("/search", params={"q": "zzzqqq"}).text)
    assert "Nothing matches" in html
    assert groups_of(html) == []


@pytest.mark.parametrize("path", ["/", "/careers", "/hubs", "/search?q=python", "/assess"])
def test_footer_carries_the_guide_date_and_a_check_note(client: TestClient, path: str) -> None:
    footer = footer_of(client.get(path).text)
    assert '<time datetime="2026-03-23">23 Mar 2026</time>' in footer
    assert NAV.catalog.guide.title in footer
    assert 'href="/sources"' in footer
    assert "check" in footer.lower()


def test_header_has_a_search_box_and_the_guide_menu(client: TestClient) -> None:
    html = client.get("/careers").text
    header = html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    assert 'role="search"' in header
    assert 'action="/search"' in header
    for path in ("/steps", "/hubs", "/certifications", "/resources", "/statistics", "/sources"):
        assert f'href="{path}"' in header


def test_home_page_starts_people_off(client: TestClient) -> None:
    html = main_of(client.get("/").text)
    assert 'href="/assess">Assess me</a>' in html
    assert 'href="/steps#transitions">Explore by your background</a>' in html
    families = guide_reference.career_families(NAV)
    for family in families:
        assert f'id="family-{family.id}"' in html
    # Every career sits in exactly one family.
    placed = [c.id for f in families for c in f.careers]
    assert sorted(placed) == sorted(c.id for c in NAV.catalog.careers)
    assert len(placed) == len(set(placed))


@pytest.mark.parametrize(
    ("path", "command"),
    [
        ("/api/v1/hubs", ("hubs",)),
        ("/api/v1/certifications", ("certifications",)),
        ("/api/v1/resources", ("resources",)),
        ("/api/v1/resources?kind=conference", ("resources", "--kind", "conference")),
    ],
)
def test_json_equals_the_cli(
    client: TestClient, invoke_json: InvokeJson, path: str, command: tuple[str, ...]
) -> None:
    answer = client.get(path)
    assert answer.status_code == 200
    assert answer.json() == invoke_json(*command, "--format", "json")


def test_statistics_sources_and_search_json(client: TestClient) -> None:
    stats = client.get("/api/v1/statistics").json()
    assert [s["id"] for s in stats] == [s.id for s in NAV.catalog.statistics]
    assert all(s["sources"] for s in stats)
    sources = client.get("/api/v1/sources").json()
    assert sources[0]["id"] == NAV.catalog.sources[0].id
    assert sources[0]["cited_by"] > 0
    found = client.get("/api/v1/search", params={"q": "nurse"}).json()
    assert found["groups"][0]["kind"] == "career"
    assert found["groups"][0]["hits"][0]["id"] == "ai-assisted-healthcare-coordinator"


def test_unknown_resource_kind_in_json_is_422(client: TestClient) -> None:
    assert client.get("/api/v1/resources", params={"kind": "books"}).status_code == 422


def current_links(html: str) -> list[str]:
    header = html.split('<nav class="nav-wide"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="([^"]+)" aria-current="page"', header)


def test_menu_marks_one_current_page(client: TestClient) -> None:
    assert current_links(client.get("/salaries/bands").text) == ["/salaries/bands"]
    assert current_links(client.get("/salaries").text) == ["/salaries"]
    assert current_links(client.get("/careers/prompt-engineer").text) == ["/careers"]
    assert current_links(client.get("/hubs").text) == ["/hubs"]
    assert current_links(client.get("/").text) == []
