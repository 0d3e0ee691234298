"""Title coding against the shipped O*NET taxonomy: messy titles, confidences, CLI shape."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from aicareers.engine.occupations.title_words import canonical, query_variants
from aicareers.engine.occupations.titles import TitleCoder
from aicareers.errors import UserInputError
from aicareers.taxonomy import Taxonomy

from .title_cases import CASES, GIBBERISH


@pytest.fixture(scope="module")
def coder() -> TitleCoder:
    return TitleCoder.from_taxonomy(Taxonomy.load())


@pytest.mark.parametrize(("title", "expected", "within"), CASES)
def test_messy_titles_code_to_the_expected_occupation(
    coder: TitleCoder, title: str, expected: str, within: int
) -> None:
    codes = [m.code for m in coder.code(title)]
    assert any(code.startswith(expected) for code in codes[:within]), (title, codes)


@pytest.mark.parametrize(
    ("raw", "reading"),
    [
        ("Sr. RN - ICU nights", "registered nurse intensive care unit"),
        ("Senior Software Engineer II", "software engineer"),
        ("Head of Marketing", "director marketing"),
        ("Registered Nurses", "registered nurse"),
        ("Staff Nurse", "nurse"),
        ("School Principal", "school principal"),
        ("Bookkeeper (part-time)", "bookkeeper"),
    ],
)
def test_canonical_readings(raw: str, reading: str) -> None:
    assert canonical(raw) == reading


def test_company_tail_and_ambiguous_abbreviation_give_variants() -> None:
    assert [text for text, _ in query_variants("SWE @ Google")] == ["software engineer"]
    texts = {text for text, _ in query_variants("PM")}
    assert texts == {"product manager", "project manager"}


def test_confidences_are_sorted_bounded_and_sum_to_at_most_one(coder: TitleCoder) -> None:
    for title, _, _ in CASES:
        matches = coder.code(title)
        confidences = [m.confidence for m in matches]
        assert confidences == sorted(confidences, reverse=True)
        assert all(0.0 <= c <= 1.0 for c in confidences)
        assert sum(confidences) <= 1.0 + 1e-6
        assert all(m.from_title == title for m in matches)


def test_clean_exact_title_is_confident(coder: TitleCoder) -> None:
    for title in ("Paralegal", "Data scientist", "Air traffic controller", "Staff Accountant"):
        assert coder.code(title)[0].confidence >= 0.9, title


def test_gibberish_is_not_confident(coder: TitleCoder) -> None:
    for title in GIBBERISH:
        assert sum(m.confidence for m in coder.code(title)) < 0.2, title


def test_ambiguous_title_splits_its_confidence(coder: TitleCoder) -> None:
    top = coder.code("Machine Learning Engineer")
    assert top[0].confidence < 0.6
    assert len({m.code for m in top[:3] if m.confidence > 0.1}) >= 2


def test_top_limits_the_list_and_titles_are_onet_names(coder: TitleCoder) -> None:
    matches = coder.code("Registered nurse", top=2)
    assert len(matches) == 2
    assert matches[0].title == "Registered Nurses"


def test_coding_is_deterministic_and_batch_agrees(coder: TitleCoder) -> None:
    titles = [title for title, _, _ in CASES[:12]]
    one_by_one = [coder.code(t) for t in titles]
    assert coder.code_many(titles + titles[:3]) == one_by_one + one_by_one[:3]
    assert coder.code_many(titles) == one_by_one


@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_blank_title_is_a_user_error(coder: TitleCoder, blank: str) -> None:
    with pytest.raises(UserInputError, match="job title"):
        coder.code(blank)


class _FakeEncoder:
    """Encodes by a fixed lookup so the semantic fallback can be tested without the model."""

    def encode(self, texts: object, batch_size: int = 32) -> object:
        import numpy as np

        rows = list(texts)  # type: ignore[call-overload]
        out = np.zeros((len(rows), 2), dtype=np.float32)
        out[:, 0] = 1.0  # every text points the same way: cosine 1 with occupation row 0
        return out


def test_semantic_fallback_only_adds_capped_scores(coder: TitleCoder) -> None:
    import numpy as np

    base = coder
    vectors = np.zeros((len(base.codes), 2), dtype=np.float32)
    vectors[0, 0] = 1.0
    with_sem = TitleCoder(base.index, base.codes, base.names, _FakeEncoder(), vectors)
    gibberish = with_sem.code("asdkjh qwe")
    assert gibberish[0].code == base.codes[0]
    assert gibberish[0].confidence < 0.6  # the encoder alone never claims an exact match
    assert with_sem.code("Paralegal")[0].code == "23-2011.00"  # words win when they are good


def test_cli_code_json_shape() -> None:
    from aicareers.cli.title_code import code

    group = click.Group("occupations", commands={"code": code})
    result = CliRunner().invoke(group, ["code", "Sr. RN - ICU nights", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == "Sr. RN - ICU nights"
    assert data["normalised"] == "registered nurse intensive care unit"
    assert len(data["occupations"]) == 5
    assert set(data["occupations"][0]) == {"code", "title", "confidence"}
    assert data["occupations"][0]["code"].startswith("29-1141")


def test_cli_code_table_and_help(coder: TitleCoder, monkeypatch: pytest.MonkeyPatch) -> None:
    from aicareers.cli.title_code import code
    from aicareers.service import occupations as occupations_service

    monkeypatch.setattr(occupations_service, "_coder", lambda: coder)
    group = click.Group("occupations", commands={"code": code})
    runner = CliRunner(env={"COLUMNS": "100", "NO_COLOR": "1"})
    table = runner.invoke(group, ["code", "Paralegal", "--top", "2"])
    assert table.exit_code == 0
    assert "23-2011.00" in table.stdout
    assert "Paralegals and Legal Assistants" in table.stdout
    helped = runner.invoke(group, ["code", "--help"]).stdout
    assert 'Example: aicareers occupations code "Sr. RN' in helped
