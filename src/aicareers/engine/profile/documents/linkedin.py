"""LinkedIn data exports: the zip LinkedIn e-mails you, or its CSV files one by one.

Only Profile, Positions, Skills, Education and Certifications are read. Names, addresses and
contact details are left out of the rendered text on purpose: nothing downstream needs them.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Mapping

from aicareers.engine.profile.countries import country_from_place
from aicareers.engine.profile.dates import parse_date
from aicareers.engine.profile.documents.decode import decode_text
from aicareers.engine.profile.documents.education import education_level
from aicareers.engine.profile.documents.entries import make_position
from aicareers.engine.profile.documents.limits import MAX_UNPACKED_BYTES, check_size
from aicareers.engine.profile.documents.model import Document
from aicareers.engine.profile.documents.render import Renderer, date_range, joined
from aicareers.engine.profile.model import Education, Location, Position
from aicareers.errors import EmptyDocumentError, EncryptedDocumentError, UnsupportedDocumentError

CSV_NAMES = ("profile.csv", "positions.csv", "skills.csv", "education.csv", "certifications.csv")
Rows = list[dict[str, str]]


def linkedin_members(names: list[str]) -> dict[str, str]:
    """Map of our CSV names (lower case) to the zip member holding each, at any folder depth."""
    found: dict[str, str] = {}
    for name in names:
        base = name.rsplit("/", 1)[-1].lower()
        if base in CSV_NAMES and base not in found:
            found[base] = name
    return found


def parse_linkedin_zip(archive: zipfile.ZipFile, filename: str | None = None) -> Document:
    """A Document from an opened LinkedIn export zip (the caller checked it is one)."""
    members = linkedin_members(archive.namelist())
    files: dict[str, bytes] = {}
    for base, name in members.items():
        info = archive.getinfo(name)
        if info.flag_bits & 0x1:
            raise EncryptedDocumentError(filename, "zip archive")
        check_size(info.file_size, filename, MAX_UNPACKED_BYTES)
        files[base] = archive.read(name)
    return read_linkedin(files, filename)


def _rows(data: bytes, filename: str | None) -> Rows:
    """CSV rows keyed by header, after any 'Notes:' preamble LinkedIn puts above the header."""
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
    out = Renderer()
    out.section("other", None)
    out.block(profile.get("headline"), profile.get("geo location"))
    out.section("summary", "Summary")
    out.block(profile.get("summary"))
    positions = _positions(out, tables.get("positions.csv", []))
    education = _education(out, tables.get("education.csv", []))
    out.section("skills", "Skills")
    skills = [row["name"] for row in tables.get("skills.csv", []) if row.get("name")]
    out.block(*skills)
    certifications = _certifications(out, tables.get("certifications.csv", []))
    text, sections = out.finish()
    if not text:
        raise EmptyDocumentError(filename, "LinkedIn export")
    place = profile.get("geo location") or ""
    country = country_from_place(place) if place else None
    return Document(
        format="linkedin",
        text=text,
        sections=sections,
        titles=tuple(positions),
        skills=tuple(skills),
        education=tuple(education),
        certifications=tuple(certifications),
        location=Location(country=country) if country else None,
        headline=profile.get("headline") or None,
        filename=filename,
    )


def _positions(out: Renderer, rows: Rows) -> list[Position]:
    out.section("experience", "Experience")
    positions = []
    for row in rows:
        title, org = row.get("title") or None, row.get("company name") or None
        start, end = parse_date(row.get("started on")), parse_date(row.get("finished on"))
        current = start is not None and not row.get("finished on")
        when = date_range(start, end, current)
        out.block(joined((title, org)) + (f" ({when})" if when else ""), row.get("description"))
        if title:
            positions.append(make_position(title, org, start, end, current))
    return positions


def _education(out: Renderer, rows: Rows) -> list[Education]:
    out.section("education", "Education")
    entries = []
    for row in rows:
        school, degree = row.get("school name") or None, row.get("degree name") or None
        start, end = parse_date(row.get("start date")), parse_date(row.get("end date"))
        when = date_range(start, end, False)
        out.block(joined((degree, school)) + (f" ({when})" if when else ""), row.get("notes"))
        if school or degree:
            level = education_level(degree) if degree else None
            entries.append(Education(institution=school, degree=degree, level=level,
                                     start=start, end=end))  # fmt: skip
    return entries


def _certifications(out: Renderer, rows: Rows) -> list[str]:
    out.section("certifications", "Certifications")
    names = []
    for row in rows:
        if row.get("name"):
            names.append(row["name"])
            date = parse_date(row.get("started on"))
            out.block(joined((row["name"], row.get("authority"))) + (f" ({date})" if date else ""))
    return names
