"""An acknowledged progress event is never lost: not to SIGKILL, not to a concurrent writer.

A child process (``store_worker.py``) records events and prints each seq only after
``record_event`` returned. The parent kills it with SIGKILL at a random moment, several times,
then checks that every seq the child printed is stored (and, on SQLite, that the file passes
its integrity check). Two children writing to the same plan at once must lose nothing.
"""

from __future__ import annotations

import itertools
import random
import select
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from aicareers.store import Store

from . import pg
from .store_helpers import make_plan, sqlite_url

WORKER = Path(__file__).with_name("store_worker.py")
KILL_ROUNDS = 4
EVENTS_EACH = 100


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with pg.fresh_database("durability") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "store.db")
    return str(request.getfixturevalue("pg_url"))


def new_plan(url: str) -> int:
    with Store.open(url) as store:
        return store.save_plan(store.local_user(), make_plan())


def stored_seqs(url: str, plan_id: int) -> list[int]:
    with Store.open(url) as store:
        return [e.seq for e in store.events(store.local_user(), plan_id)]


def worker(url: str, plan_id: int, count: int, *extra: str) -> subprocess.Popen[str]:
    command = [sys.executable, str(WORKER), url, str(plan_id), str(count), *extra]
    return subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def acknowledged(output: str) -> set[int]:
    """The seqs a worker printed; a last line without its newline was never a whole report."""
    return {int(line) for line in output.split("\n")[:-1]}


def kill_while_writing(url: str, plan_id: int, rng: random.Random) -> set[int]:
    """Start a worker, let it commit for a random moment, SIGKILL it; what it acknowledged."""
    child = worker(url, plan_id, 0)
    assert child.stdout is not None
    ready, _, _ = select.select([child.stdout], [], [], 60)
    first = child.stdout.readline() if ready else ""
    if not first:
        child.kill()
        pytest.fail(f"the worker wrote nothing: {child.communicate()[1]}")
    time.sleep(rng.uniform(0.0, 0.25))
    child.kill()  # SIGKILL: no cleanup, no flush, no rollback by the process
    rest, _ = child.communicate(timeout=30)
    assert child.returncode == -9
    return acknowledged(first + rest)


def assert_sqlite_intact(url: str) -> None:
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_killed_writer_loses_no_acknowledged_event(url: str) -> None:
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    plan_id = new_plan(url)
    reported: set[int] = set()
    for _ in range(KILL_ROUNDS):
        reported |= kill_while_writing(url, plan_id, rng)
        assert_sqlite_intact(url)
    stored = stored_seqs(url, plan_id)
    assert reported - set(stored) == set(), f"lost acknowledged events (seed {seed})"
    assert stored == sorted(set(stored))
    assert len(reported) >= KILL_ROUNDS


def test_two_writers_on_one_plan_lose_nothing(url: str) -> None:
    plan_id = new_plan(url)
    children = [worker(url, plan_id, EVENTS_EACH, "gate") for _ in range(2)]
    for child in children:
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n", child.communicate()[1]
    for child in children:  # both have opened the store: let them write at once
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs = [child.communicate(timeout=120) for child in children]
    assert [c.returncode for c in children] == [0, 0], [err for _, err in outputs]
    first, second = (acknowledged(out) for out, _ in outputs)
    assert len(first) == len(second) == EVENTS_EACH
    assert first.isdisjoint(second)
    with Store.open(url) as store:
        events = store.events(store.local_user(), plan_id)
    assert [e.seq for e in events] == sorted(first | second)
    writers = [str(e.note).split(":")[0] for e in events]
    switches = sum(a != b for a, b in itertools.pairwise(writers))
    assert switches > 1, "the two writers never overlapped: the test proved nothing"
    assert_sqlite_intact(url)
