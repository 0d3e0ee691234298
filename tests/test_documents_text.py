"""Plain text and Markdown resumes: decoding, normalising, sections and the fields read."""

from __future__ import annotations

from pathlib import Path

import pytest

from aicareers.engine.profile.documents import (
    decode_text,
    detect_sections,
    read_document,
    read_text,
)
from aicareers.engine.profile.documents.normalize import normalize_text
from aicareers.engine.profile.documents.sections import heading_kind, section_text
from aicareers.engine.profile.model import Position
from aicareers.errors import DocumentTooLargeError, EmptyDocumentError, UndecodableTextError

RESUMES = Path(__file__).parent / "fixtures" / "resumes"


def body(text: str, kind: str) -> str:
    """The body of the first section of a kind."""
    section = next(s for s in detect_sections(text) if s.kind == kind)
    return section_text(text, section)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("WORK EXPERIENCE", "experience"),
        ("## Skills", "skills"),
        ("Education:", "education"),
        ("**Certifications**", "certifications"),
        ("S K I L L S", "skills"),
        ("Relevant Work Experience", "experience"),
        ("Licenses & Certifications", "certifications"),
        ("Professional Summary", "summary"),
        ("2. Projects", "projects"),
        ("Awards and Honours", "other"),
        ("Core Competencies", "skills"),
    ],
)
def test_heading_forms(line: str, kind: str) -> None:
    assert heading_kind(line) == kind


@pytest.mark.parametrize(
    "line", ["I led a team of nine", "Skills that matter in a hospital ward are many", "Nurse"]
)
def test_non_headings(line: str) -> None:
    assert heading_kind(line) is None


def test_section_offsets_slice_headings_and_bodies() -> None:
    text = "Jane Doe\n\nSUMMARY\nCaring nurse.\n\nSkills: Python, SQL\n\n# Education\nBSc Nursing"
    sections = detect_sections(text)
    assert [(s.kind, s.heading) for s in sections] == [
        ("other", None),
        ("summary", "SUMMARY"),
        ("skills", "Skills"),
        ("education", "Education"),
    ]
    assert [text[s.start : s.end] for s in sections] == [
        "Jane Doe",
        "SUMMARY\nCaring nurse.",
        "Skills: Python, SQL",
        "# Education\nBSc Nursing",
    ]
    assert [section_text(text, s) for s in sections] == [
        "Jane Doe",
        "Caring nurse.",
        "Python, SQL",
        "BSc Nursing",
    ]


def test_inline_label_inside_a_section_does_not_open_a_new_one() -> None:
    text = "SKILLS\nProgramming: Python, R\nLanguages: English, Spanish"
    assert [s.kind for s in detect_sections(text)] == ["skills"]


def test_setext_markdown_heading_includes_its_underline() -> None:
    text = "Experience\n----------\nTeacher, Hill School, 2010 - 2020"
    (section,) = detect_sections(text)
    assert section_text(text, section) == "Teacher, Hill School, 2010 - 2020"


def test_normalize_keeps_lines_and_drops_noise() -> None:
    raw = "  Jane\u00a0 Doe \r\n\r\n\r\n\r\nData\u00adbase e\ufb03ciency\tx\f"
    assert normalize_text(raw) == "Jane Doe\n\nDatabase efficiency x"


def test_nurse_resume_fields() -> None:
    document = read_document((RESUMES / "nurse.txt").read_bytes(), "nurse.txt")
    assert document.format == "text"
    assert [s.kind for s in document.sections] == [
        "other", "summary", "experience", "education", "certifications", "skills",
    ]  # fmt: skip
    assert document.titles == (
        Position(title="Senior Staff Nurse", organization="Leeds General Infirmary",
                 start="2019-03", current=True),
        Position(title="Staff Nurse", organization="St James's University Hospital, Leeds",
                 start="2013-09", end="2019-02"),
    )  # fmt: skip
    assert document.skills[:4] == ("patient assessment", "medication safety",
                                   "infection control", "Excel")  # fmt: skip
    assert "SQL (basic)" in document.skills
    assert document.certifications == (
        "NMC Registered Nurse (Adult)",
        "Google Data Analytics Certificate",
    )
    (degree,) = document.education
    assert (degree.institution, degree.level, degree.start, degree.end) == (
        "University of Leeds", "bachelor", "2010", "2013",
    )  # fmt: skip


def test_markdown_resume_titles_with_emphasis() -> None:
    document = read_document((RESUMES / "ux_designer.md").read_bytes(), "ux_designer.md")
    assert document.format == "markdown"
    assert [(p.title, p.organization, p.start, p.end, p.current) for p in document.titles] == [
        ("Senior UX Designer", "Viajes Brisa", "2021-01", None, True),
        ("UX Designer", "Tienda Norte", "2017", "2020", False),
    ]
    assert "Prototyping (Figma, ProtoPie)" in document.skills
    assert [e.level for e in document.education] == ["master", "bachelor"]


def test_title_line_followed_by_dated_organisation_line() -> None:
    document = read_document((RESUMES / "compliance_officer.txt").read_bytes())
    assert [(p.title, p.organization) for p in document.titles] == [
        ("Head of Compliance Monitoring", "Rheinbank AG, Frankfurt"),
        ("Compliance Analyst", "Mainzer Sparbank, Mainz"),
    ]
    assert document.skills[:2] == ("Regulatory compliance", "AML/KYC")


def test_every_sample_resume_has_experience_and_skills() -> None:
    for path in sorted(RESUMES.iterdir()):
        document = read_document(path.read_bytes(), path.name)
        kinds = {s.kind for s in document.sections}
        assert {"experience", "skills", "education"} <= kinds, path.name
        assert len(document.titles) >= 2, path.name
        assert len(document.skills) >= 5, path.name


def test_utf16_with_bom() -> None:
    text = "Résumé\nSKILLS\nPython, Café management"
    document = read_document(text.encode("utf-16"), "cv.txt")
    assert document.text == text
    assert document.skills == ("Python", "Café management")
    assert document.notes == ()


def test_cp1252_is_read_with_a_note() -> None:
    data = "Summary\nNaïve Bayes \u2013 “quoted” façade work".encode("cp1252")
    document = read_document(data, "cv.txt")
    assert document.text == "Summary\nNaïve Bayes \u2013 “quoted” façade work"
    assert len(document.notes) == 1
    assert "Windows-1252" in document.notes[0]


def test_other_legacy_encodings_are_detected() -> None:
    text = "Опыт работы: медсестра в городской больнице, десять лет, уход за пациентами"
    decoded = decode_text(text.encode("cp1251"))
    assert decoded.text == text
    assert decoded.note is not None


def test_binary_garbage_is_refused() -> None:
    with pytest.raises(UndecodableTextError, match="binary data"):
        read_document(bytes(range(256)) * 4, "cv.txt")


def test_broken_utf16_says_so() -> None:
    with pytest.raises(UndecodableTextError, match="UTF-16"):
        read_document(b"\xff\xfeA\x00\x00\xd8", "cv.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "\ufeff  \n".encode()])
def test_empty_or_whitespace_is_refused(data: bytes) -> None:
    with pytest.raises(EmptyDocumentError, match="empty"):
        read_document(data, "cv.txt")


def test_pasted_text() -> None:
    assert read_text("Skills: Excel, Tableau").skills == ("Excel", "Tableau")
    with pytest.raises(EmptyDocumentError):
        read_text(" \n ")


def test_over_ten_megabytes_is_refused() -> None:
    with pytest.raises(DocumentTooLargeError, match=r"10\.0 MB; the limit is 10 MB"):
        read_document(b"a" * (10 * 1024 * 1024 + 1), "huge.txt")
