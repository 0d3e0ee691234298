"""Hostile files made at test time (never committed as blobs), and a runner that reads one.

Each maker returns ``(file name, bytes)``. The files reproduce what a probe found (issue 13):
small uploads that inflate, nest or repeat until reading them costs minutes and gigabytes.

    python tests/hostile_files.py measure NAME   read one file in this process and print JSON:
                                                 error class and code, seconds, extra peak RSS
"""

from __future__ import annotations

import io
import json
import resource
import struct
import sys
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
    'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
    'application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxml'
    'formats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
MB = 1024 * 1024


def _repeat(unit: bytes, total: int) -> Iterator[bytes]:
    """``unit`` repeated to ``total`` bytes, in chunks of about 1 MB."""
    chunk = unit * max(1, MB // len(unit))
    for _ in range(total // len(chunk)):
        yield chunk


def _docx(parts: Iterator[bytes]) -> bytes:
    """A DOCX whose document.xml is the given parts, deflated as they come."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for part in parts:
                member.write(part)
    return out.getvalue()


def _body(inner: Iterator[bytes], before: bytes = b"", after: bytes = b"") -> Iterator[bytes]:
    yield f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>'.encode() + before
    yield from inner
    yield after + b"</w:body></w:document>"


def docx_nested_runs() -> tuple[str, bytes]:
    """240 runs nested in one another around 45 MB of one-letter text elements."""
    open_runs, close_runs = b"<w:p>" + b"<w:r>" * 240, b"</w:r>" * 240 + b"</w:p>"
    return "nested-runs.docx", _docx(_body(_repeat(b"<w:t>a</w:t>", 45 * MB), open_runs,
                                           close_runs))  # fmt: skip


def docx_empty_paragraphs() -> tuple[str, bytes]:
    """48 MB of empty paragraphs."""
    return "empty-paragraphs.docx", _docx(_body(_repeat(b"<w:p/>", 48 * MB)))


def _raw_deflate(unit: bytes, total: int) -> tuple[bytes, int]:
    """A raw deflate stream of ``unit`` repeated to about ``total`` bytes, and its CRC-32.

    One 1 MB chunk is compressed once and its compressed form repeated: after a full flush a
    deflate block refers to nothing before it, so the copies decode one after another.
    """
    chunk = unit * (MB // len(unit))
    block = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = block.compress(chunk) + block.flush(zlib.Z_FULL_FLUSH)
    count = total // len(chunk)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    end = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    return body * count + end, crc


def _zip_declared(members: list[tuple[str, bytes, int, int]], declared: dict[str, int]) -> bytes:
    """A zip written by hand from ``(name, deflated, crc, real size)`` members, with the sizes
    in ``declared`` put in both headers instead of the real ones."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, deflated, crc, size in members:
        size = declared.get(name, size)
        raw, offset = name.encode(), out.tell()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(deflated),
                              size, len(raw), 0) + raw + deflated)  # fmt: skip
        central.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc,
                                  len(deflated), size, len(raw), 0, 0, 0, 0, 0, offset)
                      + raw)  # fmt: skip
    start, count = out.tell(), len(members)
    out.write(central.getvalue())
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count,
                          len(central.getvalue()), start, 0))  # fmt: skip
    return out.getvalue()


def _member(name: str, data: bytes) -> tuple[str, bytes, int, int]:
    block = zlib.compressobj(9, zlib.DEFLATED, -15)
    return name, block.compress(data) + block.flush(), zlib.crc32(data), len(data)


def docx_declared_tiny() -> tuple[str, bytes]:
    """A DOCX whose document.xml inflates to 500 MB but is declared as 1,000 bytes."""
    head = f'<?xml version="1.0"?><w:document {_W}><w:body>'.encode()
    deflated, crc = _raw_deflate(b"<w:p><w:r><w:t>lorem ipsum</w:t></w:r></w:p>", 500 * MB)
    prefix = zlib.compressobj(9, zlib.DEFLATED, -15)
    # The head as its own flushed block, so the document starts as a Word body.
    head_block = prefix.compress(head) + prefix.flush(zlib.Z_FULL_FLUSH)
    members = [
        _member("[Content_Types].xml", _TYPES.encode()),
        _member("_rels/.rels", _RELS.encode()),
        ("word/document.xml", head_block + deflated, zlib.crc32(head, crc), 500 * MB),
    ]
    return "declared-tiny.docx", _zip_declared(members, {"word/document.xml": 1_000})


def linkedin_repeated_skill() -> tuple[str, bytes]:
    """A LinkedIn export whose Skills.csv holds one short line 7.2 million times."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("Profile.csv", "First Name,Headline\nAnn,Data Analyst\n")
        with archive.open("Skills.csv", "w", force_zip64=True) as member:
            member.write(b"Name\n")
            for chunk in _repeat(b"Python\n", 7 * 7_200_000):
                member.write(chunk)
    return "linkedin-skills.zip", out.getvalue()


def linkedin_declared_tiny() -> tuple[str, bytes]:
    """A LinkedIn export with a 1.9 GB Positions.csv declared as 100 bytes."""
    deflated, crc = _raw_deflate(b"Engineer,Acme\n", 1900 * MB)
    members = [_member("Profile.csv", b"First Name,Headline\nAnn,Data Analyst\n"),
               ("Positions.csv", deflated, crc, 1900 * MB)]  # fmt: skip
    return "linkedin-huge.zip", _zip_declared(members, {"Positions.csv": 100})


def pdf_shared_stream(size: int = 20 * MB, name: str = "shared-stream.pdf") -> tuple[str, bytes]:
    """40 pages sharing one Flate content stream of 20 MB of text operators."""
    unit = b"BT /F1 9 Tf 72 700 Td (Senior data analyst, Python and SQL) Tj ET\n"
    stream = zlib.compress(unit * (size // len(unit)), 9)
    kids = " ".join(f"{4 + i} 0 R" for i in range(40))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Count 40 /Kids [{kids}] >>".encode(),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
        + b"\nendstream",
        *(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
          b"/Resources << /Font << /F1 44 0 R >> >> >>" for _ in range(40)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]  # fmt: skip
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))  # fmt: skip
    return name, out.getvalue()


def pdf_under_the_caps() -> tuple[str, bytes]:
    """The same with a stream just under the page cap: read, within the same bounds."""
    return pdf_shared_stream(MB - 4096, "under-the-caps.pdf")


def long_text() -> tuple[str, bytes]:
    """A 9.3 MB plain-text resume (under the 10 MB limit)."""
    line = b"Senior Data Analyst at Acme Corp, 2019 - 2023: Python, SQL, Tableau, reporting.\n"
    return "long.txt", line * (int(9.3 * MB) // len(line))


def deep_json() -> tuple[str, bytes]:
    """A JSON Resume nested 1,000 levels deep (about 2 KB)."""
    return "deep.json", b'{"basics": ' + b"[" * 1000 + b"]" * 1000 + b"}"


MAKERS: dict[str, Callable[[], tuple[str, bytes]]] = {
    "pdf-shared-stream": pdf_shared_stream,
    "pdf-under-the-caps": pdf_under_the_caps,
    "linkedin-repeated-skill": linkedin_repeated_skill,
    "linkedin-declared-tiny": linkedin_declared_tiny,
    "docx-nested-runs": docx_nested_runs,
    "docx-empty-paragraphs": docx_empty_paragraphs,
    "docx-declared-tiny": docx_declared_tiny,
    "long-text": long_text,
    "deep-json": deep_json,
}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def measure(name: str) -> dict[str, object]:
    """Make one hostile file and read it here: the outcome, seconds and extra peak RSS (MB).

    Libraries the reader imports lazily are imported first, and the file is made before the
    baseline, so the extra RSS is what reading the file cost.
    """
    import ftfy  # noqa: F401
    import lxml.etree  # noqa: F401
    import pypdf  # noqa: F401

    from aicareers.engine.profile.documents import read_document
    from aicareers.errors import DocumentError

    filename, data = MAKERS[name]()
    before, start = _rss_mb(), time.perf_counter()
    result: dict[str, object] = {"name": name, "file_bytes": len(data)}
    try:
        document = read_document(data, filename)
        result.update(error=None, chars=len(document.text), notes=list(document.notes))
    except DocumentError as exc:
        result.update(error=type(exc).__name__, code=exc.code, message=str(exc))
    result.update(seconds=round(time.perf_counter() - start, 2),
                  extra_rss_mb=round(_rss_mb() - before, 1))  # fmt: skip
    return result


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "measure":
        print(json.dumps(measure(sys.argv[2])))
    else:
        sys.exit(__doc__)
