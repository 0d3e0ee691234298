"""The SQLite database is private to its owner, and a deleted account leaves no readable trace.

A security probe found the file created 0644 (any local user could read e-mails, password
hashes and notes) and, after an account was deleted, its e-mail and notes still readable in
the ``-wal`` file. These tests read the files' modes and raw bytes, on a store that stays
open, as a running server's would.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from aicareers.store import Store
from aicareers.store.location import default_database_path

from .store_helpers import make_plan

EMAIL = "zz-private-ada-7f3c@example.org"
NOTE = "my-private-note-about-a-health-leave-9d1e"
RESUME = "resume-text-with-a-home-address-42-rue-cachee"


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The common umask (022), under which files were created 0644 before the fix."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def database_files(path: Path) -> list[Path]:
    return [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


def test_a_new_database_and_its_wal_and_shm_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with Store.open(f"sqlite:///{path}") as store:
        store.create_account(EMAIL, "hash")  # a write, so that -wal and -shm exist
        files = database_files(path)
        assert [p.name for p in files] == ["new.db", "new.db-wal", "new.db-shm"]
        assert {p.name: oct(mode(p)) for p in files} == {p.name: "0o600" for p in files}


def test_an_existing_database_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    Store.open(f"sqlite:///{path}").close()
    path.chmod(0o640)  # chosen by its owner (a group that backs it up, say): left alone
    Store.open(f"sqlite:///{path}").close()
    assert mode(path) == 0o640


def test_the_default_data_folder_is_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "home" / "aicareers"
    path = default_database_path({"AICAREERS_DATA_DIR": str(folder)})
    assert path.parent == folder
    assert mode(folder) == 0o700


def fill_and_delete(store: Store) -> None:
    """An account with a plan, a note and a saved resume, then deleted."""
    user = store.create_account(EMAIL, "$argon2id$not-a-real-hash").id
    plan_id = store.save_plan(user, make_plan())
    store.record_event(user, plan_id, "learn-1", "done", note=NOTE)
    store.save_assessment(
        user, inputs={"text": RESUME}, result={}, engine_version="1", resume_text=RESUME
    )
    store.delete_user(user)


@pytest.mark.parametrize("secret", [EMAIL, NOTE, RESUME])
def test_a_deleted_account_cannot_be_read_from_the_files(tmp_path: Path, secret: str) -> None:
    path = tmp_path / "web.db"
    with Store.open(f"sqlite:///{path}") as store:
        other = store.create_account("someone-else@example.org", "hash").id
        fill_and_delete(store)
        store.save_plan(other, make_plan())  # the store goes on being used, as a server's does
        raw = {p.name: p.read_bytes() for p in database_files(path)}
        found = [name for name, data in raw.items() if secret.encode() in data]
        assert found == [], f"{secret!r} is still readable in {found}"
        assert store.credentials(EMAIL) is None


def test_the_secrets_are_in_the_files_before_deletion(tmp_path: Path) -> None:
    """The check above can fail: before deletion the same search finds every secret."""
    path = tmp_path / "web.db"
    with Store.open(f"sqlite:///{path}") as store:
        user = store.create_account(EMAIL, "hash").id
        store.record_event(user, store.save_plan(user, make_plan()), "learn-1", "done", NOTE)
        data = b"".join(p.read_bytes() for p in database_files(path))
        assert EMAIL.encode() in data
        assert NOTE.encode() in data


def test_secure_delete_is_set_whatever_sqlite_was_built_with(tmp_path: Path) -> None:
    """Debian's SQLite zeroes deleted rows by default, python.org's and macOS's do not: the
    store asks for it on every connection (with it off, the deletion test above finds all
    three secrets in the main file)."""
    with Store.open(f"sqlite:///{tmp_path / 'web.db'}") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
