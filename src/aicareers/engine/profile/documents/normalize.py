"""Whitespace and character clean-up applied once, before any offset is computed."""

from __future__ import annotations

import re
import unicodedata

_SPACE_LIKE = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_SPACE_LIKE += "\u202f\u205f\u3000"
_BREAK_LIKE = "\f\v\x85\u2028\u2029"
# Invisible characters that PDFs and word processors leave inside words.
_DROP = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# PDF text layers often keep typographic ligatures; searching for "fi" must find them.
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}

_TABLE: dict[int, str | None] = {ord(c): " " for c in _SPACE_LIKE}
_TABLE.update({ord(c): "\n" for c in _BREAK_LIKE})
_TABLE.update({ord(c): None for c in _DROP})
_TABLE.update({ord(k): v for k, v in _LIGATURES.items()})
_TABLE.update({c: None for c in range(32) if chr(c) not in "\n\t\f\v"})
_TABLE[0x7F] = None
# Symbol and Wingdings fonts put their bullets in the private use area; PDFs keep those code
# points, which then show as boxes. They stand for a bullet in nearly every resume.
_TABLE.update(dict.fromkeys(range(61600, 61696), "•"))
_TABLE.update(dict.fromkeys(range(61548, 61568), "•"))

# UTF-8 read as Windows-1252 or Latin-1 ('â€¢' for a bullet, 'Ã©' for 'é'): a lead byte of a
# multi-byte sequence followed by a continuation byte shown as a Latin-1 or cp1252 character.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122]"
)
# Columns in PDF text and in job-site exports are set apart by long runs of spaces; such a gap
# separates blocks (a heading from its body, a title from its dates), so it becomes a line break.
_COLUMN_GAP = re.compile(r"[ \t\u00a0]{4,}")


def repair_text(text: str) -> str:
    """Text with mojibake undone ('â€¢' -> '•'); ftfy runs only on the lines that need it."""
    if _MOJIBAKE.search(text) is None:
        return text
    import ftfy  # imported lazily: most text needs no repair

    lines = text.split("\n")
    return "\n".join(ftfy.fix_encoding(line) if _MOJIBAKE.search(line) else line for line in lines)


def normalize_text(text: str) -> str:
    """NFC text with Unix newlines, single spaces, trimmed lines and at most one blank line."""
    # Repair before dropping invisible characters: 'Ã\u00ad' is mojibake for 'í', and without
    # its soft hyphen it can no longer be undone. Control characters can hide mojibake too,
    # hence the second pass.
    text = repair_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _COLUMN_GAP.sub("\n", text).translate(_TABLE)
    repaired = repair_text(text)
    text = repaired.translate(_TABLE) if repaired != text else text
    text = unicodedata.normalize("NFC", text)
    lines = (re.sub(r" {2,}", " ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


_EDGE = " ,;|-\u2013\u2014*_"


def trim_separators(text: str) -> str:
    """Strip separators, Markdown emphasis and unbalanced brackets from both ends."""
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"\(\s*\)", "", text).strip(_EDGE)
        if text.endswith(")") and text.count(")") > text.count("("):
            text = text[:-1]
        if text.startswith("(") and text.count("(") > text.count(")"):
            text = text[1:]
        if text.endswith("(") or text.startswith(")"):
            text = text.strip("()")
    return " ".join(text.split())
