"""Shared fixtures: the CLI run in-process against the shipped catalog, with stable output."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from click.testing import CliRunner, Result

from aicareers.cli import cli

# Captured output is not a terminal: the CLI must then use this width and no colour.
STABLE_ENV = {"COLUMNS": "100", "NO_COLOR": "1"}

Invoke = Callable[..., Result]


@pytest.fixture(autouse=True, scope="session")
def private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the compiled-catalog cache of a test run out of the user's own cache folder."""
    mp = pytest.MonkeyPatch()
    mp.setenv("AICAREERS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True, scope="session")
def private_data_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Plans and saved assessments of a test run go to a temporary database, never the user's."""
    mp = pytest.MonkeyPatch()
    mp.setenv("AICAREERS_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    mp.delenv("AICAREERS_DATABASE_URL", raising=False)


@pytest.fixture
def invoke() -> Invoke:
    """Run ``aicareers ARGS...`` in-process; returns click's Result (stdout and stderr apart)."""
    runner = CliRunner(env=STABLE_ENV)

    def run(*args: str, **kwargs: Any) -> Result:
        return runner.invoke(cli, list(args), catch_exceptions=False, **kwargs)

    return run


@pytest.fixture
def invoke_json(invoke: Invoke) -> Callable[..., Any]:
    """Run a command that prints JSON, check it succeeded, and return the parsed value."""

    def run(*args: str) -> Any:
        result = invoke(*args)
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    return run
