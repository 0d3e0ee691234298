"""axe-core in the page, on every main page: no serious or critical violation.

Anonymous pages are opened directly; the assessment results come from a real upload, and the
signed-in pages (account, plans, one plan) from an account made through the sign-up form.
Moderate and minor findings do not fail a test; they are written to build/axe-minor.json.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .support import (
    ROOT,
    LiveServer,
    account_path,
    assert_accessible,
    new_page,
    require_playwright,
    sign_up,
    unique_email,
)

require_playwright()
from playwright.sync_api import Browser, BrowserContext, Page, expect  # noqa: E402

ANONYMOUS = (
    "/",
    "/careers",
    "/careers/prompt-engineer",
    "/compare?ids=prompt-engineer&ids=mlops-engineer&ids=ai-ethics-officer",
    "/assess",
    "/salaries",
    "/salaries?career=mlops-engineer",
    "/postings",
    "Sign in",
    "Sign up",
    "/careers/no-such-career",
)
MINOR: dict[str, list[dict[str, Any]]] = {}


@pytest.fixture(scope="module", autouse=True)
def minor_report() -> Iterator[None]:
    """Write the moderate and minor findings of this module to build/axe-minor.json."""
    yield
    out = ROOT / "build" / "axe-minor.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(MINOR, indent=2) + "\n", "utf-8")


def check(page: Page, axe_js: Path, what: str) -> None:
    """axe on the page as it is now; serious or critical fails, the rest is recorded."""
    MINOR[what] = [
        {"id": v["id"], "impact": v["impact"], "targets": [n["target"] for n in v["nodes"]]}
        for v in assert_accessible(page, axe_js, what)
    ]


@pytest.mark.parametrize("path", ANONYMOUS)
def test_anonymous_page(axe_page: Page, axe_js: Path, path: str) -> None:
    page = axe_page
    url = path if path.startswith("/") else account_path(page, path)
    response = page.goto(url)
    assert response is not None
    assert response.status == (404 if "no-such" in path else 200)
    check(page, axe_js, path)


def test_assess_results(axe_page: Page, axe_js: Path) -> None:
    page = axe_page
    page.goto("/assess")
    page.get_by_label("Current job title").fill("Data analyst")
    page.get_by_label(re.compile("^Skills")).fill("Python, SQL, Tableau, statistics")
    page.get_by_role("button", name=re.compile("show my careers", re.I)).click()
    expect(page.locator("main mark").first).to_be_visible()
    check(page, axe_js, "assess results")


def test_assess_error(axe_page: Page, axe_js: Path) -> None:
    page = axe_page
    page.goto("/assess")
    page.get_by_role("button", name=re.compile("show my careers", re.I)).click()
    expect(page.get_by_role("alert")).to_be_visible()
    check(page, axe_js, "assess with an error")


@pytest.fixture(scope="module")
def member(browser: Browser, sqlite_server: LiveServer) -> Iterator[tuple[BrowserContext, str]]:
    """A signed-in browser context with one plan; yields it and the plan's path."""
    page = new_page(browser, sqlite_server, bypass_csp=True)
    sign_up(page, unique_email("a11y"))
    page.goto("/plans/new?career=prompt-engineer&skills=Python")
    page.locator("main").get_by_role("button", name=re.compile("make the plan", re.I)).click()
    expect(page).to_have_url(re.compile(r"/plans/\d+$"))
    plan = re.sub(r"^https?://[^/]+", "", page.url)
    yield page.context, plan
    page.context.close()


@pytest.mark.parametrize("path", ["/account", "/plans", "PLAN", "/plans/new?career=mlops-engineer"])
def test_member_page(member: tuple[BrowserContext, str], axe_js: Path, path: str) -> None:
    context, plan = member
    page = context.new_page()
    url = plan if path == "PLAN" else path
    response = page.goto(url)
    assert response is not None
    assert response.status == 200, url
    check(page, axe_js, "/plans/{id}" if path == "PLAN" else path)
    page.close()


def test_axe_reports_a_broken_page(axe_page: Page, axe_js: Path) -> None:
    """The check can fail: an unlabelled input and an image without text are caught."""
    axe_page.goto("/")
    axe_page.evaluate(
        """() => { const m = document.querySelector('main');
                   m.insertAdjacentHTML('beforeend',
                     '<input id="axe-probe" type="text"><img id="axe-img" src="/x.png">'); }"""
    )
    with pytest.raises(AssertionError) as caught:
        assert_accessible(axe_page, axe_js, "a page broken on purpose")
    message = str(caught.value)
    assert "label" in message
    assert "#axe-probe" in message
    assert "image-alt" in message
