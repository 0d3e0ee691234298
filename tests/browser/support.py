"""Fixtures and helpers for the browser tests: the real app in a subprocess, Chromium, axe-core.

The app runs as it does for a user (uvicorn with ``create_app`` as a factory) on a free port
of 127.0.0.1, with its database, data folder and cache in temporary folders. Playwright drives
Debian's Chromium (``/usr/bin/chromium``; never ``playwright install``). axe-core comes from
npm into ``build/axe`` (ignored by git), or from ``AICAREERS_AXE_JS``.

Without Chromium, Playwright or axe-core the tests skip and say why, except under
``AICAREERS_REQUIRE_BROWSER=1`` (CI), where a missing piece is a failure.
"""

from __future__ import annotations

import importlib.util
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import httpx
import pytest

from tests import pg

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Locator, Page

ROOT = Path(__file__).resolve().parents[2]
# A test run writes its screenshots into build/ (ignored), so tests never change tracked files;
# `make screenshots` sets AICAREERS_SCREENSHOTS=docs/screenshots to refresh the README's.
SCREENSHOTS = Path(os.environ.get("AICAREERS_SCREENSHOTS") or ROOT / "build" / "screenshots")
AXE_DIR = ROOT / "build" / "axe"
AXE_JS = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_PACKAGE = "axe-core@4.14.1"  # pinned: a new rule set may not change results unasked
CHROMIUM = os.environ.get("AICAREERS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
SECRET_KEY = "browser-tests-not-a-secret"
PASSWORD = "correct horse battery staple 42"
# Impacts that fail a page: axe's "serious" and "critical".
BLOCKING = ("serious", "critical")


def unavailable(reason: str) -> NoReturn:
    """Skip with ``reason``; fail instead under ``AICAREERS_REQUIRE_BROWSER=1``."""
    if os.environ.get("AICAREERS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (required because AICAREERS_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def require_playwright() -> None:
    """Call before importing Playwright in a test module: skip the module when it is missing."""
    if importlib.util.find_spec("playwright") is None:
        unavailable("Playwright is not installed (.venv/bin/pip install playwright)")


# ------------------------------------------------------------------------------ the app server


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    """The app in a uvicorn subprocess; ``url`` is its base address without a trailing slash."""

    url: str
    process: subprocess.Popen[bytes]
    log_path: Path
    _seen: int = field(default=0)

    def log(self) -> str:
        """Everything the server wrote so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def new_server_errors(self) -> list[str]:
        """Access-log lines with a 5xx status and traceback lines written since the last call."""
        text = self.log()
        fresh, self._seen = text[self._seen :], len(text)
        bad = re.compile(r'" 5\d\d\b|Traceback \(most recent call last\)')
        return [line for line in fresh.splitlines() if bad.search(line)]


def server_env(tmp: Path, database_url: str) -> dict[str, str]:
    """The environment of a server run: temporary database, data and cache, a fixed key."""
    for name in ("data", "cache"):
        (tmp / name).mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("AICAREERS_")}
    env.update(
        AICAREERS_DATABASE_URL=database_url,
        AICAREERS_DATA_DIR=str(tmp / "data"),
        AICAREERS_CACHE_DIR=str(tmp / "cache"),
        AICAREERS_SECRET_KEY=SECRET_KEY,
        # Keep the encoder's model where `make setup` built it (the user cache).
        AICAREERS_MODEL_DIR=os.environ.get("AICAREERS_MODEL_DIR", ""),
        PYTHONUNBUFFERED="1",
    )
    if not env["AICAREERS_MODEL_DIR"]:
        del env["AICAREERS_MODEL_DIR"]
    return env


def uvicorn_command(port: int, log_level: str = "info") -> list[str]:
    """One uvicorn worker serving ``create_app()`` (settings from the environment)."""
    return [
        sys.executable, "-m", "uvicorn", "--factory", "aicareers.web.app:create_app",
        "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
        "--log-level", log_level, "--no-access-log" if log_level == "warning" else "--access-log",
    ]  # fmt: skip


def wait_ready(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    """Wait until ``url`` answers any HTTP status below 500; fail if the process dies first."""
    deadline = time.monotonic() + timeout
    last = "no answer yet"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace")[-3000:]
            pytest.fail(f"the app exited with {process.returncode} before answering:\n{tail}")
        try:
            status = httpx.get(url + "/", timeout=2).status_code
            if status < 500:
                return
            last = f"status {status}"
        except httpx.HTTPError as exc:
            last = type(exc).__name__
        time.sleep(0.2)
    pytest.fail(f"the app did not answer {url}/ within {timeout:.0f} s ({last})")


def start_server(
    tmp: Path, database_url: str, *, log_level: str = "info", timeout: float = 60
) -> LiveServer:
    """Start the app on a free port of 127.0.0.1 and wait until it answers."""
    port = free_port()
    log_path = tmp / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            uvicorn_command(port, log_level),
            cwd=ROOT,
            env=server_env(tmp, database_url),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, process, log_path, timeout)
    except BaseException:
        stop_server(process)
        raise
    return LiveServer(url=url, process=process, log_path=log_path)


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Stop the server (SIGTERM, then SIGKILL after 10 s)."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _served(tmp: Path, database_url: str) -> Iterator[LiveServer]:
    server = start_server(tmp, database_url)
    try:
        yield server
    finally:
        stop_server(server.process)


@pytest.fixture(scope="session")
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The app on a fresh SQLite file, shared by the whole session."""
    tmp = tmp_path_factory.mktemp("web-sqlite")
    yield from _served(tmp, f"sqlite:///{tmp / 'web.db'}")


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The app on a fresh PostgreSQL database (skips without a server, as tests/pg.py says)."""
    tmp = tmp_path_factory.mktemp("web-postgres")
    with pg.fresh_database("web") as url:
        yield from _served(tmp, url)


# ------------------------------------------------------------------------------ the browser


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        unavailable("Playwright is not installed (.venv/bin/pip install playwright)")
    if not Path(CHROMIUM).exists():
        unavailable(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
        except Error as exc:
            unavailable(f"Chromium at {CHROMIUM} did not start: {str(exc).splitlines()[0]}")
        yield chromium
        chromium.close()


def new_page(browser: Browser, server: LiveServer, *, bypass_csp: bool = False) -> Page:
    """A fresh browser context (no cookies) at 1280x900 whose relative URLs go to ``server``.

    The app's Content-Security-Policy forbids inline scripts, and so the injection of axe-core:
    ``bypass_csp`` lifts it, for the accessibility checks only.
    """
    context = browser.new_context(
        base_url=server.url,
        viewport=VIEWPORT,  # type: ignore[arg-type]
        bypass_csp=bypass_csp,
    )
    context.set_default_timeout(15_000)
    context.set_default_navigation_timeout(60_000)
    return context.new_page()


def watch_console(page: Page) -> list[str]:
    """Collect the page's script errors and console errors (a script the CSP blocks, say).

    Failed loads are left out: the server's own log says whether one was a 5xx.
    """
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"script error: {exc}"))

    def console(message: ConsoleMessage) -> None:
        if message.type == "error" and "Failed to load resource" not in message.text:
            problems.append(f"console error on {page.url}: {message.text}")

    page.on("console", console)
    return problems


def _checked_page(browser: Browser, server: LiveServer, bypass_csp: bool) -> Iterator[Page]:
    server.new_server_errors()
    tab = new_page(browser, server, bypass_csp=bypass_csp)
    problems = watch_console(tab)
    yield tab
    tab.context.close()
    errors = server.new_server_errors()
    assert not errors, "the server answered with an error:\n" + "\n".join(errors)
    assert not problems, "the browser reported:\n" + "\n".join(problems)


@pytest.fixture
def page(browser: Browser, sqlite_server: LiveServer) -> Iterator[Page]:
    """A fresh page on the SQLite server, the app's Content-Security-Policy in force.

    The test fails afterwards if the server answered 5xx or logged a traceback meanwhile, or
    if the browser reported a script or console error.
    """
    yield from _checked_page(browser, sqlite_server, bypass_csp=False)


@pytest.fixture
def axe_page(browser: Browser, sqlite_server: LiveServer) -> Iterator[Page]:
    """Like ``page``, with the Content-Security-Policy lifted so that axe-core can be injected."""
    yield from _checked_page(browser, sqlite_server, bypass_csp=True)


# ------------------------------------------------------------------------------ axe-core


def _install_axe() -> str | None:
    """``npm install axe-core`` into build/axe; None when it worked, else why not."""
    npm = shutil.which("npm")
    if npm is None:
        return "npm is not installed"
    AXE_DIR.mkdir(parents=True, exist_ok=True)
    command = [npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(AXE_DIR)]
    try:
        done = subprocess.run(
            [*command, AXE_PACKAGE], capture_output=True, text=True, timeout=180, check=False
        )
    except subprocess.TimeoutExpired:
        return f"npm install {AXE_PACKAGE} took over 180 s"
    if done.returncode != 0:
        return f"npm install {AXE_PACKAGE} failed: {done.stderr.strip()[-500:]}"
    return None


@pytest.fixture(scope="session")
def axe_js() -> Path:
    """axe-core's script: $AICAREERS_AXE_JS, else build/axe (installed with npm when missing)."""
    explicit = os.environ.get("AICAREERS_AXE_JS")
    if explicit:
        if not Path(explicit).is_file():
            unavailable(f"AICAREERS_AXE_JS={explicit} is not a file")
        return Path(explicit)
    if not AXE_JS.is_file():
        why = _install_axe()
        if why is not None or not AXE_JS.is_file():
            unavailable(f"axe-core is missing from {AXE_JS} ({why or 'not installed there'})")
    return AXE_JS


def run_axe(page: Page, axe_js: Path) -> list[dict[str, Any]]:
    """axe-core's violations on the current page (WCAG 2.x A/AA and best practices)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_js))
    result: list[dict[str, Any]] = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target, html: n.html,
                                          summary: n.failureSummary})),
            }));
        }"""
    )
    return result


def describe_violations(violations: list[dict[str, Any]]) -> str:
    """One line per violation and element: impact, rule id, target, failure summary."""
    lines = []
    for v in violations:
        for node in v["nodes"]:
            summary = " ".join((node.get("summary") or "").split())[:300]
            lines.append(f"[{v['impact']}] {v['id']} ({v['help']}) at {node['target']}: {summary}")
    return "\n".join(lines)


def assert_accessible(page: Page, axe_js: Path, what: str) -> list[dict[str, Any]]:
    """Fail on serious or critical axe violations; return the minor ones (for the report)."""
    violations = run_axe(page, axe_js)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"axe on {what} ({page.url}):\n{describe_violations(blocking)}"
    return [v for v in violations if v["impact"] not in BLOCKING]


# ------------------------------------------------------------------------------ helpers


def screenshot(page: Page, name: str) -> Path:
    """Save the viewport (1280x900) as NAME.png in build/screenshots (or $AICAREERS_SCREENSHOTS)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def resume_docx() -> bytes:
    """A short DOCX resume of a data analyst moving towards MLOps (our own words)."""
    from docx import Document

    doc = Document()
    doc.add_heading("Sam Rivera", level=1)
    doc.add_paragraph("Leeds, UK")
    doc.add_heading("Summary", level=2)
    doc.add_paragraph(
        "Data analyst and DevOps engineer with seven years of experience. I build reliable data "
        "pipelines and deploy machine learning models to production."
    )
    doc.add_heading("Experience", level=2)
    doc.add_paragraph("DevOps Engineer, Orbit Labs, 2021 - Present")
    for line in (
        "Automated continuous integration and deployment with GitHub Actions and Docker.",
        "Ran Kubernetes clusters and Terraform modules for three product teams.",
        "Deployed and monitored machine learning models in production with MLflow.",
    ):
        doc.add_paragraph(line, style="List Bullet")
    doc.add_paragraph("Data Analyst, Acme Analytics, 2017 - 2021")
    for line in (
        "Wrote Python and SQL pipelines that feed weekly dashboards.",
        "Trained a customer churn model with scikit-learn.",
    ):
        doc.add_paragraph(line, style="List Bullet")
    doc.add_heading("Skills", level=2)
    doc.add_paragraph("Python, SQL, Docker, Kubernetes, AWS, CI/CD, Git, machine learning")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def unique_email(label: str) -> str:
    """An address no other test uses."""
    return f"{label}-{time.time_ns()}@example.org"


# ------------------------------------------------------------------------------ accounts


def nav_link(page: Page, name: str) -> Locator:
    """A link of the site's menus (main or account), by its exact accessible name."""
    return page.get_by_role("navigation").get_by_role("link", name=name, exact=True).first


def account_path(page: Page, name: str) -> str:
    """Where the menu's "Sign in" or "Sign up" link goes (the home page is opened)."""
    page.goto("/")
    href = nav_link(page, name).get_attribute("href")
    assert href, f"the main menu has no {name!r} link"
    return href


def _fill_credentials(page: Page, email: str, password: str) -> None:
    form = page.locator("main form").filter(has=page.locator("input[type=password]")).first
    form.get_by_label(re.compile("e-?mail", re.I)).fill(email)
    for box in form.locator("input[type=password]").all():
        box.fill(password)


def sign_up(page: Page, email: str, password: str = PASSWORD, *, go: bool = True) -> None:
    """Create an account through the sign-up form (opened first unless ``go`` is False)."""
    if go:
        page.goto("/")
        nav_link(page, "Sign up").click()
    _fill_credentials(page, email, password)
    page.locator("main").get_by_role("button", name=re.compile("sign up|create", re.I)).click()
    page.wait_for_load_state()


def sign_in(page: Page, email: str, password: str) -> None:
    """Sign in through the sign-in form, opened from the main menu."""
    page.goto("/")
    nav_link(page, "Sign in").click()
    _fill_credentials(page, email, password)
    page.locator("main").get_by_role("button", name=re.compile("sign in", re.I)).click()
    page.wait_for_load_state()


def sign_out_button(page: Page) -> Locator:
    """The menu's sign-out button (present only when signed in)."""
    return page.get_by_role("navigation").get_by_role("button", name=re.compile("sign out", re.I))


def signed_in(page: Page) -> bool:
    """Whether the page's menu offers to sign out."""
    return sign_out_button(page).count() > 0


def sign_out(page: Page) -> None:
    """Sign out with the menu's button."""
    sign_out_button(page).click()
    page.wait_for_load_state()
