"""A small plan and the URL of a SQLite file, shared by the store tests."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from aicareers.engine.plans.model import Milestone, Plan, PlanStep, Preferences, StepResource

START = dt.date(2026, 3, 2)
COURSE = StepResource(id="course", name="A course", url="https://example.org", free=True)


def make_plan(career: str = "mlops-engineer", steps: int = 4) -> Plan:
    """A small but complete plan: ``steps - 1`` foundations, then one portfolio project."""
    learn = [
        PlanStep(
            id=f"learn-{n}", kind="foundation", milestone="foundations", title=f"Learn topic {n}",
            why=f"closes the gap in topic {n}", hours=2.5 + n, due=START + dt.timedelta(weeks=n),
            skills=(f"skill-{n}",), resources=(COURSE,),
        )
        for n in range(1, steps)
    ]  # fmt: skip
    project = PlanStep(
        id="project-portfolio", kind="project", milestone="portfolio", title="Build a project",
        why="shows the skills", hours=10.0, due=START + dt.timedelta(weeks=steps),
        deliverables=("a repository", "a write-up"), requires=tuple(s.id for s in learn),
    )  # fmt: skip
    foundations = Milestone(
        id="foundations",
        title="Foundations",
        due=learn[-1].due if learn else START,
        steps=tuple(s.id for s in learn),
    )
    portfolio = Milestone(id="portfolio", title="Portfolio", due=project.due, steps=(project.id,))
    return Plan(
        career=career,
        career_title=career.replace("-", " ").title(),
        preferences=Preferences(start=START, hours_per_week=5.0, platforms=("coursera",)),
        milestones=(foundations, portfolio),
        steps=(*learn, project),
        gaps=tuple(f"skill-{n}" for n in range(1, steps)),
        total_hours=sum(s.hours for s in learn) + project.hours,
        finish=project.due,
    )


def sqlite_url(path: Path) -> str:
    """The URL of a SQLite file."""
    return f"sqlite:///{path}"


@contextmanager
def writes_denied(path: Path) -> Iterator[None]:
    """Make a file or folder read-only for a while, even for root (``chattr +i``)."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        try:
            yield
        finally:
            path.chmod(mode)
        return
    # Root ignores permission bits; the immutable attribute binds root too.
    chattr = shutil.which("chattr") or "chattr"
    try:
        subprocess.run([chattr, "+i", str(path)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("running as root where chattr +i does not work: no way to deny writes")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)
