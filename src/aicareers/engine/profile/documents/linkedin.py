"""LinkedIn data exports: the zip LinkedIn e-mails you, or its CSV files one by one.

Only Profile, Positions, Skills, Education and Certifications are read. Names, addresses and
contact details are left out of the rendered text on purpose: nothing downstream needs them.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Mapping

from aicareers.engine.profile.dates import parse_date
from aicareers.engine.profile.documents.decode import decode_text
from aicareers.engine.profile.documents.limits import (
    MAX_CSV_LINES,
    MAX_CSV_ROWS,
    MAX_UNPACKED_BYTES,
    check_count,
)
from aicareers.engine.profile.documents.model import Document
from aicareers.engine.profile.documents.render import ResumeWriter, joined
from aicareers.engine.profile.documents.unzip import Budget, member_chunks
from aicareers.engine.profile.places import read_place
from aicareers.errors import UnsupportedDocumentError

CSV_NAMES = ("profile.csv", "positions.csv", "skills.csv", "education.csv", "certifications.csv")
Rows = list[dict[str, str]]
_LINES = "lines in a LinkedIn CSV file"


def linkedin_members(names: list[str]) -> dict[str, str]:
    """Map of our CSV names (lower case) to the zip member holding each, at any folder depth."""
    found: dict[str, str] = {}
    for name in names:
        base = name.rsplit("/", 1)[-1].lower()
        if base in CSV_NAMES and base not in found:
            found[base] = name
    return found


def parse_linkedin_zip(
    archive: zipfile.ZipFile, filename: str | None = None, budget: Budget | None = None
) -> Document:
    """A Document from an opened LinkedIn export zip (the caller checked it is one)."""
    members = linkedin_members(archive.namelist())
    budget = budget or Budget(MAX_UNPACKED_BYTES)
    files = {base: _read_csv(archive, name, budget, filename) for base, name in members.items()}
    return read_linkedin(files, filename)


def _read_csv(archive: zipfile.ZipFile, name: str, budget: Budget, filename: str | None) -> bytes:
    """A CSV member, its lines counted as it inflates: a file of millions of short lines is
    refused after the first few hundred KB, not after all of them are in memory."""
    parts, lines = [], 0
    for chunk in member_chunks(archive, name, budget, filename):
        lines += chunk.count(b"\n")
        check_count(lines, MAX_CSV_LINES, _LINES, filename)
        parts.append(chunk)
    return b"".join(parts)


def _rows(data: bytes, filename: str | None) -> Rows:
    """CSV rows keyed by header, after any 'Notes:' preamble LinkedIn puts above the header.

    Lines are counted before they are split, so a file of millions of rows is refused before
    it costs their parsing.
    """
    check_count(data.count(b"\n"), MAX_CSV_LINES, _LINES, filename)
    text = decode_text(data, filename).text
    lines = text.splitlines()
    if lines and lines[0].strip().strip('"').lower().startswith("notes:"):
        blank = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
        lines = lines[blank + 1 :]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    rows = []
    for row in reader:
        cleaned = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k}
        if any(cleaned.values()):
            rows.append(cleaned)
        check_count(len(rows), MAX_CSV_ROWS, "rows in a LinkedIn CSV file", filename)
    return rows


def read_linkedin(files: Mapping[str, bytes], filename: str | None = None) -> Document:
    """A Document from LinkedIn CSVs given as {file name: bytes} (any folder, any case)."""
    tables: dict[str, Rows] = {}
    for name, data in files.items():
        base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
        if base in CSV_NAMES:
            tables[base] = _rows(data, filename or name)
    if not tables:
        raise UnsupportedDocumentError(
            "No LinkedIn export files found: expected Profile.csv, Positions.csv, Skills.csv, "
            "Education.csv or Certifications.csv.",
            filename,
        )
    return _document(tables, filename)


def _document(tables: dict[str, Rows], filename: str | None) -> Document:
    profile = (tables.get("profile.csv") or [{}])[0]
    out = ResumeWriter()
    out.opening(profile.get("headline"), profile.get("geo location"), profile.get("summary"))
    _positions(out, tables.get("positions.csv", []))
    _education(out, tables.get("education.csv", []))
    out.section("skills", "Skills")
    skills = [row["name"] for row in tables.get("skills.csv", []) if row.get("name")]
    out.block(*skills)
    out.fields.skills.extend(skills)
    _certifications(out, tables.get("certifications.csv", []))
    place = read_place(profile.get("geo location"), strict=False)
    return out.document(
        "linkedin",
        filename,
        "LinkedIn export",
        location=place if place and place.country else None,
        headline=profile.get("headline") or None,
    )


def _positions(out: ResumeWriter, rows: Rows) -> None:
    out.section("experience", "Experience")
    for row in rows:
        start, end = parse_date(row.get("started on")), parse_date(row.get("finished on"))
        current = start is not None and not row.get("finished on")
        out.position(row.get("title") or None, row.get("company name") or None, start, end,
                     current, row.get("description"))  # fmt: skip


def _education(out: ResumeWriter, rows: Rows) -> None:
    out.section("education", "Education")
    for row in rows:
        school, degree = row.get("school name") or None, row.get("degree name") or None
        out.education(
            joined((degree, school)),
            row.get("notes"),
            school=school,
            degree=degree,
            start=parse_date(row.get("start date")),
            end=parse_date(row.get("end date")),
        )


def _certifications(out: ResumeWriter, rows: Rows) -> None:
    out.section("certifications", "Certifications")
    for row in rows:
        out.certificate(row.get("name"), row.get("authority"), row.get("started on"))
