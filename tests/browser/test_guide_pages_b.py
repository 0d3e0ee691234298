"""axe-core on the guide's reference pages (hubs, certifications, resources, statistics,
sources, search, the home page) at 1280 px and on a 390 px phone; the header fits the phone
without sideways scrolling, its menu opens without a script, the search box finds careers
first, and the assessment's ranking shows its components on the phone without scrolling."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .support import assert_accessible, require_playwright

require_playwright()
from playwright.sync_api import Page, expect  # noqa: E402

PAGES = (
    "/",
    "/hubs",
    "/certifications",
    "/resources",
    "/resources?kind=podcast",
    "/statistics",
    "/sources",
    "/search?q=nurse",
)
MAIN_PAGES = ("/", "/careers", "/careers/prompt-engineer", "/assess", "/salaries", "/postings",
              "/hubs", "/certifications", "/resources", "/search?q=quantum")  # fmt: skip
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}


def sideways(page: Page) -> int:
    """How many pixels the page is wider than the viewport (0: nothing scrolls sideways)."""
    return int(page.evaluate("() => document.documentElement.scrollWidth - innerWidth"))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_reference_page_is_accessible(axe_page: Page, axe_js: Path, path: str, width: str) -> None:
    page = axe_page
    page.set_viewport_size(WIDTHS[width])  # type: ignore[arg-type]
    response = page.goto(path)
    assert response is not None
    assert response.status == 200
    assert_accessible(page, axe_js, f"{path} at {width} width")


def test_header_fits_a_phone_and_its_menu_opens(page: Page) -> None:
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    for path in MAIN_PAGES:
        page.goto(path)
        assert sideways(page) <= 0, f"{path} scrolls sideways on a 390 px phone"
        header = page.locator(".site-header").bounding_box()
        assert header is not None
        assert header["width"] <= PHONE["width"]
    page.goto("/")
    menu = page.get_by_text("Menu", exact=True)
    expect(menu).to_be_visible()
    certifications = page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Certifications"
    )
    expect(certifications).to_be_hidden()
    menu.click()
    expect(certifications).to_be_visible()
    assert sideways(page) <= 0, "the open menu scrolls sideways"
    certifications.click()
    page.wait_for_load_state()
    assert page.url.endswith("/certifications")


def test_guide_menu_on_a_wide_screen(page: Page) -> None:
    page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Careers", exact=True)).to_be_visible()
    nav.get_by_text("The guide", exact=True).click()
    nav.get_by_role("link", name="Learning resources").click()
    page.wait_for_load_state()
    assert page.url.endswith("/resources")
    expect(page.get_by_role("heading", name=re.compile("^Courses"))).to_be_visible()


@pytest.mark.parametrize("width", WIDTHS)
def test_search_box_finds_the_career_first(page: Page, width: str) -> None:
    page.set_viewport_size(WIDTHS[width])  # type: ignore[arg-type]
    page.goto("/careers")
    search = page.get_by_role("search").first
    search.get_by_role("searchbox").fill("nurse")
    search.get_by_role("searchbox").press("Enter")
    page.wait_for_load_state()
    assert "/search?q=nurse" in page.url
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=2).first).to_have_text(re.compile("^Careers"))
    expect(main.locator("section").first.get_by_role("link").first).to_have_text(
        "AI-Assisted Healthcare Coordinator"
    )
    page.goto("/search?q=quantum")
    first = page.get_by_role("main").locator("section").first.get_by_role("link").first
    expect(first).to_have_text(re.compile("Quantum Machine Learning", re.I))


def test_assessment_ranking_fits_a_phone(axe_page: Page, axe_js: Path) -> None:
    page = axe_page
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    page.goto("/assess")
    page.get_by_label("Current job title").fill("Registered nurse")
    page.get_by_label(re.compile("^Skills")).fill("patient care, scheduling, Excel")
    page.get_by_role("button", name=re.compile("show my careers", re.I)).click()
    page.wait_for_load_state()
    ranking = page.locator("table.ranking")
    expect(ranking).to_be_visible()
    assert sideways(page) <= 0, "the results page scrolls sideways on a phone"
    scroller = ranking.locator("xpath=..")
    overflow = scroller.evaluate("(el) => el.scrollWidth - el.clientWidth")
    assert overflow <= 0, "the ranking table scrolls sideways on a phone"
    first_row = ranking.locator("tbody tr").first
    for label in ("Fit", "Skills", "Carries over", "Background", "Interests", "Experience"):
        cell = first_row.locator(f'td[data-label="{label}"]')
        expect(cell).to_be_visible()
    assert_accessible(page, axe_js, "assessment results at 390 px")
