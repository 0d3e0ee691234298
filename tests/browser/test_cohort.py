"""The cohort page in a real browser: a coach reaches it from the menu, uploads a results
file grouped by site, and reads the report; axe-core on the form and on the report at desktop
and phone widths, and nothing but a table's own scroll box wider than a 390 px phone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from aicareers.cli.app import cli
from tests import cohort_sample as sample

from .support import assert_accessible, require_playwright, screenshot

require_playwright()
from playwright.sync_api import Page, expect  # noqa: E402

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}


def sideways(page: Page) -> int:
    """How many pixels the page is wider than the viewport (0: nothing scrolls sideways)."""
    return int(page.evaluate("() => document.documentElement.scrollWidth - innerWidth"))


@pytest.mark.parametrize("width", WIDTHS)
def test_upload_results_and_read_the_report(
    axe_page: Page, axe_js: Path, tmp_path: Path, width: str
) -> None:
    page = axe_page
    page.set_viewport_size(WIDTHS[width])  # type: ignore[arg-type]
    page.goto("/")
    if width == "phone":  # the main pages sit behind the one menu button
        page.get_by_text("Menu", exact=True).click()
    page.get_by_role("link", name="Cohorts").click()
    expect(page).to_have_url(re.compile(r"/cohort$"))
    assert sideways(page) <= 0, f"the form scrolls sideways at {width} width"
    assert_accessible(page, axe_js, f"the cohort form at {width} width")

    page.get_by_label(re.compile("^Results file")).set_input_files(str(sample.write(tmp_path)))
    page.get_by_label(re.compile("^Group by column")).fill("site")
    page.get_by_role("button", name="Show the report").click()

    main = page.locator("main")
    expect(main.get_by_role("heading", name="Report on results.jsonl")).to_be_visible()
    expect(main.get_by_role("heading", name="site: North")).to_be_visible()
    careers = main.get_by_role("table", name=re.compile("^The whole cohort: careers and"))
    prompt = careers.get_by_role("row", name=re.compile("^Prompt Engineer"))
    expect(prompt).to_contain_text("4 (100%)")  # in all four assessed rows' top 3
    chart = main.get_by_role("img", name=re.compile("careers first and in the top 3"))
    expect(chart.first).to_be_visible()
    expect(main).not_to_contain_text(sample.QUOTE)
    assert sideways(page) <= 0, f"the report scrolls sideways at {width} width"
    assert_accessible(page, axe_js, f"the cohort report at {width} width")
    if width == "desktop":
        screenshot(page, "cohort-report")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_html_file_alone_is_accessible(
    axe_page: Page, axe_js: Path, tmp_path: Path, width: str
) -> None:
    """The downloaded file, opened on its own: words included, so every part of it shows."""
    out = tmp_path / "cohort.html"
    results = str(sample.write(tmp_path))
    args = ["cohort", "report", results, "--by", "site", "--include-text", "--out", str(out)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    page = axe_page
    page.set_viewport_size(WIDTHS[width])  # type: ignore[arg-type]
    page.goto(out.as_uri())
    expect(page.get_by_role("heading", level=1)).to_have_text("Cohort report: results.jsonl")
    expect(page.locator("main")).to_contain_text(sample.QUOTE)
    assert sideways(page) <= 0, f"the file scrolls sideways at {width} width"
    assert_accessible(page, axe_js, f"the cohort HTML file at {width} width")
