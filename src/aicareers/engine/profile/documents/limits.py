"""Size limits on what we agree to parse, so one upload cannot exhaust memory or time."""

from __future__ import annotations

from aicareers.errors import DocumentTooLargeError

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# A DOCX or LinkedIn zip may expand far beyond its size on disk (a "zip bomb").
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
# Resumes are a few pages; reading more only costs time on hostile or mistaken uploads.
MAX_PDF_PAGES = 40


def check_size(size: int, filename: str | None = None, limit: int = MAX_DOCUMENT_BYTES) -> None:
    """Raise DocumentTooLargeError when ``size`` bytes is over ``limit``."""
    if size > limit:
        raise DocumentTooLargeError(size, limit, filename)
