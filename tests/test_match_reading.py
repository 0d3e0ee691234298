"""How a posting's must-haves are read (issue 17, fourth round): wide aliases, nice-to-have
cues, "two or more of" lists, duty and company lines, interest words and paragraphs, on
postings written for these tests."""

from __future__ import annotations

import pytest

from aicareers.engine.assessment.assess import Assessor
from aicareers.postings.asked import Ask, posting_asks
from aicareers.postings.requirements import Kind, read_requirements
from aicareers.service.runtime import engine_for


@pytest.fixture(scope="module")
def assessor() -> Assessor:
    return engine_for(True).assessor


def asks(text: str, assessor: Assessor) -> list[Ask]:
    return posting_asks(text, read_requirements(text), assessor)


def kinds(text: str, assessor: Assessor) -> dict[str, Kind]:
    """Each ask's option ids (joined by "|") -> its kind."""
    return {"|".join(o.id for o in a.options): a.kind for a in asks(text, assessor)}


def musts(text: str, assessor: Assessor) -> set[str]:
    return {ids for ids, kind in kinds(text, assessor).items() if kind == "must"}


def test_an_alias_wider_than_its_skill_is_no_must_have_in_a_posting(assessor: Assessor) -> None:
    posting = ("Requirements\n- Data analysis in SQL over sales tables\n- Rapid prototyping of "
               "backend services\n- Signal processing for radar returns\n")  # fmt: skip
    found = musts(posting, assessor)
    assert "sql" in found
    assert not {"data-driven-decisions", "prototyping-tools", "audio-processing"} & found
    # The resume side is unchanged: the shared vocabulary still reads these words.
    words = {hit.span.text.casefold() for hit in assessor.vocabulary.find(posting)}
    assert {"data analysis", "prototyping"} <= words


def test_a_narrow_alias_still_reads_as_its_skill(assessor: Assessor) -> None:
    posting = "Requirements\n- Experience with Figma and usability testing\n"
    assert {"prototyping-tools", "user-research"} <= musts(posting, assessor)


@pytest.mark.parametrize("heading", ["Plus:", "Extra Impressive:", "Beneficial Experience",
                                     "Helpful, not required", "What sets you apart"])  # fmt: skip
def test_nice_to_have_headings_the_reader_did_not_know(heading: str, assessor: Assessor) -> None:
    posting = f"Requirements\n- Strong Python\n{heading}\n- Experience with Kubernetes\n"
    found = kinds(posting, assessor)
    assert found["python"] == "must"
    assert found["container-orchestration"] == "nice"


def test_a_nice_to_have_sentence_leaves_the_rest_of_its_line_asked(assessor: Assessor) -> None:
    posting = ("Qualifications\nGood Python programming skills. Experience with Kubernetes "
               "will be advantage.\n- Docker experience would be beneficial\n")  # fmt: skip
    found = kinds(posting, assessor)
    assert found["python"] == "must"
    assert found["container-orchestration"] == "nice"


def test_two_or_more_of_a_list_is_a_choice_not_each_option(assessor: Assessor) -> None:
    posting = ("Requirements\n- 5+ years with two or more of the following: Python, Elixir, "
               "OCaml, Haskell, Clojure\n- 3 or more years of SQL\n")  # fmt: skip
    found = kinds(posting, assessor)
    python = [kind for ids, kind in found.items() if "python" in ids.split("|")]
    assert python == ["nice"]  # two of five options do not stand for the ask
    assert found["sql"] == "must"  # "3 or more years" is no choice


def test_a_choice_holding_most_of_its_options_stays_a_must_have(assessor: Assessor) -> None:
    posting = ("Requirements\n- Hands-on experience with at least one deep learning framework "
               "such as TensorFlow or PyTorch\n")  # fmt: skip
    assert "ml-frameworks" in musts(posting, assessor)
    listed = "Requirements\n- Proficiency in one or more of: Python, SQL or Scala\n"
    choice = [a for a in asks(listed, assessor) if len(a.options) > 1]
    assert len(choice) == 1
    assert choice[0].kind == "must"


def test_or_equivalent_after_a_list_asks_for_every_item(assessor: Assessor) -> None:
    posting = "Requirements\n- Proficient in Python, SQL, AWS (or equivalent)\n"
    found = kinds(posting, assessor)
    assert found["python"] == found["sql"] == found["cloud-platforms"] == "must"


def test_duty_lines_and_tool_lists_under_requirements_are_not_asked(assessor: Assessor) -> None:
    posting = ("Requirements\n- Design and develop deep learning systems for search\n"
               "- Design experience with Figma\n- 3+ years of Python\n"
               "Tools We Use\n- Docker\n- Kubernetes\n")  # fmt: skip
    found = musts(posting, assessor)
    assert {"prototyping-tools", "python"} <= found
    assert "deep-learning" not in found
    assert "container-orchestration" not in kinds(posting, assessor)


def test_consumer_services_are_companies_not_tools(assessor: Assessor) -> None:
    posting = ("Requirements\n- Experience with Kubernetes\n- Follow us on LinkedIn and "
               "YouTube\n- Products used by Google and Pinterest\n")  # fmt: skip
    names = {a.name.casefold() for a in asks(posting, assessor)}
    assert not {"linkedin", "youtube", "google", "pinterest"} & names


def test_interest_in_a_field_is_not_a_skill_asked(assessor: Assessor) -> None:
    posting = ("Requirements\n- Passionate about robotics and believe in the future of "
               "self-driving cars\n- Understanding and interest in large language models\n"
               "- A passion for continuous learning\n")  # fmt: skip
    found = musts(posting, assessor)
    assert "autonomous-systems" not in found
    assert "llm-capabilities" in found  # the understanding is asked
    assert "adaptability" in found  # a passion for learning is the trait itself


def test_a_paragraph_without_headings_is_read_sentence_by_sentence(assessor: Assessor) -> None:
    posting = ("We build tools for agents. Develop text, image and video-analysis solutions "
               "for our platform. Collaborate with key stakeholders on the roadmap. Strong "
               "expertise in Python is needed, e.g. Django services.\n")  # fmt: skip
    requirements = read_requirements(posting)
    assert not requirements.structured
    found = kinds(posting, assessor)
    assert found["python"] == "must"
    assert found.get("computer-vision") != "must"
    assert found.get("stakeholder-management") != "must"
