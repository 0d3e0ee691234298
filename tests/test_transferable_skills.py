"""Project skills evidenced by ESCO skills and O*NET technology named in a text."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from aicareers.engine.assessment.reference_skills import ReferenceSkill, ReferenceVocabulary
from aicareers.engine.assessment.transferable_skills import (
    CONFIDENCE,
    TransferableSkills,
    transferable_skills,
)
from aicareers.errors import CatalogError
from aicareers.knowledge import default_catalog


def names() -> dict[str, str]:
    return {skill.id: skill.name for skill in default_catalog().skills}


@cache
def shipped_reference() -> ReferenceVocabulary:
    from aicareers.service.runtime import load_reference_vocabulary
    from aicareers.taxonomy.model import Taxonomy

    return load_reference_vocabulary(Taxonomy.load())


def test_shipped_map_names_only_what_the_taxonomy_holds() -> None:
    from aicareers.taxonomy.model import Taxonomy

    taxonomy = Taxonomy.load()
    table = TransferableSkills.load(names())
    esco = taxonomy.esco_skills
    assert table.unknown_entries([s.uri for s in esco], taxonomy.technology.examples) == []
    # The label beside each ESCO id is what a reviewer reads: it must be that skill's own.
    labels = {s.uri.rsplit("/", 1)[-1]: s.label for s in esco}
    wrong = [
        (uri, label)
        for sources in table.evidence.skills.values()
        for uri, label in sources.esco.items()
        if labels[uri] != label
    ]
    assert wrong == []


def test_shipped_map_is_lean_and_versioned() -> None:
    table = TransferableSkills.load(names())
    assert table.evidence.version >= 1
    assert table.evidence.sources == {"esco": "v1.1.1", "onet": "29.3"}
    assert 100 <= len(table.lookup) <= 2000
    assert all(s.esco or s.onet_technology for s in table.evidence.skills.values())


def test_a_skill_we_do_not_have_is_refused(tmp_path: Path) -> None:
    (tmp_path / "skill_evidence.yaml").write_text(
        "version: 1\nsources: {}\nskills:\n  no-such-skill:\n    onet_technology: [Tableau]\n"
    )
    with pytest.raises(CatalogError, match="no-such-skill"):
        TransferableSkills.load(names(), tmp_path)


def test_technology_and_esco_names_become_project_skills_quoting_them() -> None:
    text = "Ran Apache Hadoop jobs nightly and performed risk analysis for new suppliers."
    found = transferable_skills(shipped_reference().find(text), names())
    hadoop = found["big-data-processing"]
    assert hadoop.how == "via O*NET: Apache Hadoop"
    assert [span.text for span in hadoop.evidence] == ["Apache Hadoop"]
    risk = found["risk-assessment"]
    # ESCO "risk identification" has "risk analysis" among its labels.
    assert risk.how.startswith("via ESCO: risk")
    assert "risk analysis" in text[risk.evidence[0].start : risk.evidence[0].end]
    # Below a skill named outright (0.85 and up): the step to our skill is ours.
    assert hadoop.confidence == risk.confidence == CONFIDENCE < 0.85


def test_a_bi_tool_is_evidence_of_visualisation() -> None:
    found = transferable_skills(shipped_reference().find("Reports in Microsoft Power BI."), names())
    assert found["data-visualization"].how == "via O*NET: Microsoft Power BI"


def test_generic_soft_skills_and_plain_prose_add_nothing() -> None:
    text = "Good team player who works in teams, with communication skills; likes to cook."
    assert transferable_skills(shipped_reference().find(text), names()) == {}


def test_no_reference_skills_add_nothing() -> None:
    assert transferable_skills([], names()) == {}
    unmapped = ReferenceSkill(source="onet-technology", id="Minesweeper", name="Minesweeper",
                              evidence=())  # fmt: skip
    assert transferable_skills([unmapped], names()) == {}
