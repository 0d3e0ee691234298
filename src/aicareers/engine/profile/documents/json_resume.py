"""JSON Resume documents (https://jsonresume.org/schema), read into fields and rendered text."""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Any

import msgspec

from aicareers.engine.profile.countries import find_country
from aicareers.engine.profile.dates import parse_date
from aicareers.engine.profile.documents.limits import MAX_JSON_DEPTH, check_count
from aicareers.engine.profile.documents.model import Document
from aicareers.engine.profile.documents.render import ResumeWriter, joined
from aicareers.engine.profile.model import Location
from aicareers.errors import (
    CorruptDocumentError,
    DocumentTooComplexError,
    UnsupportedDocumentError,
)
from aicareers.knowledge.us_states import find_state

_NESTING = "levels of nesting in the JSON"
_KEYS = {"basics", "work", "volunteer", "education", "skills", "certificates", "projects"}


def is_json_resume(value: object) -> bool:
    """True for a JSON object with at least one JSON Resume top-level section."""
    return isinstance(value, dict) and bool(_KEYS & value.keys())


def parse_json_resume(text: str, filename: str | None = None) -> Document:
    """A Document from the text of a JSON Resume file."""
    try:
        value = msgspec.json.decode(text.encode("utf-8", "surrogatepass"))
    except RecursionError as exc:  # the decoder recurses once per level, up to Python's limit
        raise DocumentTooComplexError(_NESTING, MAX_JSON_DEPTH, filename) from exc
    except msgspec.DecodeError as exc:
        raise CorruptDocumentError(f"This JSON file is not valid JSON ({exc}).", filename) from exc
    # Counted once the text is known to be valid JSON, where every string is closed and the
    # scan stays linear; anything deeper than the schema is refused before it is walked.
    check_count(json_depth(text), MAX_JSON_DEPTH, _NESTING, filename)
    if not is_json_resume(value):
        raise UnsupportedDocumentError(
            "This JSON file is not a JSON Resume: it has none of the sections basics, work, "
            "education or skills (see jsonresume.org/schema).",
            filename,
        )
    return resume_document(value, filename)


def json_depth(text: str) -> int:
    """How deeply the arrays and objects of JSON text nest (brackets inside strings aside),
    counted without parsing, so that depth is known before any decoder recurses."""
    brackets = _BRACKETS.findall(_STRINGS.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets), initial=0))


_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[\[\]{}]")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def _s(item: Any, key: str) -> str | None:
    """item[key] when it is a non-blank string (the schema is often filled in loosely)."""
    value = item.get(key) if isinstance(item, dict) else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _items(value: Any, key: str) -> list[Any]:
    found = value.get(key) if isinstance(value, dict) else None
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []


def _strings(item: Any, key: str) -> list[str]:
    found = item.get(key) if isinstance(item, dict) else None
    if not isinstance(found, list):
        return []
    return [entry.strip() for entry in found if isinstance(entry, str) and entry.strip()]


def resume_document(value: dict[str, Any], filename: str | None = None) -> Document:
    """A Document from a decoded JSON Resume object."""
    basics = _dict(value.get("basics"))
    place = _dict(basics.get("location"))
    out = ResumeWriter()
    out.opening(
        _s(basics, "label"),
        joined((_s(place, "city"), _s(place, "region"))),
        _s(basics, "summary"),
    )
    _work(out, value)
    _education(out, value)
    _skills(out, value)
    _certificates(out, value)
    _projects(out, value)
    country = find_country(_s(place, "countryCode") or "") if place else None
    city = _s(place, "city")
    region = find_state(_s(place, "region") or "") if country == "US" else None
    return out.document(
        "json-resume",
        filename,
        location=Location(country=country, city=city, region=region) if country or city else None,
        headline=_s(basics, "label"),
    )


def _work(out: ResumeWriter, value: dict[str, Any]) -> None:
    out.section("experience", "Experience")
    for item, org_key in [(w, "name") for w in _items(value, "work")] + [
        (v, "organization") for v in _items(value, "volunteer")
    ]:
        start, end = parse_date(_s(item, "startDate")), parse_date(_s(item, "endDate"))
        current = start is not None and _s(item, "endDate") is None
        out.position(
            _s(item, "position"),
            _s(item, org_key),
            start,
            end,
            current,
            _s(item, "summary") or _s(item, "description"),
            *(f"- {line}" for line in _strings(item, "highlights")),
        )


def _education(out: ResumeWriter, value: dict[str, Any]) -> None:
    out.section("education", "Education")
    for item in _items(value, "education"):
        degree, field, school = _s(item, "studyType"), _s(item, "area"), _s(item, "institution")
        named = joined((f"{degree} in {field}" if degree and field else degree or field, school))
        out.education(
            named,
            joined(_strings(item, "courses")),
            school=school,
            degree=degree,
            field=field,
            start=parse_date(_s(item, "startDate")),
            end=parse_date(_s(item, "endDate")),
        )


def _skills(out: ResumeWriter, value: dict[str, Any]) -> None:
    out.section("skills", "Skills")
    for item in _items(value, "skills"):
        name, keywords = _s(item, "name"), _strings(item, "keywords")
        out.block(
            f"{name}: {', '.join(keywords)}" if name and keywords else name or joined(keywords)
        )
        out.fields.skills.extend(s for s in (name, *keywords) if s)


def _certificates(out: ResumeWriter, value: dict[str, Any]) -> None:
    out.section("certifications", "Certifications")
    for item in _items(value, "certificates"):
        out.certificate(_s(item, "name"), _s(item, "issuer"), _s(item, "date"))


def _projects(out: ResumeWriter, value: dict[str, Any]) -> None:
    out.section("projects", "Projects")
    for item in _items(value, "projects"):
        out.block(
            _s(item, "name"),
            _s(item, "description"),
            *(f"- {line}" for line in _strings(item, "highlights")),
            joined(_strings(item, "keywords")),
        )
