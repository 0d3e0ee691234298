"""What a person does on the site, in a real browser: assess, plan, progress, accounts.

Each flow drives the pages as a person would (labels, buttons, links; no URLs typed where a
link exists) and asserts on what the page then says. The flows save the README's screenshots.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from .support import (
    PASSWORD,
    LiveServer,
    account_path,
    nav_link,
    new_page,
    require_playwright,
    resume_docx,
    run_axe,
    screenshot,
    sign_in,
    sign_out,
    sign_up,
    signed_in,
    unique_email,
    watch_console,
)

require_playwright()
from playwright.sync_api import Browser, Page, expect  # noqa: E402

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Nav links a keyboard user must reach (href -> its accessible name).
MAIN_NAV = ("/careers", "/compare", "/assess", "/salaries", "/postings")


def upload_and_assess(page: Page) -> None:
    """Open /assess from the home page, choose the DOCX resume and submit."""
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name=re.compile("Assess")
    ).click()
    expect(page).to_have_url(re.compile(r"/assess$"))
    page.get_by_label(re.compile("^Or choose a file")).set_input_files(
        {"name": "sam-rivera.docx", "mimeType": DOCX, "buffer": resume_docx()}
    )
    page.get_by_role("button", name=re.compile("show my careers", re.I)).click()


def test_assess_results_show_careers_with_evidence(page: Page) -> None:
    upload_and_assess(page)
    main = page.locator("main")
    # The resume is about DevOps, Kubernetes and models in production: MLOps is among the top.
    expect(main.get_by_role("heading", name=re.compile("MLOps", re.I)).first).to_be_visible()
    # Evidence: the person's own words, highlighted.
    marks = main.locator("mark")
    expect(marks.first).to_be_visible()
    quoted = " ".join(marks.all_inner_texts()).lower()
    assert any(word in quoted for word in ("kubernetes", "docker", "python", "sql")), quoted
    screenshot(page, "assess-results")


@pytest.mark.parametrize("server_name", ["sqlite_server", "postgres_server"])
def test_assess_then_plan_then_progress(
    browser: Browser, request: pytest.FixtureRequest, server_name: str
) -> None:
    """Upload -> results -> make a plan (sign up when asked) -> mark a step done -> 1 done."""
    server: LiveServer = request.getfixturevalue(server_name)
    server.new_server_errors()
    page = new_page(browser, server)
    problems = watch_console(page)
    upload_and_assess(page)
    page.locator("main").get_by_role("button", name=re.compile("make a plan", re.I)).first.click()

    # A visitor is asked to sign in; signing up from there comes back to the plan.
    if "/signin" in page.url:
        to_sign_up = re.compile("sign up|make an account|create", re.I)
        page.locator("main").get_by_role("link", name=to_sign_up).click()
        # A readable address on the SQLite run: it shows in the README's screenshot.
        email = "ada@example.org" if server_name == "sqlite_server" else unique_email("planner")
        sign_up(page, email, go=False)
    if re.search(r"/plans/new", page.url):
        page.locator("main").get_by_role("button", name=re.compile("plan", re.I)).click()
    expect(page).to_have_url(re.compile(r"/plans/\d+"))
    progress = page.locator("main")
    expect(progress).to_contain_text(re.compile(r"\b0 of \d+ steps done"))

    page.locator("main").get_by_role("button", name="Mark done").first.click()
    expect(page).to_have_url(re.compile(r"/plans/\d+"))
    expect(progress).to_contain_text(re.compile(r"\b1 of \d+ steps done"))
    if server_name == "sqlite_server":
        page.goto(page.url.split("#")[0])  # the top of the plan, not the step just changed
        expect(progress).to_contain_text(re.compile(r"\b1 of \d+ steps done"))
        screenshot(page, "plan")
    page.context.close()
    errors = server.new_server_errors()
    assert not errors, "the server answered with an error:\n" + "\n".join(errors)
    assert not problems, "the browser reported:\n" + "\n".join(problems)


def test_sign_up_out_in(page: Page) -> None:
    email = unique_email("accounts")
    sign_up(page, email)
    assert signed_in(page)
    sign_out(page)
    assert not signed_in(page)
    sign_in(page, email, PASSWORD)
    assert signed_in(page)


def test_wrong_password_does_not_sign_in(page: Page) -> None:
    email = unique_email("wrong")
    sign_up(page, email)
    sign_out(page)
    sign_in(page, email, "not the password at all")
    assert not signed_in(page)
    expect(page.get_by_role("alert")).to_be_visible()


def test_delete_account_then_sign_in_fails(page: Page) -> None:
    email = unique_email("delete")
    sign_up(page, email)
    nav_link(page, email).click()
    form = page.locator("main form").filter(
        has=page.get_by_role("button", name=re.compile("delete", re.I))
    )
    # A confirmation field (password or the word DELETE), when the page asks for one.
    for field in form.locator("input:not([type=hidden])").all():
        kind = field.get_attribute("type") or "text"
        field.fill(PASSWORD if kind == "password" else email if kind == "email" else "DELETE")
    form.get_by_role("button", name=re.compile("delete", re.I)).click()
    assert not signed_in(page)
    sign_in(page, email, PASSWORD)
    assert not signed_in(page)
    expect(page.get_by_role("alert")).to_be_visible()


def test_browse_catalog_and_screenshots(page: Page) -> None:
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    screenshot(page, "home")
    nav_link(page, "Careers").click()
    expect(page).to_have_url(re.compile(r"/careers$"))
    expect(page.locator("main")).to_contain_text("Prompt Engineer")
    screenshot(page, "careers")
    page.locator("main").get_by_role("link", name=re.compile("MLOps", re.I)).first.click()
    expect(page).to_have_url(re.compile(r"/careers/mlops-engineer$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(re.compile("MLOps", re.I))
    screenshot(page, "career")


def test_compare_chosen_with_the_form(page: Page) -> None:
    page.goto("/")
    nav_link(page, "Compare").click()
    form = page.get_by_role("form", name=re.compile("compare", re.I))
    form.get_by_label("First career").select_option(label="Prompt Engineer")
    form.get_by_label("Second career").select_option(
        label="Machine Learning Operations (MLOps) Engineer"
    )
    form.get_by_role("button", name="Compare").click()
    expect(page).to_have_url(re.compile(r"ids=prompt-engineer"))
    table = page.locator("main table").first
    expect(table).to_contain_text("Prompt Engineer")
    expect(table).to_contain_text("MLOps")


def test_postings_upload_is_analysed(page: Page, tmp_path: Path) -> None:
    csv = tmp_path / "postings.csv"
    csv.write_text(
        "Job Title,Description,Salary\n"
        "MLOps Engineer,Deploy models with Kubernetes; Docker; CI/CD; Python.,$150000\n"
        "Prompt Engineer,Write and test prompts for large language models; Python.,$120000\n"
        "Data Annotator,Label images and text for training data.,\n",
        "utf-8",
    )
    page.goto("/")
    nav_link(page, "Postings").click()
    page.get_by_label(re.compile("^File of job postings")).set_input_files(str(csv))
    page.get_by_role("button", name=re.compile("analyse", re.I)).click()
    main = page.locator("main")
    expect(main.get_by_role("heading", name=re.compile("Results for postings.csv"))).to_be_visible()
    expect(main).to_contain_text(re.compile(r"\b3\s+postings analysed"))


def test_unknown_career_is_a_helpful_404(page: Page) -> None:
    response = page.goto("/careers/mlops")
    assert response is not None
    assert response.status == 404
    expect(page.locator("main")).to_contain_text("mlops-engineer")


# ------------------------------------------------------------------------------ keyboard


def focused(page: Page) -> dict[str, Any]:
    """The focused element: tag, href, text, id, name; whether it shows a focus indicator
    (an outline or a box shadow) and lies inside the viewport."""
    info: dict[str, Any] = page.evaluate(
        """() => { const e = document.activeElement, s = getComputedStyle(e);
                   const r = e.getBoundingClientRect();
                   return {tag: e.tagName.toLowerCase(), href: e.getAttribute('href') || '',
                           text: (e.innerText || e.value || '').trim(),
                           id: e.id || '', name: e.getAttribute('name') || '',
                           ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                                 || s.boxShadow !== 'none',
                           shown: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
                                  && r.bottom <= innerHeight && r.right <= innerWidth}; }"""
    )
    return info


def test_tab_reaches_skip_link_then_main_nav(page: Page) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["href"] == "#main", first
    assert "skip" in first["text"].lower(), first
    assert first["shown"], f"the focused skip link is not on screen: {first}"
    assert first["ring"], f"the focused skip link shows no focus indicator: {first}"
    reached = []
    for _ in range(25):
        page.keyboard.press("Tab")
        now = focused(page)
        reached.append(now["href"])
        if now["href"] in MAIN_NAV:
            assert now["ring"], f"{now['href']} shows no focus indicator when focused"
    missing = [href for href in MAIN_NAV if href not in reached]
    assert not missing, f"Tab did not reach {missing}; reached {reached}"
    # The skip link moves focus into the page's main content.
    page.goto("/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.closest('main') !== null")


def tab_to(page: Page, name: str, limit: int = 60) -> None:
    """Press Tab until the field named ``name`` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page)["name"] == name:
            return
    raise AssertionError(f"Tab never reached the field {name!r}")


def test_sign_up_with_keyboard_only(page: Page) -> None:
    page.goto(account_path(page, "Sign up"))
    email = unique_email("keyboard")
    tab_to(page, "email")
    page.keyboard.type(email)
    # The next fields in tab order are passwords (one, or two with a confirmation).
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.type") != "password":
            break
        page.keyboard.type(PASSWORD)
    button = focused(page)
    assert button["tag"] == "button", f"after the password, Tab went to {button}"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert signed_in(page)


def test_assess_with_keyboard_only(page: Page) -> None:
    page.goto("/assess")
    tab_to(page, "title")
    page.keyboard.type("Registered nurse")
    page.keyboard.press("Tab")
    page.keyboard.type("patient care, clinical documentation, scheduling")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text(re.compile("healthcare", re.I))


# ------------------------------------------------------------------------------ labels

LABELLED_PAGES = ("/", "/careers", "/compare", "/assess", "/salaries", "/postings",
                  "Sign in", "Sign up")  # fmt: skip


@pytest.mark.parametrize("path", LABELLED_PAGES)
def test_every_input_has_a_label(axe_page: Page, axe_js: Path, path: str) -> None:
    page = axe_page
    page.goto(path if path.startswith("/") else account_path(page, path))
    missing = page.evaluate(
        """() => [...document.querySelectorAll('input, select, textarea')]
              .filter(e => e.type !== 'hidden' && e.type !== 'submit' && e.type !== 'button')
              .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                           && !e.getAttribute('aria-labelledby'))
              .map(e => e.outerHTML.slice(0, 120))"""
    )
    assert not missing, f"inputs without a label on {path}: {missing}"
    label_rules = [v for v in run_axe(page, axe_js) if v["id"] in {"label", "select-name"}]
    assert not label_rules, label_rules
