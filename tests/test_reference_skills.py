"""ESCO skills and O*NET technology examples found by name, with quotes."""

from __future__ import annotations

from aicareers.engine.assessment.reference_skills import EscoLike, ReferenceVocabulary


def vocabulary() -> ReferenceVocabulary:
    esco = [
        EscoLike("esco:python", "Python (computer programming)", ("Python",)),
        EscoLike("esco:sales", "sales", ("selling",)),
        EscoLike("esco:plan", "plan marketing campaigns", ("campaign planning",)),
    ]
    return ReferenceVocabulary.build(esco, ["Microsoft Excel", "Tableau", "word"], hot=["Tableau"])


def test_names_quotes_and_sources() -> None:
    text = "Built Tableau dashboards in Python and did campaign planning in Microsoft Excel."
    found = vocabulary().find(text)
    assert [(s.source, s.name) for s in found] == [
        ("esco", "Python (computer programming)"),
        ("esco", "plan marketing campaigns"),
        ("onet-technology", "Tableau"),
        ("onet-technology", "Microsoft Excel"),
    ]
    tableau = found[2]
    assert tableau.hot
    assert text[tableau.evidence[0].start : tableau.evidence[0].end] == "Tableau"


def test_everyday_single_words_do_not_count() -> None:
    assert vocabulary().find("I like sales, selling and a good word.") == []


def test_shipped_taxonomy_finds_technologies() -> None:
    from aicareers.service.runtime import load_reference_vocabulary
    from aicareers.taxonomy.model import Taxonomy

    found = load_reference_vocabulary(Taxonomy.load()).find("Dashboards in Tableau and SQL.")
    names = {(s.source, s.name) for s in found}
    assert ("onet-technology", "Tableau") in names


def test_a_skill_word_in_a_schools_name_is_not_a_skill() -> None:
    from aicareers.service.runtime import load_assessor

    reference = load_assessor().reference
    assert reference is not None
    assert reference.find("Studied at New English School, Pune") == []
    assert [r.name for r in reference.find("Fluent in English")] == ["English"]


def test_wishes_and_place_names_are_not_skills() -> None:
    from aicareers.service.runtime import load_assessor

    reference = load_assessor().reference
    assert reference is not None
    assert reference.find("Enthusiastic to learn new technologies like Docker") == []
    assert reference.find("Chennai, Tamil Nadu") == []
    assert [r.name for r in reference.find("Truba Institute of Information Technology")] == []
    assert "Docker" in [r.name for r in reference.find("Deployed services with Docker.")]
