"""Resumes as they come: run-on text, inline headings, label lines, mojibake, dates in every form.

The fixtures in fixtures/layouts were written for these tests (no real person's resume).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aicareers.engine.profile.build import build_profile
from aicareers.engine.profile.dates import find_date_range, merged_years
from aicareers.engine.profile.documents import read_document, read_text
from aicareers.engine.profile.documents.durations import stated_least_years, stated_total_years
from aicareers.engine.profile.documents.normalize import normalize_text
from aicareers.engine.profile.documents.titles import looks_like_title
from aicareers.engine.profile.model import Profile
from aicareers.service.intake import profile_from_inputs

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"
TODAY = dt.date(2024, 6, 1)


def _profile(name: str) -> Profile:
    document = read_document((LAYOUTS / name).read_bytes(), name)
    return build_profile(document, as_of=TODAY)


def _jobs(profile: Profile) -> list[tuple[str, str | None, str | None, str | None, bool]]:
    return [(p.title, p.organization, p.start, p.end, p.current) for p in profile.titles]


def test_one_line_resume_gives_jobs_dates_years_and_degree() -> None:
    profile = _profile("one_line.txt")
    assert _jobs(profile) == [
        ("Warehouse Supervisor", None, "2016-03", None, True),
        ("Inventory Clerk", None, "2012-01", "2016-02", False),
    ]
    # 2012-01 to 2024-06 less the February gap; more than the '9+ years' the summary states.
    assert profile.years_experience == 12.5
    assert [(e.level, e.field) for e in profile.education] == [("bachelor", "commerce")]


def test_label_lines_of_a_job_site_export() -> None:
    profile = _profile("label_lines.txt")
    assert _jobs(profile) == [
        ("Senior Accountant", "Ramco Traders", "2015-09", None, True),
        ("Accounts Assistant", "Velu & Sons", "2013-01", "2015-08", False),
    ]
    assert profile.years_experience == 11.5
    assert [(e.level, e.field, e.end) for e in profile.education] == [
        ("bachelor", "accounting", "2014-06")
    ]
    # 'TALLY- Exprience - 60 months' is the skill Tally, not a skill named after its duration.
    assert {"Tally", "Excel"} <= set(profile.skills)
    assert not any("months" in skill for skill in profile.skills)


def test_inline_headings_split_sections_and_run_on_jobs() -> None:
    profile = _profile("inline_headings.txt")
    assert [s.kind for s in profile.sections] == ["other", "skills", "experience", "education"]
    assert _jobs(profile) == [
        ("Backend Developer", "Lumen Payments", "2019-01", None, True),
        ("Junior Developer", "Brightway Ltd", "2017", "2018", False),
    ]
    assert profile.years_experience == 7.5
    assert profile.skills == ("Java", "Spring Boot", "PostgreSQL")


def test_mojibake_is_repaired_before_reading() -> None:
    profile = _profile("mojibake.txt")
    assert "\u00e2\u20ac" not in profile.text
    assert "\u00c3" not in profile.text
    assert "\u2022 Triaged patients and kept the ward\u2019s records" in profile.text
    assert _jobs(profile) == [
        ("Staff Nurse", "Hospital São Lucas", "2018-01", "2022-12", False),
        ("Nursing Assistant", "Clínica Vida", "2016", "2017", False),
    ]
    assert profile.skills == ("Patient care", "Excel", "SQL")


def test_normalize_turns_column_gaps_into_line_breaks() -> None:
    assert normalize_text("Summary      Caring nurse") == "Summary\nCaring nurse"
    assert normalize_text("Dec 2013   to   Current") == "Dec 2013 to Current"


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("Sept 2009 - till date", "2009-09", None, True),
        ("since 2012", "2012", None, True),
        ("01/2010 to Current", "2010-01", None, True),
        ("2015-Present", "2015", None, True),
        ("Jan'19 - Mar'20", "2019-01", "2020-03", False),
        ("Jan 2019 to Dec 2020", "2019-01", "2020-12", False),
        ("2012-2015", "2012", "2015", False),
        ("Duration: MAR 2017 -Till date", "2017-03", None, True),
        ("(16th Jan 2017 to till 30th Aug 2018)", "2017-01", "2018-08", False),
        ("since JUNE 2014 to MAY 2015", "2014-06", "2015-05", False),
        ("Mar-2016 to Jan-2018", "2016-03", "2018-01", False),
        ("from 2015 to 2017", "2015", "2017", False),
    ],
)
def test_date_ranges_in_common_forms(text: str, start: str, end: str | None, current: bool) -> None:
    found = find_date_range(text)
    assert found is not None
    assert (found.start, found.end, found.current) == (start, end, current)


@pytest.mark.parametrize("text", ["SQL Server 2008", "Windows 10", "call 2015 2016", "Jan 19"])
def test_no_date_range_where_there_is_none(text: str) -> None:
    assert find_date_range(text) is None


@pytest.mark.parametrize(
    ("text", "total", "least"),
    [
        ("Manager with 15+ years of experience in hotels", 15.0, None),
        ("3 yrs of IT experience", 3.0, None),
        ("Total Experience: 5 years 6 months", 5.5, 5.5),
        ("JAVASCRIPT- Exprience - 24 months", None, 2.0),
        ("AUTOCAD- Exprience - 120 monthsCompany Details", None, 10.0),
        ("Payroll- Exprience - Less than 1 year months", None, 0.5),
        ("Internship Duration: 6 months", None, 0.5),
        ("Graduated in 2015 with honours", None, None),
    ],
)
def test_years_stated_in_words(text: str, total: float | None, least: float | None) -> None:
    assert (stated_total_years(text), stated_least_years(text)) == (total, least)


def test_overlapping_ranges_count_once() -> None:
    spans = [("2015-01", "2017-12", False), ("2016-06", "2018-12", False)]
    assert merged_years(spans, TODAY) == 4.0


def test_stated_years_stand_in_when_no_range_is_given() -> None:
    profile = build_profile(read_text("Summary\nAccountant with 6 years of experience."))
    assert profile.years_experience == 6.0


def test_graduation_years_are_not_work() -> None:
    text = "Education\nB.Sc Physics, University of Ghana, 2010 - 2014\nSkills\nExcel, SQL"
    profile = build_profile(read_text(text), as_of=TODAY)
    assert profile.years_experience is None
    assert profile.titles == ()


@pytest.mark.parametrize(
    "text",
    [
        "Senior Data Analyst", "CIVIL ENGINEER", "Head of Sales", "Asst.Professor",
        "Fine arts lecturer", "QA/QC Civil Engineer", "Fitness Trainer cum Team Leader",
    ],
)  # fmt: skip
def test_titles_are_recognised(text: str) -> None:
    assert looks_like_title(text, sentence_case=True)


@pytest.mark.parametrize(
    "text",
    [
        "Python, SQL, Excel", "Managed a team of nine engineers", "Bachelor of Engineering",
        "Power of Attorney", "Associate of Arts", "Master of Science in Nursing",
        "Hard and ethical worker", "Reporting to the manager",
        "Mechanical engineering", "Verify the Quantities from the Client's Engineer",
        "Skill Details", "Acme Technologies Pvt Ltd", "JAVASCRIPT- Exprience - 24 months",
        "SKILLSET Oracle DBA",
    ],
)  # fmt: skip
def test_other_lines_are_not_titles(text: str) -> None:
    assert not looks_like_title(text, sentence_case=True)


def test_sentences_and_degrees_do_not_become_jobs() -> None:
    text = (
        "Nurse with 6 years of experience, now moving into data.\n"
        "Education Details\nJanuary 2015 Bachelor of Engineering Mechanical Pune University\n"
        "Experience\nResponsible for supervising the site engineer and the quality checks.\n"
    )
    profile = build_profile(read_text(text), as_of=TODAY)
    assert profile.titles == ()
    assert [e.level for e in profile.education] == ["bachelor"]


def test_a_long_skill_duration_is_a_lower_bound_on_years_even_beside_a_dated_job() -> None:
    text = (
        "Skill Details\nAutoCAD- Exprience - 120 months\n"
        "Experience\nDesign Engineer, Acme Valves, Nov 2015 to June 2016\n"
    )
    profile = profile_from_inputs(text.encode(), "resume.txt")
    assert profile.years_experience == 10.0


def test_a_heading_after_a_header_separator_starts_its_section() -> None:
    text = (
        "Ann Byrne - Reporter - Dublin - ann@example.ie - Experience: Senior Reporter, "
        "The Courier (daily newspaper), 2014 - Present. Cover local news."
    )
    profile = profile_from_inputs(text.encode(), "resume.txt")
    assert [p.title for p in profile.titles][:1] == ["Senior Reporter"]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("LENA FISCHER \u2014 GRAPHIC & BRAND DESIGNER", []),  # a name is not a title
        ("Agronomist | Farm Operations Manager", [("Agronomist", None)]),
    ],
)
def test_header_lines_are_read_part_by_part(
    header: str, expected: list[tuple[str, str | None]]
) -> None:
    document = read_document(f"{header}\nBerlin\n".encode(), "resume.txt")
    assert [(p.title, p.organization) for p in document.titles] == expected


def test_a_details_heading_glued_to_capitals_is_split() -> None:
    text = "SKILLS \u2022 Typewriting \u2022 SPSSEducation Details\nJanuary 2017 MBA Pune\n"
    document = read_document(text.encode(), "resume.txt")
    assert "SPSS" in document.skills
    assert not any("MBA" in skill for skill in document.skills)
