"""Properties of the document readers on arbitrary input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aicareers.engine.profile.documents import detect_sections, read_document
from aicareers.engine.profile.documents.normalize import normalize_text
from aicareers.errors import DocumentError

MAGIC = st.sampled_from([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"{", b"\xff\xfe", b"\xef\xbb\xbf"])
NAMES = st.sampled_from([None, "cv.txt", "cv.pdf", "cv.docx", "cv.json", "Skills.csv", "cv.md"])
LINES = st.lists(
    st.one_of(
        st.sampled_from(["SKILLS", "## Experience", "Education:", "Skills: a, b", "", "---"]),
        st.text(max_size=40),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(prefix=MAGIC, data=st.binary(max_size=600), name=NAMES)
def test_arbitrary_bytes_give_a_document_or_a_document_error(
    prefix: bytes, data: bytes, name: str | None
) -> None:
    try:
        document = read_document(prefix + data, name)
    except DocumentError:
        return
    assert document.text.strip()
    for section in document.sections:
        assert 0 <= section.start <= section.body_start <= section.end <= len(document.text)


@settings(max_examples=300, deadline=None)
@given(lines=LINES)
def test_sections_are_ordered_and_inside_the_text(lines: list[str]) -> None:
    text = normalize_text("\n".join(lines))
    sections = detect_sections(text)
    previous_end = 0
    for section in sections:
        assert previous_end <= section.start <= section.body_start <= section.end <= len(text)
        previous_end = section.end
    # Every character that is not whitespace belongs to exactly one section.
    for index, char in enumerate(text):
        if not char.isspace():
            assert sum(s.start <= index < s.end for s in sections) == 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
