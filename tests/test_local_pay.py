"""Local pay: every career shows real figures; a nurse in Ohio and one in Germany are told the
truth about each source; the base occupations are never passed off as the AI role's pay."""

from __future__ import annotations

import pytest

from aicareers.knowledge import default_catalog
from aicareers.knowledge.space import default_space
from aicareers.service.assess import AssessInput, assess
from aicareers.service.pay import career_pay, place_of, states_by_demand
from aicareers.taxonomy.wages import load_wages

NURSE = AssessInput(
    title="Registered nurse", skills="patient care, care coordination, electronic health records"
)


@pytest.mark.parametrize("career", [c.id for c in default_catalog().careers])
def test_every_career_shows_real_figures_with_their_size_and_date(career: str) -> None:
    pay = career_pay(career)
    data = [s for s in pay.sources if s.kind != "guide" and s.median is not None]
    assert data, f"{career}: no data source has figures"
    for source in data:
        assert (source.n or 0) >= 10 or (source.employment or 0) > 0
        assert source.date
    base = next(s for s in pay.sources if s.kind == "base-occupations")
    assert "not the pay of the AI role" in (base.note or "")


def weighted_median(career: str, state: str) -> float:
    """The base occupations' median in ``state``, computed here from the survey's rows."""
    wages = load_wages()
    target = next(t for t in default_space() if t.career == career)
    rows = [(a.weight, wages.row(wages.soc_for(a.code) or "", state)) for a in target.anchors]
    usable = [(w, r.p50) for w, r in rows if r is not None and r.p50 is not None]
    return round(sum(w * m for w, m in usable) / sum(w for w, _ in usable))


def test_a_nurse_in_ohio_sees_ohio_pay_for_nurses_and_for_the_coordinators_base() -> None:
    doc = assess(AssessInput(**{**NURSE.__dict__, "location": "Columbus, OH"}))
    pay = doc.local_pay
    assert pay is not None
    assert (pay.area, pay.area_name) == ("OH", "Ohio")
    nurse = load_wages().row("29-1141", "OH")
    assert nurse is not None
    assert [(o.title, o.median) for o in pay.current] == [("Registered Nurses", nurse.p50)]
    coordinator = next(c for c in pay.careers if c.id == "ai-assisted-healthcare-coordinator")
    assert coordinator.median == weighted_median(coordinator.id, "OH")
    assert coordinator.difference == pytest.approx(coordinator.median - nurse.p50)
    assert "Bureau of Labor Statistics" in pay.source


def test_a_nurse_in_germany_gets_country_salaries_and_the_us_only_note() -> None:
    doc = assess(AssessInput(**{**NURSE.__dict__, "location": "Berlin, Germany"}))
    pay = doc.local_pay
    assert pay is not None
    assert pay.abroad
    assert pay.area == "DE"
    assert pay.current == ()  # the U.S. survey says nothing about a nurse in Berlin
    assert all(c.median is None for c in pay.careers)
    assert pay.country_ai_jobs_n >= 10
    assert pay.country_ai_jobs_median
    assert "United States only" in pay.notes[0]
    page = career_pay("ai-assisted-healthcare-coordinator", "Germany")
    assert any("United States only" in note for note in page.notes)
    assert [s.area for s in page.sources if s.kind == "ai-jobs"] == ["Germany", "Germany"]


def test_without_a_place_the_assessment_has_no_local_pay() -> None:
    assert assess(NURSE).local_pay is None


def test_a_city_is_told_that_state_figures_stand_in() -> None:
    pay = career_pay("prompt-engineer", "Seattle, WA")
    assert pay.area == "WA"
    assert "Seattle" in (pay.no_metro_note or "")
    assert all("Seattle" in link.place for link in pay.links)
    assert {link.board for link in pay.links} == {"LinkedIn", "Indeed", "USAJOBS"}


def test_a_place_without_state_or_country_is_refused_with_the_way_to_write_it() -> None:
    from aicareers.errors import UserInputError

    with pytest.raises(UserInputError, match="Columbus, OH"):
        place_of("Springfield")


def test_states_rank_by_jobs_and_mark_the_guides_hubs() -> None:
    ranked = states_by_demand("prompt-engineer")
    assert len(ranked) == 51
    jobs = [s.employment or 0 for s in ranked]
    assert jobs == sorted(jobs, reverse=True)
    hubs = {s.state: s.hub for s in ranked if s.hub}
    assert hubs == {"CA": "San Francisco Bay Area", "WA": "Seattle", "NY": "New York City"}
