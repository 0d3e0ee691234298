"""Caps on what we agree to read, so that no upload, however small, can cost more than a
bounded slice of time and memory. Each cap names what it counts; a breach raises an error
that says which cap it was (``DocumentTooLargeError`` or ``DocumentTooComplexError``).
"""

from __future__ import annotations

from aicareers.errors import DocumentTooComplexError, DocumentTooLargeError

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# A DOCX or LinkedIn zip may expand far beyond its size on disk (a "zip bomb"); members are
# inflated in chunks against this running total, whatever sizes the zip declares.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
# Resumes are a few pages; reading more only costs time on hostile or mistaken uploads.
MAX_PDF_PAGES = 40
# A page's decoded content streams: a text page is tens of KB, a designed one some hundreds.
# Extracting text costs one to two seconds per MB, so a page over this refuses the file, and
# pages are read only while their total stays under the second cap (pages that share one
# stream count it each time: the work is done each time).
MAX_PDF_CONTENT_BYTES = 1024 * 1024
MAX_PDF_TOTAL_CONTENT_BYTES = 2 * 1024 * 1024
# Operators and operands parsed in one content stream (pypdf's default is 2,000,000): text
# takes about 130,000 per MB, and tiny operators packed closer are what this catches.
MAX_PDF_STREAM_TOKENS = 300_000
# The parts of a Word body (paragraphs, runs, text pieces, table cells): a long CV has
# tens of thousands, and each costs memory while the XML is read.
MAX_XML_ELEMENTS = 250_000
# Runs inside runs inside tables inside text boxes: real files stay well under 60 levels.
MAX_XML_DEPTH = 100
# Rows of one LinkedIn CSV (LinkedIn itself keeps at most 100 skills), and its lines, which
# are more where descriptions run over several lines; lines are counted before parsing.
MAX_CSV_ROWS = 10_000
MAX_CSV_LINES = 5 * MAX_CSV_ROWS
# Nesting of a JSON Resume: the schema needs 4 levels; decoders recurse once per level.
MAX_JSON_DEPTH = 64
# Text assessed: beyond it the first part is read, and the document's notes say so.
MAX_ASSESSED_CHARS = 100_000
# Text extracted from a file before the cut above; normalising may shrink it (runs of
# spaces, blank lines), so extraction stops only well past the assessed cap.
MAX_EXTRACTED_CHARS = 4 * MAX_ASSESSED_CHARS
TRUNCATED_NOTE = (
    f"The text is longer than {MAX_ASSESSED_CHARS:,} characters; only its first "
    f"{MAX_ASSESSED_CHARS:,} were assessed."
)


def check_size(size: int, filename: str | None = None, limit: int = MAX_DOCUMENT_BYTES) -> None:
    """Raise DocumentTooLargeError when ``size`` bytes is over ``limit``."""
    if size > limit:
        raise DocumentTooLargeError(size, limit, filename)


def check_count(count: int, limit: int, cap: str, filename: str | None = None) -> None:
    """Raise DocumentTooComplexError when ``count`` of ``cap`` (e.g. 'rows') is over ``limit``."""
    if count > limit:
        raise DocumentTooComplexError(cap, limit, filename)


def cut_text(text: str, limit: int) -> tuple[str, bool]:
    """The text cut to at most ``limit`` characters, at a line break where one is near, and
    whether it was cut."""
    if len(text) <= limit:
        return text, False
    head = text[:limit]
    newline = head.rfind("\n", limit - 2_000)
    return (head[:newline] if newline > 0 else head).rstrip(), True
