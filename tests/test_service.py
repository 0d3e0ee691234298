"""The Navigator facade, against the shipped catalog."""

from __future__ import annotations

import pytest

import aicareers.service.catalog as service
from aicareers.errors import CatalogError, UnknownIdError, UserInputError
from aicareers.knowledge import default_catalog
from aicareers.service.catalog import RESOURCE_KINDS, Navigator

SEED_ORDER = [
    "prompt-engineer", "ai-ethics-officer", "synthetic-data-scientist",
    "ai-training-data-curator", "conversational-ai-designer", "mlops-engineer",
    "ai-product-manager", "ai-transparency-analyst", "generative-ai-content-strategist",
    "ai-safety-researcher", "neural-network-architect", "ai-assisted-healthcare-coordinator",
    "deepfake-detection-specialist", "ai-compliance-manager", "personalization-engineer",
    "ai-human-interaction-designer", "autonomous-systems-operator", "ai-content-moderator",
    "quantum-machine-learning-researcher", "ai-sustainability-specialist",
]  # fmt: skip


@pytest.fixture(scope="module")
def nav() -> Navigator:
    return Navigator(default_catalog())


def test_catalog_is_loaded_on_first_use_not_on_construction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []

    def fake() -> object:
        calls.append("loaded")
        raise CatalogError("broken on purpose")

    monkeypatch.setattr(service, "default_catalog", fake)
    navigator = Navigator()
    assert calls == []
    with pytest.raises(CatalogError, match="broken on purpose"):
        navigator.careers()
    assert calls == ["loaded"]


def test_rank_order_is_the_guides_order(nav: Navigator) -> None:
    rows = nav.careers()
    assert [r.id for r in rows] == SEED_ORDER
    assert [r.rank for r in rows] == list(range(1, 21))


def test_title_order_is_alphabetical(nav: Navigator) -> None:
    titles = [r.title for r in nav.careers(sort="title")]
    assert titles == sorted(titles, key=str.casefold)
    assert titles[0] == "AI Compliance Manager"


def test_salary_order_is_by_midpoint_highest_first(nav: Navigator) -> None:
    rows = nav.careers(sort="salary")
    midpoints = [(r.salary.min + r.salary.max) / 2 for r in rows]
    assert midpoints == sorted(midpoints, reverse=True)
    # 150k-300k (midpoint 225k) beats 95k-335k (midpoint 215k), though 335k is the higher top.
    assert [r.id for r in rows[:2]] == ["ai-safety-researcher", "prompt-engineer"]
    assert rows[0].rank == 10


def test_unknown_sort_lists_the_choices(nav: Navigator) -> None:
    with pytest.raises(UserInputError, match="Choose one of: rank, title, salary"):
        nav.careers(sort="pay")


def test_career_page_resolves_names_and_pay(nav: Navigator) -> None:
    page = nav.career("prompt-engineer")
    assert (page.title, page.rank) == ("Prompt Engineer", 1)
    pay = page.salary
    assert (pay.min, pay.max, pay.currency, pay.period, pay.open_ended) == (
        95000, 335000, "USD", "year", False,
    )  # fmt: skip
    assert any("Bloomberg" in s.title for s in pay.sources)
    assert "Python" in [s.name for s in page.key_skills]
    linked = [link for step in page.break_in for link in (*step.resources, *step.certifications)]
    assert any(link.url and "deeplearning.ai" in link.url for link in linked)
    assert all(b.name and b.why for b in page.backgrounds)


def test_open_ended_pay_is_kept(nav: Navigator) -> None:
    pay = nav.career("ai-safety-researcher").salary
    assert (pay.min, pay.max, pay.open_ended) == (150000, 300000, True)


@pytest.mark.parametrize(
    ("given", "expected"), [("mlops", "mlops-engineer"), ("promt-engineer", "prompt-engineer")]
)
def test_unknown_career_suggests_the_closest(nav: Navigator, given: str, expected: str) -> None:
    with pytest.raises(UnknownIdError) as caught:
        nav.career(given)
    assert caught.value.suggestions[0] == expected
    assert caught.value.exit_code == 2


def test_compare_needs_two_to_four_distinct_known_careers(nav: Navigator) -> None:
    with pytest.raises(UserInputError, match="two to four careers at a time; one was given"):
        nav.compare(["prompt-engineer"])
    five = [c.id for c in nav.careers()][:5]
    with pytest.raises(UserInputError, match="5 were given"):
        nav.compare(five)
    with pytest.raises(UserInputError, match="repeated: prompt-engineer"):
        nav.compare(["prompt-engineer", "mlops-engineer", "prompt-engineer"])
    with pytest.raises(UnknownIdError, match="no-such-career"):
        nav.compare(["prompt-engineer", "no-such-career"])


def test_compare_keeps_order_and_finds_shared_skills(nav: Navigator) -> None:
    result = nav.compare(["synthetic-data-scientist", "prompt-engineer"])
    assert [p.id for p in result.careers] == ["synthetic-data-scientist", "prompt-engineer"]
    assert [s.id for s in result.shared_skills] == ["python"]


def test_skills_name_the_careers_that_need_each(nav: Navigator) -> None:
    view = nav.skills()
    assert view.career is None
    assert len(view.skills) == len(default_catalog().skills)
    python = next(s for s in view.skills if s.id == "python")
    assert {"prompt-engineer", "synthetic-data-scientist"} <= {c.id for c in python.careers}
    assert view.essential
    assert view.trending


def test_skills_of_one_career_follow_its_key_skills(nav: Navigator) -> None:
    view = nav.skills(career="mlops-engineer")
    assert view.career is not None
    assert view.career.name.endswith("(MLOps) Engineer")
    expected = list(default_catalog().careers[5].key_skills)
    assert [s.id for s in view.skills] == expected
    with pytest.raises(UnknownIdError):
        nav.skills(career="mlops")


def test_resources_filter_by_kind(nav: Navigator) -> None:
    courses = nav.resources(kind="course")
    assert courses
    assert {r.kind for r in courses} == {"course"}
    assert len(nav.resources()) == len(default_catalog().resources)
    cited = next(r for r in courses if r.id == "chatgpt-prompt-engineering-course")
    assert [c.id for c in cited.careers] == ["prompt-engineer"]


def test_unknown_resource_kind_lists_valid_kinds(nav: Navigator) -> None:
    with pytest.raises(UserInputError) as caught:
        nav.resources(kind="books")
    message = str(caught.value)
    assert "Unknown resource kind 'books'" in message
    assert all(kind in message for kind in RESOURCE_KINDS)


def test_hubs_and_remote_note(nav: Navigator) -> None:
    view = nav.hubs()
    assert [h.id for h in view.hubs] == [
        "san-francisco-bay-area", "seattle", "new-york-city", "london", "toronto", "singapore",
    ]  # fmt: skip
    assert view.remote_note == default_catalog().guide.remote_note


def test_salary_bands_link_roles_to_careers(nav: Navigator) -> None:
    bands = nav.salary_bands().bands
    assert [b.max_years for b in bands][-1] is None
    linked = {r.career.id for b in bands for r in b.roles if r.career}
    assert "prompt-engineer" in linked


def test_steps_resolve_step_one_pairs(nav: Navigator) -> None:
    steps = nav.steps()
    assert [s.number for s in steps] == [1, 2, 3, 4, 5]
    pairs = {t.background.id: [c.id for c in t.careers] for t in steps[0].transitions}
    assert "mlops-engineer" in pairs["software-engineering"]


def test_certifications_name_the_careers_that_recommend_them(nav: Navigator) -> None:
    certs = {c.id: c for c in nav.certifications()}
    assert [c.id for c in certs["aws-ml-specialty"].careers] == [
        "mlops-engineer",
        "personalization-engineer",
    ]
