"""Read-only plan links in the store and the service, on SQLite and PostgreSQL.

A link is a random token of which only the hash is stored; a plan has one working link at a
time; a revoked or unknown token reads like a plan that does not exist; what a link shows
carries nothing of its owner beyond the plan.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest
import sqlalchemy as sa

from aicareers.errors import UnknownIdError
from aicareers.service.plan_shares import (
    Sharing,
    read_shared,
    share_url,
    shared_document,
)
from aicareers.store import Store
from aicareers.store.schema import plan_shares

from . import pg
from .store_helpers import make_plan, sqlite_url

NOTE = "call Dr Smith at 555-0100 about the reference"


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with pg.fresh_database("plan_share") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = (
        sqlite_url(tmp_path / "store.db")
        if request.param == "sqlite"
        else str(request.getfixturevalue("pg_url"))
    )
    with Store.open(url) as opened:
        yield opened


def new_user(store: Store) -> int:
    """A user of one's own: the PostgreSQL database is shared by the tests of this module."""
    return store.ensure_user(f"user-{secrets.token_hex(4)}@example.org")


def saved_plan(store: Store, user: int) -> int:
    plan = msgspec.structs.replace(make_plan(), have=("python", "sql"), backgrounds=("healthcare",))
    plan_id = store.save_plan(user, plan)
    store.record_event(user, plan_id, "learn-1", "done", note=NOTE)
    store.record_event(user, plan_id, "learn-2", "in_progress", note=NOTE)
    return plan_id


def share_rows(store: Store) -> list[sa.RowMapping]:
    with store.engine.connect() as conn:
        return list(conn.execute(sa.select(plan_shares).order_by(plan_shares.c.id)).mappings())


def test_a_link_opens_the_plan_and_only_its_hash_is_stored(store: Store) -> None:
    user = new_user(store)
    plan_id = saved_plan(store, user)
    token = Sharing(store, user).share(plan_id)
    assert len(token) >= 43  # 32 random bytes
    stored, events = store.shared_plan(token)
    assert stored.id == plan_id
    assert [e.step for e in events] == ["learn-1", "learn-2"]
    mine = [r for r in share_rows(store) if r["plan_id"] == plan_id]
    assert [r["token_hash"] for r in mine] == [hashlib.sha256(token.encode()).hexdigest()]
    assert token not in repr(mine)
    assert Sharing(store, user).since(plan_id) == mine[0]["created_at"]


def test_sharing_again_replaces_the_link_and_revoking_ends_it(store: Store) -> None:
    user = new_user(store)
    plan_id = saved_plan(store, user)
    sharing = Sharing(store, user)
    first = sharing.share(plan_id)
    second = sharing.share(plan_id)
    assert first != second
    with pytest.raises(UnknownIdError, match="No shared plan"):
        store.shared_plan(first)
    assert store.shared_plan(second)[0].id == plan_id
    live = [r for r in share_rows(store) if r["plan_id"] == plan_id and r["revoked_at"] is None]
    assert len(live) == 1
    assert sharing.revoke(plan_id) is True
    assert sharing.since(plan_id) is None
    with pytest.raises(UnknownIdError):
        store.shared_plan(second)
    assert sharing.revoke(plan_id) is False  # nothing left to stop


def test_unknown_tokens_all_read_as_missing(store: Store) -> None:
    for token in ("", "x", "a" * 43, "a" * 10_000, "'; DROP TABLE plans; --"):
        with pytest.raises(UnknownIdError) as caught:
            store.shared_plan(token)
        if len(token) > 6:  # a long token is never repeated whole in the message
            assert token not in str(caught.value)


def test_only_the_owner_can_share_or_revoke(store: Store) -> None:
    owner, stranger = new_user(store), new_user(store)
    plan_id = saved_plan(store, owner)
    token = Sharing(store, owner).share(plan_id)
    for call in (Sharing(store, stranger).share, Sharing(store, stranger).revoke):
        with pytest.raises(UnknownIdError, match="No plan with id"):
            call(plan_id)
    with pytest.raises(UnknownIdError):
        Sharing(store, stranger).since(plan_id)
    assert store.shared_plan(token)[0].id == plan_id  # still shared


def test_the_shared_record_holds_nothing_personal(store: Store) -> None:
    user = new_user(store)
    plan_id = saved_plan(store, user)
    token = Sharing(store, user).share(plan_id)
    shared = read_shared(store, token, today=dt.date(2026, 3, 20))
    assert shared.plan.have == ()
    assert shared.plan.backgrounds == ()
    assert shared.plan.steps == make_plan().steps
    assert shared.progress.steps_done == 1
    assert shared.progress.steps_in_progress == 1
    assert all(s.note is None for s in shared.progress.states)
    document = msgspec.json.encode(shared_document(shared)).decode()
    assert NOTE not in document
    assert "@example.org" not in document
    assert "healthcare" not in document
    assert '"created_at":null' in document


def test_links_go_with_the_user(store: Store) -> None:
    user = new_user(store)
    plan_id = saved_plan(store, user)
    token = Sharing(store, user).share(plan_id)
    exported = store.export_user(user)["plan_shares"]
    assert [(r["plan_id"], r["revoked_at"]) for r in exported] == [(plan_id, None)]
    assert "token_hash" not in repr(exported)
    store.delete_user(user)
    assert [r for r in share_rows(store) if r["plan_id"] == plan_id] == []
    with pytest.raises(UnknownIdError):
        store.shared_plan(token)


def test_deleting_a_plan_row_cascades_to_its_links(store: Store) -> None:
    """The migrated schema's foreign key, not only the store's code, removes the links."""
    user = new_user(store)
    plan_id = saved_plan(store, user)
    Sharing(store, user).share(plan_id)
    with store.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM plans WHERE id = :p"), {"p": plan_id})
    assert [r for r in share_rows(store) if r["plan_id"] == plan_id] == []


def test_share_url() -> None:
    assert share_url("http://127.0.0.1:8000/", "abc") == "http://127.0.0.1:8000/shared/abc"
    assert share_url("https://plans.example.org", "abc") == "https://plans.example.org/shared/abc"
