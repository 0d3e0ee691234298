"""A small hand-built plan (not made by the plan builder) and event helpers for tests."""

from __future__ import annotations

import datetime as dt

from aicareers.engine.plans.model import (
    ChallengeNote,
    EventStatus,
    Milestone,
    Plan,
    PlanStep,
    Preferences,
    ProgressEvent,
    StepResource,
)

D = dt.date
UTC = dt.UTC


def sample_plan(*, first_title: str = "Python for data work", first_why: str = "") -> Plan:
    """py(6h) -> ml(10h) -> proj1(12h) -> proj2(8h), and stats(4h) with no prerequisite."""
    steps = (
        PlanStep(
            id="py", kind="foundation", milestone="foundations", title=first_title,
            why=first_why or "Python is the gap every other step builds on.", hours=6.0,
            due=D(2026, 1, 12), skills=("python",),
            resources=(
                StepResource(id="py-course", name="Python course", url="https://example.org/py",
                             free=True, provider="example"),
                StepResource(id="py-book", name="A book without a link"),
            ),
        ),
        PlanStep(
            id="ml", kind="foundation", milestone="foundations", title="Machine learning basics",
            why="Closes the machine learning gap.", hours=10.0, due=D(2026, 1, 26),
            requires=("py",),
        ),
        PlanStep(
            id="stats", kind="foundation", milestone="foundations", title="Statistics refresher",
            why="Closes the statistics gap.", hours=4.0, due=D(2026, 2, 1),
        ),
        PlanStep(
            id="proj1", kind="project", milestone="portfolio", title="Deploy a model",
            why="Shows you can ship.", hours=12.0, due=D(2026, 2, 15), requires=("ml",),
            deliverables=("a public repository", "a short write-up"),
        ),
        PlanStep(
            id="proj2", kind="project", milestone="portfolio", title="Monitor the model",
            why="Shows you can run it.", hours=8.0, due=D(2026, 3, 1), requires=("proj1",),
        ),
    )  # fmt: skip
    milestones = (
        Milestone(
            id="foundations", title="Build foundations", due=D(2026, 2, 1),
            steps=("py", "ml", "stats"),
            challenges=(
                ChallengeNote(id="imposter-syndrome", name="Imposter syndrome",
                              problem="Feeling you do not belong yet.",
                              remedies=("Keep a log of what you learn", "Find a study group")),
            ),
        ),
        Milestone(id="portfolio", title="Build a portfolio", due=D(2026, 3, 1),
                  steps=("proj1", "proj2")),
    )  # fmt: skip
    return Plan(
        career="mlops-engineer",
        career_title="MLOps Engineer",
        preferences=Preferences(start=D(2026, 1, 5), hours_per_week=5.0, platforms=("coursera",)),
        milestones=milestones,
        steps=steps,
        gaps=("python", "machine-learning", "statistics"),
        total_hours=40.0,
        finish=D(2026, 3, 2),  # start + ceil(40 h / 5 h a week * 7) days
    )


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    """``hour`` o'clock UTC on ``day``."""
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def log(*entries: tuple[str, EventStatus, dt.date]) -> list[ProgressEvent]:
    """Events numbered 1, 2, ... from (step, status, day) tuples, at noon UTC."""
    return [
        ProgressEvent(seq=i, step=step, status=status, at=at(day))
        for i, (step, status, day) in enumerate(entries, start=1)
    ]
