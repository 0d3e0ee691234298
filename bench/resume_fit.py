"""How well real resumes are read and ranked: the development set of issue 12, in one run.

    .venv/bin/python bench/resume_fit.py [--out bench/results/resume_fit.json] [--no-semantic]

Reads ../shared/data/resumes/UpdatedResumeDataSet.csv at run time (never copied into the repo;
licence unverified), keeps the distinct resumes, and assesses each through the service, as the
CLI, the page and the API do. Reports, per resume and per category:

- top-3 hit rate: the share whose top 3 holds a career that bench/resume_categories.yaml
  accepts for its category (that table was written before this benchmark first ran);
- the share with a job title read, with coded occupations, and with years of experience read
  among the resumes that give dates;
- all-zero rankings (every career scored 0), and resumes refused as "nothing recognised"
  (counted as misses);
- the same hit rate for a TF-IDF of the resume against the guide's own career sections
  (../shared/seed), and for a random top 3 (exact, from the table's sizes).

The engine's rules are written for people in general; nothing in them is fitted to these labels,
so the figure is an out-of-sample one. The per-category rows show where it fails.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"
RESUMES = SHARED / "data" / "resumes" / "UpdatedResumeDataSet.csv"
SEED = SHARED / "seed"
TABLE = HERE / "resume_categories.yaml"
OUT = HERE / "results" / "resume_fit.json"
# A resume "gives dates" when it holds a year or a duration; only those count for years read.
DATED = re.compile(r"\b(19[6-9]\d|20[0-3]\d)\b|\b\d+\s*\+?\s*(years?|yrs?|months?)\b", re.I)


def load_resumes() -> list[tuple[str, str]]:
    """(category, text) for each distinct resume, in file order."""
    csv.field_size_limit(10_000_000)
    with RESUMES.open(encoding="utf-8", newline="") as handle:
        rows = [(r["Category"], r["Resume"]) for r in csv.DictReader(handle)]
    seen: set[str] = set()
    out = []
    for category, text in rows:
        if text not in seen:
            seen.add(text)
            out.append((category, text))
    return out


def load_table() -> dict[str, set[str]]:
    data = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    return {category: set(row["careers"]) for category, row in data.items()}


def random_rate(table: dict[str, set[str]], resumes: list[tuple[str, str]], n: int) -> float:
    """Expected top-3 hit rate of a uniformly random ranking of ``n`` careers."""
    miss = [math.comb(n - len(table[c]), 3) / math.comb(n, 3) for c, _ in resumes]
    return 1 - sum(miss) / len(miss)


# --- the TF-IDF baseline -------------------------------------------------------------------

WORD = re.compile(r"[a-z][a-z+#.]*[a-z+#]|[a-z]")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def guide_sections(career_ids: list[str]) -> dict[str, str]:
    """The guide's 20 numbered career sections, in the order of careers.yaml."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEED.glob("*.txt")))
    heads = list(re.finditer(r"^(\d{1,2})\. (.+)$", text, re.M))
    sections = []
    for i, head in enumerate(heads[: len(career_ids)]):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        sections.append(text[head.start() : end])
    return dict(zip(career_ids, sections, strict=True))


def tfidf_top3(sections: dict[str, str], text: str, idf: dict[str, float]) -> list[str]:
    def vector(t: str) -> dict[str, float]:
        counts = Counter(w for w in words(t) if w in idf)
        vec = {w: (1 + math.log(c)) * idf[w] for w, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    query = vector(text)
    scores = {
        cid: sum(query.get(w, 0.0) * v for w, v in vector(section).items())
        for cid, section in sections.items()
    }
    return sorted(scores, key=lambda c: -scores[c])[:3]


def idf_of(sections: dict[str, str]) -> dict[str, float]:
    df = Counter(w for s in sections.values() for w in set(words(s)))
    n = len(sections)
    return {w: math.log((1 + n) / (1 + d)) + 1 for w, d in df.items()}


# --- the product ---------------------------------------------------------------------------


def assess_all(resumes: list[tuple[str, str]], semantic: bool) -> list[dict[str, Any]]:
    from aicareers.errors import NothingToAssessError
    from aicareers.service.assess import AssessInput, assess

    out = []
    for category, text in resumes:
        started = time.perf_counter()
        try:
            doc = assess(AssessInput(text=text), top=None, semantic=semantic)
        except NothingToAssessError:
            out.append(_nothing(category, text))
            continue
        ms = (time.perf_counter() - started) * 1000
        out.append({
            "category": category,
            "top": [c.id for c in doc.careers[:3]],
            "scores": [c.score for c in doc.careers],
            "titles": list(doc.profile.titles),
            "occupations": [o.code for o in doc.occupations],
            "years": doc.profile.years_experience,
            "dated": bool(DATED.search(text)),
            "backgrounds": [b.id for b in doc.profile.backgrounds],
            "notes": list(doc.profile.notes),
            "ms": round(ms, 1),
        })  # fmt: skip
    return out


def _nothing(category: str, text: str) -> dict[str, Any]:
    """A resume the product refused to rank: nothing in it was recognised."""
    return {
        "category": category, "top": [], "scores": [], "titles": [], "occupations": [],
        "years": None, "dated": bool(DATED.search(text)), "backgrounds": [],
        "notes": ["nothing recognised"], "ms": None, "nothing": True,
    }  # fmt: skip


def summarise(rows: list[dict[str, Any]], table: dict[str, set[str]]) -> dict[str, Any]:
    def share(flags: list[bool]) -> float:
        return round(sum(flags) / len(flags), 3) if flags else 0.0

    hits = [bool(set(r["top"]) & table[r["category"]]) for r in rows]
    by_category: dict[str, list[bool]] = defaultdict(list)
    for row, hit in zip(rows, hits, strict=True):
        by_category[row["category"]].append(hit)
    dated = [r for r in rows if r["dated"]]
    return {
        "resumes": len(rows),
        "top3_hit": share(hits),
        "top3_hit_by_category_mean": round(
            statistics.mean(share(v) for v in by_category.values()), 3
        ),
        "titles_read": share([bool(r["titles"]) for r in rows]),
        "occupations_coded": share([bool(r["occupations"]) for r in rows]),
        "years_read_of_dated": share([r["years"] is not None for r in dated]),
        "dated_resumes": len(dated),
        "all_zero_rankings": sum(1 for r in rows if r["scores"] and not any(r["scores"])),
        "nothing_recognised": sum(1 for r in rows if r.get("nothing")),
        "ms_p50": statistics.median(r["ms"] for r in rows if r["ms"] is not None),
        "by_category": {c: share(v) for c, v in sorted(by_category.items())},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--no-semantic", action="store_true", help="match skills by name only")
    parser.add_argument("--show", action="store_true", help="print each resume's top 3")
    parser.add_argument(
        "--without-coach-links", action="store_true",
        help="weigh background links of origin 'coach' (our judgement) 0, to see what they add",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.without_coach_links:
        from aicareers.engine.assessment import scoring

        scoring.ORIGIN_WEIGHT["coach"] = 0.0
    if not RESUMES.exists():
        print(f"{RESUMES} is missing: this benchmark needs ../shared/data.", file=sys.stderr)
        return 2
    resumes = load_resumes()
    table = load_table()
    from aicareers.service.catalog import Navigator

    career_ids = [c.id for c in Navigator().careers()]
    sections = guide_sections(career_ids)
    idf = idf_of(sections)
    tfidf_hits = [bool(set(tfidf_top3(sections, t, idf)) & table[c]) for c, t in resumes]
    rows = assess_all(resumes, semantic=not args.no_semantic)
    summary = summarise(rows, table)
    summary["tfidf_top3_hit"] = round(sum(tfidf_hits) / len(tfidf_hits), 3)
    summary["random_top3_hit"] = round(random_rate(table, resumes, len(career_ids)), 3)
    summary["semantic"] = not args.no_semantic
    summary["coach_links"] = not args.without_coach_links
    if args.show:
        for row in rows:
            mark = "+" if set(row["top"]) & table[row["category"]] else "-"
            head = f"{mark} {row['category']:<26} {row['top']}"
            print(head, row["titles"][:2], row["backgrounds"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"summary": summary, "rows": rows}, indent=1) + "\n")
    print(json.dumps({k: v for k, v in summary.items() if k != "by_category"}, indent=1))
    for category, rate in summary["by_category"].items():
        print(f"  {category:<28} {rate:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
