"""JSON Resume and LinkedIn exports: structured fields plus rendered text with exact sections."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from aicareers.engine.profile.documents import read_document, read_linkedin
from aicareers.engine.profile.documents.sections import section_text
from aicareers.engine.profile.model import Education, Location, Position
from aicareers.errors import CorruptDocumentError, EmptyDocumentError, UnsupportedDocumentError

RESUME = {
    "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
    "basics": {
        "name": "Sam Lee",
        "label": "Secondary school physics teacher",
        "email": "sam@example.org",
        "summary": "Teacher of 8 years who automates marking with Python.",
        "location": {"city": "Toronto", "countryCode": "CA", "region": "Ontario"},
    },
    "work": [
        {
            "name": "Lakeview Collegiate",
            "position": "Physics Teacher",
            "startDate": "2016-09-01",
            "highlights": ["Built a Python tool that grades lab reports"],
        },
        {"name": "Kumon", "position": "Tutor", "startDate": "2013-01", "endDate": "2016-06"},
    ],
    "education": [
        {
            "institution": "University of Toronto",
            "area": "Physics",
            "studyType": "Bachelor",
            "startDate": "2009",
            "endDate": "2013",
        },
    ],
    "skills": [{"name": "Programming", "keywords": ["Python", "Jupyter"]}, {"name": "Teaching"}],
    "certificates": [{"name": "Ontario Certified Teacher", "issuer": "OCT", "date": "2016-07"}],
    "projects": [{"name": "Lab grader", "description": "Marks lab reports from a rubric."}],
}


def test_json_resume_fields() -> None:
    document = read_document(json.dumps(RESUME).encode(), "resume.json")
    assert document.format == "json-resume"
    assert document.titles == (
        Position(title="Physics Teacher", organization="Lakeview Collegiate",
                 start="2016-09", current=True),
        Position(title="Tutor", organization="Kumon", start="2013-01", end="2016-06"),
    )  # fmt: skip
    assert document.skills == ("Programming", "Python", "Jupyter", "Teaching")
    assert document.education == (
        Education(institution="University of Toronto", degree="Bachelor", field="Physics",
                  level="bachelor", start="2009", end="2013"),
    )  # fmt: skip
    assert document.certifications == ("Ontario Certified Teacher",)
    assert document.location == Location(country="CA", city="Toronto")
    assert document.headline == "Secondary school physics teacher"


def test_json_resume_rendered_text_and_sections() -> None:
    document = read_document(json.dumps(RESUME).encode(), None, "application/json")
    by_kind = {s.kind: s for s in document.sections}
    assert list(by_kind) == [
        "other", "summary", "experience", "education", "skills", "certifications", "projects",
    ]  # fmt: skip
    assert section_text(document.text, by_kind["experience"]) == (
        "Physics Teacher, Lakeview Collegiate (2016-09 \u2013 Present)\n"
        "- Built a Python tool that grades lab reports\n\n"
        "Tutor, Kumon (2013-01 \u2013 2016-06)"
    )
    skills = by_kind["skills"]
    assert document.text[skills.start : skills.end] == (
        "Skills\nProgramming: Python, Jupyter\n\nTeaching"
    )
    assert "sam@example.org" not in document.text


def test_json_that_is_not_a_resume() -> None:
    with pytest.raises(UnsupportedDocumentError, match="not a JSON Resume"):
        read_document(b'{"users": [1, 2]}', "data.json")


def test_broken_json_file() -> None:
    with pytest.raises(CorruptDocumentError, match="not valid JSON"):
        read_document(b'{"basics": {', "resume.json")


def test_text_starting_with_a_brace_is_still_text() -> None:
    assert read_document(b"{Draft} Skills: Python", "notes.txt").format == "text"


PROFILE_CSV = (
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
    "Geo Location,Twitter Handles,Websites,Instant Messengers\n"
    'Ana,Silva,,,,"Operations Manager | Learning SQL","I run warehouse operations.",Logistics,,'
    '"Porto, Portugal",,,\n'
)
POSITIONS_CSV = (
    "Company Name,Title,Description,Location,Started On,Finished On\n"
    'Luso Freight,Operations Manager,"Cut picking errors by 30%.","Porto, Portugal",Jan 2020,\n'
    "Luso Freight,Shift Supervisor,,,Mar 2016,Dec 2019\n"
)
SKILLS_CSV = "Name\nLean Six Sigma\nSQL\nInventory Management\n"
EDUCATION_CSV = (
    "School Name,Start Date,End Date,Notes,Degree Name,Activities\n"
    "Universidade do Porto,2011,2015,,Licenciatura in Management,\n"
)
CERTS_CSV = (
    "Name,Url,Authority,Started On,Finished On,License Number\n"
    "Lean Six Sigma Green Belt,,ASQ,Jun 2019,,\n"
)
CONNECTIONS_CSV = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email '
    'addresses are missing."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,'
    "Connected On\n"
)


def linkedin_zip(folder: str = "") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in [
            ("Profile.csv", PROFILE_CSV), ("Positions.csv", POSITIONS_CSV),
            ("Skills.csv", SKILLS_CSV), ("Education.csv", EDUCATION_CSV),
            ("Certifications.csv", CERTS_CSV), ("Connections.csv", CONNECTIONS_CSV),
        ]:  # fmt: skip
            archive.writestr(folder + name, "\ufeff" + text)
    return out.getvalue()


@pytest.mark.parametrize("folder", ["", "Basic_LinkedInDataExport_03-01-2026/"])
def test_linkedin_zip(folder: str) -> None:
    document = read_document(linkedin_zip(folder), "Basic_LinkedInDataExport.zip")
    assert document.format == "linkedin"
    assert document.titles == (
        Position(title="Operations Manager", organization="Luso Freight", start="2020-01",
                 current=True),
        Position(title="Shift Supervisor", organization="Luso Freight", start="2016-03",
                 end="2019-12"),
    )  # fmt: skip
    assert document.skills == ("Lean Six Sigma", "SQL", "Inventory Management")
    assert document.certifications == ("Lean Six Sigma Green Belt",)
    assert document.education[0].institution == "Universidade do Porto"
    assert (document.education[0].start, document.education[0].end) == ("2011", "2015")
    assert document.location == Location(country="PT", city="Porto")
    assert document.headline == "Operations Manager | Learning SQL"
    assert "Ana" not in document.text
    assert "Silva" not in document.text
    skills = next(s for s in document.sections if s.kind == "skills")
    assert section_text(document.text, skills) == "Lean Six Sigma\nSQL\nInventory Management"


def test_linkedin_csvs_given_one_by_one() -> None:
    document = read_linkedin({"Positions.csv": POSITIONS_CSV.encode(), "Skills.csv": b"Name\n"})
    assert [p.title for p in document.titles] == ["Operations Manager", "Shift Supervisor"]
    assert document.skills == ()


def test_single_linkedin_csv_upload() -> None:
    document = read_document(SKILLS_CSV.encode(), "Skills.csv")
    assert document.skills == ("Lean Six Sigma", "SQL", "Inventory Management")


def test_linkedin_notes_preamble_is_skipped() -> None:
    data = ('Notes:\n"Some words about the export."\n\n' + SKILLS_CSV).encode()
    assert read_linkedin({"Skills.csv": data}).skills[0] == "Lean Six Sigma"


def test_linkedin_export_with_only_headers_is_empty() -> None:
    with pytest.raises(EmptyDocumentError, match="LinkedIn export is empty"):
        read_linkedin({"Skills.csv": b"Name\n", "Positions.csv": POSITIONS_CSV[:60].encode()})


def test_zip_without_linkedin_files() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("photos/me.jpg", b"\xff\xd8\xff")
    with pytest.raises(UnsupportedDocumentError, match="neither a Word document nor a LinkedIn"):
        read_document(out.getvalue(), "export.zip")
