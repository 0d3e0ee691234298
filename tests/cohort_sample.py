"""A small results file of a batch assessment, built by hand, with its answers worked by hand.

Six rows (four assessed, two not), two lines that are not results and a blank line. The
counts the cohort report must give are written out below as constants, worked out from the
lines by hand (see the comments), not by running the code under test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

QUOTE = "Built Kubeflow pipelines at Acme"
REASON = 'Your work as "Platform Engineer" at Acme carries over well.'
SECRET_ERROR = "Unexpected ValueError: could not parse Jordan Example's salary note"
TOO_SHORT = (
    "This text is too short to tell what work you do. Add your current or last job title and "
    "a few skills you use, or a resume with your work history."
)

TITLES = {
    "mlops-engineer": "Machine Learning Operations (MLOps) Engineer",
    "prompt-engineer": "Prompt Engineer",
    "ai-product-manager": "AI Product Manager",
    "ai-ethics-officer": "AI Ethics Officer",
}
SKILLS = {
    "docker": "Containers and orchestration (Docker, Kubernetes)",
    "python": "Python",
    "nlp": "Natural language processing basics",
    "writing": "Written communication",
    "pm": "Product management fundamentals",
    "ethics": "Ethical reasoning",
}


def fit(career: str, score: int, missing: tuple[str, ...] = (), backgrounds: tuple[str, ...] = (),
        quote: str | None = None, reason: str = "A plain reason.") -> dict[str, Any]:  # fmt: skip
    """One career of one row, shaped as ``batch assess`` writes it."""
    matched = [] if quote is None else [{
        "skill": "ml-pipelines", "name": "ML training pipelines", "confidence": 0.9,
        "how": "named", "evidence": [{"start": 0, "end": len(quote), "text": quote}],
    }]  # fmt: skip
    return {
        "id": career, "title": TITLES[career], "score": score,
        "components": {"skills": score, "transferable": None, "background": 50,
                       "interests": None, "experience": 40},
        "matched": matched,
        "missing": [{"skill": s, "name": SKILLS[s], "importance": 4, "level": 3} for s in missing],
        "backgrounds": list(backgrounds), "reason": reason,
    }  # fmt: skip


ROWS: list[dict[str, Any]] = [
    # row 0, North: first mlops; top 3 mlops, prompt, apm.
    {"row": 0, "columns": {"site": "North"}, "careers": [
        fit("mlops-engineer", 80, ("docker", "python"), ("software-engineering",), QUOTE, REASON),
        fit("prompt-engineer", 60, ("nlp",)),
        fit("ai-product-manager", 40, ("pm",)),
        fit("ai-ethics-officer", 20, ("ethics",)),
    ]},
    # row 1, North: first prompt; top 3 prompt, mlops, ethics.
    {"row": 1, "columns": {"site": "North"}, "careers": [
        fit("prompt-engineer", 70, ("nlp", "writing"), ("writing-marketing",)),
        fit("mlops-engineer", 65, ("docker",)),
        fit("ai-ethics-officer", 30, ("ethics",)),
        fit("ai-product-manager", 10, ("pm",)),
    ]},
    # row 2, South: first apm; ethics and prompt tie at 50, both in the top 3; no background.
    {"row": 2, "columns": {"site": "South"}, "careers": [
        fit("ai-product-manager", 90, ("pm",)),
        fit("ai-ethics-officer", 50, ("ethics",)),
        fit("prompt-engineer", 50, ("nlp",)),
        fit("mlops-engineer", 5, ("docker",)),
    ]},
    {"row": 3, "columns": {"site": "South"}, "error": TOO_SHORT},
    {"row": 4, "error": SECRET_ERROR},  # no columns: counted in the cohort, in no group
    # row 5, North: careers listed in no particular order; first mlops (100), then apm and
    # prompt (0, ties keep the listed order), so ethics (0, listed last) is out of the top 3.
    {"row": 5, "columns": {"site": "North"}, "careers": [
        fit("ai-product-manager", 0, ("pm",), ("software-engineering",)),
        fit("mlops-engineer", 100, (), ("software-engineering",)),
        fit("prompt-engineer", 0),
        fit("ai-ethics-officer", 0, ("ethics",)),
    ]},
]  # fmt: skip
NOT_JSON = "this line is not JSON"
NOT_A_RESULT = '{"row": -1, "careers": []}'


def lines() -> list[str]:
    """The file's lines: rows 0-2, a bad line, rows 3-4, a blank line, another bad line, row 5."""
    rows = [json.dumps(r) for r in ROWS]
    return [*rows[:3], NOT_JSON, *rows[3:5], "", NOT_A_RESULT, rows[5]]


def write(folder: Path, name: str = "results.jsonl") -> Path:
    """The sample file in ``folder``."""
    path = folder / name
    path.write_text("\n".join(lines()) + "\n", encoding="utf-8")
    return path


# Worked by hand from ROWS:
LINES = 8  # non-blank lines: six rows and two bad ones
BAD = {"not-json": (1, (4,)), "not-a-result": (1, (8,))}  # kind: (lines, first line numbers)
TOP1 = {"mlops-engineer": 2, "prompt-engineer": 1, "ai-product-manager": 1, "ai-ethics-officer": 0}
TOP3 = {"prompt-engineer": 4, "mlops-engineer": 3, "ai-product-manager": 3, "ai-ethics-officer": 2}
# Most often in the top 3 first; mlops before apm on first places (2 to 1).
ORDER = ["prompt-engineer", "mlops-engineer", "ai-product-manager", "ai-ethics-officer"]
# mlops scores 80, 65, 5, 100: sorted 5, 65, 80, 100; q1 at 0.75 -> 5 + 0.75 * 60 = 50;
# median at 1.5 -> 72.5; q3 at 2.25 -> 80 + 0.25 * 20 = 85; mean 250 / 4 = 62.5.
MLOPS_SPREAD = {"n": 4, "min": 5, "q1": 50.0, "median": 72.5, "q3": 85.0, "max": 100,
                "mean": 62.5, "histogram": [1, 0, 0, 0, 0, 0, 1, 0, 1, 1]}  # fmt: skip
# Among the rows with the career in the top 3 (rows 0, 1, 5 for mlops; 0, 1, 2, 5 for prompt).
MLOPS_MISSING = [("docker", 2), ("python", 1)]
PROMPT_MISSING = [("nlp", 3), ("writing", 1)]
BACKGROUNDS = [("software-engineering", "Software engineer", 2),
               ("writing-marketing", "Writer or marketer", 1)]  # fmt: skip
NO_BACKGROUND = 1  # row 2
ERRORS = {"too-short": 1, "unexpected": 1}
NORTH = {"rows": 3, "assessed": 3, "top1": {"mlops-engineer": 2, "prompt-engineer": 1}}
SOUTH = {"rows": 2, "assessed": 1, "not_assessed": 1, "errors": {"too-short": 1}}
UNGROUPED = 1  # row 4
