"""Pay where you live in a real browser: axe-core on the section at desktop and phone widths,
no sideways scrolling on a 390 px phone, and choosing a state in the form shows that state."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .support import assert_accessible, require_playwright

require_playwright()
from playwright.sync_api import Page, expect  # noqa: E402

CAREER = "/careers/ai-assisted-healthcare-coordinator"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}


def sideways(page: Page) -> int:
    """How many pixels the page is wider than the viewport (0: nothing scrolls sideways)."""
    return int(page.evaluate("() => document.documentElement.scrollWidth - innerWidth"))


@pytest.mark.parametrize("width", WIDTHS)
def test_pay_section_is_accessible_and_fits(axe_page: Page, axe_js: Path, width: str) -> None:
    page = axe_page
    page.set_viewport_size(WIDTHS[width])  # type: ignore[arg-type]
    for path in (
        f"{CAREER}?place=TX",
        "/salaries?career=ai-assisted-healthcare-coordinator&place=CA",
    ):
        response = page.goto(path)
        assert response is not None
        assert response.status == 200
        expect(page.get_by_role("img", name=re.compile("^Pay ranges for"))).to_be_visible()
        assert sideways(page) <= 0, f"{path} scrolls sideways at {width} width"
        assert_accessible(page, axe_js, f"{path} at {width} width")


def test_choosing_a_state_shows_its_figures(page: Page) -> None:
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    page.goto(CAREER)
    form = page.get_by_role("form", name="Choose where you live")
    form.get_by_label(re.compile("^Where you live")).select_option(label="Ohio")
    form.get_by_role("button", name="Show pay there").click()
    page.wait_for_load_state()
    assert "place=OH" in page.url
    expect(
        page.get_by_role("heading", name="AI-Assisted Healthcare Coordinator in Ohio")
    ).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("in Ohio$"))).to_be_attached()
    expect(
        page.get_by_role("table", name=re.compile("^The occupations this role grows from"))
    ).to_contain_text("Registered Nurses")
    assert sideways(page) <= 0, "the chosen state's figures scroll sideways on a phone"
    link = page.get_by_role("link", name=re.compile("^LinkedIn: .* in Ohio")).first
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("rel") == "noopener noreferrer"


def test_a_place_we_cannot_read_is_explained(page: Page) -> None:
    response = page.goto(f"{CAREER}?place=Springfield")
    assert response is not None
    assert response.status == 422
    expect(page.get_by_role("alert")).to_contain_text("We could not find that place.")
    expect(page.get_by_role("heading", name="How to break in")).to_be_visible()
