"""Graph features of occupation pairs: in-degree (hubness) and shared nearest neighbours."""

from __future__ import annotations

import numpy as np

from aicareers.engine.occupations.similarity_graph import graph_planes, hub_planes, shared_planes
from aicareers.engine.occupations.similarity_rerank import row_ranks

NAN = float("nan")
# Row z-scores of four occupations: 0 and 1 are each other's nearest, 2 and 3 both point at 0.
Z = np.array(
    [
        [NAN, 2.0, 0.0, -1.0],
        [2.0, NAN, 1.0, 0.0],
        [1.5, 0.5, NAN, 0.0],
        [1.0, 0.0, 0.5, NAN],
    ],
    dtype=np.float32,
)


def test_in_degree_counts_the_rows_that_list_an_occupation_first() -> None:
    planes = dict(hub_planes("tasks", Z, row_ranks(Z), depths=(1,)))
    # Occupation 0 is the nearest of rows 1, 2 and 3; occupation 1 of row 0; 2 and 3 of none.
    np.testing.assert_array_equal(planes["tasks_indeg1_j"][0], [3, 1, 0, 0])
    np.testing.assert_array_equal(planes["tasks_indeg1_i"][:, 0], [3, 1, 0, 0])
    np.testing.assert_allclose(planes["tasks_colmean_j"][0], [1.5, 2.5 / 3, 0.5, -1 / 3])


def test_shared_neighbours_and_closeness_to_the_query_neighbours() -> None:
    planes = dict(shared_planes("tasks", Z, row_ranks(Z), depths=(1,)))
    snn = planes["tasks_snn1"]
    assert snn[2, 3] == 1.0  # both list occupation 0 first
    assert snn[0, 1] == 0.0  # 0 lists 1 first, 1 lists 0 first: no neighbour in common
    # nbrz1[i, j] = z of j in the row of i's nearest: row 2's nearest is 0, whose z of 3 is -1.
    assert planes["tasks_nbrz1"][2, 3] == -1.0
    assert planes["tasks_nbrzT1"][3, 2] == -1.0


def test_an_undescribed_occupation_has_no_mean_and_other_facets_have_no_planes() -> None:
    z = Z.copy()
    z[:, 3] = NAN
    planes = dict(hub_planes("tasks", z, row_ranks(z)))
    assert planes["tasks_colmean_j"][0, 3] == 0.0
    np.testing.assert_allclose(planes["tasks_colmean_j"][0, :3], [1.5, 2.5 / 3, 0.5])
    assert list(graph_planes("interests", Z, row_ranks(Z))) == []
    assert {name for name, _ in graph_planes("knowledge", Z, row_ranks(Z))} == {
        "knowledge_indeg10_j",
        "knowledge_indeg10_i",
        "knowledge_indeg50_j",
        "knowledge_indeg50_i",
        "knowledge_colmean_j",
    }


def test_feature_groups_can_be_left_out_of_training() -> None:
    from aicareers.build.similarity_learn import is_graph, training_pairs
    from aicareers.engine.occupations.facets import facets
    from aicareers.engine.occupations.similarity import fuse_z, row_z

    from .test_similarity import content

    found = content()
    zs = {name: row_z(facet) for name, facet in facets(found).items()}
    fused = fuse_z(zs, dict.fromkeys(zs, 1.0))
    queries = np.arange(len(found.codes))
    _, _, every = training_pairs(zs, fused, found, queries)
    x, pairs, plain = training_pairs(zs, fused, found, queries, listwise=True, graph=False)
    assert {"fused_snn5", "tasks_indeg10_j", "titles_nbrzT20", "fused_colmean_j"} <= set(every)
    assert not any(is_graph(name) for name in plain)
    assert set(every) - set(plain) == {name for name in every if is_graph(name)}
    assert x.shape == (len(pairs), len(plain))
    # A graph facet's other features, and a mark on a facet without graphs, are not graph ones.
    assert not is_graph("tasks_rr")
    assert not is_graph("interests_indeg10_j")
