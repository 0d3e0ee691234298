"""Only technical graduate degrees (or any doctorate) count as the advanced degree."""

from __future__ import annotations

import pytest

from aicareers.engine.assessment.degrees import research_degree
from aicareers.engine.profile.model import Education


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (Education(degree="M.Ed.", field="education", level="master"), None),
        (Education(degree="MBA", level="master"), None),
        (Education(degree="LL.M.", field="law", level="master"), None),
        (Education(degree="M.Sc", field="statistics", level="master"), "master"),
        (Education(degree="M.Tech", level="master"), "master"),
        (Education(degree="PhD", field="history", level="doctorate"), "doctorate"),
        (Education(degree="B.E.", field="computer science", level="bachelor"), None),
    ],
)
def test_research_degree(entry: Education, expected: str | None) -> None:
    assert research_degree([entry]) == expected
