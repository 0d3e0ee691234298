"""Hostile uploads (issue 13): each is refused with its own 4xx-class error, or read in part
with a note, within 5 s and 300 MB of extra memory. The files are made by
``tests/hostile_files.py`` at test time; each is read in a fresh process, so that its time and
peak RSS are its own. The bounds are generous safety limits, not benchmarks: before the caps
these files took from 20 s to minutes and up to 4 GB.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from aicareers.engine.profile.documents import merge_free_text, read_document, read_text
from aicareers.engine.profile.documents.json_resume import json_depth
from aicareers.engine.profile.documents.limits import (
    MAX_ASSESSED_CHARS,
    MAX_JSON_DEPTH,
    TRUNCATED_NOTE,
)
from aicareers.engine.profile.documents.unzip import Budget, read_member
from aicareers.errors import (
    CorruptDocumentError,
    DocumentTooComplexError,
    UnpackedTooLargeError,
)
from aicareers.service.intake import profile_from_inputs

HOSTILE = Path(__file__).with_name("hostile_files.py")
SECONDS, EXTRA_MB = 5.0, 300.0
# What each file gets: an error class, or None where the first part is read with notes.
EXPECTED = {
    "pdf-shared-stream": "DocumentTooComplexError",
    "pdf-under-the-caps": None,
    "linkedin-repeated-skill": "DocumentTooComplexError",
    # zipfile stops at the declared size; the bytes then fail their checksum.
    "linkedin-declared-tiny": "CorruptDocumentError",
    "docx-nested-runs": "DocumentTooComplexError",
    "docx-empty-paragraphs": "DocumentTooComplexError",
    "docx-declared-tiny": "CorruptDocumentError",
    "long-text": None,
    "deep-json": "DocumentTooComplexError",
}


def measure(name: str) -> dict[str, object]:
    run = subprocess.run([sys.executable, str(HOSTILE), "measure", name], capture_output=True,
                         text=True, timeout=120, check=False)  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    result: dict[str, object] = json.loads(run.stdout)
    return result


def test_every_maker_has_an_expectation() -> None:
    sys.path.insert(0, str(HOSTILE.parent))
    try:
        import hostile_files
    finally:
        sys.path.remove(str(HOSTILE.parent))
    assert set(hostile_files.MAKERS) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_is_bounded(name: str) -> None:
    result = measure(name)
    assert result["error"] == EXPECTED[name], result
    assert result["seconds"] < SECONDS, result  # type: ignore[operator]
    assert result["extra_rss_mb"] < EXTRA_MB, result  # type: ignore[operator]
    if EXPECTED[name] is None:
        assert TRUNCATED_NOTE in result["notes"], result  # type: ignore[operator]
        assert 0 < result["chars"] <= MAX_ASSESSED_CHARS, result  # type: ignore[operator]
    elif EXPECTED[name] == "DocumentTooComplexError":
        # The message names the cap and what to do.
        message = str(result["message"])
        assert "more than" in message, result
        assert "plain text" in message, result


def _zip(method: int = zipfile.ZIP_DEFLATED, **members: bytes) -> zipfile.ZipFile:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return zipfile.ZipFile(io.BytesIO(out.getvalue()))


def test_inflating_is_counted_across_members_whatever_is_declared() -> None:
    archive = _zip(a=b"x" * 3000, b=b"y" * 3000)
    budget = Budget(5000)
    assert read_member(archive, "a", budget) == b"x" * 3000
    with pytest.raises(UnpackedTooLargeError, match="unpacks to more than"):
        read_member(archive, "b", budget)


def test_members_with_unbounded_decompressors_are_refused() -> None:
    with pytest.raises(CorruptDocumentError, match="compression method"):
        read_member(_zip(zipfile.ZIP_BZIP2, a=b"x"), "a", Budget())


def test_json_depth_skips_brackets_in_strings() -> None:
    assert json_depth('{"a": [1, {"b": "[[[\\" ]"}]}') == 3
    assert json_depth("[]" * 10) == 1


def test_json_resume_over_the_depth_cap() -> None:
    deep = b'{"basics": {"x": ' + b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH + b"}}"
    with pytest.raises(DocumentTooComplexError, match=f"more than {MAX_JSON_DEPTH} levels"):
        read_document(deep, "cv.json")
    shallow = b'{"basics": {"label": "Data Analyst"}, "skills": [{"name": "SQL"}]}'
    assert read_document(shallow, "cv.json").skills == ("SQL",)


def test_long_json_resume_is_rendered_in_part() -> None:
    work = [{"position": "Analyst", "name": f"Firm {i}", "summary": "Reporting. " * 50}
            for i in range(400)]  # fmt: skip
    data = json.dumps({"basics": {"label": "Analyst"}, "work": work}).encode()
    document = read_document(data, "cv.json")
    assert len(document.text) < MAX_ASSESSED_CHARS + 2_000
    assert TRUNCATED_NOTE in document.notes


def test_text_over_the_cap_is_assessed_in_part_and_says_so() -> None:
    line = "Data analyst at Acme, 2019 - 2023. Python, SQL and Tableau for weekly reports.\n"
    profile = profile_from_inputs((line * 3000).encode(), "cv.txt")
    assert len(profile.text) <= MAX_ASSESSED_CHARS
    assert TRUNCATED_NOTE in profile.notes
    assert TRUNCATED_NOTE not in read_text(line * 10).notes


def test_free_text_added_to_a_full_document_is_cut_with_a_note() -> None:
    document = read_text("Data analyst. Python and SQL.\n" * 3300)  # 99,000 characters
    assert TRUNCATED_NOTE not in document.notes
    merged = merge_free_text(document, "I also use Tableau every day.\n" * 100)
    assert len(document.text) < len(merged.text) <= MAX_ASSESSED_CHARS
    assert merged.notes.count(TRUNCATED_NOTE) == 1
    again = merge_free_text(merged, "And Excel.")
    assert again.notes.count(TRUNCATED_NOTE) == 1


def test_web_answers_size_413_and_complexity_422() -> None:
    from aicareers.web.errors import classify

    status, code, details = classify(DocumentTooComplexError("rows", 10, "cv.csv"))
    assert (status, code, details["cap"], details["limit"]) == (422, "document-too-complex",
                                                                 "rows", 10)  # fmt: skip
    assert classify(UnpackedTooLargeError(60, 50, "cv.docx"))[:2] == (413, "document-too-large")
