"""Pay where you live on the web: the career page, the salaries page, the JSON API and the chart.

Every figure is checked against ``career_pay`` itself, formatted the way the pages print it, so
a page that showed the nation's figures for a state (or a blank as $0) fails here.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote_plus, urlparse

import msgspec
import pytest
from fastapi.testclient import TestClient

from aicareers.service.pay import PaySource, career_pay, pay_chart_svg
from aicareers.web.app import create_app

from .web_fixtures import settings_for

CAREER = "ai-assisted-healthcare-coordinator"
PAGE = f"/careers/{CAREER}"
API = f"/api/v1/careers/{CAREER}/pay"
SVG = "{http://www.w3.org/2000/svg}"
BOARDS = {"www.linkedin.com", "www.indeed.com", "www.usajobs.gov"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """One app for the module: these pages only read, so a database per test buys nothing."""
    app = create_app(settings_for(Path(tmp_path_factory.mktemp("pay"))))
    with TestClient(app, follow_redirects=False) as browser:
        yield browser


def usd(value: float | int | None) -> str:
    """A figure as the pages print it: $95,970."""
    assert value is not None, "a figure the test expects to be published"
    return f"${round(value):,}"


def cells(html: str, table_id: str, row_title: str) -> list[str]:
    """The cells (header first) of the row of table ``table_id`` whose header is ``row_title``."""
    table = re.search(rf'<table class="figures" id="{table_id}">(.*?)</table>', html, re.S)
    assert table, f"no table {table_id}"
    for row in re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S):
        found = [
            re.sub(r"\s+", " ", c).strip()
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        if found and found[0] == row_title:
            return found
    raise AssertionError(f"no row '{row_title}' in {table_id}")


def chart_of(html: str) -> ET.Element:
    """The pay chart of a page, parsed as XML (a parse error fails the test)."""
    found = re.search(
        r'<svg xmlns="http://www.w3.org/2000/svg" class="pay-ranges".*?</svg>', html, re.S
    )
    assert found, "no pay chart on the page"
    return ET.fromstring(found.group(0))


def test_career_page_shows_the_states_figures_for_registered_nurses(client: TestClient) -> None:
    answer = client.get(PAGE, params={"place": "TX"})
    assert answer.status_code == 200
    pay = career_pay(CAREER, "TX")
    nurses = next(b for b in pay.base if b.title == "Registered Nurses")
    assert nurses.local is not None
    assert nurses.national is not None
    local, national = nurses.local, nurses.national
    assert local.p50 != national.p50  # else this test could not tell Texas from the nation
    row = cells(answer.text, "base-occupations", "Registered Nurses")
    assert row[1:] == [
        f"{round(nurses.weight * 100)}%", usd(local.p25), usd(local.p50), usd(local.p75),
        f"{local.employment:,}", f"{local.location_quotient:.2f}", usd(national.p50),
    ]  # fmt: skip
    html = answer.text
    assert "The occupations this role grows from — not the AI role's own pay" in html
    assert "AI-Assisted Healthcare Coordinator in Texas" in html
    assert '<option value="TX" selected>Texas</option>' in html


def test_sources_table_shows_each_source_with_its_date(client: TestClient) -> None:
    html = client.get(PAGE, params={"place": "TX"}).text
    base = next(s for s in career_pay(CAREER, "TX").sources if s.kind == "base-occupations")
    assert base.low is not None
    assert base.high is not None
    assert base.employment is not None
    row = cells(html, "pay-sources", base.label)
    assert row[1:6] == [f"{usd(base.low)} \u2013 {usd(base.high)}", usd(base.median),
                        f"{base.employment:,} jobs", "Texas", "May 2025"]  # fmt: skip
    assert cells(html, "pay-sources", "AI job-title salaries")[1] == "no figures"
    assert "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics" in html


def test_nationally_the_table_shows_us_figures_without_a_state_column(client: TestClient) -> None:
    html = client.get(PAGE).text
    nurses = next(b for b in career_pay(CAREER).base if b.title == "Registered Nurses")
    assert nurses.national is not None
    row = cells(html, "base-occupations", "Registered Nurses")
    assert row[2:6] == [usd(nurses.national.p25), usd(nurses.national.p50),
                        usd(nurses.national.p75), f"{nurses.national.employment:,}"]  # fmt: skip
    assert "Location quotient" not in html


def test_salaries_page_shows_the_same_section(client: TestClient) -> None:
    page = client.get("/salaries", params={"career": CAREER, "place": "TX"})
    assert page.status_code == 200
    own = client.get(PAGE, params={"place": "TX"}).text
    section = re.compile(r'<section id="local-pay".*?</section>', re.S)
    found, expected = section.search(page.text), section.search(own)
    assert found
    assert expected
    # One partial: the same markup but for the page the form sends back to.
    assert found.group(0).replace('action="/salaries#', 'action="x#').replace(
        f'<input type="hidden" name="career" value="{CAREER}">', ""
    ) == expected.group(0).replace(f'action="{PAGE}#', 'action="x#')
    by_state = client.get("/salaries", params={"career": CAREER, "state": "TX"})
    assert (
        cells(by_state.text, "base-occupations", "Registered Nurses")[3]
        == cells(own, "base-occupations", "Registered Nurses")[3]
    )


def test_salaries_page_without_a_guide_career_says_to_choose_one(client: TestClient) -> None:
    page = client.get("/salaries", params={"place": "TX"})
    assert page.status_code == 200
    assert 'id="local-pay"' not in page.text
    assert "choose one of them above" in page.text


def test_api_answers_what_the_service_computes(client: TestClient) -> None:
    for place in ("TX", "Columbus, OH", "Germany", None):
        answer = client.get(API, params={"place": place} if place else {})
        assert answer.status_code == 200, answer.text
        expected = msgspec.to_builtins(career_pay(CAREER, place))
        assert answer.json() == json.loads(json.dumps(expected))  # tuples read back as lists


def test_api_errors_use_the_one_shape(client: TestClient) -> None:
    missing = client.get("/api/v1/careers/no-such-career/pay", params={"place": "TX"})
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not-found"
    bad = client.get(API, params={"place": "Springfield"})
    assert bad.status_code == 422
    assert "Springfield" in bad.json()["error"]["message"]
    assert client.get(API, params={"place": "x" * 101}).status_code == 422


def test_a_place_we_cannot_read_keeps_the_page_and_says_why(client: TestClient) -> None:
    answer = client.get(PAGE, params={"place": "Springfield <b>"})
    assert 400 <= answer.status_code < 500
    html = answer.text
    assert "We could not find that place." in html
    assert "Springfield &lt;b&gt;" in html
    assert "<b>" not in html.split('id="pay-problem"')[1]
    assert 'id="break-in"' in html  # the rest of the career page is still there
    assert 'class="pay-ranges"' not in html


def test_abroad_the_page_says_the_survey_covers_the_us_only(client: TestClient) -> None:
    html = client.get(PAGE, params={"place": "Germany"}).text
    assert "The U.S. wage survey covers the United States only" in html
    assert "AI-Assisted Healthcare Coordinator in Germany" in html
    assert '<option value="Germany" selected>Germany</option>' in html  # typed, kept in the form


def test_a_city_says_the_state_figures_stand_in(client: TestClient) -> None:
    html = client.get(PAGE, params={"place": "Columbus, OH"}).text
    assert "so Columbus shows Ohio figures" in html


def test_job_links_search_the_boards_in_a_new_tab(client: TestClient) -> None:
    html = client.get(PAGE, params={"place": "TX"}).text
    links = re.findall(r'<a href="([^"]+)" target="_blank" rel="noopener noreferrer">', html)
    hosts = {urlparse(url.replace("&amp;", "&")).netloc for url in links}
    assert hosts == BOARDS
    title = quote_plus("AI-Assisted Healthcare Coordinator")
    assert all(title in url for url in links[:3])
    assert all("Texas" in url for url in links)
    assert "opens the job board's site in a new tab" in html


def test_chart_is_valid_svg_with_an_accessible_name(client: TestClient) -> None:
    svg = chart_of(client.get(PAGE, params={"place": "TX"}).text)
    assert svg.get("role") == "img"
    texts = {e.get("id"): "".join(e.itertext()) for e in svg.iter() if e.get("id")}
    name, description = texts[svg.get("aria-labelledby")], texts[svg.get("aria-describedby")]
    assert name == "Pay ranges for AI-Assisted Healthcare Coordinator in Texas"
    assert "Registered Nurses" not in description  # it sums up the sources, not the jobs
    assert "no figures" in description
    # One bar per source with figures, the guide's and the base occupations'.
    assert len(svg.findall(f"{SVG}rect")) == 2
    shown = "".join(svg.itertext())
    assert "No figures" in shown
    assert "May 2025" in shown


def test_chart_escapes_every_text() -> None:
    pay = career_pay(CAREER, "TX")
    odd = PaySource(kind="other", label='<script>"x" & y</script>', low=None, high=None,
                    median=None, area="A & B", date="2026", source="s")  # fmt: skip
    changed = msgspec.structs.replace(pay, career_name="R&D <Lead>", sources=(*pay.sources, odd))
    svg = ET.fromstring(pay_chart_svg(changed))
    shown = "".join(svg.itertext())
    assert "Pay ranges for R&D <Lead> in Texas" in shown
    assert '<script>"x" & y</script>' in shown  # as text, never as markup
    assert svg.find(f"{SVG}script") is None
