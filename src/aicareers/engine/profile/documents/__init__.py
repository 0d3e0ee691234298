"""Resume and profile documents: bytes or text in, a ``Document`` (text, sections, fields) out.

Public API: ``read_document`` for uploaded bytes, ``read_text`` for pasted text,
``read_linkedin`` for LinkedIn CSVs given one by one, ``detect_sections`` and ``decode_text``.
PDF and DOCX libraries are imported only when such a file arrives.
"""

from __future__ import annotations

from aicareers.engine.profile.documents.decode import Decoded, decode_text
from aicareers.engine.profile.documents.limits import MAX_DOCUMENT_BYTES
from aicareers.engine.profile.documents.linkedin import read_linkedin
from aicareers.engine.profile.documents.model import Document, DocumentFormat
from aicareers.engine.profile.documents.reader import read_document
from aicareers.engine.profile.documents.sections import detect_sections, heading_kind, section_text
from aicareers.engine.profile.documents.text import merge_free_text, read_text

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "Decoded",
    "Document",
    "DocumentFormat",
    "decode_text",
    "detect_sections",
    "heading_kind",
    "merge_free_text",
    "read_document",
    "read_linkedin",
    "read_text",
    "section_text",
]
