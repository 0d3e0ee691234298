"""``read_document``: sniff what the bytes are, then hand them to the right parser."""

from __future__ import annotations

import io
import zipfile
import zlib

from aicareers.engine.profile.documents.decode import decode_text
from aicareers.engine.profile.documents.limits import MAX_UNPACKED_BYTES, check_size
from aicareers.engine.profile.documents.linkedin import CSV_NAMES, linkedin_members, read_linkedin
from aicareers.engine.profile.documents.model import Document
from aicareers.engine.profile.documents.text import document_from_text
from aicareers.engine.profile.documents.unzip import Budget
from aicareers.errors import (
    CorruptDocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    UnsupportedDocumentError,
)

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image", b"BM": "a BMP image",
}  # fmt: skip
_MARKDOWN = {".md", ".markdown", ".mdown", ".mkd"}
_CLAIMS = {".pdf": "PDF", ".docx": "Word (.docx)", ".zip": "zip"}


def read_document(
    data: bytes, filename: str | None = None, media_type: str | None = None
) -> Document:
    """Parse a resume or profile export from its bytes; the file name and type are hints."""
    check_size(len(data), filename)
    if not data.strip(b" \t\r\n\x00\x0b\x0c"):
        raise EmptyDocumentError(filename)
    ext = _extension(filename)
    media = (media_type or "").split(";")[0].strip().lower()
    if b"%PDF-" in data[:1024]:
        from aicareers.engine.profile.documents.pdf import parse_pdf

        return parse_pdf(data, filename)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _read_zip(data, filename)
    _reject_known_binary(data, filename)
    if ext in _CLAIMS:
        raise CorruptDocumentError(
            f"This file is named {ext} but is not a {_CLAIMS[ext]} file inside.", filename
        )
    if ext == ".csv":
        return _read_csv(data, filename)
    decoded = decode_text(data, filename)
    notes = (decoded.note,) if decoded.note else ()
    if ext == ".json" or "json" in media or decoded.text.lstrip().startswith("{"):
        json_document = _maybe_json(
            decoded.text, filename, strict=ext == ".json" or "json" in media
        )
        if json_document is not None:
            return json_document
    markdown = ext in _MARKDOWN or media == "text/markdown"
    return document_from_text(decoded.text, "markdown" if markdown else "text", filename, notes)


def _extension(filename: str | None) -> str:
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _reject_known_binary(data: bytes, filename: str | None) -> None:
    """Formats we recognise but do not read, each with its own explanation."""
    if data.startswith(_OLE):
        # An encrypted .docx is stored inside an OLE container with an EncryptedPackage stream.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedDocumentError(filename, "Word document")
        raise UnsupportedDocumentError(
            "This is an old-style Word (.doc) or Office file. Save it as .docx or PDF.", filename
        )
    for magic, what in _IMAGES.items():
        if data.startswith(magic):
            raise UnsupportedDocumentError(f"This is {what}, not a document with text.", filename)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        raise UnsupportedDocumentError("This is a WebP image, not a document with text.", filename)
    if data.startswith(b"{\\rtf"):
        raise UnsupportedDocumentError("This is a Rich Text (.rtf) file. Save it as .docx or PDF.",
                                  filename)  # fmt: skip


def _read_zip(data: bytes, filename: str | None) -> Document:
    """DOCX or LinkedIn export; other zips (spreadsheets, OpenDocument) are refused."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
        unpacked = sum(info.file_size for info in archive.infolist())
    except Exception as exc:  # zipfile raises several types on damaged archives
        detail = "This zip-based file is damaged or incomplete."
        raise CorruptDocumentError(detail, filename) from exc
    # Declared sizes refuse an honest big zip early; a lying one is stopped by the budget
    # that counts the bytes really inflated.
    check_size(unpacked, filename, MAX_UNPACKED_BYTES)
    budget = Budget(MAX_UNPACKED_BYTES)
    if "word/document.xml" in names:
        from aicareers.engine.profile.documents.docx import parse_docx

        return parse_docx(archive, filename, budget)
    if linkedin_members(names):
        from aicareers.engine.profile.documents.linkedin import parse_linkedin_zip

        try:
            return parse_linkedin_zip(archive, filename, budget)
        except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, OSError,
                zlib.error) as exc:  # fmt: skip
            raise CorruptDocumentError("This zip archive is damaged.", filename) from exc
    raise UnsupportedDocumentError(_zip_kind(names), filename)


def _zip_kind(names: list[str]) -> str:
    if "mimetype" in names:
        return "This is an OpenDocument file (.odt/.ods). Save it as .docx or PDF."
    if any(n.startswith(("xl/", "ppt/")) for n in names):
        return "This is a spreadsheet or presentation, not a resume document."
    return "This zip archive holds neither a Word document nor a LinkedIn data export."


def _read_csv(data: bytes, filename: str | None) -> Document:
    """A single CSV from a LinkedIn export, recognised by its file name."""
    base = _extension(filename) and (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    if base.lower() not in CSV_NAMES:
        raise UnsupportedDocumentError(
            "A CSV file is read only when it is one of LinkedIn's export files (Profile.csv, "
            "Positions.csv, Skills.csv, Education.csv, Certifications.csv). For many people "
            "at once, use the batch command.",
            filename,
        )
    return read_linkedin({base: data}, filename)


def _maybe_json(text: str, filename: str | None, *, strict: bool) -> Document | None:
    """A JSON Resume; None when text merely starts with '{' and is not JSON (it is text then)."""
    from aicareers.engine.profile.documents.json_resume import parse_json_resume

    try:
        return parse_json_resume(text, filename)
    except CorruptDocumentError:
        if strict:
            raise
        return None
