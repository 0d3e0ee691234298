"""Text sets for the semantic encoder benchmarks (generated here, or read from ../shared/data).

Postings and O*NET texts are read at run time for development only; none is copied into the repo.
The holdout folder is never read.
"""

from __future__ import annotations

import csv
import itertools
import random
from pathlib import Path

from aicareers.semantic.probe import PROBE_TEXTS

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SEED = 20260101

LEVELS = ("Junior", "Senior", "Lead", "Principal", "Trainee")
ROLES = (
    "data scientist",
    "machine learning engineer",
    "data analyst",
    "MLOps engineer",
    "prompt engineer",
    "AI ethicist",
    "software engineer",
    "nurse",
    "teacher",
    "accountant",
    "sales manager",
    "chef",
    "electrician",
    "graphic designer",
    "recruiter",
    "paralegal",
)
SKILLS = (
    "Python",
    "SQL",
    "PyTorch",
    "TensorFlow",
    "Kubernetes",
    "Docker",
    "Excel",
    "Tableau",
    "statistics",
    "deep learning",
    "NLP",
    "computer vision",
    "LLM fine-tuning",
    "RAG pipelines",
    "customer service",
    "bookkeeping",
    "lesson planning",
    "patient care",
    "copywriting",
    "Figma",
)
VERBS = ("Built", "Led", "Maintained", "Designed", "Automated", "Analysed", "Taught", "Managed")
OBJECTS = (
    "a recommendation model for an online shop",
    "the monthly financial close",
    "dashboards for the executive team",
    "a chatbot for customer support",
    "a training programme for new staff",
    "data pipelines on AWS",
    "a ward of 20 patients",
    "an evaluation suite for language models",
    "a menu for a busy restaurant",
)


def generated() -> list[str]:
    """Titles, skill phrases and resume lines written from templates (about 250 texts)."""
    titles = [f"{lvl} {role}" for lvl, role in itertools.product(LEVELS, ROLES)]
    skills = [f"{a} and {b}" for a, b in itertools.combinations(SKILLS, 2)][::3]
    lines = [f"{v} {o}." for v, o in itertools.product(VERBS, OBJECTS)]
    return list(PROBE_TEXTS) + titles + skills + lines


def onet_occupations(limit: int = 400) -> list[str]:
    """'Title. Description' of O*NET occupations (CC BY 4.0), if openpyxl and the file exist."""
    try:
        import openpyxl
    except ImportError:
        return []
    path = DATA / "onet" / "Occupation Data.xlsx"
    if not path.exists():
        return []
    sheet = openpyxl.load_workbook(path, read_only=True).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    texts = [f"{r[1]}. {r[2]}" for r in rows if r[1] and r[2]]
    return random.Random(SEED).sample(texts, min(limit, len(texts)))


def posting_descriptions(limit: int = 200) -> list[str]:
    """Job-posting descriptions (no licence: development only), sampled reproducibly."""
    path = DATA / "job-postings" / "ai_ml_jobs_linkedin.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        texts = [row["description"] for row in csv.DictReader(handle) if row.get("description")]
    return random.Random(SEED).sample(texts, min(limit, len(texts)))
