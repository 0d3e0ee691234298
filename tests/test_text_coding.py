"""Occupations from what a resume says people did, not only from a title line."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from aicareers.engine.assessment.assess import Assessor
from aicareers.engine.occupations.memo_encoder import MemoEncoder
from aicareers.engine.occupations.text_coding import TEXT_CAP, OccupationLexicon
from aicareers.service.intake import profile_from_inputs
from aicareers.service.runtime import load_assessor

# Written for these tests: no job-title line anywhere, only what the person did.
MECHANICAL = """
Designed gearboxes, shafts and pressure vessels for industrial pumps, from hand calculations
to 3D models in SolidWorks and AutoCAD drawings with tolerances for machining. Ran finite
element analysis of stress and vibration on rotating parts and chose materials and heat
treatment. Wrote CNC programs for lathes and milling machines and checked first parts on the
shop floor. Led root cause analysis of bearing failures, revised maintenance schedules for
compressors and turbines, and tested prototypes for thermal performance. Prepared bills of
materials and cost estimates for new machine designs.
"""
# One passing line about a research post must not outweigh the rest.
PASSING = "Worked two months as a research assistant during university.\n"
LEGAL = """
Drafted and reviewed commercial contracts, lease deeds and sale agreements for clients.
Appeared before the district court and the high court in civil and criminal matters, argued
bail applications and cross-examined witnesses. Advised companies on labour law, consumer
protection and arbitration, prepared legal notices, written statements and appeals, and
researched case law and statutes for each brief. Negotiated settlements with opposing counsel
and represented clients at tribunals and before the consumer forum.
"""


@pytest.fixture(scope="module")
def assessor() -> Assessor:
    return load_assessor()


def occupations(assessor: Assessor, text: str) -> list[tuple[str, float]]:
    found = assessor.assess(profile_from_inputs(text.encode(), "resume.txt")).occupations
    return [(o.code, o.confidence) for o in found]


def test_lexicon_scores_occupations_by_how_much_text_speaks_of_them() -> None:
    lexicon = OccupationLexicon.build(
        3,
        [
            (0, "Nurses: care for patients, give medication, monitor vital signs", 1),
            (1, "Welders: weld metal parts, read blueprints, cut steel", 1),
            (2, "Cooks: prepare food, season dishes, clean the kitchen", 1),
        ],
    )
    scores = lexicon.scores("Monitored patients and their vital signs; once cut steel.")
    assert int(np.argmax(scores)) == 0
    assert scores[0] > scores[1] > scores[2] == 0
    assert not lexicon.scores("").any()


def test_a_resume_without_a_title_line_is_coded_from_what_the_person_did(
    assessor: Assessor,
) -> None:
    found = occupations(assessor, MECHANICAL)
    assert found, "a resume of substance must yield coded occupations"
    codes = [code for code, _ in found]
    # Mechanical engineering is read; machining detail may put machinists (51-4) first.
    assert {"17-2141.00", "17-3027.00"} & set(codes), found
    assert codes[0][:2] in {"17", "51"}, found
    assert all(confidence <= TEXT_CAP for _, confidence in found)


def test_a_passing_line_does_not_dominate(assessor: Assessor) -> None:
    found = occupations(assessor, PASSING + MECHANICAL)
    assert found[0][0][:2] in {"17", "51"}, found
    research = [c for code, c in found if code.startswith("19-4")]
    assert not research or max(research) < found[0][1] / 2, found


def test_legal_work_codes_to_legal_occupations(assessor: Assessor) -> None:
    found = occupations(assessor, LEGAL)
    assert found[0][0].startswith("23-"), found
    backgrounds = assessor.assess(profile_from_inputs(LEGAL.encode(), "r.txt")).backgrounds
    assert backgrounds, "backgrounds follow from the coded occupations"


def test_a_clear_title_outweighs_the_text(assessor: Assessor) -> None:
    profile = profile_from_inputs(MECHANICAL.encode(), "r.txt", title="Mechanical Engineer")
    best = assessor.assess(profile).occupations[0]
    assert best.code == "17-2141.00"
    assert best.confidence > TEXT_CAP


def test_short_typed_profiles_are_left_to_their_title(assessor: Assessor) -> None:
    assert assessor.text_coder is not None
    reading = assessor.text_coder.read("Registered nurse. Skills: triage, patient care")
    assert reading.matches == []
    profile = profile_from_inputs(title="Registered nurse", skills="triage")
    assert assessor.assess(profile).occupations[0].code.startswith("29-1141")


def test_text_coding_and_skills_share_one_remembering_encoder(assessor: Assessor) -> None:
    assert assessor.text_coder is not None
    assert assessor.semantic is not None
    assert isinstance(assessor.text_coder.encoder, MemoEncoder)  # type: ignore[attr-defined]
    assert assessor.text_coder.encoder is assessor.semantic.encoder  # type: ignore[attr-defined]


class CountingEncoder:
    """Stands in for the MiniLM encoder: a vector per text and a count of what it embedded."""

    def __init__(self) -> None:
        self.embedded: list[str] = []

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        self.embedded.extend(texts)
        return np.asarray([[len(t), 1.0] for t in texts], dtype=np.float32)


def test_memo_encoder_embeds_each_sentence_once_and_keeps_order() -> None:
    inner = CountingEncoder()
    memo = MemoEncoder(inner, size=3)
    first = memo.encode(["a", "bb"])
    again = memo.encode(["bb", "ccc", "a"])
    assert inner.embedded == ["a", "bb", "ccc"]
    assert first[:, 0].tolist() == [1, 2]
    assert again[:, 0].tolist() == [2, 3, 1]
    memo.encode(["dddd"])  # evicts the least recently used ("bb")
    memo.encode(["bb"])
    assert inner.embedded[-1] == "bb"
    assert memo.encode([]).shape[0] == 0
    with pytest.raises(TypeError):
        memo.encode("a")


def test_a_shared_title_goes_to_the_field_the_resume_is_about(assessor: Assessor) -> None:
    # O*NET files "Advocate" under legal support workers (23) and social service assistants
    # (21); in a resume about court work it is the legal one.
    resume = "Advocate\nDistrict Court, 2012 - Present\n" + LEGAL
    profile = profile_from_inputs(resume.encode(), "resume.txt")
    assert [p.title for p in profile.titles][:1] == ["Advocate"]
    found = assessor.assess(profile).occupations
    from_title = [o for o in found if o.from_title == "Advocate"]
    assert from_title, found
    assert from_title[0].code.startswith("23-"), found
