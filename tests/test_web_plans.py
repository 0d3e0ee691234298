"""Plan pages: make a plan, record progress, export it, and keep it from other users."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re
import zipfile
from html.parser import HTMLParser
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from icalendar import Calendar

from aicareers.knowledge import default_catalog
from aicareers.portfolio import build_scaffold

from .store_helpers import make_plan as store_plan
from .web_fixtures import SignedIn, client, csrf, signed_in_client, web_app, web_settings

__all__ = ["client", "signed_in_client", "web_app", "web_settings"]  # fixtures used here

PLAN_FORM = {"career": "prompt-engineer", "skills": "Python, Git", "hours_per_week": "5",
             "start": "2026-03-02"}  # fmt: skip


def make_plan(browser: TestClient, **changes: str) -> int:
    """Create a plan through the form; the id it redirects to."""
    form = {**PLAN_FORM, **changes, "csrf_token": csrf(browser, "/plans/new")}
    answer = browser.post("/plans", data=form)
    assert answer.status_code == 303, answer.text
    found = re.fullmatch(r"/plans/(\d+)", answer.headers["location"])
    assert found is not None, answer.headers["location"]
    return int(found.group(1))


def step_ids(browser: TestClient, plan_id: int) -> list[str]:
    """The step ids of a plan, in order, from its JSON export."""
    exported = browser.get(f"/plans/{plan_id}/export.json").json()
    return [s["id"] for s in exported["steps"]]


def act(browser: TestClient, plan_id: int, step: str, action: str, note: str = "", **kw: object):  # type: ignore[no-untyped-def]
    form = {"action": action, "note": note, "csrf_token": csrf(browser, f"/plans/{plan_id}")}
    return browser.post(f"/plans/{plan_id}/steps/{step}", data=form, **kw)  # type: ignore[arg-type]


@pytest.fixture
def ada(signed_in_client: SignedIn) -> TestClient:
    return signed_in_client("ada@example.org")


def test_anonymous_make_a_plan_goes_to_sign_in_and_keeps_the_form(client: TestClient) -> None:
    form = {**PLAN_FORM, "csrf_token": csrf(client, "/assess")}
    answer = client.post("/plans", data=form)
    assert answer.status_code == 303
    location = urlsplit(answer.headers["location"])
    assert location.path == "/signin"
    back = urlsplit(unquote(parse_qs(location.query)["next"][0]))
    assert back.path == "/plans/new"
    assert parse_qs(back.query)["career"] == ["prompt-engineer"]
    assert parse_qs(back.query)["skills"] == ["Python, Git"]


@pytest.mark.parametrize("path", ["/plans", "/plans/new", "/plans/1", "/plans/1/export.md"])
def test_plan_pages_need_an_account(client: TestClient, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/signin?next=")


def test_new_plan_form_is_filled_from_the_query(ada: TestClient) -> None:
    page = ada.get("/plans/new?career=mlops-engineer&skills=docker,ci-cd&free_only=1")
    assert page.status_code == 200
    assert '<option value="mlops-engineer" selected>' in page.text
    assert 'value="docker,ci-cd"' in page.text
    assert 'name="free_only" value="1" checked' in page.text


def test_make_plan_then_mark_a_step_done(ada: TestClient) -> None:
    plan_id = make_plan(ada)
    page = ada.get(f"/plans/{plan_id}")
    assert page.status_code == 200
    total = int(re.search(r"0 of (\d+) steps done", page.text).group(1))  # type: ignore[union-attr]
    assert total > 5
    assert "Prompt Engineer" in page.text
    first = step_ids(ada, plan_id)[0]
    answer = act(ada, plan_id, first, "done", note="finished the course")
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/plans/{plan_id}#step-{first}"
    page = ada.get(f"/plans/{plan_id}")
    assert f"1 of {total} steps done" in page.text
    assert "Your note: finished the course" in page.text
    percent = re.search(r'<progress max="100" value="([\d.]+)"', page.text)
    assert percent is not None
    assert float(percent.group(1)) > 0
    listing = ada.get("/plans")
    assert f'href="/plans/{plan_id}"' in listing.text
    assert f"1 of {total}" in listing.text


def test_step_buttons_follow_the_status(ada: TestClient) -> None:
    plan_id = make_plan(ada)
    first = step_ids(ada, plan_id)[0]
    # The step's own form (the to-do list at the top offers only the main action).
    form = re.compile(rf'<li id="step-{first}".*?</form>', re.S)

    def buttons() -> list[str]:
        found = form.search(ada.get(f"/plans/{plan_id}").text)
        assert found is not None
        return re.findall(r'name="action" value="(\w+)"', found.group(0))

    assert buttons() == ["done", "start", "skip"]
    act(ada, plan_id, first, "done")
    assert buttons() == ["done", "reopen"]


def test_refused_transitions_show_the_plan_with_the_message(ada: TestClient) -> None:
    plan_id = make_plan(ada)
    first = step_ids(ada, plan_id)[0]
    reopen = act(ada, plan_id, first, "reopen")
    assert reopen.status_code == 409
    assert "nothing to reopen" in reopen.text
    assert 'role="alert"' in reopen.text
    act(ada, plan_id, first, "done")
    skip = act(ada, plan_id, first, "skip")
    assert skip.status_code == 409
    assert "already done" in skip.text
    assert act(ada, plan_id, first, "explode").status_code == 422
    assert act(ada, plan_id, first, "done", note="n" * 1001).status_code == 422
    assert act(ada, plan_id, "no-such-step", "done").status_code == 404
    assert act(ada, plan_id, "no-such-step", "explode").status_code == 404
    assert ada.get(f"/plans/{plan_id}/export.json").json()["progress"]["steps_done"] == 1


def test_htmx_update_swaps_the_whole_live_part_so_no_date_is_stale(ada: TestClient) -> None:
    # Marking one step moves the dates of others, so the answer is the to-do, the timeline,
    # the key dates and every step, never the changed step alone.
    plan_id = make_plan(ada)
    first = step_ids(ada, plan_id)[0]
    answer = act(ada, plan_id, first, "start", headers={"HX-Request": "true"})
    assert answer.status_code == 200
    assert answer.text.lstrip().startswith('<div id="plan-live">')
    assert "<html" not in answer.text
    assert f'id="step-{first}"' in answer.text
    assert "In progress" in answer.text
    for part in ('id="plan-progress"', 'class="plan-timeline"', 'id="dates-heading"'):
        assert part in answer.text
    page = ada.get(f"/plans/{plan_id}").text
    live = page.split('<div id="plan-live">', 1)[1]
    assert 'hx-target="#plan-live"' in live
    refused = act(ada, plan_id, first, "explode", headers={"HX-Request": "true"})
    assert refused.status_code == 200
    assert "Choose what happened" in refused.text


def test_plan_from_an_assessment_leaves_out_the_skills_found(ada: TestClient) -> None:
    text = "Backend developer. I ship Python services with Docker and CI/CD pipelines."
    form = {"text": text, "csrf_token": csrf(ada, "/assess")}
    results = ada.post("/assess", data=form, files={"file": ("", b"")})
    assert results.status_code == 200
    forms = re.findall(r'<form class="make-plan".*?</form>', results.text, flags=re.S)
    chosen = next(f for f in forms if 'name="career" value="mlops-engineer"' in f)
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', chosen))
    assert "container-orchestration" in fields["skills"].split(",")
    answer = ada.post("/plans", data={**fields, "hours_per_week": "6", "start": "2026-05-04"})
    assert answer.status_code == 303, answer.text
    exported = ada.get(answer.headers["location"] + "/export.json").json()
    assert exported["career"] == "mlops-engineer"
    assert exported["preferences"]["hours_per_week"] == 6
    assert "container-orchestration" not in exported["gaps"]
    assert "cloud-platforms" in exported["gaps"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"hours_per_week": "0"}, "Hours per week must be a positive number"),
        ({"hours_per_week": "many"}, "must be a number"),
        ({"start": "02/03/2026"}, "is not a date"),
        ({"career": "astronaut"}, "No career with id 'astronaut'"),
    ],
)
def test_bad_plan_form_comes_back_with_the_message(
    ada: TestClient, changes: dict[str, str], message: str
) -> None:
    form = {**PLAN_FORM, **changes, "csrf_token": csrf(ada, "/plans/new")}
    page = ada.post("/plans", data=form)
    assert page.status_code == 422
    assert message in html.unescape(page.text)
    assert 'value="Python, Git"' in page.text


def test_exports_download_in_each_format(ada: TestClient) -> None:
    plan_id = make_plan(ada)
    steps = step_ids(ada, plan_id)
    act(ada, plan_id, steps[0], "done")
    answers = {
        fmt: ada.get(f"/plans/{plan_id}/export.{fmt}") for fmt in ("md", "ics", "json", "csv")
    }
    for fmt, answer in answers.items():
        assert answer.status_code == 200, fmt
        disposition = answer.headers["content-disposition"]
        assert (
            disposition == f'attachment; filename="aicareers-plan-{plan_id}-prompt-engineer.{fmt}"'
        )
    assert answers["md"].headers["content-type"] == "text/markdown; charset=utf-8"
    assert answers["md"].text.startswith("# ")
    assert answers["ics"].headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(answers["ics"].content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) >= len(steps) - 1  # one per open step, plus one per milestone
    assert answers["json"].headers["content-type"] == "application/json"
    document = answers["json"].json()
    assert document["id"] == plan_id
    assert document["progress"]["steps_done"] == 1
    assert answers["csv"].headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(answers["csv"].text)))
    assert len([r for r in rows if r.get("row", "step") == "step"]) == len(steps)
    assert ada.get(f"/plans/{plan_id}/export.pdf").status_code == 404


def test_another_users_plan_is_a_404_like_a_missing_one(
    signed_in_client: SignedIn,
) -> None:
    ada, bob = signed_in_client("ada@example.org"), signed_in_client("bob@example.org")
    plan_id = make_plan(ada)
    first = step_ids(ada, plan_id)[0]
    missing = bob.get("/plans/9999")
    assert bob.get("/plans/99999999999999999999999").status_code == 404  # beyond any id column
    seen = bob.get(f"/plans/{plan_id}")
    assert seen.status_code == missing.status_code == 404
    same = [html.unescape(a.text).replace(f"id '{n}'", "id 'N'")
            for a, n in ((seen, plan_id), (missing, 9999))]  # fmt: skip
    assert "No plan with id 'N'" in same[0]
    assert same[0] == same[1]
    assert act(bob, plan_id, first, "done").status_code == 404
    assert act(bob, plan_id, first, "done", headers={"HX-Request": "true"}).status_code == 404
    assert bob.get(f"/plans/{plan_id}/export.json").status_code == 404
    assert f'href="/plans/{plan_id}"' not in bob.get("/plans").text
    # Ada's plan is untouched by Bob's attempts.
    assert ada.get(f"/plans/{plan_id}/export.json").json()["progress"]["steps_done"] == 0


def test_step_form_needs_the_csrf_token(ada: TestClient) -> None:
    plan_id = make_plan(ada)
    first = step_ids(ada, plan_id)[0]
    answer = ada.post(f"/plans/{plan_id}/steps/{first}", data={"action": "done"})
    assert answer.status_code == 403
    assert ada.get(f"/plans/{plan_id}/export.json").json()["progress"]["steps_done"] == 0


def test_portfolio_zip_holds_the_scaffold(client: TestClient) -> None:
    answer = client.get("/careers/prompt-engineer/portfolio.zip", params={"name": "Ada Lovelace"})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/zip"
    assert 'filename="prompt-engineer-portfolio.zip"' in answer.headers["content-disposition"]
    archive = zipfile.ZipFile(io.BytesIO(answer.content))
    expected = build_scaffold(default_catalog(), "prompt-engineer").paths
    assert archive.namelist() == [f"prompt-engineer-portfolio/{p}" for p in expected]
    assert "prompt-engineer-portfolio/README.md" in archive.namelist()
    assert any(n.endswith("/README.md") and n.count("/") >= 3 for n in archive.namelist())
    assert "Ada Lovelace" in archive.read("prompt-engineer-portfolio/README.md").decode()


def test_portfolio_zip_for_an_unknown_career_is_404(client: TestClient) -> None:
    answer = client.get("/careers/astronaut/portfolio.zip")
    assert answer.status_code == 404
    assert "No career with id 'astronaut'" in html.unescape(answer.text)


def test_plan_json_export_matches_the_plan_page(ada: TestClient) -> None:
    plan_id = make_plan(ada, free_only="1")
    document = ada.get(f"/plans/{plan_id}/export.json").json()
    page = ada.get(f"/plans/{plan_id}").text
    assert document["preferences"]["free_only"] is True
    assert "free resources only" in page
    for milestone in document["milestones"]:
        assert milestone["title"] in page


class _Ancestors(HTMLParser):
    """The open elements (tag, class) around the element with a given id."""

    VOID = frozenset({"input", "br", "meta", "link", "img", "col", "hr", "source", "wbr"})

    def __init__(self, ident: str) -> None:
        super().__init__()
        self.ident, self.stack, self.found = ident, [], None  # type: ignore[var-annotated]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id") == self.ident and self.found is None:
            self.found = list(self.stack)
        if tag in self.VOID:
            return
        self.stack.append((tag, values.get("class") or "", values.get("open", "shut")))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass


def ancestors(page: str, ident: str) -> list[tuple[str, str, str | None]]:
    """(tag, class, open) of each element that contains the element ``id=ident``."""
    parser = _Ancestors(ident)
    parser.feed(page)
    assert parser.found is not None, f"no element with id {ident}"
    return parser.found


def test_plan_page_puts_this_week_first_then_the_picture_dates_paths_and_tracks(
    ada: TestClient,
) -> None:
    plan_id = make_plan(ada)
    page = ada.get(f"/plans/{plan_id}").text
    order = ["This week", "<svg", "Key dates", "Fast or thorough", "Steps by track"]
    where = [page.index(marker) for marker in order]
    assert where == sorted(where), dict(zip(order, where, strict=True))
    assert 'role="img"' in page  # the timeline names itself for screen readers
    assert re.search(r'<th scope="col" class="chosen">Thorough path <span class="tag">', page)
    for pace in (5, 10, 15):
        assert f"At {pace} h a week" in page
    week = re.search(r'<ol class="todo">(.*?)</ol>', page, re.S)
    assert week is not None
    main_actions = re.findall(r'name="action" value="(\w+)"', week.group(1))
    assert main_actions
    assert set(main_actions) <= {"done", "start"}  # one main action per to-do (start a habit)
    assert len(main_actions) == week.group(1).count("<li>")


def test_done_steps_fold_away_and_each_step_keeps_one_button_in_sight(ada: TestClient) -> None:
    plan_id = make_plan(ada)
    first, second = step_ids(ada, plan_id)[:2]
    act(ada, plan_id, first, "done", note="finished the course")
    page = ada.get(f"/plans/{plan_id}").text
    folded = ancestors(page, f"step-{first}")
    assert ("details", "closed-steps", "shut") in folded
    assert not any(tag == "details" for tag, _, _ in ancestors(page, f"step-{second}"))
    # The note box and the less common actions sit inside a closed disclosure.
    assert ("details", "more", "shut") in ancestors(page, f"note-{second}")
    step = re.search(rf'<li id="step-{second}".*?</form>', page, re.S)
    assert step is not None
    visible = step.group(0).split('<details class="more">')[0]
    assert re.findall(r'name="action" value="(\w+)"', visible) == ["done"]


def test_before_the_start_the_plan_says_when_it_starts(ada: TestClient) -> None:
    start = dt.date.today() + dt.timedelta(days=30)
    plan_id = make_plan(ada, start=start.isoformat())
    first = step_ids(ada, plan_id)[0]
    act(ada, plan_id, first, "done")  # done before the start: still nothing ahead or behind
    page = html.unescape(ada.get(f"/plans/{plan_id}").text)
    assert f"Your plan starts on {start.day} {start:%b} {start.year}." in page
    assert "ahead of the plan" not in page
    assert "behind the plan" not in page


def test_a_step_done_early_says_the_later_steps_move(ada: TestClient) -> None:
    start = dt.date.today() - dt.timedelta(days=7)
    plan_id = make_plan(ada, start=start.isoformat())
    exported = ada.get(f"/plans/{plan_id}/export.json").json()
    first = next(
        s for s in exported["steps"]
        if s["due"] > dt.date.today().isoformat() and s.get("track") == "learn"
    )  # fmt: skip
    assert "early:" not in ada.get(f"/plans/{plan_id}").text
    act(ada, plan_id, first["id"], "done")
    page = html.unescape(ada.get(f"/plans/{plan_id}").text)
    moved = re.search(r"You finished “(.+?)” early: (\d+) later steps? moves? earlier\.", page)
    assert moved is not None
    assert moved.group(1) == first["title"]
    assert int(moved.group(2)) >= 1


def test_new_plan_form_offers_the_path_and_the_background(ada: TestClient) -> None:
    form = ada.get("/plans/new?path=fast&background=healthcare").text
    assert 'name="path" value="fast" checked' in form
    assert 'name="path" value="thorough">' in form
    assert '<option value="healthcare" selected>' in form
    plan_id = make_plan(ada, path="fast", background="healthcare")
    exported = ada.get(f"/plans/{plan_id}/export.json").json()
    assert exported["preferences"]["path"] == "fast"
    page = ada.get(f"/plans/{plan_id}").text
    assert re.search(r'<th scope="col" class="chosen">Fast path', page)


def test_a_version_1_plan_still_shows(ada: TestClient, web_app: FastAPI) -> None:
    store = web_app.state.store
    found = store.credentials("ada@example.org")
    assert found is not None
    plan_id = store.save_plan(found[0].id, store_plan(career="prompt-engineer"))
    store.record_event(found[0].id, plan_id, "learn-1", "done")
    page = ada.get(f"/plans/{plan_id}")
    assert page.status_code == 200, page.text
    assert "Steps by milestone" in page.text
    assert "1. Foundations" in page.text
    assert "<svg" in page.text
    assert "Fast or thorough" not in page.text  # a version 1 plan has no paths to compare
    assert ("details", "closed-steps", "shut") in ancestors(page.text, "step-learn-1")


def test_a_weekly_habit_is_started_first_and_says_its_hours_a_week(ada: TestClient) -> None:
    plan_id = make_plan(ada)
    exported = ada.get(f"/plans/{plan_id}/export.json").json()
    habit = next(s for s in exported["steps"] if s["weekly_hours"])
    page = html.unescape(ada.get(f"/plans/{plan_id}").text)
    step = re.search(rf'<li id="step-{habit["id"]}".*?</form>', page, re.S)
    assert step is not None
    visible = step.group(0).split('<details class="more">')[0]
    assert re.findall(r'name="action" value="(\w+)"', visible) == ["start"]
    # Under an hour a week reads in minutes (10 % of 3.5 h is "20 min a week", not "0.35 h").
    minutes = round(habit["weekly_hours"] * 60 / 5) * 5
    assert f"{minutes} min a week from " in step.group(0)


def test_the_page_says_how_the_weekly_hours_are_shared(ada: TestClient) -> None:
    plan_id = make_plan(ada)
    page = html.unescape(ada.get(f"/plans/{plan_id}").text)
    assert re.search(r"How your [\d.]+ hours a week are shared: .* lends its share", page)


def test_a_plan_from_a_posting_teaches_its_missing_must_haves(ada: TestClient) -> None:
    form = ada.get("/plans/new?career=mlops-engineer&path=fast&gaps=sql%2C+prompt-engineering")
    assert "SQL, Prompt engineering" in html.unescape(form.text)
    assert 'name="gaps" value="sql, prompt-engineering"' in form.text
    plan_id = make_plan(ada, career="mlops-engineer", path="fast",
                        gaps="sql, prompt-engineering")  # fmt: skip
    exported = ada.get(f"/plans/{plan_id}/export.json").json()
    taught = {s for step in exported["steps"] if step["id"].startswith("learn-")
              for s in step["skills"]}  # fmt: skip
    assert {"sql", "prompt-engineering"} <= taught  # not the career's own must-haves alone
    bad = ada.post("/plans", data={**PLAN_FORM, "gaps": "no-such-skill",
                                   "csrf_token": csrf(ada, "/plans/new")})  # fmt: skip
    assert bad.status_code == 422
    assert "no-such-skill" in html.unescape(bad.text)
