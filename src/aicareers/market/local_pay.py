"""A career's pay from three sources side by side, for the U.S., a state or another country.

1. The guide's range (careers.yaml): a claim, with the guide's date.
2. AI job-title salaries (ai-jobs.net): what people with the career's job titles reported, shown
   only from ``MIN_N`` salaries up; in another country, that country's rows.
3. The base occupations (BLS OEWS): the O*NET occupations the career space anchors the career
   on, in the person's state or nationally. They are what the jobs this role grows from pay,
   never the AI role's own pay, and every label says so. Their range is the anchors' 25th to
   75th percentiles averaged with the anchor weights (over anchors with figures).
"""

from __future__ import annotations

import msgspec

from ..knowledge.models import Catalog
from ..knowledge.space import CareerTarget
from ..taxonomy.wages import NATIONAL, WageRow, Wages, source_note
from .filters import SalaryFilters
from .report import SalaryReport, salary_report
from .stats import MIN_N

BASE_LABEL = "Occupations this role grows from"


class BaseOccupation(msgspec.Struct, frozen=True, kw_only=True):
    """One anchor occupation of a career with its weight and its pay here and nationally."""

    onet_code: str
    soc: str | None
    title: str
    weight: float
    national: WageRow | None
    local: WageRow | None  # the state's row; None nationally or where the state has none
    note: str | None = None  # why the survey has no figures for it


class PaySource(msgspec.Struct, frozen=True, kw_only=True):
    """One source's range (yearly USD, before tax) with its date and how much data it rests on."""

    kind: str  # guide | ai-jobs | base-occupations
    label: str
    low: float | None
    high: float | None
    median: float | None
    n: int | None = None  # salaries behind an ai-jobs figure
    employment: int | None = None  # jobs behind a base-occupation figure
    area: str  # where the figures hold, in words
    date: str
    source: str
    note: str | None = None


class CareerPay(msgspec.Struct, frozen=True, kw_only=True):
    """What a career pays where the person is: the sources, then each base occupation."""

    career: str
    career_name: str
    area: str  # "US", a state's postal code, or another country's ISO code
    area_name: str
    sources: tuple[PaySource, ...]
    base: tuple[BaseOccupation, ...]
    notes: tuple[str, ...]


def base_occupations(target: CareerTarget, wages: Wages, state: str | None) -> list[BaseOccupation]:
    """The career's anchors with their survey rows, heaviest first."""
    found = []
    for anchor in sorted(target.anchors, key=lambda a: -a.weight):
        soc = wages.soc_for(anchor.code)
        national = wages.row(soc) if soc else None
        local = wages.row(soc, state) if soc and state else None
        title = national.title if national else anchor.code
        note = None if soc else wages.not_surveyed(anchor.code)
        found.append(BaseOccupation(onet_code=anchor.code, soc=soc, title=title,
                                    weight=anchor.weight, national=national, local=local,
                                    note=note))  # fmt: skip
    return found


def blend(base: list[BaseOccupation], local: bool) -> tuple[float, float, float, int] | None:
    """Weighted p25, p75 and median of the anchors' rows, and their employment summed."""
    rows = [(b.weight, b.local if local else b.national) for b in base]
    usable = [(w, r) for w, r in rows if r and None not in (r.p25, r.p50, r.p75)]
    if not usable:
        return None
    total = sum(w for w, _ in usable)

    def mean(field: str) -> float:  # whole dollars: the survey rounds to them too
        return float(round(sum(w * float(getattr(r, field)) for w, r in usable) / total))

    employment = sum(r.employment or 0 for _, r in usable)
    return mean("p25"), mean("p75"), mean("p50"), employment


def base_source(base: list[BaseOccupation], area_name: str, local: bool, release: str,
                cite: str) -> PaySource:  # fmt: skip
    """The base occupations as one range, labelled as what the role grows from."""
    figures = blend(base, local)
    names = ", ".join(b.title for b in base if (b.local if local else b.national))
    low, high, median, employment = figures if figures else (None, None, None, None)
    return PaySource(
        kind="base-occupations", label=BASE_LABEL, low=low, high=high, median=median,
        employment=employment, area=area_name, date=release, source=cite,
        note=(f"What people in {names} earn, weighted by how much the role draws on each; "
              "not the pay of the AI role itself.") if figures else
        f"The wage survey publishes no figures for these occupations in {area_name}.",
    )  # fmt: skip


def guide_source(catalog: Catalog, career_id: str) -> PaySource:
    career = next(c for c in catalog.careers if c.id == career_id)
    pay = career.salary
    return PaySource(
        kind="guide", label="The guide's range", low=float(pay.min), high=float(pay.max),
        median=None, area="No place given",
        date=catalog.guide.published.strftime("%B %Y"), source="The guide (2026)",
        note="Open-ended: the top of the range can be higher." if pay.open_ended else None,
    )  # fmt: skip


def ai_jobs_source(
    career_id: str | None, country: str | None, country_name: str, catalog: Catalog
) -> tuple[PaySource, SalaryReport]:
    """The ai-jobs salaries of the career's job titles (every title when ``career_id`` is None),
    in ``country`` when given."""
    report = salary_report(SalaryFilters(career=career_id, country=country), catalog=catalog)
    years = [p.year for p in report.trend if p.n]
    shown = not report.suppressed
    source = PaySource(
        kind="ai-jobs",
        label="AI job-title salaries" if career_id else "All AI job titles",
        low=report.p25 if shown else None,
        high=report.p75 if shown else None,
        median=report.p50 if shown else None,
        n=report.n,
        area=country_name,
        date=f"{min(years)}-{max(years)}" if years else "no salaries",
        source=report.source.name,
        note=None if shown else (report.message or f"Fewer than {MIN_N} salaries."),
    )
    return source, report


class Place(msgspec.Struct, frozen=True):
    """Where pay is asked for: a U.S. state, the U.S. as a whole, or another country."""

    country: str = NATIONAL  # ISO code
    country_name: str = "United States"
    state: str | None = None  # postal code, in the U.S. only

    @property
    def abroad(self) -> bool:
        return self.country != NATIONAL


def career_pay(
    career_id: str, catalog: Catalog, target: CareerTarget, wages: Wages, place: Place
) -> CareerPay:
    """The three sources for ``career_id`` in ``place``.

    Outside the U.S. the wage survey does not apply: the base occupations keep their U.S.
    figures for scale, and the AI salaries come from the person's country, all AI titles there
    when the career's own are too few.
    """
    state = None if place.abroad else place.state
    area_name = place.country_name if place.abroad else wages.areas[state or NATIONAL]
    base = base_occupations(target, wages, state)
    sources = [guide_source(catalog, career_id)]
    # The salary data names countries, not states: a state's person sees the U.S. rows.
    country = place.country if place.abroad or state else None
    where = area_name if place.abroad else (wages.areas[NATIONAL] if state else "All countries")
    mine, report = ai_jobs_source(career_id, country, where, catalog)
    sources.append(mine)
    notes = []
    if place.abroad:
        notes.append(
            f"The U.S. wage survey covers the United States only: the occupations below show "
            f"U.S. figures for scale, not pay in {area_name}."
        )
        if report.suppressed:
            sources.append(ai_jobs_source(None, country, where, catalog)[0])
    survey_area = wages.areas[NATIONAL] if place.abroad else area_name
    sources.append(base_source(base, survey_area, state is not None, wages.release,
                               source_note(wages.release)))  # fmt: skip
    name = next(c.title for c in catalog.careers if c.id == career_id)
    return CareerPay(
        career=career_id, career_name=name, area=state or place.country, area_name=area_name,
        sources=tuple(sources), base=tuple(base), notes=tuple(notes),
    )  # fmt: skip


class StateDemand(msgspec.Struct, frozen=True, kw_only=True):
    """A career's base occupations in one state: jobs, pay and concentration."""

    state: str
    name: str
    employment: int | None  # jobs in the base occupations there (summed)
    median: float | None  # their medians averaged with the anchor weights
    location_quotient: float | None  # weighted: above 1, more concentrated than nationally
    hub: str | None = None  # the guide's hub in this state, if any


def states_by_demand(
    target: CareerTarget, wages: Wages, hubs: dict[str, str] | None = None
) -> list[StateDemand]:
    """Every state ranked by jobs in the career's base occupations, then by pay."""
    found = []
    for code, name in wages.areas.items():
        if code == NATIONAL:
            continue
        base = base_occupations(target, wages, code)
        figures = blend(base, local=True)
        rows = [(b.weight, b.local) for b in base if b.local and b.local.location_quotient]
        weight = sum(w for w, _ in rows)
        lq = sum(w * float(r.location_quotient or 0) for w, r in rows) / weight if rows else None
        found.append(StateDemand(
            state=code, name=name, employment=figures[3] if figures else None,
            median=figures[2] if figures else None,
            location_quotient=round(lq, 2) if lq is not None else None,
            hub=(hubs or {}).get(code),
        ))  # fmt: skip
    found.sort(key=lambda s: (-(s.employment or 0), -(s.median or 0), s.state))
    return found
