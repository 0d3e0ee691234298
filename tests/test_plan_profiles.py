"""The plans a coach would sign, for the guide's five Step 1 profiles and a beginner.

Each profile is assessed and saved the way a person does it (`aicareers assess ... --save`),
then planned from that assessment (`plan create --from-assessment`), so the skills the person
shows and the background the assessment recognises both shape the plan. The profiles are
ours; the background -> career pairs are the guide's Step 1 table.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from aicareers.cli.app import cli
from aicareers.knowledge import default_catalog

START = dt.date(2027, 1, 4)
FIRST_MONTH = START + dt.timedelta(days=28)
# Generic research and engineering venues a nurse, a writer or a lawyer should not be sent to.
GENERIC = {"neurips", "icml", "kaggle-competitions", "upwork", "toptal"}

# (background, career, title, skills): one of each pair in the guide's Step 1 table.
PROFILES = [
    ("healthcare", "ai-assisted-healthcare-coordinator", "Registered nurse",
     "patient care, care coordination, electronic health records, HIPAA"),
    ("ux-design", "conversational-ai-designer", "UX designer",
     "user research, wireframing, prototyping in Figma, usability testing"),
    ("writing-marketing", "generative-ai-content-strategist", "Content marketing manager",
     "copywriting, SEO, brand voice, editorial calendars"),
    ("software-engineering", "mlops-engineer", "Software engineer",
     "Python, Git, Docker, REST APIs, unit testing"),
    ("legal-compliance", "ai-compliance-manager", "Compliance officer",
     "regulatory compliance, GDPR, internal audits, risk assessment, policy writing"),
]  # fmt: skip


def invoke(*args: str) -> Any:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def planned(db: str, career: str, *how: str, path: str = "thorough") -> dict[str, Any]:
    result = invoke("plan", "--database", db, "create", "--career", career, *how,
                    "--start", START.isoformat(), "--hours-per-week", "5", "--path", path,
                    "--format", "json")  # fmt: skip
    plan: dict[str, Any] = json.loads(result.stdout)
    return plan


def from_assessment(db: str, title: str, skills: str, career: str, path: str) -> dict[str, Any]:
    saved = invoke("assess", "--title", title, "--skills", skills, "--no-semantic", "--save",
                   "--database", db, "--format", "json")  # fmt: skip
    assessment = saved.stderr.split("assessment ")[1].split(".")[0]
    return planned(db, career, "--from-assessment", assessment, path=path)


def check_plan(plan: dict[str, Any], career: str, background: str | None) -> None:
    """The rules of issue 14 that any plan must keep."""
    steps = {s["id"]: s for s in plan["steps"]}
    catalog = default_catalog()
    certs = {c.id: c for c in catalog.certifications}
    activities = {a.id: a for a in catalog.activities}
    tracks = {t["id"] for t in plan["tracks"]}
    assert {"build", "connect", "prove", "apply"} <= tracks
    # Parallel from week one: a small project and a community step in the first four weeks.
    assert any(s["id"].startswith("starter-") and s["start"] <= FIRST_MONTH.isoformat()
               for s in steps.values())  # fmt: skip
    assert any(s["kind"] == "community" and s["start"] <= FIRST_MONTH.isoformat()
               for s in steps.values())  # fmt: skip
    # A job-ready date, and the job search from it.
    assert plan["job_ready"] is not None
    assert plan["job_ready"] < plan["finish"]
    assert (
        steps["apply-search"]["start"]
        >= (dt.date.fromisoformat(plan["job_ready"]) - dt.timedelta(days=1)).isoformat()
    )
    # Both paths, dated at 5, 10 and 15 hours a week.
    assert [o["path"] for o in plan["options"]] == ["fast", "thorough"]
    for option in plan["options"]:
        assert [p["hours_per_week"] for p in option["paces"]] == [5, 10, 15]
    # Credentials: none retired, one per provider family, only where employers ask.
    booked = [certs[i.removeprefix("cert-")] for i in steps if i.startswith("cert-")]
    assert all(c.status != "retired" and career in c.employers_ask for c in booked)
    assert len({c.family or c.id for c in booked}) == len(booked)
    # Community, events and practice chosen for this career or this person's background.
    side = [s for s in steps.values() if s["id"] in activities]
    assert side
    for step in side:
        activity = activities[step["id"]]
        fits = career in activity.careers or set(plan["backgrounds"]) & set(activity.backgrounds)
        assert fits or not (activity.careers or activity.backgrounds), step["id"]
    assert any(career in activities[s["id"]].careers for s in side if s["kind"] == "community")
    if background is not None and background != "software-engineering":
        resources = {r["id"] for s in steps.values() for r in s["resources"]}
        assert not resources & GENERIC
    # Every step names something concrete to use and something to show.
    for step in steps.values():
        assert step["deliverables"], step["id"]
        assert step["resources"], step["id"]


@pytest.mark.parametrize(("background", "career", "title", "skills"), PROFILES)
@pytest.mark.parametrize("path", ["fast", "thorough"])
def test_step_one_profiles_get_a_plan_a_coach_would_sign(
    tmp_path: Path, background: str, career: str, title: str, skills: str, path: str
) -> None:
    db = f"sqlite:///{tmp_path / 'plans.db'}"
    plan = from_assessment(db, title, skills, career, path)
    assert background in plan["backgrounds"]  # recognised by the assessment, used by the plan
    assert plan["preferences"]["path"] == path
    check_plan(plan, career, background)


def test_a_beginner_with_no_skills_gets_the_same_shape_with_more_to_learn(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'plans.db'}"
    plan = planned(db, "prompt-engineer")
    check_plan(plan, "prompt-engineer", None)
    assert plan["have"] == []
    assert plan["backgrounds"] == []
    learn = [s for s in plan["steps"] if s["track"] == "learn"]
    assert learn
    assert learn[0]["start"] == START.isoformat()
    fast = planned(db, "prompt-engineer", path="fast")
    assert fast["job_ready"] <= plan["job_ready"]
    assert fast["total_hours"] < plan["total_hours"]


def test_the_background_the_person_was_shown_is_used_and_weak_extras_are_not() -> None:
    from aicareers.service.plans import _assessment_backgrounds

    def result(*found: tuple[str, float]) -> dict[str, Any]:
        return {"profile": {"backgrounds": [{"id": i, "confidence": c} for i, c in found]}}

    # An HR resume read from its occupations only: its one background is still the person's.
    assert _assessment_backgrounds(result(("human-resources", 0.365))) == ("human-resources",)
    # A UX designer also coded partly as web development: the weak second one is left out.
    ux = result(("software-engineering", 0.333), ("ux-design", 0.906))
    assert _assessment_backgrounds(ux) == ("ux-design",)
    both = result(("healthcare", 0.9), ("teaching", 0.6))
    assert _assessment_backgrounds(both) == ("healthcare", "teaching")
    assert _assessment_backgrounds({}) == ()
