"""The README's match example is what the command prints today (as the assessment example's
test does: with the text encoder built, at 100 columns, lines left out marked "...")."""

from __future__ import annotations

import shlex

import pytest
from click.testing import CliRunner

from aicareers.cli.app import cli
from aicareers.semantic.paths import default_model_dir, is_built

from .test_readme_assess import README, unmatched

ROOT = README.parent


def example() -> tuple[list[str], list[str]]:
    text = README.read_text(encoding="utf-8")
    block = text.split("## Match your resume", 1)[1].split("```console\n", 1)[1].split("```")[0]
    command, *shown = block.rstrip("\n").split("\n")
    assert command.startswith("$ aicareers match ")
    return shlex.split(command[2:])[1:], shown


def test_the_readme_match_example_is_what_the_command_prints(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not is_built(default_model_dir()):
        pytest.skip("the README's example is the output with the text encoder built (make setup)")
    args, shown = example()
    monkeypatch.chdir(ROOT)  # the example's files are named from the repository's root
    result = CliRunner(env={"COLUMNS": "100", "NO_COLOR": "1"}).invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert unmatched(shown, result.stdout.splitlines()) == []
    assert any("/100" in line for line in shown)  # the fit itself is compared
