"""Where the database lives: an explicit URL, else ``AICAREERS_DATABASE_URL``, else a local file.

Only two kinds of URL are accepted, so that a typo fails early with a message that says what
would work: ``sqlite:///PATH`` (a file; ``~`` is expanded) and ``postgresql://...`` (also
``postgres://`` and ``postgresql+psycopg://``), which always uses the psycopg 3 driver.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from ..errors import DatabaseReadOnlyError, DatabaseUnavailableError

ENV_URL = "AICAREERS_DATABASE_URL"
ENV_DATA_DIR = "AICAREERS_DATA_DIR"
DATABASE_FILE = "aicareers.db"

EXAMPLES = "sqlite:///PATH/TO/FILE.db or postgresql://USER@HOST:PORT/DATABASE"
_SQLITE = {"sqlite", "sqlite+pysqlite"}
_POSTGRES = {"postgresql", "postgres", "postgresql+psycopg"}


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    """``$AICAREERS_DATA_DIR``, else ``$XDG_DATA_HOME/aicareers``, else ``~/.local/share/...``."""
    env = os.environ if env is None else env
    explicit = env.get(ENV_DATA_DIR)
    if explicit:
        return Path(explicit).expanduser()
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base).expanduser() / "aicareers"


def default_database_path(env: Mapping[str, str] | None = None) -> Path:
    """The SQLite file used when no URL is given; its folder is created if missing.

    A new folder is mode 0700: it holds the database and the web app's secret key, which are
    no business of other users of the machine.
    """
    folder = data_dir(env)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseReadOnlyError(
            f"Cannot create the data folder {folder} ({exc.strerror or exc}). Make its parent "
            f"writable, or choose another place with {ENV_DATA_DIR} or {ENV_URL}."
        ) from exc
    return folder / DATABASE_FILE


def resolve_url(url: str | None = None, env: Mapping[str, str] | None = None) -> URL:
    """The database to use, parsed and checked: ``url``, else the environment, else the default."""
    env = os.environ if env is None else env
    text = url if url is not None else env.get(ENV_URL) or None
    if text is None:
        return URL.create("sqlite", database=str(default_database_path(env)))
    return parse_url(text)


def parse_url(text: str) -> URL:
    """A SQLite or PostgreSQL URL in the form SQLAlchemy uses, or DatabaseUnavailableError."""
    try:
        parsed = make_url(text.strip())
        backend = parsed.drivername
    except (ArgumentError, ValueError) as exc:
        raise DatabaseUnavailableError(
            f"'{_redact(text)}' is not a database URL ({exc}). Use {EXAMPLES}."
        ) from exc
    if backend in _SQLITE:
        return _sqlite_url(parsed)
    if backend in _POSTGRES:
        return parsed.set(drivername="postgresql+psycopg")
    raise DatabaseUnavailableError(
        f"aicareers cannot use '{parsed.render_as_string(hide_password=True)}': only SQLite "
        f"and PostgreSQL are supported. Use {EXAMPLES}."
    )


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL; None for PostgreSQL and in-memory databases."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def describe(url: URL) -> str:
    """How messages name a database: the file path, or the URL without its password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    # As the person wrote it: the driver we picked is our business, not theirs.
    return url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)


def _sqlite_url(parsed: URL) -> URL:
    if not parsed.database or parsed.database == ":memory:":
        return parsed.set(drivername="sqlite")
    # Absolute, so that messages name the real file and a later chdir changes nothing.
    path = Path(parsed.database).expanduser().absolute()
    return parsed.set(drivername="sqlite", database=str(path))


def _redact(text: str) -> str:
    """The text of a URL we could not parse, with anything that looks like a password hidden."""
    scheme, sep, rest = text.partition("://")
    if sep and "@" in rest:
        credentials, _, host = rest.rpartition("@")
        user = credentials.split(":", 1)[0]
        masked = f"{user}:***" if ":" in credentials else user
        return f"{scheme}://{masked}@{host}"
    return text
