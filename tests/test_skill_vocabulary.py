"""Project skills found by name and alias, with exact character offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from aicareers.engine.assessment.backgrounds import detect_backgrounds
from aicareers.engine.assessment.skills import extract_skills, implied_skills, merge
from aicareers.engine.assessment.vocabulary import Vocabulary
from aicareers.knowledge import default_catalog

CATALOG = default_catalog()
VOCAB = Vocabulary(CATALOG.skills)
NAMES = {s.id: s.name for s in CATALOG.skills}


def found(text: str) -> list[tuple[tuple[str, ...], str]]:
    return [(h.ids, h.span.text) for h in VOCAB.find(text)]


def test_multi_word_terms_win_over_their_first_word() -> None:
    assert found("CI with GitHub Actions, code on GitHub") == [
        (("ci-cd",), "GitHub Actions"), (("version-control",), "GitHub"),
    ]  # fmt: skip


def test_terms_do_not_cross_punctuation() -> None:
    assert found("prompt, engineering") == []
    assert found("prompt-engineering") == [(("prompt-engineering",), "prompt-engineering")]


def test_slash_lists_and_compound_tokens() -> None:
    assert found("Docker/Kubernetes") == [
        (("container-orchestration",), "Docker"), (("container-orchestration",), "Kubernetes"),
    ]  # fmt: skip
    assert found("CI/CD and A/B tests") == [(("ci-cd",), "CI/CD"), (("ab-testing",), "A/B tests")]
    assert found("R&D budget") == []


def test_short_acronyms_need_capitals_and_single_letters_a_list() -> None:
    assert found("ux and sql") == [(("sql",), "sql")]
    assert found("Python, R and SQL") == [
        (("python",), "Python"), (("r",), "R"), (("sql",), "SQL"),
    ]  # fmt: skip
    assert found("Plan R was better") == []


def test_generic_words_alone_are_not_skills() -> None:
    assert found("research and design and marketing") == []


def test_requirements_count_for_product_work_only_when_they_are_written() -> None:
    # Compliance officers and nurses meet requirements all day; that is not product management.
    assert found("Kept the plant within regulatory requirements") == []
    assert found("Led requirements gathering and wrote user stories") == [
        (("product-management",), "requirements gathering"),
        (("product-management",), "wrote user stories"),
    ]
    # Developers implement user stories and work in Scrum; that is neither product nor project
    # management (the evidence audit of issue 12 found both).
    assert found("Implemented user stories in two-week Agile Scrum sprints") == []


def test_extract_skills_quotes_and_confidence() -> None:
    text = "SKILLS\nPython, SQL\n\nI used Python at work."
    skills = extract_skills(text, VOCAB, skills_sections=[(0, 19)])
    python = skills["python"]
    assert [(s.start, s.end, s.text) for s in python.evidence] == [(7, 13, "Python"),
                                                                    (27, 33, "Python")]  # fmt: skip
    assert python.confidence == 0.98  # in the skills section, mentioned twice
    assert skills["sql"].confidence == 0.95


def test_backgrounds_imply_skills_and_merge_keeps_the_stronger() -> None:
    text = "Paralegal at a law firm for six years."
    backgrounds = detect_backgrounds(text, (), CATALOG.backgrounds)
    implied = implied_skills(backgrounds, "master", NAMES)
    assert implied["legal-knowledge"].confidence == 0.64
    assert implied["legal-knowledge"].evidence[0].text == "Paralegal"
    assert implied["advanced-degree"].confidence == 0.9
    # Bare "contracts" no longer counts (smart contracts, purchase contracts): contract law does.
    named = extract_skills("Contract law and legal research daily.", VOCAB)
    assert named["legal-knowledge"].confidence == 0.88  # two mentions: contract law, legal research
    assert merge(implied, named)["legal-knowledge"].confidence == 0.88


@given(st.text(max_size=300))
def test_every_quote_is_an_exact_slice(text: str) -> None:
    for hit in VOCAB.find(text):
        assert text[hit.span.start : hit.span.end] == hit.span.text
        assert hit.span.text


def test_it_service_change_management_is_not_organisational_change() -> None:
    assert found("Handled ITIL incident and change management for 40 servers") == []
    assert found("Led change management for the HR system rollout, training 300 staff") == [
        (("change-management",), "change management")
    ]


def test_a_wish_to_learn_is_not_a_skill_but_what_comes_before_it_is() -> None:
    assert found("Areas of interest: deep learning and NLP") == []
    assert [ids for ids, _ in found("Python, SQL; keen to learn Kubernetes")] == [
        ("python",), ("sql",)
    ]
