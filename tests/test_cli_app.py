"""The root command: help, version, error handling, output modes and start-up imports."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys

import click
import pytest

import aicareers.service.catalog as service
from aicareers import __version__
from aicareers.cli import cli
from aicareers.cli.errors import error_line
from aicareers.errors import CatalogError, Hint, UnknownIdError, listing

from .conftest import Invoke


def all_commands() -> list[list[str]]:
    """The path of every command and group, e.g. ['careers', 'show']."""
    found: list[list[str]] = []

    def walk(command: click.Command, path: list[str]) -> None:
        found.append(path)
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, [*path, name])

    walk(cli, [])
    return found


@pytest.mark.parametrize("path", all_commands(), ids=lambda p: " ".join(p) or "aicareers")
def test_every_command_has_help_with_a_working_example(invoke: Invoke, path: list[str]) -> None:
    result = invoke(*path, "--help")
    assert result.exit_code == 0
    example = next(line for line in result.stdout.splitlines() if "Example:" in line)
    command = example.strip().removeprefix("Example: ")
    assert command.startswith(f"aicareers {' '.join(path)}".rstrip())
    # The example, as printed (one unwrapped line, shell redirect dropped), must work.
    argv = shlex.split(command.split(">")[0])[1:]
    ran = invoke(*argv)
    assert ran.exit_code == 0, ran.stderr
    assert ran.stdout


def test_the_catalog_commands_are_all_there() -> None:
    # A subset check: other features add their own commands next to these.
    assert {" ".join(p) for p in all_commands()} >= {
        "", "careers", "careers list", "careers show", "careers compare", "skills",
        "certifications", "resources", "hubs", "salaries", "salaries bands", "steps", "search",
        "catalog",
    }  # fmt: skip


def test_version(invoke: Invoke) -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"aicareers, version {__version__}\n"


def test_broken_catalog_exits_3_without_traceback(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> None:
        raise CatalogError("careers.yaml: entry 2 (id: x), key salary: expected an object")

    monkeypatch.setattr(service, "default_catalog", broken)
    result = invoke("careers", "list", "--format", "json")
    assert result.exit_code == 3
    assert result.stderr == (
        "Error: careers.yaml: entry 2 (id: x), key salary: expected an object\n"
    )
    assert result.stdout == ""


def test_a_hint_is_rendered_as_a_command_to_run() -> None:
    hint = listing(command="aicareers careers list", page="/careers")
    unknown = UnknownIdError("career", "mlops", ["mlops-engineer"], hint)
    assert str(unknown) == "No career with id 'mlops'. Did you mean: mlops-engineer?"
    assert error_line(unknown) == (
        "Error: No career with id 'mlops'. Did you mean: mlops-engineer? "
        "Run `aicareers careers list` to see every id."
    )
    web_only = CatalogError("Broken.", hint=Hint("see your tokens", page="/account"))
    assert error_line(web_only) == "Error: Broken."


def test_the_hint_of_an_error_reaches_the_terminal(invoke: Invoke) -> None:
    result = invoke("careers", "show", "mlops")
    assert result.stderr == (
        "Error: No career with id 'mlops'. Did you mean: mlops-engineer? "
        "Run `aicareers careers list` to see every id.\n"
    )


def test_unknown_command_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("carers")
    assert result.exit_code == 2
    assert "No such command 'carers'" in result.stderr


def test_no_colour_codes_when_not_a_terminal(invoke: Invoke) -> None:
    result = invoke("careers", "show", "prompt-engineer", env={"NO_COLOR": None})
    assert "\x1b[" not in result.stdout


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )


def test_json_path_never_imports_rich() -> None:
    code = (
        "import sys\n"
        "from aicareers.cli import cli\n"
        "try:\n"
        "    cli(['careers', 'list', '--format', 'json'], prog_name='aicareers')\n"
        "except SystemExit as exit:\n"
        "    assert exit.code in (0, None), exit.code\n"
        "print(sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.')))\n"
    )
    done = run_python(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


def test_importing_the_cli_reads_no_catalog_and_no_rich() -> None:
    code = (
        "import sys\n"
        "import aicareers.cli\n"
        "from aicareers.knowledge.loader import default_catalog\n"
        "print(default_catalog.cache_info().currsize, 'rich' in sys.modules)\n"
    )
    done = run_python(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0 False"


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "aicareers", "careers", "show", "mlops"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("Error: No career with id 'mlops'. Did you mean: mlops-engineer")
    assert "Traceback" not in done.stderr


def test_width_falls_back_when_the_terminal_reports_none(monkeypatch: pytest.MonkeyPatch) -> None:
    from aicareers.cli import output

    monkeypatch.setattr(output.os, "get_terminal_size", lambda fd: os.terminal_size((0, 0)))
    monkeypatch.setenv("COLUMNS", "77")
    assert output._width(tty=True) == 77
    monkeypatch.setenv("COLUMNS", "wide")
    assert output._width(tty=True) == output.DEFAULT_WIDTH


def test_lazy_commands_load_and_show_an_example(invoke: Invoke) -> None:
    from aicareers.cli.app import LAZY_COMMANDS

    for name in LAZY_COMMANDS:
        command = cli.get_command(click.Context(cli), name)
        assert command is not None, name
        paths = [[name]]
        if isinstance(command, click.Group):
            paths += [[name, sub] for sub in command.commands]
        for path in paths:
            result = invoke(*path, "--help")
            assert result.exit_code == 0, (path, result.stderr)
            assert "Example" in result.stdout, path
