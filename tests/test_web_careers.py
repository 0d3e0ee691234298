"""The careers, compare, salaries and postings pages, through a real app over SQLite."""

from __future__ import annotations

import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from aicareers.market import SalaryFilters, salary_report
from aicareers.service.catalog import Navigator
from aicareers.web.app import create_app

from .web_fixtures import client, csrf, settings_for, web_app, web_settings

__all__ = ["client", "web_app", "web_settings"]  # fixtures used here

NAV = Navigator()
SKIPPED = ("hidden", "submit", "button")  # inputs nobody fills in
POSTINGS_CSV = (
    "Job Title,Job Description,Salary Estimate\n"
    'MLOps Engineer,"Build ML pipelines with Kubernetes, Docker and Python",$130K-$170K\n'
    'Senior MLOps Engineer,"CI/CD for models on Kubernetes, monitoring",$150K-$190K\n'
    'Prompt Engineer,"Design and evaluate prompts for LLMs",$120K-$150K\n'
    'Data Scientist,"Python, SQL and statistics",-1\n'
    'Broken row,"its quote never closes\n'
)


def usd(value: float | None) -> str:
    """A figure as the pages print it: $165,400."""
    assert value is not None
    return f"${round(value):,}"


def career_links(html: str) -> list[str]:
    """The career ids of the result cards, in page order."""
    results = html.split('id="career-results"', 1)[1]
    return re.findall(r'<h3><a href="/careers/([a-z0-9-]+)">', results)


class Controls(HTMLParser):
    """Collects form controls that a person fills in, and the ids labels point to."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.labelled: set[str] = set()
        self.in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "label":
            self.in_label += 1
            if found.get("for"):
                self.labelled.add(str(found["for"]))
        elif tag in ("input", "select", "textarea") and found.get("type") not in SKIPPED:
            self.controls.append({**found, "tag": tag, "wrapped": str(self.in_label)})

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.in_label -= 1


# ---------------------------------------------------------------- /careers


def test_careers_list_shows_every_career_with_its_pay(client: TestClient) -> None:
    page = client.get("/careers")
    assert page.status_code == 200
    assert career_links(page.text) == [c.id for c in NAV.careers()]
    assert "Machine Learning Operations (MLOps) Engineer" in page.text
    assert "$130,000 \u2013 $200,000 a year" in page.text
    assert "20 of 20 careers" in page.text


def test_careers_filters_by_pay_skill_and_background(client: TestClient) -> None:
    rich = career_links(client.get("/careers?min_pay=150000").text)
    assert rich == [c.id for c in NAV.careers() if c.salary.min >= 150_000]
    assert 0 < len(rich) < 20

    python = career_links(client.get("/careers?skill=python").text)
    assert python == [c.id for c in NAV.careers() if "python" in {s.id for s in c.key_skills}]
    assert python

    suits = career_links(client.get("/careers?background=ux-design").text)
    expected = [
        c.id for c in NAV.catalog.careers if "ux-design" in {b.background for b in c.backgrounds}
    ]
    assert suits == expected
    assert suits


def test_careers_sort_by_salary_and_title(client: TestClient) -> None:
    by_pay = career_links(client.get("/careers?sort=salary").text)
    assert by_pay == [c.id for c in NAV.careers(sort="salary")]
    by_title = career_links(client.get("/careers?sort=title&min_pay=100000").text)
    assert by_title == [c.id for c in NAV.careers(sort="title") if c.salary.min >= 100_000]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("min_pay=lots", "must be a whole number"),
        ("min_pay=-5", "must be a whole number"),
        ("skill=juggling", "no skill &#39;juggling&#39;"),
        ("background=pirate", "no background &#39;pirate&#39;"),
        ("sort=random", "no sort order &#39;random&#39;"),
    ],
)
def test_careers_bad_filter_says_what_is_wrong(
    client: TestClient, query: str, message: str
) -> None:
    page = client.get(f"/careers?{query}")
    assert page.status_code == 422
    assert message in page.text
    assert 'role="alert"' in page.text


def test_careers_htmx_request_gets_only_the_results(client: TestClient) -> None:
    part = client.get("/careers?skill=python", headers={"HX-Request": "true"})
    assert part.status_code == 200
    assert "<html" not in part.text
    assert part.text.lstrip().startswith('<section id="career-results"')
    assert career_links(part.text) == career_links(client.get("/careers?skill=python").text)


# ---------------------------------------------------------------- /careers/{id}


def test_career_page_sets_the_guide_beside_real_percentiles(client: TestClient) -> None:
    page = client.get("/careers/mlops-engineer")
    assert page.status_code == 200
    html = page.text
    career = NAV.career("mlops-engineer")
    assert f"<h1>{career.title}</h1>" in html
    assert "$130,000 \u2013 $200,000 a year" in html
    report = salary_report(SalaryFilters(career="mlops-engineer"), "level")
    for figure in (report.p10, report.p25, report.p50, report.p75, report.p90):
        assert usd(figure) in html
    senior = next(g for g in report.groups if g.key == "SE")
    assert usd(senior.p50) in html
    assert f">{report.n:,}<" in html
    assert "withheld: fewer than 10 salaries" in html  # entry level has only a few
    assert re.search(r'<svg role="img" aria-label="[^"]+: yearly pay by level"', html)
    for text in (*career.duties[:1], career.key_skills[0].name, career.backgrounds[0].why):
        assert text.replace("'", "&#39;") in html
    assert "AWS Certified Machine Learning - Specialty" in html
    assert "How to break in" in html


def test_career_without_salary_titles_explains_why(client: TestClient) -> None:
    page = client.get("/careers/ai-ethics-officer")
    assert page.status_code == 200
    assert "$120,000 \u2013 $250,000 a year" in page.text
    assert "No job title in the salary data names the work" in page.text
    # No salary chart by level; the only picture is the pay-where-you-live ranges.
    assert (
        page.text.count("<svg")
        == page.text.count('<svg xmlns="http://www.w3.org/2000/svg" class="pay-ranges"')
        == 1
    )


def test_unknown_career_is_a_helpful_404(client: TestClient) -> None:
    page = client.get("/careers/mlops")
    assert page.status_code == 404
    assert "mlops" in page.text
    assert 'href="/careers/mlops-engineer"' in page.text
    assert "Machine Learning Operations (MLOps) Engineer" in page.text
    assert 'href="/careers"' in page.text


# ---------------------------------------------------------------- /compare


def test_compare_two_careers_side_by_side(client: TestClient) -> None:
    page = client.get("/compare?ids=mlops-engineer&ids=prompt-engineer")
    assert page.status_code == 200
    html = page.text
    assert '<th scope="col"><a href="/careers/mlops-engineer">' in html
    assert '<th scope="col"><a href="/careers/prompt-engineer">' in html
    assert "$130,000 \u2013 $200,000 a year" in html
    assert "$95,000 \u2013 $335,000 a year" in html
    median = salary_report(SalaryFilters(career="prompt-engineer")).p50
    assert usd(median) in html
    assert re.search(r'<option value="prompt-engineer" selected>', html)


@pytest.mark.parametrize(
    ("ids", "status", "message"),
    [
        (["mlops-engineer"], 422, "two to four careers"),
        (
            [
                "mlops-engineer",
                "prompt-engineer",
                "ai-ethics-officer",
                "ai-product-manager",
                "ai-content-moderator",
            ],
            422,
            "5 were given",
        ),
        (["mlops-engineer", "mlops-engineer"], 422, "Name each career once"),
        (["mlops-engineer", "mlops"], 404, "no career with the id &#39;mlops&#39;"),
    ],
)
def test_compare_refuses_a_wrong_choice_with_the_form(
    client: TestClient, ids: list[str], status: int, message: str
) -> None:
    query = "&".join(f"ids={i}" for i in ids)
    page = client.get(f"/compare?{query}")
    assert page.status_code == status
    assert message in page.text
    assert '<form class="filters" method="get" action="/compare"' in page.text
    assert "Side by side" not in page.text


def test_compare_without_ids_shows_the_form(client: TestClient) -> None:
    page = client.get("/compare")
    assert page.status_code == 200
    assert page.text.count('name="ids"') == 4


# ---------------------------------------------------------------- /salaries


def test_salaries_answer_the_filters_with_data_figures(client: TestClient) -> None:
    page = client.get("/salaries?career=mlops-engineer&level=se&group_by=remote")
    assert page.status_code == 200
    report = salary_report(SalaryFilters(career="mlops-engineer", level="SE"), "remote")
    assert usd(report.p50) in page.text
    assert f">{report.n:,}<" in page.text
    assert "The guide's range: <strong>$130,000 \u2013 $200,000 a year</strong>" in page.text
    assert "Median by year" in page.text
    assert page.text.count("<svg") == 2  # pay by remote work, and the median by year
    for group in report.groups:
        assert f'<th scope="row">{group.label}</th>' in page.text


def test_salaries_without_filters_cover_all_jobs(client: TestClient) -> None:
    page = client.get("/salaries")
    assert page.status_code == 200
    report = salary_report(SalaryFilters())
    assert "All jobs in the salary data" in page.text
    assert usd(report.p90) in page.text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("level=XX", "Unknown experience level"),
        ("year=1999", "nothing for 1999"),
        ("year=soon", "The year must be a whole number"),
        ("remote=7", "no remote work choice"),
        ("country=Narnia", "Unknown country"),
        ("group_by=colour", "no grouping"),
        ("career=mlops", "Did you mean: mlops-engineer"),
        ("career=mlops-engineer&job_title=MLOps+Engineer", "a career or a job title, not both"),
        ("job_title=Chief+Vibes+Officer", "No salaries for the job title"),
    ],
)
def test_salaries_bad_filter_gives_the_form_and_a_message(
    client: TestClient, query: str, message: str
) -> None:
    page = client.get(f"/salaries?{query}")
    assert page.status_code == 422
    assert message in page.text
    assert 'id="salary-problems"' in page.text
    problem = page.text.split('id="salary-problems"')[1].split("</div>")[0]
    assert "--" not in problem  # the form's names, not the CLI's flags
    assert "aicareers" not in problem


def test_an_unknown_career_on_the_salaries_page_links_to_the_careers(client: TestClient) -> None:
    page = client.get("/salaries?career=mlops")
    problem = page.text.split('id="salary-problems"')[1].split("</div>")[0]
    assert 'Did you mean: mlops-engineer? <a href="/careers">See every id</a>.' in problem


# ---------------------------------------------------------------- /postings


def upload(
    client: TestClient, content: str | bytes, name: str = "jobs.csv", **form: str
) -> httpx.Response:
    """POST a postings file with the page's CSRF token."""
    data = {"csrf_token": csrf(client, "/postings"), **form}
    return client.post("/postings", data=data, files={"file": (name, content, "text/csv")})


def postings_of(html: str, career: str) -> int:
    """The postings counted for a career in the results table."""
    found = re.search(rf'href="/careers/{career}">[^<]+</a></th>\s*<td class="num">(\d+)<', html)
    assert found is not None, f"no row for {career}"
    return int(found.group(1))


def test_postings_upload_counts_careers_and_deletes_the_file(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    page = upload(client, POSTINGS_CSV)
    assert page.status_code == 200, page.text
    html = page.text
    assert postings_of(html, "mlops-engineer") == 2
    assert postings_of(html, "prompt-engineer") == 1
    assert "<strong>4</strong> postings analysed" in html
    assert "<strong>1</strong> malformed rows skipped" in html
    assert '<td class="num">4</td><td>line 6: 2 fields where the header has 3</td>' in html
    assert "$140,000 \u2013 $180,000" in html  # MLOps: median of the minimums and of the maximums
    assert "Containers and orchestration (Docker, Kubernetes)" in html
    assert "<svg" in html
    assert list(scratch.iterdir()) == []  # the upload was processed and deleted


def test_postings_without_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/postings")
    answer = client.post("/postings", files={"file": ("jobs.csv", POSTINGS_CSV, "text/csv")})
    assert answer.status_code == 403


@pytest.mark.parametrize(
    ("content", "name", "status", "message"),
    [
        (POSTINGS_CSV, "jobs.txt", 422, "from .csv, .jsonl or .parquet files"),
        ("Company,Location\nAcme,Paris\n", "companies.csv", 422, "has no job title column"),
        (b"not parquet at all", "jobs.parquet", 422, "is not a Parquet file"),
    ],
)
def test_postings_bad_file_gives_the_form_and_a_message(
    client: TestClient, content: str | bytes, name: str, status: int, message: str
) -> None:
    page = upload(client, content, name)
    assert page.status_code == status
    assert message in page.text
    assert 'id="postings-problem"' in page.text


def test_postings_bad_currency_and_missing_file(client: TestClient) -> None:
    page = upload(client, POSTINGS_CSV, currency="dollars")
    assert page.status_code == 422
    assert "three-letter code" in page.text
    answer = client.post("/postings", data={"csrf_token": csrf(client, "/postings")})
    assert answer.status_code == 422
    assert "Choose a file" in answer.text


def test_postings_over_the_size_limit_is_413(tmp_path: Path) -> None:
    app = create_app(settings_for(tmp_path, max_upload_bytes=1_000))
    with TestClient(app) as small:
        page = upload(small, POSTINGS_CSV * 20)
        assert page.status_code == 413
        assert "The file is over the 1 KB limit" in page.text


# ---------------------------------------------------------------- every page


@pytest.mark.parametrize(
    "path",
    ["/careers", "/careers/mlops-engineer", "/compare?ids=mlops-engineer&ids=prompt-engineer",
     "/salaries?career=prompt-engineer", "/postings"],
)  # fmt: skip
def test_every_form_input_has_a_label(client: TestClient, path: str) -> None:
    parser = Controls()
    parser.feed(client.get(path).text)
    for control in parser.controls:
        named = control.get("id") in parser.labelled or control["wrapped"] != "0"
        assert named, f"{path}: {control} has no label"
    if path != "/careers/mlops-engineer":
        assert parser.controls


def test_the_first_chart_of_a_career_is_drawn_off_the_event_loop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import asyncio
    import threading

    from aicareers.web.routes import careers

    threads: list[int] = []

    def drawing(nav: Navigator, career_id: str) -> None:
        threads.append(threading.get_ident())

    monkeypatch.setattr(careers, "career_market", drawing)
    monkeypatch.setattr(careers, "_DRAWN", set())
    nav = Navigator()

    async def twice() -> int:
        await careers.market_section(nav, "mlops-engineer")  # a miss: a worker thread
        await careers.market_section(nav, "mlops-engineer")  # a hit: inline
        return threading.get_ident()

    # A thread of its own: the browser tests' Playwright may leave a loop running in this one.
    loop_threads: list[int] = []
    runner = threading.Thread(target=lambda: loop_threads.append(asyncio.run(twice())))
    runner.start()
    runner.join()
    (loop_thread,) = loop_threads
    assert threads[0] != loop_thread
    assert threads[1] == loop_thread
