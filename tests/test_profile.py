"""Profile models, their validation, and build_profile merging flags with a document."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import msgspec
import pytest

from aicareers.engine.profile.build import build_profile
from aicareers.engine.profile.documents import read_document
from aicareers.engine.profile.interests import interests_from_scores
from aicareers.engine.profile.model import Location, Position, Profile
from aicareers.errors import EmptyDocumentError, ProfileError

RESUMES = Path(__file__).parent / "fixtures" / "resumes"
AS_OF = dt.date(2026, 3, 1)


def nurse() -> Profile:
    document = read_document((RESUMES / "nurse.txt").read_bytes(), "nurse.txt")
    return build_profile(document, as_of=AS_OF)


def test_profile_from_a_resume() -> None:
    profile = nurse()
    assert profile.source == "text"
    assert [(p.title, p.years, p.current) for p in profile.titles] == [
        ("Senior Staff Nurse", 7.1, True),  # Mar 2019 to Mar 2026: 85 months, both ends counted
        ("Staff Nurse", 5.5, False),  # Sep 2013 to Feb 2019
    ]
    assert profile.years_experience == 12.6  # Sep 2013 to Mar 2026 without gaps
    assert profile.current_titles() == ("Senior Staff Nurse",)
    section = next(s for s in profile.sections if s.kind == "skills")
    assert profile.text[section.start : section.body_start].strip() == "SKILLS"


def test_explicit_values_win() -> None:
    document = read_document((RESUMES / "nurse.txt").read_bytes())
    profile = build_profile(
        document,
        title="Clinical Informatics Nurse",
        skills=["Python", "excel"],
        years_experience=11,
        country="gb",
        city="York",
        hours_per_week=6,
        as_of=AS_OF,
    )
    assert profile.titles[0] == Position(title="Clinical Informatics Nurse", current=True)
    assert [p.title for p in profile.titles[1:]] == ["Senior Staff Nurse", "Staff Nurse"]
    assert profile.skills[:3] == ("Python", "excel", "patient assessment")
    assert "Excel" not in profile.skills  # the explicit spelling is kept, once
    assert profile.years_experience == 11
    assert profile.location == Location(country="GB", city="York")
    assert profile.hours_per_week == 6


def test_explicit_title_that_matches_a_position_keeps_its_dates() -> None:
    document = read_document((RESUMES / "nurse.txt").read_bytes())
    profile = build_profile(document, title="staff nurse", as_of=AS_OF)
    assert [p.title for p in profile.titles] == ["Staff Nurse", "Senior Staff Nurse"]
    assert profile.titles[0].current
    assert profile.titles[0].start == "2013-09"


def test_years_merge_overlapping_positions() -> None:
    document = read_document(
        b"Experience\nNurse, A, 2010 - 2015\nTutor, B, 2012 - 2013\nAnalyst, C, 2018 - 2019"
    )
    assert build_profile(document, as_of=AS_OF).years_experience == 8.0


def test_flags_only() -> None:
    profile = build_profile(title="Marketing Manager", skills=["SEO"], country="India")
    assert profile.text == ""
    assert profile.sections == ()
    assert profile.location == Location(country="IN")
    assert profile.years_experience is None


def test_free_text_is_appended_as_a_summary_section() -> None:
    document = read_document(b"Skills: SQL")
    profile = build_profile(document, text="I love teaching.")
    assert profile.text == "Skills: SQL\n\nI love teaching."
    last = profile.sections[-1]
    assert (last.kind, profile.text[last.start : last.end]) == ("summary", "I love teaching.")


def test_free_text_alone_is_analysed() -> None:
    profile = build_profile(text="SKILLS\nFigma, Miro")
    assert profile.skills == ("Figma", "Miro")
    assert profile.source == "text"


def test_nothing_given_is_an_error() -> None:
    with pytest.raises(ProfileError, match="Nothing to assess"):
        build_profile()


def test_whitespace_text_is_an_error() -> None:
    with pytest.raises(EmptyDocumentError, match="text is empty"):
        build_profile(title="Nurse", text="   ")


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"years_experience": -2}, "years_experience", "at least 0"),
        ({"years_experience": 95}, "years_experience", "at most 70"),
        ({"hours_per_week": 90}, "hours_per_week", "at most 80"),
        ({"hours_per_week": 0}, "hours_per_week", "more than 0"),
        ({"hours_per_week": float("nan")}, "hours_per_week", "number"),
        ({"country": "Atlantis"}, "country", "Unknown country 'Atlantis'"),
    ],
)
def test_bad_values(kwargs: dict[str, object], field: str, message: str) -> None:
    with pytest.raises(ProfileError, match=message) as info:
        build_profile(title="Nurse", **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_location_from_document_is_dropped_when_the_country_changes() -> None:
    document = read_document(
        b'{"basics": {"location": {"city": "Toronto", "countryCode": "CA"}}, "skills": '
        b'[{"name": "SQL"}]}',
        "r.json",
    )
    assert build_profile(document).location == Location(country="CA", city="Toronto")
    assert build_profile(document, country="US").location == Location(country="US")


def test_position_validation() -> None:
    with pytest.raises(ProfileError, match=r"ends .* before it starts"):
        Position(title="Nurse", start="2020-01", end="2019-05")
    with pytest.raises(ProfileError, match="YYYY or YYYY-MM"):
        Position(title="Nurse", start="Jan 2020")
    with pytest.raises(ProfileError, match="cannot be empty"):
        Position(title="  ")


def test_location_needs_an_iso_code() -> None:
    with pytest.raises(ProfileError, match="ISO country code"):
        Location(country="Germany")


def test_profile_round_trips_through_json() -> None:
    profile = msgspec.structs.replace(
        nurse(),
        interests=interests_from_scores(
            {"R": 0.1, "I": 0.9, "A": 0.3, "S": 0.8, "E": 0.2, "C": 0.5}
        ),
    )
    assert msgspec.json.decode(msgspec.json.encode(profile), type=Profile) == profile


def test_decoding_invalid_json_raises_the_same_error() -> None:
    with pytest.raises(ProfileError, match="at most 80"):
        msgspec.json.decode(b'{"hours_per_week": 200}', type=Profile)
