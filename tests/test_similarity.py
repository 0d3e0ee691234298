"""Occupation similarity: fusion on synthetic facets, calibration, missing facets, CLI contract."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

from aicareers.cli import occupations as occupations_cli
from aicareers.cli.app import AicareersGroup
from aicareers.engine.occupations.facets import OccupationContent, facets, tokens
from aicareers.engine.occupations.similarity import (
    LEVELS,
    OccupationSimilarity,
    build_table,
    calibrate,
    fuse_z,
)
from aicareers.errors import UnknownIdError

NAN = float("nan")
# Two families of three; the last of each family lacks some facets.
CODES = ["11-1011.00", "11-1021.00", "11-9199.00", "47-2111.00", "47-2031.00", "47-2199.00"]
OFFICE = "plan budgets approve policies direct staff negotiate contracts"
TRADE = "install wiring repair conduit cut lumber frame walls"


def content(**overrides: Any) -> OccupationContent:
    """Synthetic occupations whose right neighbours are their own family."""
    fields: dict[str, Any] = {
        "codes": CODES,
        "texts": {
            "tasks": [OFFICE, OFFICE + " report", "", TRADE, TRADE + " measure", ""],
            "titles": [
                "chief executive",
                "general manager",
                "manager executive",
                "electrician wiring",
                "carpenter framer",
                "electrician carpenter helper",
            ],
        },
        "bags": {"dwas": [["d1", "d2"], ["d1", "d2", "d3"], [], ["d7", "d8"], ["d7", "d9"], []]},
        "ratings": {
            "skills": np.array(
                [[5, 4, 1], [4, 5, 1], [NAN, NAN, NAN], [1, 2, 5], [1, 1, 5], [NAN, NAN, NAN]]
            )
        },
    }
    fields.update(overrides)
    return OccupationContent(**fields)


@pytest.fixture(scope="module")
def similarity() -> OccupationSimilarity:
    weights = {"tasks": 1.0, "titles": 1.0, "dwas": 1.0, "skills": 1.0, "soc": 0.5}
    return OccupationSimilarity(build_table(content(), weights))


def test_neighbours_are_the_same_family(similarity: OccupationSimilarity) -> None:
    for code in CODES:
        family = {c for c in CODES if c[:2] == code[:2]} - {code}
        assert {c for c, _ in similarity.top(code, 2)} == family


def test_occupations_missing_facets_still_get_neighbours(similarity: OccupationSimilarity) -> None:
    # 11-9199.00 and 47-2199.00 have no tasks, DWAs or skills: titles and SOC carry them.
    assert similarity.top("11-9199.00", 1)[0][0][:2] == "11"
    assert similarity.top("47-2199.00", 1)[0][0][:2] == "47"


def test_fusion_scores_are_calibrated_and_symmetric(similarity: OccupationSimilarity) -> None:
    for a in CODES:
        assert similarity.score(a, a) == 1.0
        for b in CODES:
            value = similarity.score(a, b)
            assert 0.0 <= value <= 1.0
            assert value == similarity.score(b, a)
            if a != b:
                assert value < 1.0
    same, other = ("11-1011.00", "11-1021.00"), ("11-1011.00", "47-2111.00")
    assert similarity.score(*same) > similarity.score(*other)


def test_top_scores_descend_and_extend_past_the_stored_list(
    similarity: OccupationSimilarity,
) -> None:
    scores = [s for _, s in similarity.top("47-2111.00", 5)]
    assert scores == sorted(scores, reverse=True)
    assert len(similarity.top("47-2111.00", 5)) == 5


def test_calibration_is_monotone_with_the_documented_scale() -> None:
    rng = np.random.default_rng(1)
    raw = rng.normal(size=(60, 60))
    fused = (raw + raw.T) / 2
    np.fill_diagonal(fused, np.nan)
    scores = calibrate(fused)
    upper = np.triu_indices(60, k=1)
    order = np.argsort(fused[upper])
    assert np.all(np.diff(scores[upper][order]) >= 0)
    assert np.all(np.diag(scores) == 1.0)
    assert scores[upper].max() < 1.0
    assert scores[upper].min() >= 0.0
    # The pair at the top 1 % of pairs scores about 0.5; the median pair about 0.075.
    ranked = np.sort(scores[upper])[::-1]
    assert ranked[len(ranked) // 100 - 1] == pytest.approx(0.5, abs=0.01)
    assert ranked[len(ranked) // 2] == pytest.approx(0.075, abs=0.01)


def test_calibration_of_a_directed_ranking_grades_ordered_pairs() -> None:
    rng = np.random.default_rng(2)
    ranked = rng.normal(size=(40, 40))  # i -> j differs from j -> i
    np.fill_diagonal(ranked, np.nan)
    scores = calibrate(ranked)
    off = ~np.eye(40, dtype=bool)
    order = np.argsort(ranked[off])
    assert np.all(np.diff(scores[off][order]) >= 0)
    assert np.all(np.diag(scores) == 1.0)
    assert not np.array_equal(scores, scores.T)
    # Scale over the 1,560 ordered pairs: the top 1 % score about 0.5.
    top = np.sort(scores[off])[::-1]
    assert top[len(top) // 100 - 1] == pytest.approx(0.5, abs=0.01)


def test_unknown_code_suggests_close_codes(similarity: OccupationSimilarity) -> None:
    with pytest.raises(UnknownIdError) as caught:
        similarity.score("11-1011.01", "11-1021.00")
    assert "11-1011.00" in caught.value.suggestions


def test_tokens_drop_function_words_and_plurals() -> None:
    assert tokens("Analyzes the systems of data") == ["analyze", "system", "data"]


# CLI: the shipped taxonomy for titles, a quick SOC-only similarity so the tests stay fast.


@pytest.fixture(scope="module")
def run_cli() -> Any:
    from aicareers.taxonomy import Taxonomy

    taxonomy = Taxonomy.load()
    quick = OccupationSimilarity(
        build_table(OccupationContent(codes=list(taxonomy.occupations.codes)), {"soc": 1.0})
    )
    root = AicareersGroup()
    root.add_command(occupations_cli.occupations)

    def run(*args: str) -> Any:
        from aicareers.service import occupations as occupations_service

        patch = pytest.MonkeyPatch()
        # A quick table (SOC groups only) stands in for the shipped one: the CLI contract is
        # what these tests check, not the ranking.
        patch.setattr(occupations_service, "_loaded", lambda: (taxonomy, quick))
        try:
            return CliRunner().invoke(root, ["occupations", *args])
        finally:
            patch.undo()

    return run


def test_cli_json_shape(run_cli: Any) -> None:
    result = run_cli("similar", "15-1252.00", "--top", "3", "--format", "json")
    assert result.exit_code == 0, result.output
    view = json.loads(result.output)
    assert (view["code"], view["title"]) == ("15-1252.00", "Software Developers")
    assert [sorted(row) for row in view["similar"]] == [["code", "score", "title"]] * 3
    assert all(row["code"].startswith("15-125") for row in view["similar"])


def test_cli_jsonl_all_has_one_line_per_occupation(run_cli: Any) -> None:
    result = run_cli("similar", "--all", "--top", "2", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 1016
    assert sorted(lines[0]) == ["code", "similar"]
    assert len(lines[0]["similar"]) == 2
    assert len({line["code"] for line in lines}) == 1016


def test_cli_unknown_code_exits_2_with_suggestions(run_cli: Any) -> None:
    result = run_cli("similar", "15-1252.09")
    assert result.exit_code == 2
    assert "15-1252.00" in result.output


def test_cli_onet_related_is_labelled_as_onets(run_cli: Any) -> None:
    result = run_cli("similar", "15-1252.00", "--onet-related", "--format", "json")
    view = json.loads(result.output)
    assert "O*NET" in view["source"]
    assert view["related"][0]["tier"] == "Primary-Short"


def test_cli_table_lists_titles(run_cli: Any) -> None:
    result = run_cli("similar", "15-1252.00", "--top", "2")
    assert result.exit_code == 0
    assert "Software Developers" in result.output


def test_stored_scores_use_the_uint8_scale(similarity: OccupationSimilarity) -> None:
    assert similarity.table.scores.dtype == np.uint8
    assert int(similarity.table.scores.max()) == LEVELS


def test_role_heads_name_the_kind_of_worker() -> None:
    from aicareers.engine.occupations.facets import role_heads

    assert role_heads("First-Line Supervisors of Retail Sales Workers") == ["supervisor"]
    assert role_heads("Mathematical Science Teachers, Postsecondary") == [
        "teacher",
        "postsecondary",
    ]
    assert role_heads("Setters, Operators, and Tenders") == ["setter", "operator", "tender"]


def test_a_learned_rerank_keeps_the_api_and_orders_by_its_features() -> None:
    from aicareers.engine.occupations.similarity_rerank import RerankModel

    # A model that trusts only SOC structure: neighbours must share the SOC major group.
    model = RerankModel(("soc_major", "tasks_rr"), (0.0, 0.0), (1.0, 1.0), (3.0, 0.5), -2.0)
    weights = {"tasks": 1.0, "titles": 1.0, "soc": 0.5}
    table = build_table(content(), weights, model)
    assert table.learned
    learned = OccupationSimilarity(table)
    for code in CODES:
        assert all(other[:2] == code[:2] for other, _ in learned.top(code, 2))
        assert learned.score(code, code) == 1.0


def test_the_learned_table_is_directed_and_follows_the_model_row_by_row() -> None:
    from aicareers.engine.occupations.similarity import row_z
    from aicareers.engine.occupations.similarity_rerank import RerankModel, rerank

    # tasks_rr is the rank of j in i's own tasks row: it differs from j's view of i.
    model = RerankModel(("tasks_rr", "soc_major"), (0.0, 0.0), (1.0, 1.0), (2.0, 1.0), -1.0)
    weights = {"tasks": 1.0, "titles": 1.0, "soc": 0.5}
    found = content()
    learned = OccupationSimilarity(build_table(found, weights, model))
    zs = {name: row_z(f) for name, f in facets(found).items()}
    fused = fuse_z({k: zs[k] for k in weights}, weights)
    directed = rerank(zs, fused, found, model)
    both = rerank(zs, fused, found, model, symmetric=True)
    np.testing.assert_allclose(both, (directed + directed.T) / 2)
    assert not np.allclose(np.nan_to_num(directed), np.nan_to_num(directed.T))
    for i, code in enumerate(CODES):
        logits = np.nan_to_num(directed[i], nan=-np.inf)
        listed = [CODES.index(c) for c, _ in learned.top(code, 5)]
        assert listed == sorted(listed, key=lambda j: -logits[j])


def test_a_model_needing_absent_features_is_refused() -> None:
    from aicareers.engine.occupations.similarity_rerank import RerankModel

    model = RerankModel(("embed_task_mean",), (0.0,), (1.0,), (1.0,), 0.0)
    with pytest.raises(ValueError, match="embed_task_mean"):
        build_table(content(), {"tasks": 1.0}, model)


def test_numpy_tree_predictor_matches_scikit_learn() -> None:
    sklearn = pytest.importorskip("sklearn.ensemble")
    from aicareers.build.similarity_learn import export_trees
    from aicareers.engine.occupations.similarity_rerank import TreeModel

    rng = np.random.default_rng(0)
    x = rng.normal(size=(600, 5))
    x[rng.random(x.shape) < 0.05] = np.nan  # missing values follow the learned side
    y = ((np.nan_to_num(x[:, 0]) + np.nan_to_num(x[:, 1]) * x[:, 2] ** 2) > 0.3).astype(int)
    classifier = sklearn.HistGradientBoostingClassifier(
        max_iter=30, max_leaf_nodes=7, min_samples_leaf=5, random_state=0
    ).fit(x, y)
    model = export_trees(classifier, [f"f{k}" for k in range(5)])
    probe = rng.normal(size=(2000, 5)) * 1.5
    probe[rng.random(probe.shape) < 0.05] = np.nan
    expected = classifier.decision_function(probe)
    np.testing.assert_allclose(model.logits(probe), expected, rtol=0, atol=1e-9)
    again = TreeModel.from_dict(model.to_dict())  # the plain form kept in similarity_model.json.gz
    np.testing.assert_array_equal(again.logits(probe), model.logits(probe))


def test_a_tree_rerank_keeps_families_and_refuses_absent_features() -> None:
    from aicareers.engine.occupations.similarity_rerank import NODE_DTYPE, TreeModel

    # One stump that trusts only SOC structure: neighbours must share the SOC major group.
    nodes = np.zeros(3, dtype=NODE_DTYPE)
    nodes[0] = (1, 0.5, 1, 2, 0.0, 1)  # soc_major <= 0.5 -> node 1, else node 2
    nodes[1] = (0, 0.0, -1, -1, -2.0, 0)
    nodes[2] = (0, 0.0, -1, -1, 2.0, 0)
    model = TreeModel(("tasks_rr", "soc_major"), nodes, np.array([0]), -1.0)
    table = build_table(content(), {"tasks": 1.0, "titles": 1.0, "soc": 0.5}, model)
    learned = OccupationSimilarity(table)
    for code in CODES:
        assert all(other[:2] == code[:2] for other, _ in learned.top(code, 2))
        assert learned.score(code, code) == 1.0
    assert (table.scores == table.scores.T).all()  # its one feature is symmetric
    absent = TreeModel(("embed_task_mean_best_gap",), nodes[1:2], np.array([0]), 0.0)
    with pytest.raises(ValueError, match="embed_task_mean_best_gap"):
        build_table(content(), {"tasks": 1.0}, absent)
