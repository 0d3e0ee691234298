"""O*NET occupations: code a job title, and the occupations most alike in content."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from .common import errors, json_response, once
from .schemas import SimilarOccupations, TitleCoding

if TYPE_CHECKING:
    from ...engine.occupations.similarity import OccupationSimilarity
    from ...engine.occupations.titles import TitleCoder
    from ...taxonomy import Taxonomy

router = APIRouter(tags=["occupations"])


@once
def _taxonomy() -> tuple[Taxonomy, OccupationSimilarity]:
    from ...build.similarity import load_similarity
    from ...taxonomy import Taxonomy

    taxonomy = Taxonomy.load()
    return taxonomy, load_similarity(taxonomy)


@once
def _coder() -> TitleCoder:
    """The CLI's title coder (encoder only with occupation vectors), its word index cached."""
    from ...errors import ModelNotBuiltError
    from ...service.runtime import load_title_coder

    taxonomy, _ = _taxonomy()
    encoder: Any = None
    if taxonomy.has_vectors:
        try:
            from ...semantic import Encoder

            encoder = Encoder.load()
        except (ImportError, ModelNotBuiltError):
            encoder = None
    return load_title_coder(taxonomy, encoder)


@router.get(
    "/occupations/code",
    summary="Code a job title to O*NET-SOC",
    response_model=TitleCoding,
    responses=errors(422),
)
def code_title(
    title: Annotated[
        str,
        Query(
            min_length=1,
            max_length=300,
            description="A job title as written.",
            examples=["Sr. RN - ICU nights"],
        ),
    ],
    top: Annotated[int, Query(ge=1, le=50, description="How many occupations.")] = 5,
) -> Response:
    """The most likely occupations for a title, with confidence (`occupations code`)."""
    coder = _coder()
    matches = coder.code(title, top=top)
    return json_response(
        {
            "title": title,
            "normalised": coder.normalise(title),
            "occupations": [
                {"code": m.code, "title": m.title, "confidence": m.confidence} for m in matches
            ],
        }
    )


@router.get(
    "/occupations/{code}/similar",
    summary="Occupations alike in content",
    response_model=SimilarOccupations,
    responses=errors(404, 422),
)
def similar(
    code: Annotated[str, Path(description="An O*NET-SOC code.", examples=["15-1252.00"])],
    top: Annotated[int, Query(ge=1, le=1015, description="How many occupations.")] = 10,
    onet_related: Annotated[
        bool, Query(description="O*NET's own Related Occupations list instead of ours.")
    ] = False,
) -> Response:
    """Occupations most alike in tasks, activities, skills, knowledge, technology and titles.

    The same document as `occupations similar CODE --format json`; an unknown code is 404.
    """
    from ...service.occupations import similar_view

    taxonomy, similarity = _taxonomy()
    return json_response(similar_view(taxonomy, similarity, code, top, onet_related))
