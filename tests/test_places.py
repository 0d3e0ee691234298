"""Where a person lives, read from what they typed or from their resume's structured fields."""

from __future__ import annotations

import json

import pytest

from aicareers.engine.profile.documents import read_document
from aicareers.engine.profile.model import Location
from aicareers.engine.profile.places import read_place
from aicareers.errors import ProfileError
from aicareers.service.intake import profile_from_inputs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Columbus, OH", Location(country="US", city="Columbus", region="OH")),
        ("Columbus, OH 43215", Location(country="US", city="Columbus", region="OH")),
        ("Ohio", Location(country="US", region="OH")),
        ("Austin, Texas, USA", Location(country="US", city="Austin", region="TX")),
        ("Indianapolis, IN", Location(country="US", city="Indianapolis", region="IN")),
        ("Washington, D.C.", Location(country="US", city="Washington", region="DC")),
        ("Berlin, Germany", Location(country="DE", city="Berlin")),
        ("India", Location(country="IN")),
        ("USA", Location(country="US")),
        ("Springfield", Location(city="Springfield")),
        ("  ", None),
    ],
)
def test_places_as_people_write_them(text: str, expected: Location | None) -> None:
    assert read_place(text) == expected


def test_an_unknown_country_after_a_city_says_how_to_write_one() -> None:
    with pytest.raises(ProfileError, match="two-letter ISO code"):
        read_place("Springfield, Atlantis")
    assert read_place("Springfield, Atlantis", strict=False) == Location(city="Springfield")


def test_a_state_belongs_to_the_united_states_only() -> None:
    with pytest.raises(ProfileError, match="postal code"):
        Location(country="CA", region="ON")
    with pytest.raises(ProfileError, match="postal code"):
        Location(country="US", region="XX")


def test_the_typed_location_reaches_the_profile_with_its_state() -> None:
    profile = profile_from_inputs(title="Registered nurse", location="Dayton, Ohio")
    assert profile.location == Location(country="US", city="Dayton", region="OH")


def test_a_json_resume_gives_its_region() -> None:
    resume = {"basics": {"label": "Nurse", "location": {"city": "Austin", "region": "Texas",
                                                        "countryCode": "US"}},
              "work": [{"position": "Registered Nurse", "name": "St. David's"}]}  # fmt: skip
    document = read_document(json.dumps(resume).encode(), "resume.json")
    assert document.location == Location(country="US", city="Austin", region="TX")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe\nColumbus, OH 43215 | jane@example.com | (614) 555-0100\n\nEXPERIENCE\n"
         "Registered Nurse, Mercy Hospital, 2015 - Present",
         Location(country="US", city="Columbus", region="OH")),
        ("Jane Doe\nLocation: Berlin, Germany\n\nEXPERIENCE\nNurse at Charité, 2018 - 2024",
         Location(country="DE", city="Berlin")),
        ("John Roe\n123 Main St, Springfield, IL 62701\n\nSKILLS\nExcel, SQL",
         Location(country="US", city="Springfield", region="IL")),
    ],
)  # fmt: skip
def test_a_resume_header_says_where_the_person_lives(text: str, expected: Location) -> None:
    assert read_document(text.encode(), "resume.txt").location == expected


def test_a_place_later_in_a_resume_is_not_where_the_person_lives() -> None:
    text = ("EDUCATION\nMBA, SNS College, Chidambaram, Tamil Nadu, 2017\n\nEXPERIENCE\n"
            "Sales manager at Acme, Austin, TX, 2018 - 2023\n")  # fmt: skip
    assert read_document(text.encode(), "resume.txt").location is None
