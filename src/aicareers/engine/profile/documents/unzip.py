"""Zip members inflated in chunks with a running byte count, never trusting declared sizes.

``zipfile``'s ``read()`` inflates a member in one call, as large as the data makes it; a
member declared as 1,000 bytes may inflate to 500 MB first. Reading from ``open()`` in chunks
bounds each step, and the count across members stops the whole archive at the limit.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator

from aicareers.engine.profile.documents.limits import MAX_UNPACKED_BYTES
from aicareers.errors import CorruptDocumentError, EncryptedDocumentError, UnpackedTooLargeError

CHUNK = 64 * 1024
# Deflate inflates by a bounded step per read; zipfile's bzip2 and LZMA readers do not take a
# bound, and no DOCX or LinkedIn export uses them.
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


class Budget:
    """Bytes left to inflate across all members of one archive."""

    def __init__(self, limit: int = MAX_UNPACKED_BYTES) -> None:
        self.limit = limit
        self.used = 0

    def spend(self, size: int, filename: str | None) -> None:
        self.used += size
        if self.used > self.limit:
            raise UnpackedTooLargeError(self.used, self.limit, filename)


def member_chunks(
    archive: zipfile.ZipFile, name: str, budget: Budget, filename: str | None = None
) -> Iterator[bytes]:
    """The inflated bytes of one member, chunk by chunk, each counted against ``budget``."""
    info = archive.getinfo(name)
    if info.flag_bits & 0x1:
        raise EncryptedDocumentError(filename, "zip archive")
    if info.compress_type not in _METHODS:
        raise CorruptDocumentError("This zip archive uses a compression method we do not "
                                   "read.", filename)  # fmt: skip
    with archive.open(info) as member:
        while chunk := member.read(CHUNK):
            budget.spend(len(chunk), filename)
            yield chunk


def read_member(
    archive: zipfile.ZipFile, name: str, budget: Budget, filename: str | None = None
) -> bytes:
    """The whole inflated member, within ``budget``."""
    return b"".join(member_chunks(archive, name, budget, filename))
