"""Common words never become skills; short names and ambiguous words need context.

Each phrase below was read on a real resume as a skill it is not (issue 12). The sentences are
written for the test, in the same kinds of wording, not copied from any resume.
"""

from __future__ import annotations

import pytest

from aicareers.engine.assessment.reference_skills import EscoLike, ReferenceVocabulary
from aicareers.engine.assessment.semantic_skills import statement
from aicareers.engine.assessment.skills import extract_skills
from aicareers.engine.assessment.vocabulary import Vocabulary
from aicareers.knowledge import default_catalog

VOCAB = Vocabulary(default_catalog().skills)


def skills_in(text: str, sections: list[tuple[int, int]] | None = None) -> set[str]:
    return set(extract_skills(text, VOCAB, sections or []))


@pytest.mark.parametrize(
    "text",
    [
        "Resolved payroll queries of all employees every month.",
        "Sold SME loans and POS machines to shop owners.",
        "Ensured alignment of initiatives with the regional plan.",
        "Handled food delivery orders and dispatch of goods from the warehouse.",
        "Ran awareness campaigns for the district health office.",
        "Met the statutory requirements of the Gratuity Act.",
        "Wrote shell scripting jobs; regression testing of every release.",
        "Type tests on power transformers and distribution transformers.",
        "Project: Hospital Management System for a clinic chain.",
        "Coordinated with the project manager on the site schedule.",
        "Executed a power of attorney for the client.",
        "Wrote smart contracts in Solidity.",
        "Control philosophy for the plant; seat utilization optimization.",
        "Prepared flow charts and editing of monthly reports.",
        "LLM in Criminology, University of Pune.",
        "Kendo UI grids and UI defects were fixed.",
        "Reported the RAG status of each workstream weekly.",
    ],
)
def test_everyday_words_are_not_skills(text: str) -> None:
    assert skills_in(text) == set()


def test_ambiguous_terms_count_beside_a_technical_skill() -> None:
    assert "statistical-modeling" in skills_in("Machine learning: Regression, SVM, Random Forest")
    assert "deep-learning" in skills_in("Fine-tuned transformers in PyTorch for text tasks.")
    assert "llm-capabilities" in skills_in("Built an LLM assistant with Python and LangChain.")
    assert skills_in("Julia Fernandes, Pune") == set()


def test_titles_count_when_they_are_the_persons_own() -> None:
    assert "project-management" in skills_in("Worked as a project manager for BNY Mellon.")
    assert "project-management" not in skills_in("Reported to the project manager daily.")


def test_generic_words_count_as_items_of_a_skills_list() -> None:
    text = "Skills: compliance, statistics\nEnsured compliance with the rules."
    found = extract_skills(text, VOCAB, [(0, 30)])
    assert {"regulatory-compliance", "mathematics"} <= set(found)
    assert [q.text for q in found["regulatory-compliance"].evidence] == ["compliance"]
    assert skills_in("Ensured compliance with the rules.") == set()


def test_typed_paraphrases_of_skills_are_named() -> None:
    assert skills_in("Skills: regulatory compliance, risk assessment") == {
        "regulatory-compliance", "risk-assessment",
    }  # fmt: skip


def reference() -> ReferenceVocabulary:
    esco = [
        EscoLike("esco:less", "LESS", ()),
        EscoLike("esco:teach", "support less able pupils", ()),
        EscoLike("esco:access", "access data", ()),
        EscoLike("esco:reduce", "reduce waste", ()),
        EscoLike("esco:pos", "blockchain consensus mechanisms", ("POS",)),
        EscoLike("esco:sql", "SQL", ()),
        EscoLike("esco:airport", "compile airport manuals", ("and procedures",)),
    ]
    return ReferenceVocabulary.build(esco, ["REDUCE", "Access", "Python"])


def test_reference_words_that_are_english_need_a_capitalised_list_item() -> None:
    vocab = reference()
    assert vocab.find("Less than 1 year; reduce costs; access to data; POS machine") == []
    assert {s.name for s in vocab.find("Front end: HTML, LESS, Python")} == {"LESS", "Python"}
    assert {s.name for s in vocab.find("Wrote SQL daily")} == {"SQL"}
    assert vocab.find("rules and procedures") == []


def test_only_statements_of_work_are_matched_by_meaning() -> None:
    assert statement("Worked closely with business teams to propose solutions from data")
    assert not statement("The purpose of the project is to build an inventory application")
    assert not statement("In addition, it provides several tools to the users")
    assert not statement("Master of Commerce in Marketing, University of Mumbai")
    assert not statement("PYTHON- Experience - 6 months")
