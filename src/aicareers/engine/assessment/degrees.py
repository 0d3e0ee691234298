"""Which graduate degrees count as the "advanced degree in CS, ML or a related field".

Research careers ask for a master's or a PhD in a technical field. A doctorate in any field is
research training and counts; a master's counts when its field is technical (or, with no field
read, when the degree itself is a science or engineering one: M.Tech, M.Sc, MCA). An M.Ed., an
MBA or an LL.M. is a real achievement but not this skill, and must not make a teacher, a
manager or a lawyer look ready for an AI research lab.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..profile.model import Education

TECHNICAL_FIELD = re.compile(
    r"comput|software|informat|data|mathemat|statist|physic|chemi|biolog|biotech|engineer|"
    r"electr|mechan|scien|econometr|machine learning|artificial intelligence|robot|"
    r"instrument|aeronaut|neuro|cognit|linguist",
    re.IGNORECASE,
)
SCIENCE_DEGREE = re.compile(r"\b(M\.?\s?Tech|M\.?\s?Sc|M\.?\s?Eng|MCA|M\.?\s?S\.)", re.IGNORECASE)


def research_degree(education: Sequence[Education]) -> str | None:
    """"doctorate" or "master" when a degree counts as the advanced degree, else None."""
    if any(e.level == "doctorate" for e in education):
        return "doctorate"
    for entry in education:
        if entry.level != "master":
            continue
        if entry.field is not None:
            if TECHNICAL_FIELD.search(entry.field):
                return "master"
        elif SCIENCE_DEGREE.search(entry.degree or ""):
            return "master"
    return None
