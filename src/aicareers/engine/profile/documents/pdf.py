"""PDF resumes, read with pypdf (imported only when a PDF arrives)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from aicareers.engine.profile.documents.limits import MAX_PDF_PAGES
from aicareers.engine.profile.documents.model import Document
from aicareers.engine.profile.documents.text import document_from_text
from aicareers.errors import CorruptDocumentError, EncryptedDocumentError, ImageOnlyPdfError

_DAMAGED = "This PDF is damaged or incomplete and could not be opened."


def parse_pdf(data: bytes, filename: str | None = None) -> Document:
    """A Document from PDF bytes; scans, passwords and damage each raise their own error."""
    from pypdf import PdfReader

    # pypdf raises many exception types on hostile or broken files; to the person they all
    # mean the same thing, so they become one CorruptDocumentError.
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        _unlock(reader, filename)
        pages = list(reader.pages)
    except EncryptedDocumentError:
        raise
    except Exception as exc:
        raise CorruptDocumentError(_DAMAGED, filename) from exc
    texts = _page_texts(pages[:MAX_PDF_PAGES], filename)
    notes = []
    if len(pages) > MAX_PDF_PAGES:
        notes.append(f"Only the first {MAX_PDF_PAGES} of {len(pages)} pages were read.")
    complete = b"%%EOF" in data[-2048:]
    if not "".join(texts).strip():
        if not pages or not complete:
            raise CorruptDocumentError(_DAMAGED, filename)
        raise ImageOnlyPdfError(filename)
    if not complete:
        notes.append("The PDF looks incomplete (it may not have finished downloading); "
                     "some text may be missing.")  # fmt: skip
    return document_from_text("\n\n".join(texts), "pdf", filename, tuple(notes))


def _unlock(reader: object, filename: str | None) -> None:
    """Open PDFs that are encrypted with an empty password (many are, to block editing)."""
    from pypdf import PasswordType, PdfReader

    assert isinstance(reader, PdfReader)
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except Exception as exc:  # e.g. AES without the optional cryptography package
        raise EncryptedDocumentError(filename, "PDF") from exc
    if opened == PasswordType.NOT_DECRYPTED:
        raise EncryptedDocumentError(filename, "PDF")


def _page_texts(pages: Sequence[object], filename: str | None) -> list[str]:
    """The text of each page; a page that fails is skipped unless every page fails."""
    texts: list[str] = []
    failures = 0
    for page in pages:
        try:
            texts.append(page.extract_text())  # type: ignore[attr-defined]
        except Exception:
            failures += 1
    if pages and failures == len(pages):
        raise CorruptDocumentError(_DAMAGED, filename)
    return texts
