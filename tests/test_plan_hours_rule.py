"""The rule that shares the weekly hours is said to the person, not only written in the docs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import msgspec
from click.testing import CliRunner

from aicareers.cli.app import cli
from aicareers.documents.plan import hours_rule
from aicareers.engine.plans.build import build_plan
from aicareers.engine.plans.model import Preferences
from aicareers.knowledge import default_catalog
from aicareers.knowledge.space import default_space

from .plan_samples import sample_plan


def test_the_rule_names_the_shares_at_the_persons_pace() -> None:
    target = next(t for t in default_space() if t.career == "mlops-engineer")
    plan = build_plan(default_catalog(), target, Preferences(start=dt.date(2027, 1, 4),
                                                             hours_per_week=10))  # fmt: skip
    rule = hours_rule(plan)
    assert rule is not None
    assert rule.startswith("How your 10 hours a week are shared: 1 h a week each")
    assert "4 h a week for the job search in its 12 weeks" in rule
    assert hours_rule(msgspec.structs.replace(sample_plan(), version=1)) is None


def test_plan_show_says_the_rule(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'p.db'}"
    result = CliRunner(env={"COLUMNS": "200"}).invoke(
        cli, ["plan", "--database", db, "create", "--career", "prompt-engineer",
              "--hours-per-week", "5", "--start", "2027-01-04"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "How your 5 hours a week are shared: 30 min a week each" in result.stdout
