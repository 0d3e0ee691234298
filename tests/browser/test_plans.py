"""The plan page and its read-only link in a real browser: timeline, folded steps, sharing.

One account makes one plan (started a week ago, so a step can be done early) through the
forms; the tests then look at it as its owner, as a visitor with the link, on a 390 px phone
and as printed. axe-core checks each page: nothing serious or critical.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from .support import (
    LiveServer,
    assert_accessible,
    new_page,
    require_playwright,
    sign_up,
    unique_email,
    watch_console,
)

require_playwright()
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect  # noqa: E402

PHONE: ViewportSize = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def owner(browser: Browser, sqlite_server: LiveServer) -> Iterator[tuple[BrowserContext, str]]:
    """A signed-in context with a plan begun a week ago and one step marked done."""
    page = new_page(browser, sqlite_server, bypass_csp=True)
    sign_up(page, unique_email("plans"))
    start = (dt.date.today() - dt.timedelta(days=7)).isoformat()
    page.goto(f"/plans/new?career=prompt-engineer&skills=Python&start={start}")
    page.locator("main").get_by_role("button", name=re.compile("make the plan", re.I)).click()
    expect(page).to_have_url(re.compile(r"/plans/\d+$"))
    path = re.sub(r"^https?://[^/]+", "", page.url)
    done = page.get_by_role("button", name=re.compile("^Mark done"))
    page.locator("#plan-progress ol.todo li").filter(has=done).first.locator("button").click()
    expect(page.locator("#plan-progress")).to_contain_text(re.compile(r"\b1 of \d+ steps done"))
    yield page.context, path
    page.context.close()


def fresh(context: BrowserContext, path: str) -> tuple[Page, list[str]]:
    """A new tab of ``context`` at ``path``, and the script errors it reports from now on."""
    page = context.new_page()
    problems = watch_console(page)
    response = page.goto(path)
    assert response is not None
    assert response.status == 200, path
    return page, problems


def make_link(page: Page) -> str:
    """Press "Share a read-only link" (or "Make a new link"); the new link, once it is shown.

    The button posts a form: the test waits for the page it loads, never reading the old box.
    """
    share = page.locator("#share")
    box = page.get_by_label("Your read-only link")
    old = box.input_value() if box.count() else ""
    share.get_by_role(
        "button", name=re.compile("share a read-only link|make a new link", re.I)
    ).click()
    expect(box).to_be_visible()
    expect(box).not_to_have_value(old)
    page.wait_for_load_state()
    link = box.input_value()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/shared/[A-Za-z0-9_-]{43}", link), link
    return link


def no_sideways_scrolling(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide on a {PHONE['width']} px phone"


def test_the_plan_page_shows_this_week_the_timeline_and_folds_done_steps(
    owner: tuple[BrowserContext, str], axe_js: Path
) -> None:
    context, path = owner
    page, problems = fresh(context, path)
    main = page.locator("main")
    headings = main.get_by_role("heading", level=2).all_inner_texts()
    assert headings[0] == "This week", headings
    timeline = main.get_by_role("img", name=re.compile("Timeline of your plan"))
    expect(timeline).to_be_visible()
    assert (
        headings.index("Timeline")
        < headings.index("Key dates")
        < headings.index("Fast or thorough")
    )
    expect(main).to_contain_text(
        re.compile(r"You finished “.+” early: \d+ later steps? moves? earlier")
    )
    # The done step is folded away; opening the fold shows it.
    fold = main.locator("details.closed-steps").first
    done = fold.locator("li.step.status-done").first
    expect(done).to_be_hidden()
    fold.locator(":scope > summary").click()
    expect(done).to_be_visible()
    # An open step shows one button; the note box waits behind "Note and more".
    step = main.locator("li.step.status-todo").first
    expect(step.get_by_role("button", name=re.compile("^Mark done"))).to_be_visible()
    expect(step.get_by_label(re.compile("^Note"))).to_be_hidden()
    expect(step.get_by_role("button", name=re.compile("^Skip"))).to_be_hidden()
    assert_accessible(page, axe_js, "a plan, its owner's page")
    assert not problems, problems
    page.close()


def test_on_a_phone_the_plan_fits_the_screen(
    owner: tuple[BrowserContext, str], axe_js: Path
) -> None:
    context, path = owner
    page, problems = fresh(context, path)
    page.set_viewport_size(PHONE)
    page.reload()
    expect(page.locator("main").get_by_role("img", name=re.compile("Timeline"))).to_be_visible()
    no_sideways_scrolling(page)
    page.locator("li.step.status-todo details.more summary").first.click()  # the note box too
    no_sideways_scrolling(page)
    assert_accessible(page, axe_js, "a plan at 390 px")
    assert not problems, problems
    page.close()


def test_a_shared_link_shows_the_plan_read_only_until_it_is_stopped(
    owner: tuple[BrowserContext, str], browser: Browser, sqlite_server: LiveServer, axe_js: Path
) -> None:
    context, path = owner
    page, problems = fresh(context, path)
    link = make_link(page)
    expect(page.get_by_role("button", name="Copy the link")).to_be_visible()  # the script ran

    visitor = new_page(browser, sqlite_server, bypass_csp=True)  # signed out, no cookies
    seen = watch_console(visitor)
    response = visitor.goto(link)
    assert response is not None
    assert response.status == 200
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-robots-tag"] == "noindex"
    main = visitor.locator("main")
    expect(main.get_by_role("heading", level=1)).to_have_text("A plan towards Prompt Engineer")
    expect(main).to_contain_text(re.compile(r"\b1 of \d+ steps done"))
    expect(main.get_by_role("img", name=re.compile("Timeline"))).to_be_visible()
    assert main.locator("form").count() == 0
    assert [b.strip() for b in main.get_by_role("button").all_inner_texts()] == ["Print this plan"]
    assert_accessible(visitor, axe_js, "a shared plan")

    # Printed: no menus or buttons, every folded step unfolded, black text on white.
    visitor.emulate_media(media="print")
    expect(visitor.locator(".site-header")).to_be_hidden()
    expect(main.get_by_role("button", name="Print this plan")).to_be_hidden()
    expect(main.locator("li.step.status-done").first).to_be_visible()
    colour = main.locator("li.step h4").first.evaluate("e => getComputedStyle(e).color")
    assert colour == "rgb(0, 0, 0)"
    visitor.emulate_media(media="screen")

    visitor.set_viewport_size(PHONE)
    visitor.reload()
    no_sideways_scrolling(visitor)
    assert_accessible(visitor, axe_js, "a shared plan at 390 px")

    # The owner stops sharing: the same link is now a 404 page.
    page.locator("#share").get_by_role("button", name="Stop sharing").click()
    expect(page).to_have_url(re.compile(r"/plans/\d+#share$"))
    gone = visitor.goto(link)
    assert gone is not None
    assert gone.status == 404
    expect(visitor.get_by_role("heading", level=1)).to_have_text("This link does not open a plan")
    assert not seen + problems, seen + problems
    visitor.context.close()
    page.close()


def test_sharing_again_replaces_the_link(
    owner: tuple[BrowserContext, str], browser: Browser, sqlite_server: LiveServer
) -> None:
    context, path = owner
    page, problems = fresh(context, path)
    first = make_link(page)
    second = make_link(page)
    assert first != second
    visitor = new_page(browser, sqlite_server)
    old = visitor.goto(first)
    assert old is not None
    assert old.status == 404
    new = visitor.goto(second)
    assert new is not None
    assert new.status == 200
    visitor.context.close()
    page.locator("#share").get_by_role("button", name="Stop sharing").click()
    # Closing a tab while its navigation commits can hang Chromium for good (Playwright issue
    # 41900): wait for the page the form loads first.
    expect(page).to_have_url(re.compile(r"/plans/\d+#share$"))
    page.wait_for_load_state()
    assert not problems, problems
    page.close()
