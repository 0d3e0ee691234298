"""Count how often job postings ask for each catalog certification, by the career they hire for.

    .venv/bin/python tools/count_certification_mentions.py [--postings DIR] [--out FILE]

This is the evidence behind ``employers_ask`` in ``knowledge/data/certifications.yaml``: a
certification lists a career there only where postings for that career name it. The table
(bench/results/certifications_asked.tsv) holds the counts and the judgement made from them.

How it counts, over the three posting files in ``shared/data/job-postings`` (SOURCES.md 4):

- postings are deduplicated by title and description (hundreds repeat another row);
- a posting belongs to a career when its title names the career the way the posting classifier
  reads titles (``postings.signatures``: an ``own`` phrase, or a ``with_ai`` phrase beside an
  AI term); other machine learning, AI and data engineering titles go to ``ml-engineering``,
  data scientist titles to ``data-science``, the rest to ``other``;
- a mention is the certification's own name or a common spelling of it (``NAMES``); a
  ``family`` mention is any certification of the same vendor ("AWS certification preferred"),
  which tells whether employers ask for that provider's credentials at all.

The judgement (``DECISIONS``) is ours, made by reading the counts and the sentences they come
from; the script prints both so that a rerun on other postings can be read the same way.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from aicareers.knowledge import default_catalog
from aicareers.postings.classify import words
from aicareers.postings.signatures import AI_TITLE_TERMS, SIGNATURES

ROOT = Path(__file__).resolve().parent.parent
POSTINGS = ROOT.parent / "shared" / "data" / "job-postings"
OUT = ROOT / "bench" / "results" / "certifications_asked.tsv"

# (file, title column, description column)
FILES = (
    ("ai_ml_jobs_linkedin.csv", "title", "description"),
    ("glassdoor_jobs.csv", "Job Title", "Job Description"),
    ("Uncleaned_DS_jobs.csv", "Job Title", "Job Description"),
)

# A certification's own name and the spellings postings use for it (case-insensitive).
NAMES: dict[str, str] = {
    # One space only: a skills list's "Tensorflow" next to an empty "Certifications:" field is
    # not a mention.
    "tensorflow-developer-certificate": r"tensorflow[ -](developer[ -])?certific",
    "aws-ml-specialty": (
        r"aws\s+certified\s+machine\s+learning|machine\s+learning\s*[-\u2013\u2014]?\s*specialty"
        r"|\bmls-c01\b|aws\s+(ml|machine\s+learning)\s+(specialty\s+)?certific"
    ),
    "gcp-professional-ml-engineer": (
        r"professional\s+(ml|machine\s+learning)\s+engineer\s+certific"
        r"|google\s+cloud\s+(certified\s+)?(professional\s+)?(ml|machine\s+learning)\s+engineer"
        r"|(gcp|google\s+cloud)\s+(ml|machine\s+learning)\s+certific"
    ),
    "azure-ai-engineer": r"azure\s+ai\s+engineer|\bai-102\b",
    "caiep": r"\bcaiep\b|certified\s+ai\s+ethics",
    "ai-governance-professional": r"\baigp\b|ai\s+governance\s+professional",
    "deeplearning-ai-certificates": r"deeplearning\.ai|deep\s+learning\s+specialization",
    "prompt-engineering-certification": r"prompt\s+engineering\s+certific",
    "chatgpt-prompt-engineering-certificate": r"chatgpt\s+prompt\s+engineering",
    "coursera-ai-ethics-certificate": r"ai\s+ethics\s+certific|coursera[^.\n]{0,60}ethics",
}

# Any certification of a provider family, as postings ask for it in general.
FAMILY_NAMES: dict[str, str] = {
    "aws": r"aws[^.\n]{0,40}certific|certified[^.\n]{0,20}\baws\b|\baws\s+certified",
    "google": r"(google\s+cloud|gcp)[^.\n]{0,40}certific|google\s+cloud\s+certified",
    "microsoft": r"azure[^.\n]{0,40}certific|microsoft\s+certified",
    "deeplearning-ai": r"deeplearning\.ai",
    "coursera": r"coursera",
}

# Generic titles: not one of the 20 careers, but the engineering and data roles they grow from.
ML_ENGINEERING = re.compile(
    r"\b(ml|machine learning|ai|mlops|data|deep learning|computer vision|nlp)\s+"
    r"(engineer|developer|architect|platform)"
)
DATA_SCIENCE = re.compile(r"\b(data|research|applied|ml|machine learning|ai)\s+scientist")


class Decision(NamedTuple):
    """Which careers' employers ask for a certification, and why we decided so."""

    employers_ask: tuple[str, ...]
    judgement: str


# Read from the counts below (rerun the script to see them) and the sentences they come from.
DECISIONS: dict[str, Decision] = {
    "tensorflow-developer-certificate": Decision((), (
        "No posting names it; and Google closed it in May 2024, so no plan should book it."
    )),
    "aws-ml-specialty": Decision(("mlops-engineer",), (
        "Named in 5 postings (2 MLOps, 2 ML engineering), twice as preferred or strongly "
        "preferred, and AWS certifications in general in 11: employers of MLOps engineers ask "
        "for it. Retired on 2026-03-31, so plans skip it all the same."
    )),
    "gcp-professional-ml-engineer": Decision(("mlops-engineer",), (
        "Never named by its own name; Google Cloud certifications are asked for in 3 ML "
        "engineering postings, always beside AWS and Azure ones as interchangeable ('Azure/AWS/"
        "GCP certifications'). With the AWS and Azure ML credentials retired, it is the active "
        "cloud ML credential those asks point to: MLOps. No personalization or synthetic data "
        "posting asks for it."
    )),
    "azure-ai-engineer": Decision(("mlops-engineer",), (
        "Named in 2 postings (an MLOps and an ML engineer posting) and Azure certifications "
        "in 8, all engineering: MLOps only. Its exam (AI-102) retired on 2026-06-30, so plans "
        "skip it."
    )),
    "caiep": Decision((), (
        "No posting names it. The corpus has almost no ethics or compliance postings, so this "
        "is no evidence against it, but no evidence for it either: not booked as asked for."
    )),
    "ai-governance-professional": Decision((), (
        "No posting names it (the one 'governance professional' hit is a data governance "
        "role). Same caveat as CAIEP: the corpus barely covers governance roles."
    )),
    "deeplearning-ai-certificates": Decision((), (
        "Named once, in a list of nice-to-have certificates of a generic 'Machine Learning' "
        "posting. Course certificates show that a course was finished; no posting of our "
        "careers asks for them."
    )),
    "prompt-engineering-certification": Decision((), (
        "No posting names one; platforms' prompt certificates are course certificates."
    )),
    "chatgpt-prompt-engineering-certificate": Decision((), (
        "A two-hour course certificate: not a recognised certification, and no posting names it."
    )),
    "coursera-ai-ethics-certificate": Decision((), (
        "A course certificate; the two Coursera mentions are in data scientist postings and "
        "not about ethics."
    )),
}  # fmt: skip


def read_postings(folder: Path) -> list[tuple[str, str]]:
    """(title, description) of every distinct posting in the three files."""
    csv.field_size_limit(1 << 30)
    seen: dict[tuple[str, str], None] = {}
    for name, title_col, text_col in FILES:
        with (folder / name).open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                seen.setdefault((row[title_col].strip(), row[text_col]), None)
    return list(seen)


def _has(tokens: list[str], phrase: str) -> bool:
    key = words(phrase)
    return any(tokens[i : i + len(key)] == key for i in range(len(tokens) - len(key) + 1))


def title_bucket(title: str) -> str:
    """The career a title names, else ``ml-engineering``, ``data-science`` or ``other``."""
    tokens = words(title)
    ai = any(_has(tokens, term) for term in AI_TITLE_TERMS)
    for career, signature in SIGNATURES.items():
        if any(_has(tokens, p) for p in signature.own):
            return career
        if ai and any(_has(tokens, p) for p in signature.with_ai):
            return career
    plain = " ".join(tokens)
    if ML_ENGINEERING.search(plain):
        return "ml-engineering"
    if DATA_SCIENCE.search(plain):
        return "data-science"
    return "other"


def count(postings: list[tuple[str, str]], pattern: str) -> Counter[str]:
    """Postings that match ``pattern``, per title bucket."""
    regex = re.compile(pattern, re.IGNORECASE)
    return Counter(title_bucket(title) for title, text in postings if regex.search(text))


def _listing(counts: Counter[str]) -> str:
    return "; ".join(f"{bucket}:{n}" for bucket, n in counts.most_common()) or "-"


def rows(postings: list[tuple[str, str]]) -> Iterator[list[str]]:
    """One row per catalog certification: counts, then the decision."""
    buckets = Counter(title_bucket(title) for title, _ in postings)
    for cert in default_catalog().certifications:
        named = count(postings, NAMES[cert.id])
        family = count(postings, FAMILY_NAMES[cert.family]) if cert.family else Counter()
        decision = DECISIONS[cert.id]
        relevant = sum(buckets[c] for c in cert.careers) + buckets["ml-engineering"]
        yield [
            cert.id, cert.group, cert.status, cert.family or "-", ",".join(cert.careers),
            str(sum(named.values())), _listing(named), str(sum(family.values())),
            _listing(family), str(relevant), ",".join(decision.employers_ask) or "-",
            decision.judgement,
        ]  # fmt: skip


HEADER = [
    "certification", "group", "status", "family", "careers", "named", "named_by_title",
    "family_named", "family_by_title", "postings_of_its_careers_and_ml_engineering",
    "employers_ask", "judgement",
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postings", type=Path, default=POSTINGS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    postings = read_postings(args.postings)
    table = list(rows(postings))
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(table)
    buckets = Counter(title_bucket(title) for title, _ in postings)
    print(f"{len(postings)} distinct postings; by title: {_listing(buckets)}")
    for row in table:
        print(f"{row[0]}: named {row[5]} ({row[6]}); family {row[7]} ({row[8]}) -> {row[10]}")
    # The catalog must carry the decisions made here; say so when it does not.
    for cert in default_catalog().certifications:
        if cert.employers_ask != DECISIONS[cert.id].employers_ask:
            print(
                f"certifications.yaml: {cert.id}: employers_ask {list(cert.employers_ask)} "
                f"differs from the decision here {list(DECISIONS[cert.id].employers_ask)}"
            )


if __name__ == "__main__":
    main()
