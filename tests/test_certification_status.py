"""Certifications carry whether they can still be earned, their provider family and whether
employers ask for them; the validator enforces the rules and the evidence table agrees."""

from __future__ import annotations

import csv
from pathlib import Path

import msgspec
import pytest

from aicareers.knowledge import Catalog, default_catalog
from aicareers.knowledge.models import Certification
from aicareers.knowledge.validate import problems

TABLE = Path(__file__).resolve().parent.parent / "bench" / "results" / "certifications_asked.tsv"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


def certs(catalog: Catalog) -> dict[str, Certification]:
    return {c.id: c for c in catalog.certifications}


def test_retired_certifications_are_marked_with_a_source(catalog: Catalog) -> None:
    by_id = certs(catalog)
    assert by_id["tensorflow-developer-certificate"].status == "retired"
    aws = by_id["aws-ml-specialty"]
    assert (aws.status, str(aws.retires)) == ("retired", "2026-03-31")
    sources = {s.id for s in catalog.sources}
    for cert in catalog.certifications:
        if cert.status != "active":
            assert cert.status_source in sources, cert.id


def test_one_family_per_provider(catalog: Catalog) -> None:
    by_id = certs(catalog)
    assert by_id["tensorflow-developer-certificate"].family == "google"
    assert by_id["gcp-professional-ml-engineer"].family == "google"
    assert by_id["aws-ml-specialty"].family == "aws"
    assert by_id["azure-ai-engineer"].family == "microsoft"


def test_employers_ask_only_for_recognised_certifications(catalog: Catalog) -> None:
    for cert in catalog.certifications:
        assert set(cert.employers_ask) <= set(cert.careers), cert.id
        if cert.group == "course-certificate" or (cert.hours or 0) < 10:
            assert cert.employers_ask == (), cert.id
    # The prompt engineer's two-hour course certificate is not what employers ask for.
    assert certs(catalog)["chatgpt-prompt-engineering-certificate"].employers_ask == ()


def test_mlops_keeps_an_active_certification_its_employers_ask_for(catalog: Catalog) -> None:
    asked = [c for c in catalog.certifications
             if "mlops-engineer" in c.employers_ask and c.status == "active"]  # fmt: skip
    assert [c.id for c in asked] == ["gcp-professional-ml-engineer"]


def test_evidence_table_matches_the_catalog(catalog: Catalog) -> None:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        rows = {row["certification"]: row for row in csv.DictReader(handle, delimiter="\t")}
    assert set(rows) == set(certs(catalog))
    for cert in catalog.certifications:
        row = rows[cert.id]
        assert row["employers_ask"] == (",".join(cert.employers_ask) or "-"), cert.id
        assert row["status"] == cert.status, cert.id
        assert row["judgement"].strip(), cert.id


def test_validator_checks_status_family_and_employers(catalog: Catalog) -> None:
    changed = [
        msgspec.structs.replace(
            c, status="retiring", status_source=None, family="Google Cloud",
            employers_ask=("prompt-engineer",),
        ) if c.id == "gcp-professional-ml-engineer" else
        msgspec.structs.replace(c, status_source="nowhere")
        if c.id == "caiep" else c
        for c in catalog.certifications
    ]  # fmt: skip
    found = problems(msgspec.structs.replace(catalog, certifications=tuple(changed)))
    where = "certifications: gcp-professional-ml-engineer"
    assert found == [
        f"{where}: employers_ask names 'prompt-engineer', which is not in its careers",
        f"{where}: status is retiring but no status_source says where we read it",
        f"{where}: a retiring certification needs its last exam day in retires",
        f"{where}: family 'Google Cloud' is not a lowercase slug",
        "certifications: caiep: refers to unknown source 'nowhere'",
    ]
