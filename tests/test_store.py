"""The store on SQLite and PostgreSQL: round trips, user scoping, unknown ids, its location.

Databases that cannot be used (read-only, locked, unreachable, malformed) are in
test_store_errors.py.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from aicareers.errors import DatabaseReadOnlyError, SchemaError, UnknownIdError, listing
from aicareers.store import Store, resolve_url
from aicareers.store.schema import plan_steps, plans, profiles

from . import pg
from .store_helpers import make_plan, sqlite_url

PROFILE = {
    "titles": ["Data analyst", "Analyst"],
    "skills": ["sql", "python"],
    "years_experience": 4.0,
    "location": {"country": "DE", "city": "Berlin"},
    "interests": {"investigative": 0.8},
    "text": "SECRET RESUME: Jane Doe, 12 Example Street",
}
RESULT = {"careers": [{"id": "mlops-engineer", "score": 71.5}], "engine_version": "1"}


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with pg.fresh_database("store") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each round-trip test runs on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "store.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    with Store.open(url) as opened:
        yield opened


def new_user(store: Store) -> int:
    """A user of one's own: the PostgreSQL database is shared by the tests of this module."""
    return store.ensure_user(f"user-{secrets.token_hex(4)}")


def test_assessment_round_trip(store: Store) -> None:
    user = new_user(store)
    inputs = {"title": "Data analyst", "skills": ["sql", "python"], "years": 4}
    first = store.save_assessment(user, inputs=inputs, result=RESULT, engine_version="1")
    second = store.save_assessment(
        user, inputs={"title": "x"}, result={"careers": []}, engine_version="2", profile=PROFILE
    )
    got = store.get_assessment(user, first)
    assert (got.id, got.inputs, got.result, got.engine_version) == (first, inputs, RESULT, "1")
    assert got.created_at.tzinfo is not None
    assert abs(got.created_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    assert [a.id for a in store.list_assessments(user)] == [first, second]
    assert store.get_assessment(user, second).engine_version == "2"


def test_profile_is_stored_without_the_resume_unless_asked(store: Store) -> None:
    user = new_user(store)
    plain = store.save_assessment(
        user, inputs={}, result=RESULT, engine_version="1", profile=PROFILE
    )
    kept = store.save_assessment(
        user, inputs={}, result=RESULT, engine_version="1", profile=PROFILE,
        resume_text=str(PROFILE["text"]),
    )  # fmt: skip
    assert store.resume_text(user, plain) is None
    assert store.resume_text(user, kept) == PROFILE["text"]
    profile_id = store.get_assessment(user, plain).profile_id
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(profiles).where(profiles.c.id == profile_id)).mappings().one()
    assert row["title"] == "Data analyst"
    assert (row["skills"], row["years"]) == (["sql", "python"], 4.0)
    assert row["location"] == {"country": "DE", "city": "Berlin"}
    assert "SECRET" not in repr(dict(row))


def test_resume_text_never_reaches_the_file_without_opt_in(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with Store.open(sqlite_url(path)) as store:
        user = store.local_user()
        store.save_assessment(user, inputs={}, result=RESULT, engine_version="1", profile=PROFILE)
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"Data analyst" in data  # the profile itself was written
    assert b"SECRET RESUME" not in data


def test_plan_round_trip_with_its_steps(store: Store) -> None:
    user = new_user(store)
    assessment = store.save_assessment(user, inputs={}, result=RESULT, engine_version="1")
    plan = make_plan()
    plan_id = store.save_plan(user, plan, assessment_id=assessment)
    other = store.save_plan(user, make_plan("prompt-engineer", steps=2))
    stored = store.get_plan(user, plan_id)
    assert stored.plan == plan
    assert (stored.id, stored.assessment_id) == (plan_id, assessment)
    assert stored.created_at.tzinfo is not None
    assert [(p.id, p.plan.career) for p in store.list_plans(user)] == [
        (plan_id, "mlops-engineer"), (other, "prompt-engineer"),
    ]  # fmt: skip
    query = sa.select(plan_steps.c.step_key, plan_steps.c.position, plan_steps.c.due).where(
        plan_steps.c.plan_id == plan_id
    )
    with store.engine.connect() as conn:
        rows = sorted(conn.execute(query).all(), key=lambda r: r.position)
    assert [(r.step_key, r.due) for r in rows] == [(s.id, s.due) for s in plan.steps]


def test_events_come_back_in_commit_order(store: Store) -> None:
    user = new_user(store)
    plan_id = store.save_plan(user, make_plan())
    at = dt.datetime(2026, 3, 3, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    recorded = [
        store.record_event(user, plan_id, "learn-1", "in_progress", at=at),
        store.record_event(user, plan_id, "learn-1", "done", note="finished the course"),
        store.record_event(user, plan_id, "learn-2", "skipped", note="already know it"),
        store.record_event(user, plan_id, "learn-1", "reopened"),
    ]
    assert store.events(user, plan_id) == recorded
    seqs = [e.seq for e in recorded]
    assert seqs == sorted(seqs)
    assert len(set(seqs)) == 4
    assert recorded[0].at == at
    assert recorded[0].at.utcoffset() == dt.timedelta(0)
    assert recorded[1].note == "finished the course"
    assert store.events(user, store.save_plan(user, make_plan())) == []


def test_bad_event_arguments_are_refused(store: Store) -> None:
    user = new_user(store)
    plan_id = store.save_plan(user, make_plan())
    with pytest.raises(ValueError, match="naive"):
        store.record_event(user, plan_id, "learn-1", "done", at=dt.datetime(2026, 3, 3))
    with pytest.raises(ValueError, match="status"):
        store.record_event(user, plan_id, "learn-1", "finished")  # type: ignore[arg-type]
    assert store.events(user, plan_id) == []


def test_duplicate_step_ids_are_refused(store: Store) -> None:
    plan = make_plan()
    broken = type(plan)(**{**{f: getattr(plan, f) for f in plan.__struct_fields__},
                           "steps": (*plan.steps, plan.steps[0])})  # fmt: skip
    with pytest.raises(ValueError, match="learn-1"):
        store.save_plan(new_user(store), broken)


def test_unknown_step_suggests_the_closest_ids(store: Store) -> None:
    user = new_user(store)
    plan_id = store.save_plan(user, make_plan())
    with pytest.raises(UnknownIdError) as caught:
        store.record_event(user, plan_id, "lern-1", "done")
    assert caught.value.kind == "step"
    assert caught.value.suggestions[0] == "learn-1"
    assert caught.value.hint == listing(
        command=f"aicareers plan show {plan_id}", page=f"/plans/{plan_id}"
    )
    assert store.events(user, plan_id) == []


def test_unknown_plan_and_assessment_ids(store: Store) -> None:
    user = new_user(store)
    plan_id = store.save_plan(user, make_plan())
    with pytest.raises(UnknownIdError) as caught:
        store.get_plan(user, plan_id * 10)  # one digit too many
    assert caught.value.suggestions == [str(plan_id)]
    assert caught.value.hint == listing(command="aicareers plan list", page="/plans")
    for call in (store.events, lambda u, p: store.record_event(u, p, "learn-1", "done")):
        with pytest.raises(UnknownIdError, match=f"No plan with id '{plan_id + 1000}'"):
            call(user, plan_id + 1000)
    with pytest.raises(UnknownIdError, match="No assessment with id '999999'"):
        store.get_assessment(user, 999_999)
    with pytest.raises(UnknownIdError, match="No assessment"):
        store.save_plan(user, make_plan(), assessment_id=999_999)
    assert [p.id for p in store.list_plans(user)] == [plan_id]


def test_another_users_ids_behave_like_unknown_ids(store: Store) -> None:
    alice, bob = new_user(store), new_user(store)
    plan_id = store.save_plan(alice, make_plan())
    assessment = store.save_assessment(alice, inputs={}, result=RESULT, engine_version="1")
    store.record_event(alice, plan_id, "learn-1", "done")
    missing = 10**9

    def message(call: object, *args: object) -> str:
        with pytest.raises(UnknownIdError) as caught:
            call(*args)  # type: ignore[operator]
        return str(caught.value)

    assert message(store.get_plan, bob, plan_id) == message(store.get_plan, bob, missing).replace(
        str(missing), str(plan_id)
    )
    assert "plan" in message(store.events, bob, plan_id)
    assert "plan" in message(store.record_event, bob, plan_id, "learn-1", "done")
    assert "assessment" in message(store.get_assessment, bob, assessment)
    assert "assessment" in message(store.resume_text, bob, assessment)
    assert "assessment" in message(store.save_plan, bob, make_plan(), assessment)
    assert store.list_plans(bob) == []
    assert store.list_assessments(bob) == []
    assert [e.step for e in store.events(alice, plan_id)] == ["learn-1"]


def test_local_user_is_created_once_even_by_racing_threads(store: Store) -> None:
    name = f"racer-{secrets.token_hex(4)}"
    ids: list[int] = []
    threads = [
        threading.Thread(target=lambda: ids.append(store.ensure_user(name))) for _ in range(6)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(ids) == 6
    assert len(set(ids)) == 1
    assert store.local_user() == store.local_user()
    with pytest.raises(ValueError, match="empty"):
        store.ensure_user("  ")


# Where the database lives.


def test_default_database_is_a_file_in_the_data_folder(tmp_path: Path) -> None:
    url = resolve_url(None, env={"AICAREERS_DATA_DIR": str(tmp_path / "data")})
    assert (url.drivername, url.database) == ("sqlite", str(tmp_path / "data" / "aicareers.db"))
    assert (tmp_path / "data").is_dir()
    xdg = resolve_url(None, env={"XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert xdg.database == str(tmp_path / "xdg" / "aicareers" / "aicareers.db")


def test_explicit_url_then_environment(tmp_path: Path) -> None:
    env = {"AICAREERS_DATABASE_URL": f"sqlite:///{tmp_path}/env.db", "AICAREERS_DATA_DIR": "/x"}
    assert resolve_url(None, env=env).database == f"{tmp_path}/env.db"
    assert resolve_url(f"sqlite:///{tmp_path}/arg.db", env=env).database == f"{tmp_path}/arg.db"
    for given in ("postgres://me@db.example/careers", "postgresql://me@db.example/careers"):
        url = resolve_url(given, env={})
        assert url.render_as_string() == "postgresql+psycopg://me@db.example/careers"
    home = resolve_url("sqlite:///~/careers.db", env={})
    assert home.database == str(Path.home() / "careers.db")


def test_data_folder_that_cannot_be_created(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("a file where a folder should be")
    with pytest.raises(DatabaseReadOnlyError, match="Cannot create the data folder"):
        resolve_url(None, env={"AICAREERS_DATA_DIR": str(tmp_path / "file" / "data")})


def test_a_plan_saved_by_a_newer_version_is_reported_not_crashed_on(tmp_path: Path) -> None:
    with Store.open(sqlite_url(tmp_path / "store.db")) as store:
        user = store.local_user()
        plan_id = store.save_plan(user, make_plan())
        with store.engine.begin() as conn:
            data = conn.execute(sa.select(plans.c.plan)).scalar_one()
            newer = {**data, "version": 2, "coach": "someone"}
            conn.execute(sa.update(plans).values(plan=newer))
        with pytest.raises(SchemaError, match=f"Plan {plan_id} cannot be read .* version 2"):
            store.get_plan(user, plan_id)


def test_ids_too_large_for_the_database_are_unknown_not_a_crash(tmp_path: Path) -> None:
    with Store.open(sqlite_url(tmp_path / "store.db")) as store:
        user = store.local_user()
        store.save_plan(user, make_plan())
        for huge in (2**63, 10**20):
            with pytest.raises(UnknownIdError, match="No plan with id"):
                store.get_plan(user, huge)
            with pytest.raises(UnknownIdError, match="No plan with id"):
                store.record_event(user, huge, "learn-1", "done")
            with pytest.raises(UnknownIdError, match="No assessment with id"):
                store.get_assessment(user, huge)
