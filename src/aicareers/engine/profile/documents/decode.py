"""Bytes to text: BOMs first, then strict UTF-8, then a detected legacy encoding with a note."""

from __future__ import annotations

import codecs

import msgspec

from aicareers.errors import UndecodableTextError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in real text; a few of them mean binary data.
_BINARY = {c for c in range(32) if chr(c) not in "\t\n\r\f\v\x1b"}


class Decoded(msgspec.Struct, frozen=True):
    """Decoded text, the encoding used, and a note for the person when we had to guess."""

    text: str
    encoding: str
    note: str | None = None


def decode_text(data: bytes, filename: str | None = None) -> Decoded:
    """Decode resume bytes, or raise UndecodableTextError saying why."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data[len(bom) :], encoding, filename), encoding)
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return Decoded(_strict(data, utf16, filename), utf16)
    _reject_binary(data, filename)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _guess(data, filename)


def _strict(data: bytes, encoding: str, filename: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UndecodableTextError(
            f"The file starts like {encoding.upper()} text but byte {exc.start} is not valid "
            "in that encoding (the file may be damaged).",
            filename,
        ) from exc


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'-be' when every other byte is NUL, as in BOM-less UTF-16 ASCII text."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _reject_binary(data: bytes, filename: str | None) -> None:
    sample = data[:8192]
    strange = sum(1 for byte in sample if byte in _BINARY)
    if strange > max(2, len(sample) // 100):
        raise UndecodableTextError(
            "This file is not text (it looks like binary data from another program).", filename
        )


def _guess(data: bytes, filename: str | None) -> Decoded:
    """A legacy encoding: cp1252 when the result reads like Western text, else detection."""
    western = _as_western(data)
    if western is not None:
        return Decoded(western, "cp1252", _note("Windows-1252 (Western European)"))
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UndecodableTextError(
            "This text is not UTF-8 and we could not tell which encoding it uses.", filename
        )
    return Decoded(str(best), best.encoding, _note(best.encoding))


def _as_western(data: bytes) -> str | None:
    """cp1252 text when accented letters are a minority, as in English, French or German.

    Detectors guess badly on a page of mostly-ASCII text (cp775, mac_roman...), while a resume
    that is not UTF-8 is most often from Windows in a Western language. Text in another script
    decodes to mostly accented Latin letters under cp1252, which is what the ratio catches.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    accented = sum(1 for c in letters if not c.isascii())
    return text if letters and accented <= 0.3 * len(letters) else None


def _note(encoding: str) -> str:
    return (
        f"The file was not UTF-8; it was read as {encoding}. If some letters look wrong, save "
        "it as UTF-8 and upload it again."
    )
