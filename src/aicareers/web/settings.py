"""The web app's settings: declared once with defaults and help, read from the environment.

Order of precedence: the defaults below, then ``AICAREERS_*`` environment variables, then
what the caller passes (``aicareers serve`` flags, or a test). Nothing is read at import time.
"""

from __future__ import annotations

import dataclasses
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UserInputError
from ..service.store import data_dir

MB = 1_048_576
SECRET_FILE = "secret_key"


def _help(text: str, **kwargs: Any) -> Any:
    return field(metadata={"help": text}, **kwargs)


@dataclass(frozen=True)
class WebSettings:
    """Everything the web app can be told; each field names its ``AICAREERS_*`` variable."""

    database_url: str | None = _help(
        "Database URL (AICAREERS_DATABASE_URL); None: the SQLite file in the data folder.",
        default=None,
    )
    host: str = _help("Address `aicareers serve` listens on (AICAREERS_HOST).", default="127.0.0.1")
    port: int = _help("Port `aicareers serve` listens on (AICAREERS_PORT).", default=8000)
    secret_key: str = _help(
        "Key that signs the session cookie (AICAREERS_SECRET_KEY). Unset: made once and kept "
        "in the file `secret_key` in the data folder (mode 0600).",
        default_factory=lambda: stored_secret_key(),
        repr=False,
    )
    secure_cookies: bool = _help(
        "Mark the session cookie Secure, so browsers send it only over HTTPS "
        "(AICAREERS_SECURE_COOKIES=1): set it whenever the site is served over HTTPS.",
        default=False,
    )
    session_days: int = _help("Days a sign-in lasts (AICAREERS_SESSION_DAYS).", default=14)
    max_upload_bytes: int = _help(
        "Largest request body accepted, in bytes (AICAREERS_MAX_UPLOAD_BYTES); over: 413.",
        default=10 * MB,
    )
    signin_rate: tuple[int, int] = _help(
        "Failed sign-ins allowed per e-mail and address, and the window in seconds "
        "(AICAREERS_SIGNIN_RATE=5/300); an address gets 4 times as many over all e-mails.",
        default=(5, 300),
    )
    semantic: bool = _help(
        "Use the local text encoder when assessing, if it is built (AICAREERS_SEMANTIC).",
        default=True,
    )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> WebSettings:
        """Defaults, then ``AICAREERS_<FIELD>`` variables, then ``overrides`` (None is skipped)."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = env.get(f"AICAREERS_{f.name.upper()}")
            if raw is not None and raw != "":
                values[f.name] = _parse(f.name, f.type, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def replace(self, **changes: Any) -> WebSettings:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)


def _parse(name: str, kind: Any, raw: str) -> Any:
    kind = str(kind)
    variable = f"AICAREERS_{name.upper()}"
    if kind == "bool":
        if raw.strip().lower() in {"1", "true", "yes", "on"}:
            return True
        if raw.strip().lower() in {"0", "false", "no", "off"}:
            return False
        raise UserInputError(f"{variable} must be 1 or 0 (true or false), not {raw!r}.")
    if kind == "tuple[int, int]":
        count, _, window = raw.partition("/")
        try:
            return (int(count), int(window))
        except ValueError:
            raise UserInputError(
                f"{variable} must be ATTEMPTS/SECONDS, for example 5/300, not {raw!r}."
            ) from None
    if kind == "int":
        try:
            return int(raw)
        except ValueError:
            raise UserInputError(f"{variable} must be a whole number, not {raw!r}.") from None
    return raw


def stored_secret_key(folder: Path | None = None) -> str:
    """The key kept in ``DATA_DIR/secret_key``, made (mode 0600) on first use.

    Several workers, and the next start of the server, share it, so sign-ins survive a
    restart. A folder that cannot be written gives a key for this process only.
    """
    path = (folder if folder is not None else data_dir()) / SECRET_FILE
    try:
        return path.read_text(encoding="ascii").strip() or _new_key_file(path)
    except FileNotFoundError:
        return _new_key_file(path)
    except OSError:
        return secrets.token_urlsafe(32)


def _new_key_file(path: Path) -> str:
    key = secrets.token_urlsafe(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another worker made it first: use theirs
        return path.read_text(encoding="ascii").strip()
    except OSError:
        return key
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key


def describe() -> list[tuple[str, str, str]]:
    """(variable, default, help) for every setting, for documentation."""
    rows = []
    for f in dataclasses.fields(WebSettings):
        default = "kept in DATA_DIR/secret_key" if f.name == "secret_key" else repr(f.default)
        rows.append((f"AICAREERS_{f.name.upper()}", default, str(f.metadata["help"])))
    return rows
