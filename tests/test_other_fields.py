"""Career changers from fields the team never sees: read by the real engine, judged by a coach.

The fourteen resumes in fixtures/other_fields were written for these tests (invented people and
employers, no copies of any development resume), in the layouts real files come in: headings and
bullets, a whole resume on one line, label lines, a LinkedIn export, mojibake bullets. Before the
product was run on them, ``expected.yaml`` recorded for each the careers a careful career coach
would accept near the top, with the guide's reason.

A case the product gets wrong stays visible as a strict xfail that says what it got wrong.
``pytest -s -k report tests/test_other_fields.py`` prints what was read for every fixture.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
import yaml

from aicareers.documents.assessment import Assessment
from aicareers.service.assess import AssessInput, assess

FIXTURES = Path(__file__).parent / "fixtures" / "other_fields"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((FIXTURES / "expected.yaml").read_text())
NAMES = sorted(EXPECTED)
MOJIBAKE = ("\u00e2\u20ac", "\u00c3")  # 'â€' and 'Ã': UTF-8 read as cp1252 or Latin-1

# What the product gets wrong today, per (check, fixture); each stays a strict xfail.
KNOWN_WRONG: dict[tuple[str, str], str] = {}


def _cases(check: str) -> list[Any]:
    """One param per fixture; the ones named in KNOWN_WRONG for ``check`` as strict xfails."""
    cases: list[Any] = []
    for name in NAMES:
        reason = KNOWN_WRONG.get((check, name))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        cases.append(pytest.param(name, id=name.removesuffix(".txt"), marks=marks))
    return cases


@functools.cache
def _assessed(name: str) -> Assessment:
    path = FIXTURES / name
    return assess(AssessInput(file=path.read_bytes(), filename=path.name), top=None)


def _accepted(name: str) -> list[str]:
    return [a["id"] for a in EXPECTED[name]["accepted"]]


def test_every_fixture_has_an_expectation_and_known_careers() -> None:
    on_disk = sorted(p.name for p in FIXTURES.glob("*.txt"))
    assert on_disk == NAMES
    assert len(NAMES) == 14
    career_ids = {c["id"] for c in yaml.safe_load(
        (Path(__file__).parents[1] / "src/aicareers/knowledge/data/careers.yaml").read_text()
    )}  # fmt: skip
    for name in NAMES:
        accepted = _accepted(name)
        assert 2 <= len(accepted) <= 3, name
        assert set(accepted) <= career_ids, name
        words = len((FIXTURES / name).read_text(encoding="utf-8").split())
        assert 150 <= words <= 450, (name, words)


@pytest.mark.parametrize("name", _cases("top3"))
def test_top_three_holds_an_accepted_career(name: str) -> None:
    top3 = [c.id for c in _assessed(name).careers[:3]]
    assert set(top3) & set(_accepted(name)), f"top 3 {top3}, accepted {_accepted(name)}"


@pytest.mark.parametrize("name", _cases("titles"))
def test_a_job_title_is_read(name: str) -> None:
    assert _assessed(name).profile.titles


@pytest.mark.parametrize("name", _cases("occupations"))
def test_occupations_are_coded(name: str) -> None:
    assert _assessed(name).occupations


@pytest.mark.parametrize("name", _cases("years"))
def test_years_are_read_when_the_resume_has_dates(name: str) -> None:
    if not EXPECTED[name]["dates"]:
        pytest.skip("the resume gives no dates")
    years = _assessed(name).profile.years_experience
    assert years is not None
    assert 1 <= years <= 45


@pytest.mark.parametrize("name", _cases("evidence"))
def test_evidence_quotes_are_exact_slices_without_mojibake(name: str) -> None:
    doc = _assessed(name)
    text = doc.profile.text
    quotes = [q for c in doc.careers for m in c.matched for q in m.evidence]
    quotes += [q for s in doc.skills.project for q in s.evidence]
    for q in quotes:
        assert text[q.start : q.end] == q.text, q
        assert not any(bad in q.text for bad in MOJIBAKE), q


def test_mojibake_fixture_really_holds_mojibake() -> None:
    # Guards the fixture: the evidence check above means nothing if the bytes were repaired.
    raw = (FIXTURES / "customer_support_agent.txt").read_text(encoding="utf-8")
    assert "\u00e2\u20ac\u00a2" in raw
    assert not any(bad in _assessed("customer_support_agent.txt").profile.text for bad in MOJIBAKE)


def report(name: str) -> str:
    """What was read for one fixture and its top 5, for a person to judge by reading."""
    doc = _assessed(name)
    profile = doc.profile
    accepted = _accepted(name)
    top3 = [c.id for c in doc.careers[:3]]
    lines = [
        f"== {name}: {EXPECTED[name]['field']} | "
        f"{'HIT' if set(top3) & set(accepted) else 'MISS'} | accepted {accepted}",
        f"   titles: {list(profile.titles)}",
        f"   years: {profile.years_experience}",
        "   occupations: " + "; ".join(f"{o.title} {o.confidence:.2f}" for o in doc.occupations),
        "   backgrounds: "
        + "; ".join(f"{b.name} {b.confidence:.2f} ({b.how})" for b in profile.backgrounds),
    ]
    for c in doc.careers[:5]:
        lines.append(f"   {c.score:3d} {c.id}: {c.reason}")
        for m in c.matched:
            lines.append(f"         + {m.name} [{m.how}] {[q.text for q in m.evidence]}")
    if doc.reading is not None:
        lines.append(f"   reading: {doc.reading.summary}")
    return "\n".join(lines)


def test_report() -> None:
    text = "\n".join(report(name) for name in NAMES)
    print(text)
    assert text.count("== ") == len(NAMES)
