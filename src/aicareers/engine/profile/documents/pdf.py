"""PDF resumes, read with pypdf (imported only when a PDF arrives).

The work is bounded: at most ``MAX_PDF_PAGES`` pages; each page's decoded content streams at
most ``MAX_PDF_CONTENT_BYTES`` (measured before its text is extracted, since pages may share
one huge stream), and all of them ``MAX_PDF_TOTAL_CONTENT_BYTES``; extraction stops once
``MAX_EXTRACTED_CHARS`` are read. pypdf's own decompression limits are lowered to the page
cap's multiple for the duration, so that no stream is inflated far past it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from aicareers.engine.profile.documents.limits import (
    MAX_EXTRACTED_CHARS,
    MAX_PDF_CONTENT_BYTES,
    MAX_PDF_PAGES,
    MAX_PDF_STREAM_TOKENS,
    MAX_PDF_TOTAL_CONTENT_BYTES,
    check_count,
)
from aicareers.engine.profile.documents.model import Document
from aicareers.engine.profile.documents.text import document_from_text
from aicareers.errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentTooComplexError,
    EncryptedDocumentError,
    ImageOnlyPdfError,
)

_DAMAGED = "This PDF is damaged or incomplete and could not be opened."
_CONTENT = "bytes of drawing instructions on one page"
# Any stream is inflated to at most this (pypdf's default is 75 MB); embedded fonts and images
# may be larger than a page's drawing instructions, so the bound is looser than the page's.
_STREAM_LIMIT = 8 * MAX_PDF_CONTENT_BYTES


def parse_pdf(data: bytes, filename: str | None = None) -> Document:
    """A Document from PDF bytes; scans, passwords and damage each raise their own error."""
    from pypdf import apply_configuration

    limit = _STREAM_LIMIT
    with apply_configuration(zlib_maximum_output_length=limit, maximum_declared_stream_length=limit,
                             lzw_maximum_output_length=limit,
                             run_length_maximum_output_length=limit,
                             stream_parsing_work_maximum_count=MAX_PDF_STREAM_TOKENS):  # fmt: skip
        return _parse(data, filename)


def _parse(data: bytes, filename: str | None) -> Document:
    from pypdf import PdfReader

    # pypdf raises many exception types on hostile or broken files; to the person they all
    # mean the same thing, so they become one CorruptDocumentError.
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        _unlock(reader, filename)
        count = len(reader.pages)
        pages = [reader.pages[i] for i in range(min(count, MAX_PDF_PAGES))]
    except EncryptedDocumentError:
        raise
    except Exception as exc:
        raise CorruptDocumentError(_DAMAGED, filename) from exc
    texts, cut, done = _page_texts(pages, filename)
    notes = []
    if done < count:
        notes.append(f"Only the first {done} of {count} pages were read.")
    complete = b"%%EOF" in data[-2048:]
    if not "".join(texts).strip():
        if not pages or not complete:
            raise CorruptDocumentError(_DAMAGED, filename)
        raise ImageOnlyPdfError(filename)
    if not complete:
        notes.append("The PDF looks incomplete (it may not have finished downloading); "
                     "some text may be missing.")  # fmt: skip
    return document_from_text("\n\n".join(texts), "pdf", filename, tuple(notes), cut=cut)


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


def _page_texts(pages: Sequence[Any], filename: str | None) -> tuple[list[str], bool, int]:
    """The text of each page, whether extraction stopped at the character cap, and how many
    pages were gone through before the character or total content cap stopped it.

    A page that fails is skipped unless every page fails; a page over the per-page cap
    refuses the file.
    """
    texts: list[str] = []
    failures = chars = content = 0
    for done, page in enumerate(pages):
        try:
            size = _content_size(page)
            check_count(size, MAX_PDF_CONTENT_BYTES, _CONTENT, filename)
            if texts and content + size > MAX_PDF_TOTAL_CONTENT_BYTES:
                return texts, False, done
            content += size
            text = page.extract_text()
        except DocumentError:
            raise
        except Exception as exc:
            if _over_limit(exc):
                raise DocumentTooComplexError(_CONTENT, MAX_PDF_CONTENT_BYTES, filename) from exc
            failures += 1
            continue
        texts.append(text)
        chars += len(text)
        if chars > MAX_EXTRACTED_CHARS:
            return texts, True, done + 1
    if pages and failures == len(pages):
        raise CorruptDocumentError(_DAMAGED, filename)
    return texts, False, len(pages)


def _content_size(page: Any) -> int:
    """Decoded bytes of the page's content streams (one stream or an array of them)."""
    contents = page.get("/Contents")
    if contents is None:
        return 0
    contents = contents.get_object()
    streams = contents if isinstance(contents, list) else [contents]
    return sum(len(stream.get_object().get_data()) for stream in streams)


def _over_limit(exc: Exception) -> bool:
    """pypdf's own limits (decompressed size, parsing work) say the page is too much."""
    from pypdf.errors import LimitReachedError

    return isinstance(exc, LimitReachedError)
