"""Pages to explore the careers: the list, one career, a comparison, salaries and postings.

The catalog is read through the ``Navigator``, real pay through ``aicareers.market`` and
postings through ``aicareers.postings``; this module parses the query or form, calls them and
lays the answer out. A bad filter or file answers the form again with a message (422, or 404
for an unknown career), never a 500. Charts are inline SVG, drawn once per question and kept.
"""

from __future__ import annotations

import re
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from ...errors import AicareersError, UnknownIdError, UserInputError
from ...service import Navigator
from ...views import CareerPage, Link
from ..deps import NavigatorDep, SettingsDep
from ..settings import WebSettings
from ..templating import render

if TYPE_CHECKING:
    from ...market.filters import SalaryFilters
    from ...market.groups import GroupBy
    from ...market.report import SalaryReport
    from ...postings.runner import EngineFactory

router = APIRouter()

SORTS = {"rank": "The guide's order", "title": "Title, A to Z", "salary": "Pay, highest first"}
LEVELS = {"EN": "Entry", "MI": "Mid", "SE": "Senior", "EX": "Executive"}
REMOTES = {"0": "On site", "50": "Hybrid", "100": "Fully remote"}
GROUPS = {"level": "Level", "country": "Country", "year": "Year", "remote": "Remote work"}
SALARY_FIELDS = ("career", "job_title", "level", "country", "remote", "year", "group_by")
POSTING_FIELDS = ("title_col", "text_col", "salary_col", "currency")
CHART_ROWS = 15  # as the CLI: a chart of every country would be unreadable
MALFORMED_SHOWN = 50
MB = 1_048_576
BOXES = (
    "Each box spans the middle half of the salaries (p25 to p75), the line runs from p10 to "
    "p90 and the dark bar marks the median; the shaded band is the guide's range."
)
TREND = "The median of each year's salaries, with how many salaries it stands on (n)."
# The library's messages name CLI flags; on a page they name the form's fields.
FIELD_WORDS = (
    ("--job-title", "Job title"), ("--career", "Career"), ("--level", "Level"),
    ("--country", "Country"), ("--remote", "Remote work"), ("--year", "Year"),
    ("--title-col", "Title column"), ("--text-col", "Description column"),
    ("--salary-col", "Salary column"),
    ("Run `aicareers careers list` to see every id.", "The Careers page lists every career."),
)  # fmt: skip
_charts_lock = threading.Lock()  # matplotlib's style context is process-wide


@dataclass(frozen=True)
class Chart:
    """An inline SVG chart, its title and how to read it."""

    title: str
    svg: Markup
    legend: str = ""


@dataclass(frozen=True)
class CareerMarket:
    """What the salary data says about one career: the report by level, and its chart."""

    report: SalaryReport
    chart: Chart | None


def web_words(message: str) -> str:
    """A library message with CLI flags replaced by the names of the form's fields."""
    for flag, words in FIELD_WORDS:
        message = message.replace(flag, words)
    return message


def _query(request: Request, names: tuple[str, ...]) -> dict[str, str]:
    """The named query parameters, trimmed; '' for those not given."""
    return {name: request.query_params.get(name, "").strip() for name in names}


def _whole(value: str, label: str, problems: list[str], top: int = 10_000_000) -> int | None:
    """A whole number from a form field ('' is None); a problem is noted otherwise."""
    cleaned = re.sub(r"[\s,$_]", "", value)
    if not cleaned:
        return None
    if re.fullmatch(r"[0-9]{1,9}", cleaned) and int(cleaned) <= top:
        return int(cleaned)
    problems.append(f"{label} must be a whole number from 0 to {top:,}; you gave '{value}'.")
    return None


def _one_of(value: str, choices: dict[str, str], label: str, problems: list[str]) -> str | None:
    """``value`` if it is one of ``choices`` ('' is None); a problem is noted otherwise."""
    if not value or value in choices:
        return value or None
    problems.append(f"There is no {label} '{value}' in the list; choose one from it.")
    return None


def _partial(request: Request) -> bool:
    """An HTMX request that wants only the part of the page it swaps."""
    headers = request.headers
    return "hx-request" in headers and "hx-history-restore-request" not in headers


def inline_svg(draw: Callable[[Path], object], title: str, prefix: str, legend: str) -> Chart:
    """Draw a chart into a temporary SVG file and return it ready to put in a page.

    Every id is prefixed so that two charts on one page never share an id, and the root
    element gets ``role="img"`` and the title as its accessible name.
    """
    with _charts_lock, tempfile.TemporaryDirectory(prefix="aicareers-chart-") as folder:
        path = Path(folder) / "chart.svg"
        draw(path)
        text = path.read_text("utf-8")
    svg = text[text.index("<svg") :]
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r'(href=")#([^"]+)"', rf'\1#{prefix}-\2"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", svg)
    label = escape(title)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    return Chart(title, Markup(svg), legend)


# ---------------------------------------------------------------- careers and one career


@lru_cache(maxsize=4)
def _choices(nav: Navigator) -> tuple[dict[str, str], dict[str, str]]:
    """Skills and backgrounds that at least one career names, by name: the filter lists."""
    careers = nav.catalog.careers
    used = {s for c in careers for s in c.key_skills}
    suited = {b.background for c in careers for b in c.backgrounds}
    skills = sorted((s.name, s.id) for s in nav.catalog.skills if s.id in used)
    backgrounds = sorted((b.name, b.id) for b in nav.catalog.backgrounds if b.id in suited)
    return {i: n for n, i in skills}, {i: n for n, i in backgrounds}


@lru_cache(maxsize=256)
def options(pairs: tuple[tuple[str, str], ...], selected: str) -> Markup:
    """``<option>`` elements for (id, name) pairs, made once: escaping 98 of them on every
    request was 40 % of the careers page's rendering time."""
    return Markup("").join(
        Markup('<option value="{}"{}>{}</option>').format(
            value, Markup(" selected") if value == selected else "", name
        )
        for value, name in pairs
    )


# The two catalog pages run on the event loop rather than in the thread pool: they only read
# the catalog in memory (and, for a signed-in user, one session row by primary key), and the
# hop to a worker thread cost a third of their throughput (docs/web.md, Speed).
@router.get("/careers", response_class=HTMLResponse)
async def careers_list(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """The careers, filtered by pay, skill and background, in the order asked for."""
    form = _query(request, ("min_pay", "skill", "background", "sort"))
    skills, backgrounds = _choices(nav)
    problems: list[str] = []
    min_pay = _whole(form["min_pay"], "The lowest pay", problems)
    skill = _one_of(form["skill"], skills, "skill", problems)
    background = _one_of(form["background"], backgrounds, "background", problems)
    sort = _one_of(form["sort"], SORTS, "sort order", problems) or "rank"
    suits = {c.id: {b.background for b in c.backgrounds} for c in nav.catalog.careers}
    rows = [
        row
        for row in nav.careers(sort=sort)
        if (min_pay is None or row.salary.min >= min_pay)
        and (skill is None or any(s.id == skill for s in row.key_skills))
        and (background is None or background in suits[row.id])
    ]
    partial = _partial(request)
    context = {
        "form": form, "careers": rows, "total": len(nav.catalog.careers), "problems": problems,
        "skills": skills, "backgrounds": backgrounds, "sorts": SORTS,
        "skill_options": options(tuple(skills.items()), form["skill"]),
        "background_options": options(tuple(backgrounds.items()), form["background"]),
    }  # fmt: skip
    status = 422 if problems and not partial else 200  # htmx swaps only 2xx answers
    name = "careers_results.html" if partial else "careers_list.html"
    return render(request, name, context, status_code=status, headers={"Vary": "HX-Request"})


@lru_cache(maxsize=64)
def career_market(nav: Navigator, career_id: str) -> CareerMarket | None:
    """The salary data by level for one career, with its chart (None if the data is missing)."""
    from ...charts import distribution_chart
    from ...market import SalaryFilters, salary_report

    try:
        report = salary_report(SalaryFilters(career=career_id), "level", catalog=nav.catalog)
    except AicareersError:  # the salary data is not installed: the page shows the guide only
        return None
    if all(g.suppressed for g in report.groups):
        return CareerMarket(report, None)
    seed = report.seed_range
    band = (float(seed.min), float(seed.max)) if seed else None
    name = report.role.name if report.role else career_id
    title = f"{name}: yearly pay by level"
    chart = inline_svg(
        lambda path: distribution_chart(report.groups, title, path, band), title, "pay", BOXES
    )
    return CareerMarket(report, chart)


def _named(page: CareerPage, attribute: str) -> list[Link]:
    """The certifications or resources the career's break-in steps name, each once."""
    found: dict[str, Link] = {}
    for step in page.break_in:
        for link in getattr(step, attribute):
            found.setdefault(link.id, link)
    return list(found.values())


@router.get("/careers/{career_id}", response_class=HTMLResponse)
async def career_detail(request: Request, career_id: str, nav: NavigatorDep) -> HTMLResponse:
    """Everything about one career; an unknown id is a 404 page with the closest ids."""
    try:
        page = nav.career(career_id)
    except UnknownIdError as exc:
        cards = {c.id: c for c in nav.careers()}
        missing = {"given": exc.given, "suggestions": [cards[i] for i in exc.suggestions]}
        return render(request, "careers_missing.html", missing, status_code=404)
    context = {
        "page": page, "market": career_market(nav, page.id),
        "certifications": _named(page, "certifications"), "resources": _named(page, "resources"),
    }  # fmt: skip
    return render(request, "careers_detail.html", context)


@router.get("/compare", response_class=HTMLResponse)
def compare(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """Two to four careers side by side, and the form to choose them."""
    chosen = [i.strip() for i in request.query_params.getlist("ids") if i.strip()]
    context: dict[str, Any] = {"chosen": chosen, "comparison": None, "problem": None,
                               "suggestions": [], "markets": {}}  # fmt: skip
    context["options"] = {c.id: c.title for c in nav.careers(sort="title")}
    status = 200
    if chosen and not 2 <= len(chosen) <= 4:
        context["problem"] = f"Choose two to four careers to compare; you chose {len(chosen)}."
        status = 422
    elif chosen:
        try:
            comparison = nav.compare(chosen)
        except UnknownIdError as exc:
            context["problem"] = f"There is no career with the id '{exc.given}'."
            context["suggestions"] = [(i, context["options"][i]) for i in exc.suggestions]
            status = 404
        except UserInputError as exc:
            context["problem"] = str(exc).replace("aicareers careers compare ", "compare ")
            status = 422
        else:
            context["comparison"] = comparison
            context["markets"] = {p.id: career_market(nav, p.id) for p in comparison.careers}
    return render(request, "compare.html", context, status_code=status)


# ---------------------------------------------------------------- salaries


def _salary_filters(
    form: dict[str, str], problems: list[str]
) -> tuple[SalaryFilters, GroupBy | None]:
    """The filters of the salary form; what cannot even be parsed goes to ``problems``."""
    from ...market import SalaryFilters
    from ...market.groups import GROUP_BYS

    remote = _one_of(form["remote"], REMOTES, "remote work choice", problems)
    group = _one_of(form["group_by"], GROUPS, "grouping", problems)
    filters = SalaryFilters(
        career=form["career"] or None, job_title=form["job_title"] or None,
        level=form["level"] or None, country=form["country"] or None,
        remote=int(remote) if remote else None,
        year=_whole(form["year"], "The year", problems, top=9999),
        distinct_rows=form["distinct_rows"] == "1",
    )  # fmt: skip
    return filters, next((by for by in GROUP_BYS if by == group), None)


@lru_cache(maxsize=128)
def salary_charts(
    nav: Navigator, filters: SalaryFilters, group_by: GroupBy | None
) -> tuple[Chart, ...]:
    """The charts of one salary question: pay by group (or level), and the median by year."""
    from ...charts import distribution_chart, trend_chart
    from ...market import salary_report

    report = salary_report(filters, group_by, catalog=nav.catalog)
    who = report.role.name if report.role else "All jobs in the salary data"
    charts = []
    if group_by != "year":
        by: GroupBy = group_by or "level"
        groups = report.groups if group_by else salary_report(
            filters, by, catalog=nav.catalog).groups  # fmt: skip
        title = f"{who}: yearly pay by {GROUPS[by].lower()}"
        if len(groups) > CHART_ROWS:
            groups, title = groups[:CHART_ROWS], f"{title} ({CHART_ROWS} with most salaries)"
        seed = report.seed_range
        band = (float(seed.min), float(seed.max)) if seed else None
        if any(not g.suppressed for g in groups):

            def boxes(path: Path) -> object:
                return distribution_chart(groups, title, path, band)

            charts.append(inline_svg(boxes, title, "groups", BOXES))
    if any(p.p50 is not None for p in report.trend):
        years = f"{who}: median yearly pay by year"
        draw = partial(trend_chart, report.trend, years)
        charts.append(inline_svg(draw, years, "trend", TREND))
    return tuple(charts)


def _salary_choices(nav: Navigator) -> dict[str, Any]:
    """The lists the salary form offers: careers, reference roles, job titles, years."""
    from ...market.dataset import load_salaries
    from ...market.titles import load_title_map

    data = load_salaries()
    first, last = data.years()
    return {
        "careers": {c.id: c.title for c in nav.catalog.careers},
        "references": load_title_map().reference_names,
        "titles": data.titles, "years": list(range(last, first - 1, -1)),
        "levels": LEVELS, "remotes": REMOTES, "groups": GROUPS,
    }  # fmt: skip


@router.get("/salaries", response_class=HTMLResponse)
def salaries(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """Real pay from the salary data for the filters of the form, with the guide's range."""
    from ...market import salary_report

    form = _query(request, (*SALARY_FIELDS, "distinct_rows"))
    problems: list[str] = []
    filters, group_by = _salary_filters(form, problems)
    report, charts = None, tuple[Chart, ...]()
    if not problems:
        try:
            report = salary_report(filters, group_by, catalog=nav.catalog)
            charts = salary_charts(nav, report.filters, group_by)
        except UserInputError as exc:
            problems.append(web_words(str(exc)))
    context = {"form": form, "problems": problems, "report": report, "charts": charts,
               "message": web_words(report.message) if report and report.message else None,
               **_salary_choices(nav)}  # fmt: skip
    return render(request, "salaries.html", context, status_code=422 if problems else 200)


# ---------------------------------------------------------------- postings


class UploadTooLargeError(UserInputError):
    """An uploaded file over the size limit."""

    def __init__(self, limit: int) -> None:
        size = f"{limit / MB:.0f} MB" if limit >= MB else f"{max(limit // 1024, 1)} KB"
        super().__init__(
            f"The file is over the {size} limit. Upload fewer postings at "
            "once (split the file), or run `aicareers postings analyze FILE` on your own machine."
        )


def posting_engine() -> Any:
    """The engine that reads postings: the installed one, else the catalog alone."""
    from ...batch.worker import full_assessor, light_assessor

    try:
        return full_assessor(semantic=False)
    except AicareersError:  # no taxonomy installed: careers and skills still work
        return light_assessor()


def _save_upload(source: IO[bytes], path: Path, limit: int) -> None:
    """Copy the upload to ``path``, refusing it as soon as it passes ``limit`` bytes."""
    written = 0
    with path.open("wb") as out:
        while chunk := source.read(1 << 20):
            written += len(chunk)
            if written > limit:
                raise UploadTooLargeError(limit)
            out.write(chunk)


def analyse_upload(
    upload: UploadFile, values: dict[str, str], limit: int, factory: EngineFactory
) -> dict[str, Any]:
    """Analyse an uploaded postings file in a temporary folder, deleted afterwards."""
    from ...batch.readers import EXTENSIONS
    from ...postings import Options, analyze_table, open_postings

    name = Path(upload.filename or "").name
    fmt = EXTENSIONS.get(Path(name).suffix.lower())
    if fmt is None:
        raise UserInputError(
            f"We read job postings from .csv, .jsonl or .parquet files; '{name}' is none of them."
        )
    currency = values["currency"].upper() or None
    if currency is not None and not re.fullmatch(r"[A-Z]{3}", currency):
        raise UserInputError(
            f"A currency is a three-letter code (USD, EUR, GBP), not '{currency}'."
        )
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name).lstrip(".")[-80:] or f"postings.{fmt}"
    with tempfile.TemporaryDirectory(prefix="aicareers-postings-") as folder:
        path = Path(folder) / safe
        _save_upload(upload.file, path, limit)
        table, columns = open_postings(
            path, fmt, title=values["title_col"] or None, text=values["text_col"] or None,
            salary=values["salary_col"] or None,
        )  # fmt: skip
        return analyze_table(table, columns, None, factory=factory, options=Options(
            currency=currency))  # fmt: skip


def skills_chart(summary: dict[str, Any]) -> Chart | None:
    """The skills named most across the postings, as a bar chart."""
    from ...charts import bar_chart

    top = summary["skills"][:CHART_ROWS]
    if not top:
        return None
    title = f"Skills named most in {summary['rows']['analysed']:,} postings (% of postings)"
    labels = [s["name"] for s in top]
    shares = [round(100 * s["share"], 1) for s in top]

    def bars(path: Path) -> object:
        return bar_chart(labels, shares, title, "% of postings", path)

    return inline_svg(bars, title, "skills", "Share of the postings that name each skill.")


def _postings_context(settings: WebSettings, values: dict[str, str]) -> dict[str, Any]:
    return {"values": values, "summary": None, "problem": None, "skills_chart": None,
            "limit_mb": settings.max_upload_bytes / MB,
            "malformed_shown": MALFORMED_SHOWN}  # fmt: skip


@router.get("/postings", response_class=HTMLResponse)
def postings_form(request: Request, settings: SettingsDep) -> HTMLResponse:
    """The form to upload a file of job postings."""
    values = dict.fromkeys(POSTING_FIELDS, "")
    return render(request, "postings.html", _postings_context(settings, values))


@router.post("/postings", response_class=HTMLResponse)
async def postings_upload(request: Request, settings: SettingsDep) -> HTMLResponse:
    """Careers, skills and pay in an uploaded postings file; nothing is kept afterwards."""
    form = await request.form()
    values = {k: v.strip() if isinstance(v := form.get(k), str) else "" for k in POSTING_FIELDS}
    context = _postings_context(settings, values)
    upload = form.get("file")
    status = 200
    try:
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise UserInputError("Choose a file of job postings to upload.")
        context["filename"] = Path(upload.filename).name
        summary = await run_in_threadpool(
            analyse_upload, upload, values, settings.max_upload_bytes, posting_engine
        )
        context["summary"] = summary
        context["skills_chart"] = await run_in_threadpool(skills_chart, summary)
    except UploadTooLargeError as exc:
        context["problem"], status = str(exc), 413
    except UserInputError as exc:
        context["problem"], status = web_words(str(exc)), 422
    finally:
        await form.close()
    return render(request, "postings.html", context, status_code=status)
