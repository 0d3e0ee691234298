"""The README's assessment example is what the command prints today.

The example was made after ``make setup``, which builds the local text encoder; without it the
skills are matched by name only and the scores differ, so on a machine without the encoder the
test is skipped and says why rather than comparing against other numbers. Nothing else in the
example depends on the day or the machine: a saved assessment is not involved.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from aicareers.cli.app import cli
from aicareers.semantic.paths import default_model_dir, is_built

README = Path(__file__).resolve().parents[1] / "README.md"
# A line of only this in the example stands for lines left out (none are today).
ELIDED = "..."


def example() -> tuple[list[str], list[str]]:
    """The command arguments of the "Try it" example and the lines it shows."""
    text = README.read_text(encoding="utf-8")
    block = text.split("## Try it", 1)[1].split("```console\n", 1)[1].split("```", 1)[0]
    command, *shown = block.rstrip("\n").split("\n")
    assert command.startswith("$ .venv/bin/aicareers assess ")
    return shlex.split(command[2:])[1:], shown


def unmatched(shown: list[str], printed: list[str]) -> list[str]:
    """The lines of ``shown`` not printed in their place, and any printed lines left over
    ("..." skips printed lines, at the end too)."""
    missing: list[str] = []
    at = 0
    skipping = False
    for line in shown:
        if line == ELIDED:
            skipping = True
            continue
        if skipping:
            found = printed.index(line, at) if line in printed[at:] else None
        else:
            found = at if at < len(printed) and printed[at] == line else None
        if found is None:
            missing.append(line)
        else:
            at, skipping = found + 1, False
    if at < len(printed) and not skipping:
        missing.append(f"(and {len(printed) - at} printed lines the example does not show)")
    return missing


def test_the_readme_assessment_example_is_what_the_command_prints() -> None:
    if not is_built(default_model_dir()):
        pytest.skip("the README's example is the output with the text encoder built (make setup)")
    args, shown = example()
    assert args[0] == "assess"
    runner = CliRunner(env={"COLUMNS": "100", "NO_COLOR": "1"})
    result = runner.invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert unmatched(shown, result.stdout.splitlines()) == []
    assert any("71" in line for line in shown)  # the scores themselves are compared


def test_an_elision_skips_lines_but_a_changed_line_is_caught() -> None:
    printed = ["a", "b", "c", "d"]
    assert unmatched(["a", ELIDED, "d"], printed) == []
    assert unmatched(["a", "c"], printed)[0] == "c"
    assert unmatched(["a", "b", "x", "d"], printed)[0] == "x"
    assert unmatched(["a", "b", "c"], printed) == [
        "(and 1 printed lines the example does not show)"
    ]
    assert unmatched(["a", "b", ELIDED], printed) == []
