"""PDF, DOCX and other binary uploads, built for real in each test with fpdf2 and python-docx."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from aicareers.engine.profile.documents import read_document
from aicareers.errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    ImageOnlyPdfError,
    UnsupportedDocumentError,
)

LINES = [
    "Jane Roe",
    "EXPERIENCE",
    "Data Analyst, Acme Ltd, 2018 - 2022",
    "SKILLS",
    "Python, SQL, Tableau",
]


def text_pdf(lines: list[str] = LINES) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for line in lines:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def encrypted(data: bytes, user: str, owner: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user, owner_password=owner, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_text_pdf() -> None:
    document = read_document(text_pdf(), "cv.pdf")
    assert document.format == "pdf"
    assert document.text == "\n".join(LINES)
    assert [s.kind for s in document.sections] == ["other", "experience", "skills"]
    assert [(p.title, p.organization, p.start, p.end) for p in document.titles] == [
        ("Data Analyst", "Acme Ltd", "2018", "2022")
    ]
    assert document.skills == ("Python", "SQL", "Tableau")


def test_pdf_found_by_content_whatever_its_name() -> None:
    assert read_document(text_pdf(), "resume.txt", "text/plain").format == "pdf"


def test_image_only_pdf() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 120, style="F")
    with pytest.raises(ImageOnlyPdfError, match=r"no text layer.*Paste the text"):
        read_document(bytes(pdf.output()), "scan.pdf")


def test_password_protected_pdf() -> None:
    with pytest.raises(EncryptedDocumentError, match="protected by a password"):
        read_document(encrypted(text_pdf(), "secret", "owner"), "locked.pdf")


def test_pdf_with_only_an_owner_password_is_read() -> None:
    document = read_document(encrypted(text_pdf(), "", "owner"), "restricted.pdf")
    assert document.skills == ("Python", "SQL", "Tableau")


def test_truncated_pdf() -> None:
    data = text_pdf()
    with pytest.raises(CorruptDocumentError, match="damaged or incomplete"):
        read_document(data[: len(data) // 2], "cut.pdf")


def test_pdf_named_file_that_is_not_a_pdf() -> None:
    with pytest.raises(CorruptDocumentError, match=r"named \.pdf but is not a PDF"):
        read_document(b"hello, I am text", "cv.pdf")


def word_file() -> bytes:
    document = docx.Document()
    document.add_heading("Work Experience", level=1)
    document.add_paragraph("Teacher, Hillside School, Sep 2010 - Jul 2020")
    document.add_paragraph("Taught maths to classes of 30.")
    document.add_heading("Skills", level=1)
    table = document.add_table(rows=2, cols=2)
    for cell, value in zip(
        (c for row in table.rows for c in row.cells),
        ("Python", "Excel", "Teaching", "Canva"),
        strict=True,
    ):
        cell.text = value
    document.add_paragraph("Certifications")
    document.add_paragraph("PGCE", style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_paragraphs_and_tables_in_order() -> None:
    document = read_document(word_file(), "cv.docx")
    assert document.format == "docx"
    assert document.text == (
        "Work Experience\nTeacher, Hillside School, Sep 2010 - Jul 2020\n"
        "Taught maths to classes of 30.\nSkills\nPython | Excel\nTeaching | Canva\n\n"
        "Certifications\nPGCE"
    )
    assert [s.kind for s in document.sections] == ["experience", "skills", "certifications"]
    assert document.skills == ("Python", "Excel", "Teaching", "Canva")
    assert document.certifications == ("PGCE",)
    (position,) = document.titles
    assert (position.title, position.start, position.end) == ("Teacher", "2010-09", "2020-07")


def test_docx_layout_table_is_read_cell_by_cell() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = "Skills"
    left.add_paragraph("Figma, Miro")
    right.text = "Experience"
    right.add_paragraph("Designer, Studio Nine, 2019 - Present")
    out = io.BytesIO()
    document.save(out)
    parsed = read_document(out.getvalue(), "cv.docx")
    assert [s.kind for s in parsed.sections] == ["skills", "experience"]
    assert parsed.skills == ("Figma", "Miro")
    assert parsed.titles[0].current


def test_empty_docx() -> None:
    out = io.BytesIO()
    docx.Document().save(out)
    with pytest.raises(EmptyDocumentError, match="Word document is empty"):
        read_document(out.getvalue(), "blank.docx")


def test_corrupt_docx() -> None:
    data = word_file()
    with pytest.raises(CorruptDocumentError):
        read_document(data[: len(data) // 2], "cv.docx")


def test_docx_with_broken_xml() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(word_file())) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            target.writestr(
                item, b"<w:document" if item.filename == "word/document.xml" else content
            )
    with pytest.raises(CorruptDocumentError, match="Word file is damaged"):
        read_document(out.getvalue(), "cv.docx")


def test_encrypted_office_file() -> None:
    # Office stores a password-protected .docx in an OLE container with this stream name.
    data = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le")
    )
    with pytest.raises(EncryptedDocumentError, match="Word document is protected"):
        read_document(data, "cv.docx")


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "cv.doc", r"old-style Word \(\.doc\)"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "cv.png", "PNG image"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 64, None, "JPEG image"),
        (b"{\\rtf1\\ansi hello}", "cv.rtf", "Rich Text"),
        (b"a,b\n1,2\n", "people.csv", "LinkedIn"),
    ],
)
def test_unsupported_types(data: bytes, name: str | None, message: str) -> None:
    with pytest.raises(UnsupportedDocumentError, match=message) as info:
        read_document(data, name)
    assert "paste the text" in str(info.value)


def test_spreadsheet_zip_is_unsupported() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedDocumentError, match="spreadsheet or presentation"):
        read_document(out.getvalue(), "cv.xlsx")


def test_errors_carry_codes_and_file_names() -> None:
    with pytest.raises(DocumentError) as info:
        read_document(b"\x89PNG\r\n\x1a\n", "photo.png")
    assert info.value.code == "unsupported-document"
    assert info.value.filename == "photo.png"
    assert str(info.value).startswith("photo.png: This is a PNG image")


def test_zip_that_unpacks_to_too_much_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))
    with pytest.raises(DocumentTooLargeError, match="the limit is 50 MB"):
        read_document(out.getvalue(), "bomb.docx")
