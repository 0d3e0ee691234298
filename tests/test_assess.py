"""The assessment end to end: the guide's Step 1 transitions, the JSON contract, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest

from aicareers.documents.assessment import assessment_document
from aicareers.engine.assessment.assess import Assessor
from aicareers.service.intake import profile_from_inputs
from aicareers.service.runtime import load_assessor

from .conftest import Invoke

RESUMES = Path(__file__).parent / "fixtures" / "resumes"


@pytest.fixture(scope="module")
def assessor() -> Assessor:
    return load_assessor()


def top(assessor: Assessor, k: int, **fields: object) -> list[str]:
    profile = profile_from_inputs(**fields)  # type: ignore[arg-type]
    return [c.id for c in assessor.assess(profile).careers[:k]]


# Step 1 of the guide: typical short profiles and the careers it points them to.
STEP_ONE = [
    ({"title": "Registered nurse", "skills": "patient care, triage, EHR documentation"},
     1, {"ai-assisted-healthcare-coordinator"}),
    ({"title": "Charge nurse", "years": 9}, 1, {"ai-assisted-healthcare-coordinator"}),
    ({"title": "UX designer", "skills": "Figma, user research, wireframes"},
     3, {"conversational-ai-designer", "ai-human-interaction-designer"}),
    ({"title": "Product designer", "skills": "usability testing, prototyping"},
     3, {"conversational-ai-designer", "ai-human-interaction-designer"}),
    ({"title": "Content marketing manager", "skills": "SEO, copywriting, social media"},
     3, {"generative-ai-content-strategist"}),
    ({"title": "Copywriter", "skills": "brand voice, editing"},
     3, {"generative-ai-content-strategist"}),
    ({"title": "Software engineer", "skills": "Python, Java, REST APIs, Git"},
     3, {"mlops-engineer", "prompt-engineer"}),
    ({"title": "Backend developer", "years": 5}, 3, {"mlops-engineer", "prompt-engineer"}),
    ({"title": "Lawyer", "skills": "contracts, litigation, legal research"},
     3, {"ai-compliance-manager", "ai-ethics-officer"}),
    ({"title": "Compliance officer", "skills": "audits, GDPR, policies"},
     3, {"ai-compliance-manager", "ai-ethics-officer"}),
]  # fmt: skip


@pytest.mark.parametrize(("fields", "k", "expected"), STEP_ONE, ids=lambda v: str(v)[:40])
def test_step_one_transitions_hold(
    assessor: Assessor, fields: dict[str, object], k: int, expected: set[str]
) -> None:
    ranked = top(assessor, k, **fields)
    assert expected & set(ranked), ranked


@pytest.mark.parametrize(
    ("resume", "expected"),
    [("nurse.txt", "ai-assisted-healthcare-coordinator"),
     ("ux_designer.md", "ai-human-interaction-designer"),
     ("marketer.txt", "generative-ai-content-strategist"),
     ("software_engineer.md", "mlops-engineer"),
     ("compliance_officer.txt", "ai-compliance-manager")],
)  # fmt: skip
def test_sample_resumes_rank_their_natural_move_first(
    assessor: Assessor, resume: str, expected: str
) -> None:
    path = RESUMES / resume
    ranked = top(assessor, 1, data=path.read_bytes(), filename=path.name)
    assert ranked == [expected]


def test_json_contract_and_evidence_offsets(assessor: Assessor) -> None:
    path = RESUMES / "software_engineer.md"
    profile = profile_from_inputs(path.read_bytes(), path.name, title="Platform engineer")
    report = json.loads(msgspec.json.encode(assessment_document(profile, assessor.assess(profile))))
    assert set(report) >= {"profile", "occupations", "careers", "skills"}
    assert set(report["skills"]) == {"project", "esco", "onet_technology"}
    assert "Python" in {s["name"] for s in report["skills"]["onet_technology"]}
    assert {"code", "title", "confidence"} <= set(report["occupations"][0])
    careers = report["careers"]
    assert len(careers) == 20
    assert [c["score"] for c in careers] == sorted((c["score"] for c in careers), reverse=True)
    for career in careers:
        assert set(career) >= {"id", "score", "components", "matched", "missing", "reason"}
        assert set(career["components"]) == {
            "skills", "transferable", "background", "interests", "experience",
        }  # fmt: skip
        assert 0 <= career["score"] <= 100
        assert career["reason"]
    text = report["profile"]["text"]
    quotes = [e for c in careers for m in c["matched"] for e in m["evidence"]]
    assert quotes
    for quote in quotes:
        assert text[quote["start"] : quote["end"]] == quote["text"]
    # A title given as a flag is quoted from the line appended for it.
    assert "Platform engineer" in text


def test_matched_and_missing_partition_the_careers_skills(assessor: Assessor) -> None:
    profile = profile_from_inputs(title="Data analyst", skills="SQL, Python, Tableau")
    result = assessor.assess(profile)
    for career in result.careers:
        matched = {m.skill for m in career.matched}
        missing = {m.skill for m in career.missing}
        assert not matched & missing
    analyst = next(c for c in result.careers if c.id == "personalization-engineer")
    assert {"python", "sql"} <= {m.skill for m in analyst.matched}


def test_cli_assess_json(invoke: Invoke) -> None:
    result = invoke("assess", "--title", "Registered nurse", "--skills", "triage",
                    "--top", "3", "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["careers"][0]["id"] == "ai-assisted-healthcare-coordinator"
    assert len(report["careers"]) == 3


def test_cli_assess_table_and_markdown(invoke: Invoke) -> None:
    table = invoke("assess", "--title", "UX designer", "--top", "5")
    assert table.exit_code == 0, table.stderr
    assert "Careers ranked for you" in table.stdout
    assert "You already show" in table.stdout or "To learn next" in table.stdout
    markdown = invoke("assess", "--title", "UX designer", "--format", "markdown")
    assert markdown.stdout.startswith("# Your AI career assessment\n")
    assert "| # | Career | Fit |" in markdown.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [(["assess"], "Nothing to assess"),
     (["assess", "no-such-file.pdf"], "No file at 'no-such-file.pdf'"),
     (["assess", "--title", "nurse", "--education", "phd-ish"], "Unknown education level"),
     (["assess", "--title", "nurse", "--interests", "R=high"], "Could not read 'R=high'")],
)  # fmt: skip
def test_cli_assess_bad_input_is_a_clear_error(
    invoke: Invoke, args: list[str], message: str
) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_assess_empty_stdin(invoke: Invoke) -> None:
    result = invoke("assess", "-", input="   \n")
    assert result.exit_code == 2
    assert "empty" in result.stderr.lower()


def test_python_api_reads_titles_from_pasted_prose() -> None:
    import aicareers

    report = aicareers.assess(
        "I have been a registered nurse on a cardiac ward for nine years and led the switch "
        "to electronic patient records.",
        top=3,
    )
    assert report["occupations"][0]["code"].startswith("29-1141")
    assert report["careers"][0]["id"] == "ai-assisted-healthcare-coordinator"
    assert len(report["careers"]) == 3


def test_interests_quiz_lists_twelve_statements_and_feeds_assess(invoke: Invoke) -> None:
    listed = invoke("interests", "quiz", "--format", "json")
    assert listed.exit_code == 0
    items = json.loads(listed.stdout)
    assert [i["id"] for i in items][:3] == ["R1", "R2", "I1"]
    assert len(items) == 12
    ratings = "1,1,5,5,2,2,1,1,3,3,4,5"  # low realistic and social, high investigative
    result = invoke("assess", "--title", "Data analyst", "--quiz", ratings, "--format", "json")
    assert result.exit_code == 0, result.stderr
    profile = json.loads(result.stdout)["profile"]
    assert profile["interests_source"] == "given"
    assert profile["interests"]["I"] == 7.0
    assert profile["interests"]["R"] == 1.0


def test_a_short_quiz_is_a_clear_error(invoke: Invoke) -> None:
    result = invoke("assess", "--title", "Data analyst", "--quiz", "1,2")
    assert result.exit_code == 2
    assert "12 items" in result.stderr
