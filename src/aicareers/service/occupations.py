"""The document that `occupations similar CODE` prints and `/api/v1/occupations/{code}/similar`
returns: ours (similar in content) or O*NET's own related list, always labelled which."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..engine.occupations.similarity import OccupationSimilarity
    from ..taxonomy import Taxonomy

ONET_LABEL = "O*NET Related Occupations (O*NET's own list, not computed by aicareers)"
OURS_LABEL = "Similar in content (tasks, activities, skills, knowledge, technology, titles)"


def titled(taxonomy: Taxonomy, pairs: list[tuple[str, float]]) -> list[dict[str, Any]]:
    """(code, score) pairs with their O*NET titles."""
    occupations = taxonomy.occupations
    return [
        {"code": code, "title": occupations.get(code).title, "score": round(score, 3)}
        for code, score in pairs
    ]


def onet_related(taxonomy: Taxonomy, code: str, top: int) -> list[dict[str, Any]]:
    """O*NET's own related occupations for ``code``, in O*NET's order."""
    rows = sorted((r for r in taxonomy.benchmark_related if r.code == code), key=lambda r: r.index)
    occupations = taxonomy.occupations
    return [
        {
            "code": r.related_code,
            "title": occupations.get(r.related_code).title,
            "tier": r.tier,
            "index": r.index,
        }
        for r in rows[:top]
    ]


def similar_view(
    taxonomy: Taxonomy, similarity: OccupationSimilarity, code: str, top: int, onet: bool
) -> dict[str, Any]:
    """``{"code", "title", "source", "similar" | "related"}``; an unknown code raises."""
    similarity.index(code)  # an unknown code fails here, with close codes as suggestions
    view: dict[str, Any] = {"code": code, "title": taxonomy.occupations.get(code).title}
    if onet:
        view.update(source=ONET_LABEL, related=onet_related(taxonomy, code, top))
    else:
        view.update(source=OURS_LABEL, similar=titled(taxonomy, similarity.top(code, top)))
    return view
