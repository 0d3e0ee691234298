"""A depth limit on JSON, checked by a flat scan before any parser recurses into it.

Python's ``json``, msgspec and pydantic parse nested arrays and objects recursively: about
2 KB of ``[[[[...`` (depth 1,000) raises ``RecursionError`` in a worker thread, which was a
500. No request of this API nests deeper than 3 levels, and a JSON Resume about 6, so
``MAX_DEPTH`` leaves ample room while the scan stops the body before anything recurses.
"""

from __future__ import annotations

import re

from ...errors import ProfileError
from ..errors import ApiError

MAX_DEPTH = 32

# A JSON string (escapes included) or a bracket; text between them is skipped in C.
_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"?|[\[\]{}]', re.DOTALL)
_OPENERS = frozenset(b"[{")
_QUOTE = ord('"')


def nests_deeper_than(raw: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether ``raw`` nests arrays and objects more than ``limit`` levels deep.

    Brackets inside JSON strings do not count. The scan stops as soon as the depth passes
    ``limit``, so a hostile body costs no more than its first few thousand bytes; unbalanced
    brackets are left for the parser to report.
    """
    if raw.count(b"[") + raw.count(b"{") <= limit:  # most bodies: nothing to scan
        return False
    depth = 0
    for token in _TOKENS.finditer(raw):
        first = token.group()[0]
        if first in _OPENERS:
            depth += 1
            if depth > limit:
                return True
        elif first != _QUOTE:
            depth = max(depth - 1, 0)
    return False


def too_deep_message(what: str) -> str:
    """The sentence every refusal uses: it names the limit."""
    return (
        f"{what} nests arrays or objects more than {MAX_DEPTH} levels deep, the limit; no "
        "resume or request needs that many."
    )


def check_body(raw: bytes) -> None:
    """422 for a JSON request body nested deeper than ``MAX_DEPTH``, before it is parsed."""
    if nests_deeper_than(raw):
        raise ApiError(
            422, "too-deeply-nested", too_deep_message("The request body"),
            {"limit": MAX_DEPTH},
        )  # fmt: skip


def looks_like_json(text: str) -> bool:
    """Pasted text the document reader would try as JSON (it starts with '{' or '[')."""
    return text.lstrip()[:1] in ("{", "[")


def check_pasted_text(text: str | None) -> None:
    """``ProfileError`` (422, field ``text``) for pasted JSON nested deeper than ``MAX_DEPTH``.

    Pasted text is read like a file: text that starts with '{' is tried as a JSON Resume,
    whose parser recurses. Plain text is never scanned, so a resume with brackets is safe.
    """
    if text and looks_like_json(text) and nests_deeper_than(text.encode("utf-8", "replace")):
        raise ProfileError("text", too_deep_message("The pasted text"))
