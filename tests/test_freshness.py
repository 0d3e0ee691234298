"""Every fact of the guide is dated, and ``aicareers data freshness`` lists what to check again."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
import pytest

from aicareers.knowledge import by_id, default_catalog
from aicareers.service.freshness import dated_items, freshness

from .conftest import Invoke

DAY = dt.date(2026, 12, 3)


def test_every_career_certification_organization_resource_and_statistic_is_dated() -> None:
    undated = [
        f"{i.kind} {i.id}" for i in dated_items(default_catalog(), DAY) if i.age_days is None
    ]
    assert undated == []


def test_an_undated_item_is_reported_first() -> None:
    catalog = default_catalog()
    first = catalog.resources[0]
    undated = msgspec.structs.replace(first, last_checked=None)
    broken = msgspec.structs.replace(catalog, resources=(undated, *catalog.resources[1:]))
    report = freshness(180, DAY, broken)
    assert report.undated == 1
    assert (report.items[0].id, report.items[0].reasons[0]) == (first.id, "not dated")


def test_age_counts_from_the_check_day() -> None:
    catalog = default_catalog()
    # Cruise was checked (and confirmed) on 2026-12-03: 29 days later it is stale only for
    # an age under 29.
    later = dt.date(2027, 1, 1)
    recent = {i.id: i for i in freshness(29, later, catalog).items}
    stale = {i.id: i for i in freshness(28, later, catalog).items}
    assert "cruise" not in recent
    assert stale["cruise"].reasons == ("checked 29 days ago",)


def test_known_status_changes_are_marked_with_their_source() -> None:
    catalog = default_catalog()
    cruise = by_id(catalog.organizations, "cruise", "item")
    distill = by_id(catalog.resources, "distill", "item")
    tensorflow = by_id(catalog.certifications, "tensorflow-developer-certificate", "item")
    assert (cruise.status, cruise.verified, cruise.status_source) == (
        "merged", True, "gm-cruise-robotaxi-exit",
    )  # fmt: skip
    assert (distill.status, distill.status_source) == ("hiatus", "distill-hiatus")
    assert tensorflow.status == "retired"
    operator = by_id(catalog.careers, "autonomous-systems-operator", "item")
    assert "cruise" not in operator.employers


def test_communities_are_not_listed_as_employers() -> None:
    ethics = by_id(default_catalog().careers, "ai-ethics-officer", "item")
    assert {"partnership-on-ai", "ai-now-institute"}.isdisjoint(ethics.employers)
    named = {o for step in ethics.break_in for o in step.organizations}
    assert {"partnership-on-ai", "ai-now-institute"} <= named


def test_the_command_lists_unverified_items_but_not_a_confirmed_recent_one(
    invoke_json: Any,
) -> None:
    report = invoke_json("data", "freshness", "--older-than", "100000", "--format", "json")
    items = {i["id"]: i for i in report["items"]}
    assert report["undated"] == 0
    assert "cruise" not in items
    assert items["distill"]["status"] == "hiatus"
    assert items["distill"]["reasons"] == ["unverified"]
    assert len(items) == report["unverified"]


def test_the_table_ends_with_a_summary(invoke: Invoke) -> None:
    result = invoke("data", "freshness", "--older-than", "100000")
    assert result.exit_code == 0, result.stderr
    assert "distill" in result.stdout
    assert "0 undated, 0 checked more than 100000 days ago" in " ".join(result.stdout.split())


def test_a_negative_age_is_refused(invoke: Invoke) -> None:
    result = invoke("data", "freshness", "--older-than", "-1")
    assert result.exit_code == 2


GUIDE_COMMANDS = [
    ("careers", "list"),
    ("careers", "show", "prompt-engineer"),
    ("careers", "compare", "prompt-engineer", "mlops-engineer"),
    ("skills",),
    ("certifications",),
    ("resources",),
    ("hubs",),
    ("salaries", "bands"),
    ("steps",),
]


@pytest.mark.parametrize("args", GUIDE_COMMANDS, ids=" ".join)
def test_guide_facts_end_with_the_guide_date_but_json_does_not(
    invoke: Invoke, args: tuple[str, ...]
) -> None:
    text = invoke(*args)
    assert text.exit_code == 0, text.stderr
    last = " ".join(text.stdout.strip().split("\n\n")[-1].split())
    assert last == (
        "From the guide of 23 March 2026; pay, titles and courses change, "
        "so check them before you decide."
    )
    raw = invoke(*args, "--format", "json")
    assert raw.exit_code == 0, raw.stderr
    assert "From the guide of" not in raw.stdout


def test_commands_without_guide_facts_have_no_guide_date(invoke: Invoke) -> None:
    assert "From the guide of" not in invoke("data", "freshness").stdout
