"""Word (.docx) resumes: word/document.xml read as a stream, part by part.

Paragraphs and tables are read in document order; many resume templates lay out dates and
skills in tables, and some put whole blocks in text boxes, which are read too.

The XML is inflated in chunks and fed to a pull parser: each child of the body is turned into
lines as soon as it is complete, then dropped, so memory holds one paragraph or table at a
time. Elements and nesting depth are counted as they arrive; past a cap the file is refused.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import cast
from xml.etree.ElementTree import Element, XMLPullParser

from aicareers.engine.profile.documents.limits import (
    MAX_EXTRACTED_CHARS,
    MAX_XML_DEPTH,
    MAX_XML_ELEMENTS,
    check_count,
)
from aicareers.engine.profile.documents.model import Document
from aicareers.engine.profile.documents.text import document_from_text
from aicareers.engine.profile.documents.unzip import Budget, member_chunks
from aicareers.errors import CorruptDocumentError, DocumentError, EmptyDocumentError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_BOX = f"{_W}txbxContent"
_MAIN = "word/document.xml"
# document > body > paragraph or table: the depth at which a block is complete.
_BLOCK_DEPTH = 3


def parse_docx(archive: zipfile.ZipFile, filename: str | None, budget: Budget) -> Document:
    """A Document from an opened DOCX zip (the caller checked it holds word/document.xml)."""
    try:
        lines, cut = _read_lines(member_chunks(archive, _MAIN, budget, filename), filename)
    except DocumentError:
        raise
    except Exception as exc:  # zipfile, zlib and the parser raise many types on damaged files
        raise CorruptDocumentError(
            "This Word file is damaged and could not be opened.", filename
        ) from exc
    text = "\n".join(lines)
    if not text.strip():
        raise EmptyDocumentError(filename, "Word document")
    return document_from_text(text, "docx", filename, cut=cut)


def _read_lines(chunks: Iterator[bytes], filename: str | None) -> tuple[list[str], bool]:
    """The body's lines, and whether reading stopped at the extracted-text cap."""
    # The standard library's parser: it never fetches external entities, and its expat
    # (2.4 and later) refuses entity expansion that amplifies ("billion laughs").
    parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
    lines: list[str] = []
    counted = depth = elements = 0
    body = Element("body")  # replaced by the real one when it starts
    for chunk in chunks:
        parser.feed(chunk)
        for event, node in cast("Iterator[tuple[str, Element]]", parser.read_events()):
            if event == "start":
                depth += 1
                elements += 1
                check_count(depth, MAX_XML_DEPTH, "levels of nesting in the Word file", filename)
                check_count(elements, MAX_XML_ELEMENTS, "parts (paragraphs, runs, cells) in "
                            "the Word file", filename)  # fmt: skip
                body = node if depth == _BLOCK_DEPTH - 1 else body
                continue
            depth -= 1
            if depth == _BLOCK_DEPTH - 1 and node.tag in (f"{_W}p", f"{_W}tbl"):
                block = list(_block_lines(node))
                lines.extend(block)
                counted += sum(len(line) + 1 for line in block)
                # Blocks read are let go, so memory holds about one at a time; the events
                # still queued keep the later ones alive until they are read.
                node.clear()
                del body[:]
                if counted > MAX_EXTRACTED_CHARS:
                    return lines, True
    parser.close()
    return lines, False


def _block_lines(node: Element) -> Iterator[str]:
    """Lines of text for a paragraph (and its text boxes) or a table, in order."""
    if node.tag == f"{_W}p":
        yield from _paragraph_lines(node)
    else:
        yield from _table_lines(node)
        yield ""


def _paragraph_lines(p: Element) -> Iterator[str]:
    """The paragraph's own text, then the paragraphs of text boxes anchored in it."""
    text, boxes = _walk(p)
    yield text
    for box in boxes:
        for inner in _children(box, f"{_W}p"):
            yield from _paragraph_lines(inner)


def _walk(p: Element) -> tuple[str, list[Element]]:
    """The visible text of a w:p (runs' text, tabs, breaks) and its text boxes, in one pass.

    A text box is kept for later, not read inline; Word's legacy fallback copy of a drawing
    is skipped whole. The walk keeps its own stack, so deep nesting costs no recursion.
    """
    parts: list[str] = []
    boxes: list[Element] = []
    stack = [iter(p)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        tag = node.tag
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag == f"{_W}br":
            parts.append("\n")
        elif tag == _BOX:
            boxes.append(node)
        elif tag != _FALLBACK and len(node):
            stack.append(iter(node))
    return "".join(parts), boxes


def _table_lines(tbl: Element) -> Iterator[str]:
    """Rows of short cells become 'a | b | c' lines; cells holding several paragraphs (a
    two-column layout table) are written out paragraph by paragraph, cell after cell."""
    for row in _children(tbl, f"{_W}tr"):
        cells = [
            [_walk(p)[0].strip() for p in _children(cell, f"{_W}p")]
            for cell in _children(row, f"{_W}tc")
        ]
        cells = [[t for t in cell if t] for cell in cells]
        if any(len(cell) > 1 for cell in cells):
            for cell in cells:
                yield from cell
                yield ""
        elif any(cells):
            yield " | ".join(cell[0] for cell in cells if cell)
        for column in _children(row, f"{_W}tc"):
            for nested in _children(column, f"{_W}tbl"):
                yield from _table_lines(nested)


def _children(node: Element, tag: str) -> list[Element]:
    return [child for child in node if child.tag == tag]
