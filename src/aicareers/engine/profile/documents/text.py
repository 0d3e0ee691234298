"""Plain text and Markdown resumes, and the analysis every text-bearing format shares."""

from __future__ import annotations

from aicareers.engine.profile.documents.decode import decode_text
from aicareers.engine.profile.documents.entries import extract_fields
from aicareers.engine.profile.documents.layout import relayout
from aicareers.engine.profile.documents.limits import (
    MAX_ASSESSED_CHARS,
    MAX_EXTRACTED_CHARS,
    TRUNCATED_NOTE,
    check_size,
    cut_text,
)
from aicareers.engine.profile.documents.model import Document, DocumentFormat
from aicareers.engine.profile.documents.normalize import normalize_text
from aicareers.engine.profile.documents.sections import detect_sections
from aicareers.engine.profile.model import Section
from aicareers.engine.profile.places import place_in_header
from aicareers.errors import EmptyDocumentError


def document_from_text(
    raw: str,
    format: DocumentFormat = "text",
    filename: str | None = None,
    notes: tuple[str, ...] = (),
    *,
    cut: bool = False,
) -> Document:
    """Normalise text, find its sections and read positions, skills, education, certifications.

    Only the first ``MAX_ASSESSED_CHARS`` are read, and the raw text is cut well before the
    normalising and layout passes, whose cost grows with it; ``cut`` says the parser already
    stopped early. Either way the notes say that only the first part was assessed.
    """
    raw, cut_raw = cut_text(raw, MAX_EXTRACTED_CHARS)
    text, cut_normal = cut_text(normalize_text(relayout(normalize_text(raw))), MAX_ASSESSED_CHARS)
    if not text:
        raise EmptyDocumentError(filename)
    if cut or cut_raw or cut_normal:
        notes = (*notes, TRUNCATED_NOTE)
    sections = detect_sections(text)
    # Only the header (before the first section) can say where the person lives.
    place = place_in_header(text, next((s.start for s in sections if s.heading), None))
    return extract_fields(text, sections).document(
        format, text, sections, filename=filename, notes=notes, location=place
    )


def read_text(text: str, *, markdown: bool = False) -> Document:
    """A Document from pasted text (a form field, a CLI argument)."""
    check_size(len(text.encode("utf-8", "surrogatepass")))
    return document_from_text(text, "markdown" if markdown else "text")


def parse_text_bytes(data: bytes, filename: str | None, *, markdown: bool) -> Document:
    """A Document from the bytes of a .txt or .md file, decoding them first."""
    decoded = decode_text(data, filename)
    notes = (decoded.note,) if decoded.note else ()
    return document_from_text(decoded.text, "markdown" if markdown else "text", filename, notes)


def merge_free_text(document: Document | None, text: str) -> Document:
    """Append a person's own words to a document as a final section (offsets stay valid)."""
    if document is None:
        return read_text(text)
    extra = normalize_text(cut_text(text, MAX_EXTRACTED_CHARS)[0])
    if not extra:
        raise EmptyDocumentError(what="text")
    # The document and the words together stay within the text assessed.
    room = MAX_ASSESSED_CHARS - len(document.text) - 2
    extra, cut = cut_text(extra, max(room, 0))
    notes = document.notes
    if cut and TRUNCATED_NOTE not in notes:
        notes = (*notes, TRUNCATED_NOTE)
    start = len(document.text) + 2 if document.text else 0
    combined = f"{document.text}\n\n{extra}" if document.text else extra
    section = Section(kind="summary", start=start, body_start=start, end=len(combined))
    return Document(
        **{f: getattr(document, f) for f in document.__struct_fields__ if f not in _REPLACED},
        text=combined if extra else document.text,
        sections=(*document.sections, section) if extra else document.sections,
        notes=notes,
    )


_REPLACED = {"text", "sections", "notes"}
