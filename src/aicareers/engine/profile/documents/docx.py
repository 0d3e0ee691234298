"""Word (.docx) resumes, read with python-docx (imported only when a DOCX arrives).

Paragraphs and tables are read in document order; many resume templates lay out dates and
skills in tables, and some put whole blocks in text boxes, which are read too.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from aicareers.engine.profile.documents.model import Document
from aicareers.engine.profile.documents.text import document_from_text
from aicareers.errors import CorruptDocumentError, EmptyDocumentError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def parse_docx(data: bytes, filename: str | None = None) -> Document:
    """A Document from DOCX bytes."""
    import docx

    try:
        body = docx.Document(io.BytesIO(data)).element.body
        lines = list(_body_lines(body))
    except Exception as exc:  # python-docx and lxml raise many types on damaged files
        raise CorruptDocumentError(
            "This Word file is damaged and could not be opened.", filename
        ) from exc
    text = "\n".join(lines)
    if not text.strip():
        raise EmptyDocumentError(filename, "Word document")
    return document_from_text(text, "docx", filename)


def _body_lines(body: Any) -> Iterator[str]:
    """Lines of text for each paragraph and table row, in order."""
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            yield _paragraph_text(child)
            yield from _text_boxes(child)
        elif child.tag == f"{_W}tbl":
            yield from _table_lines(child)
            yield ""


def _paragraph_text(p: Any) -> str:
    """The visible text of a w:p: its runs' text, tabs and breaks (not its text boxes)."""
    parts: list[str] = []
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}txbxContent"):
        if node.tag == f"{_W}t" and not _inside_text_box(node, p):
            parts.append(node.text or "")
        elif node.tag in (f"{_W}tab", f"{_W}br") and not _inside_text_box(node, p):
            parts.append("\t" if node.tag == f"{_W}tab" else "\n")
    return "".join(parts)


def _inside_text_box(node: Any, stop: Any) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == f"{_W}txbxContent" or parent.tag == _FALLBACK:
            return True
        parent = parent.getparent()
    return False


def _text_boxes(p: Any) -> Iterator[str]:
    """Paragraphs inside text boxes anchored in p; Word's legacy fallback copy is skipped."""
    for box in p.iter(f"{_W}txbxContent"):
        if not _under_fallback(box):
            for inner in box.iterchildren(f"{_W}p"):
                yield _paragraph_text(inner)


def _under_fallback(node: Any) -> bool:
    parent = node.getparent()
    while parent is not None:
        if parent.tag == _FALLBACK:
            return True
        parent = parent.getparent()
    return False


def _table_lines(tbl: Any) -> Iterator[str]:
    """Rows of short cells become 'a | b | c' lines; cells holding several paragraphs (a
    two-column layout table) are written out paragraph by paragraph, cell after cell."""
    for row in tbl.iterchildren(f"{_W}tr"):
        cells = [
            [t.strip() for t in (_paragraph_text(p) for p in cell.iterchildren(f"{_W}p"))]
            for cell in row.iterchildren(f"{_W}tc")
        ]
        cells = [[t for t in cell if t] for cell in cells]
        if any(len(cell) > 1 for cell in cells):
            for cell in cells:
                yield from cell
                yield ""
        elif any(cells):
            yield " | ".join(cell[0] for cell in cells if cell)
        for cell in row.iterchildren(f"{_W}tc"):
            for nested in cell.iterchildren(f"{_W}tbl"):
                yield from _table_lines(nested)
