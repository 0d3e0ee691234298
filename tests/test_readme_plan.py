"""The README's plan example is what the commands print today (run in a fresh database)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from click.testing import CliRunner

from aicareers.cli.app import cli

README = Path(__file__).resolve().parents[1] / "README.md"
# Lines that depend on the day the test runs: before the start date, and after it.
DAY_DEPENDENT = re.compile(r"^(The plan starts on |You are )")


def example() -> list[tuple[list[str], list[str]]]:
    """(command arguments, printed lines) for each `$ aicareers plan ...` of the example."""
    text = README.read_text(encoding="utf-8")
    block = text.split("## Plan your move", 1)[1].split("```console", 1)[1].split("```", 1)[0]
    runs: list[tuple[list[str], list[str]]] = []
    for line in block.strip().splitlines():
        if line.startswith("$ "):
            command = line[2:].split("  #", 1)[0]
            runs.append((shlex.split(command)[1:], []))
        elif runs:
            runs[-1][1].append(line)
    return runs


def test_the_readme_plan_example_is_what_the_commands_print(tmp_path: Path) -> None:
    runner = CliRunner(
        env={"COLUMNS": "100", "AICAREERS_DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}"}
    )
    runs = [(args, shown) for args, shown in example() if shown]
    assert [args[:2] for args, _ in runs] == [["plan", "create"], ["plan", "step"]]
    for args, shown in runs:
        result = runner.invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        printed = result.stdout.splitlines()
        expected = shown[: shown.index("...")] if "..." in shown else shown
        for mine, theirs in zip(expected, printed, strict=False):
            if DAY_DEPENDENT.match(mine):
                assert DAY_DEPENDENT.match(theirs), theirs
            else:
                assert theirs == mine
        assert len(printed) >= len(expected)
