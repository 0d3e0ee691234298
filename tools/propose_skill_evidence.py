"""Propose, for each project skill, the ESCO skills and O*NET technology examples evidencing it.

    .venv/bin/python tools/propose_skill_evidence.py [--out /tmp/proposals.tsv]

This is the first half of ``knowledge/data/skill_evidence.yaml``; the second half is a person
reading every proposal and keeping only clear evidence (every proposal of the shipped version,
with its verdict: bench/results/skill_evidence_review.tsv). The map is data, not a model:
nothing here runs in the product.

How a proposal is made, with the local MiniLM encoder (the same one the engine uses):

- each project skill is embedded as its name, its name with our description, and each alias;
- ESCO skills use the artifact's shipped label vectors (``vectors_esco_skills``); O*NET
  technology examples are embedded here, by name and by name with their UNSPSC commodity
  ("Tableau: Business intelligence and data analysis software"), since the encoder knows few
  product names; only examples that at least MIN_OCCUPATIONS occupations list, or that O*NET
  marks hot, are proposed: the rest are rarely on a resume;
- a candidate's score for a skill is the best of: the mean of its cosines with the name and the
  described name (how the meaning matcher scores sentences), and its cosine with any alias
  (a product name is close to the alias that names its kind, "Jenkins CI" to "CI/CD");
- a candidate goes to its best skill, and to its second when that is within SECOND of the
  best (the reviewer picks), only above the cut; a skill keeps its best few per source.

Only candidates the reference finder can find are proposed (a one-word lower-case ESCO label
never matches, see reference_skills.py), and none that is already one of the skill's own names.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path
from typing import Any

import numpy as np

from aicareers.engine.assessment.reference_skills import _distinctive, _fragment
from aicareers.engine.phrases import phrase_key
from aicareers.knowledge import default_catalog
from aicareers.semantic import Encoder
from aicareers.taxonomy.model import Taxonomy

OUT = Path("/tmp/skill_evidence_proposals.tsv")
# Chosen by reading the score distribution: below these, proposals were mostly neighbours
# (a related field, not evidence of the skill). Generous on purpose: review removes the rest.
ESCO_CUT = 0.60
TECH_CUT = 0.60
PER_SKILL = {"esco": 16, "onet-technology": 16}
SECOND = 0.04
MIN_OCCUPATIONS = 1


def skill_matrix(encoder: Any, skills: list[Any]) -> tuple[np.ndarray, np.ndarray, list[list[int]]]:
    """Name vectors, described-name vectors, and each skill's alias rows in ``aliases``."""
    names = encoder.encode([s.name for s in skills])
    described = encoder.encode([f"{s.name}: {s.description}" for s in skills])
    alias_texts: list[str] = []
    rows: list[list[int]] = []
    for skill in skills:
        rows.append(list(range(len(alias_texts), len(alias_texts) + len(skill.aliases))))
        alias_texts.extend(skill.aliases)
    aliases = encoder.encode(alias_texts)
    return (names + described) / 2, aliases, rows


def scores(
    vectors: np.ndarray, mean: np.ndarray, aliases: np.ndarray, rows: list[list[int]]
) -> np.ndarray:
    """(candidates, skills) best of the mean-vector cosine and the best alias cosine."""
    # The mean vector's dot product is the mean of the two cosines.
    out: np.ndarray = vectors @ mean.T
    by_alias = vectors @ aliases.T
    for j, alias_rows in enumerate(rows):
        if alias_rows:
            out[:, j] = np.maximum(out[:, j], by_alias[:, alias_rows].max(axis=1))
    return out


def propose(
    source: str, ids: list[str], labels: list[str], table: np.ndarray, skills: list[Any], cut: float
) -> list[tuple[str, str, str, str, float]]:
    order = np.argsort(-table, axis=1)[:, :2]
    top = table[np.arange(len(order)), order[:, 0]]
    own = [{tuple(phrase_key(n)) for n in (s.name, *s.aliases)} for s in skills]
    picked: dict[int, list[tuple[float, int]]] = {}
    for row in np.flatnonzero(top >= cut).tolist():
        i = int(row)
        for j in (int(order[i, 0]), int(order[i, 1])):
            score = float(table[i, j])
            close = score >= cut and score >= top[i] - SECOND
            if close and tuple(phrase_key(labels[i])) not in own[j]:
                picked.setdefault(j, []).append((score, i))
    out = []
    for j, found in sorted(picked.items()):
        for score, i in sorted(found, reverse=True)[: PER_SKILL[source]]:
            out.append((skills[j].id, source, ids[i], labels[i], round(score, 3)))
    return out


def findable(labels: list[str]) -> bool:
    return any(_distinctive(label) and not _fragment(label) for label in labels)


def common_examples(taxonomy: Taxonomy) -> tuple[list[str], list[str]]:
    """Findable examples listed often enough, and each as "example: commodity"."""
    tech = taxonomy.technology
    seen: dict[str, set[int]] = {}
    commodity: dict[str, str] = {}
    hot: set[str] = set()
    for row, (example, title) in enumerate(zip(tech.examples, tech.commodity_titles, strict=True)):
        seen.setdefault(example, set()).add(int(tech.occupation[row]))
        commodity.setdefault(example, title)
        if tech.hot[row]:
            hot.add(example)
    examples = sorted(
        e for e, occ in seen.items()
        if (len(occ) >= MIN_OCCUPATIONS or e in hot) and findable([e])
    )  # fmt: skip
    return examples, [f"{e}: {commodity[e]}" for e in examples]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    skills = list(default_catalog().skills)
    taxonomy = Taxonomy.load()
    encoder = Encoder.load()
    mean, aliases, rows = skill_matrix(encoder, skills)

    esco = taxonomy.esco_skills
    keep = [i for i, s in enumerate(esco) if findable([s.label, *s.alt_labels])]
    esco_vectors = taxonomy.vectors("esco_skills")[keep]
    proposals = propose(
        "esco", [esco[i].uri.rsplit("/", 1)[-1] for i in keep], [esco[i].label for i in keep],
        scores(esco_vectors, mean, aliases, rows), skills, ESCO_CUT,
    )  # fmt: skip

    examples, commodities = common_examples(taxonomy)
    table = np.maximum(
        scores(encoder.encode(examples), mean, aliases, rows),
        scores(encoder.encode(commodities), mean, aliases, rows),
    )
    proposals += propose("onet-technology", examples, examples, table, skills, TECH_CUT)
    proposals.sort(key=lambda p: (p[0], p[1], -p[4]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["skill", "source", "id", "label", "score"])
        writer.writerows(proposals)
    print(f"{len(proposals)} proposals for {len({p[0] for p in proposals})} skills -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
