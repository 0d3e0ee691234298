"""Read-only links to a plan: share one, stop sharing it, and what a link shows.

Whoever holds a link sees the plan and where it stands today, and nothing else about the person
whose plan it is: no notes on steps (they were written for the owner), no name or e-mail, no
assessment, and not the skills and backgrounds the plan was built from. Each link is a random
token; the store keeps only its hash, so a link can be shown once, when it is made, and never
again: sharing afresh makes a new one and the old one stops working.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import msgspec

from ..engine.plans.model import Plan, Progress

if TYPE_CHECKING:
    from ..documents.plan import PlanDocument
    from ..store import Store

SHARE_PATH = "/shared/"  # where the web app shows a shared plan: SHARE_PATH + token
DEFAULT_BASE_URL = "http://127.0.0.1:8000"  # the web app's address when nobody says otherwise


def share_url(base_url: str, token: str) -> str:
    """The address of a shared plan on the web app at ``base_url``."""
    return base_url.rstrip("/") + SHARE_PATH + token


class ShareLink(msgspec.Struct, frozen=True, kw_only=True):
    """A new read-only link (``plan share --format json`` and the API): shown once, only here."""

    plan: int
    url: str


@dataclass(frozen=True)
class SharedPlan:
    """A plan as its link shows it: the plan and its progress, without anything personal."""

    id: int
    plan: Plan
    progress: Progress


class Sharing:
    """The read-only links of one user's plans."""

    def __init__(self, store: Store, user_id: int) -> None:
        self.store = store
        self.user_id = user_id

    def share(self, plan_id: int) -> str:
        """A new link token for the plan; a link made before stops working."""
        return self.store.share_plan(self.user_id, plan_id)

    def revoke(self, plan_id: int) -> bool:
        """Stop sharing the plan; False when it was not shared."""
        return self.store.revoke_share(self.user_id, plan_id)

    def since(self, plan_id: int) -> dt.datetime | None:
        """When the plan's working link was made; None when the plan is not shared."""
        return self.store.share_since(self.user_id, plan_id)


def read_shared(store: Store, token: str, *, today: dt.date | None = None) -> SharedPlan:
    """The plan a link opens, with progress as of ``today``; UnknownIdError for a dead link."""
    from ..engine.plans.progress import summarize
    from .plans import local_zone

    stored, events = store.shared_plan(token)
    # Notes stay with their owner: the events lose them before anything is derived from them.
    events = [msgspec.structs.replace(e, note=None) for e in events]
    plan = msgspec.structs.replace(stored.plan, have=(), backgrounds=())
    progress = summarize(plan, events, today or dt.date.today(), tz=local_zone())
    return SharedPlan(id=stored.id, plan=plan, progress=_without_notes(progress))


def _without_notes(progress: Progress) -> Progress:
    """The progress with no note on any step, whatever the engine carried over."""
    states = tuple(msgspec.structs.replace(s, note=None) for s in progress.states)
    return msgspec.structs.replace(progress, states=states)


def shared_document(shared: SharedPlan) -> PlanDocument:
    """The plan document of a shared plan (notes empty, no creation time)."""
    from ..documents.plan import plan_document

    return plan_document(shared.id, shared.plan, shared.progress)
