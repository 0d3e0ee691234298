"""Evidence precision on real resumes: random quotes, each judged right or wrong by reading.

Draws evidence quotes at random from the assessments of the development resumes
(../shared/data/resumes/UpdatedResumeDataSet.csv, 166 distinct texts; read at run time, never
copied into the repo) and writes each with 80 characters of context either side, the skill it
was taken for and how it was found, to bench/results/evidence_audit.jsonl (verdict empty
where the quote was never judged).
A person then judges each quote as a careful career coach would: is this real evidence that
the person has this skill? Verdicts live in bench/results/evidence_audit_verdicts.json, keyed
by a quote id that depends only on the resume text, the skill and the quote's offsets. A new
run writes every quote already judged with its stored verdict (and reason, and cause if wrong),
so verdicts carry over between runs for any quote the engine still produces; only new quotes
come out with an empty verdict.

The draw is stratified by how the skill was found, with quotas per stratum (QUOTAS unless
--quotas or SEED_QUOTAS says otherwise; see below) and seed SEED:
- named: a project skill's name or alias in the text;
- meaning: a project skill matched by meaning, to a resume sentence (semantic_skills) or to an
  item of a skills list (typed_skills), told apart by what the sentence matcher may quote. Since
  the sentence matcher runs only in texts that name fewer than three skills and typed matching
  only on typed form fields, few resumes still give such quotes: when the pool holds fewer than
  the quota, all of them are taken (second audit: 32 meaning and 10 via-map quotes in all);
- via-map: a project skill evidenced by an ESCO skill or O*NET technology named in the text,
  through the reviewed map (how "via ESCO: <skill>" / "via O*NET: <example>"); the quote is the
  reference skill's, judged as evidence of the project skill;
- reference: an ESCO skill or O*NET technology named in the text.
Skills implied by a background quote the background, not the skill, and an advanced degree
quotes nothing: both are left out.

SEED 20260412 was drawn AFTER the precision fixes of issue 12; none of its quotes were looked
at while fixing (an exploratory read of all quotes under the old rules found the problems).
The via-map stratum was added after the ESCO/O*NET evidence map shipped; it is drawn last
from the same random stream, so the other strata's draws do not depend on it (they differ from
the first audit's only because the engine now outputs different pools).
Precision is reported per stratum, on the whole sample, and weighted by each stratum's share
of all quotes (the figure for a quote picked at random from the product's output), and for
the project skills only (named + meaning + via-map), on the sample and weighted. Wrong
verdicts may carry a "cause"; the summary lists the wrong quotes grouped by it.

SEED 20261203 (--seed 20261203) is a FRESH draw, taken after the fixes that followed the second
audit of seed 20260412 (bare "Agile"/"Scrum"/"user stories" no longer count; sentences matched
by meaning only in short prose, under 150 words): none of its quotes were looked at while
fixing, as a figure measured on the draw that showed the problems would be optimistic (quotes
that earlier audits had judged keep their verdicts; see "judged_before" below). A
non-default seed writes its own files (evidence_audit_seed<N>.jsonl and
evidence_audit_seed<N>.json) and draws with the same quotas; the verdicts stay in the one shared
verdicts file, so a quote judged once keeps its verdict whatever the seed. Where a stratum's pool
holds fewer quotes than its quota, all are taken and the summary says so ("short_of_quota"); as
the meaning and via-map pools are small, those strata are the whole pool under any seed and so
overlap earlier audits. Each quote of a non-default seed's sample is marked "judged_before"
when the shared verdicts file already held its verdict when the seed was first drawn (the mark
is kept on later runs); the summary counts them per stratum and gives precision on the rest
("fresh_only"), the quotes nobody had read before this draw. With these quotas and the pools of
December 2026 (meaning 3, via-map 11 quotes in all), seed 20261203 gives 184 quotes, 64 of them
judged before (all of meaning and 10 of via-map among them) and 120 judged for this draw.

SEED 20261204 (--seed 20261204) is the next FRESH draw, taken after the fixes that the draw of
seed 20261203 prompted (IT-service "change management" no longer counts as organisational
change; a skill word in a school's name is dropped; the map, version 2, drops "data analytics",
TIBCO Spotfire and "Agile development"); none of its quotes were looked at while fixing. As
those fixes left the meaning and via-map pools tiny (3 and 5 quotes), the default quotas would
fall short of 200 quotes, so this seed is drawn with named 130, meaning 50, reference 70,
via-map 40 (FRESH_QUOTAS_3: in effect all meaning and via-map quotes); SEED_QUOTAS makes these
its quotas when --quotas is not given, and the summary records them. --quotas
(e.g. --quotas named=130,reference=70) sets the quotas of any draw; strata it does not name
keep QUOTAS, and the strata are drawn in QUOTAS order whatever order the option lists them,
so seeds 20260412 and 20261203 (drawn with QUOTAS, still their default) draw as before. With the
pools of December 2026 (named 551, meaning 3, reference 2193, via-map 5 quotes) seed 20261204
gives 208 quotes, 69 of them judged before (58 named, all 3 meaning, 4 reference, 4 of the 5
via-map) and 139 judged for this draw.

    .venv/bin/python bench/evidence_audit.py            # draw and write the jsonl, report
    .venv/bin/python bench/evidence_audit.py --report   # report from the stored files only
    .venv/bin/python bench/evidence_audit.py --seed 20261203            # fresh draw, own files
    .venv/bin/python bench/evidence_audit.py --report --seed 20261203   # its report
    .venv/bin/python bench/evidence_audit.py --seed 20261204   # third fresh draw (FRESH_QUOTAS_3)
    .venv/bin/python bench/evidence_audit.py --seed 20261204 \
        --quotas named=130,meaning=50,reference=70,via-map=40   # the same, quotas spelled out
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

RESUMES = Path(__file__).resolve().parents[2] / "shared" / "data" / "resumes"
RESULTS = Path(__file__).resolve().parent / "results"
QUOTES = RESULTS / "evidence_audit.jsonl"
VERDICTS = RESULTS / "evidence_audit_verdicts.json"
SUMMARY = RESULTS / "evidence_audit.json"
SEED = 20260412
FRESH_SEED = 20261203
QUOTAS = {"named": 120, "meaning": 50, "reference": 50, "via-map": 40}
# The fresh draw taken after the fixes prompted by seed 20261203, and the quotas it was drawn
# with (--quotas): the meaning and via-map pools are now so small that the default quotas fall
# short of 200 quotes.
FRESH_SEED_3 = 20261204
FRESH_QUOTAS_3 = {"named": 130, "meaning": 50, "reference": 70, "via-map": 40}
# Quotas a seed is drawn with when --quotas is not given; any other seed uses QUOTAS.
SEED_QUOTAS = {FRESH_SEED_3: FRESH_QUOTAS_3}
PROJECT = ("named", "meaning", "via-map")
CONTEXT = 80


def outputs(seed: int) -> tuple[Path, Path]:
    """The sample (jsonl) and summary (json) files of a seed; the default keeps the old names."""
    if seed == SEED:
        return QUOTES, SUMMARY
    return RESULTS / f"evidence_audit_seed{seed}.jsonl", RESULTS / f"evidence_audit_seed{seed}.json"


def resume_texts() -> list[str]:
    """The distinct resume texts, in file order."""
    with (RESUMES / "UpdatedResumeDataSet.csv").open(encoding="utf-8") as handle:
        return list(dict.fromkeys(row["Resume"] for row in csv.DictReader(handle)))


def quote_id(resume: str, skill: str, start: int, end: int) -> str:
    """Stable across runs: the resume's own hash, the skill and the offsets."""
    digest = hashlib.sha1(resume.encode()).hexdigest()[:12]
    return hashlib.sha1(f"{digest}|{skill}|{start}|{end}".encode()).hexdigest()[:12]


def _record(text: str, resume: str, skill: str, name: str, how: str, quote: Any) -> dict[str, Any]:
    return {
        "id": quote_id(resume, skill, quote.start, quote.end),
        "skill": skill,
        "skill_name": name,
        "how": how,
        "quote": quote.text,
        "before": text[max(0, quote.start - CONTEXT) : quote.start],
        "after": text[quote.end : quote.end + CONTEXT],
        "verdict": "",
        "reason": "",
    }


def collect() -> dict[str, list[dict[str, Any]]]:
    """Every quote of every development resume, by stratum."""
    from aicareers.engine.assessment.semantic_skills import MIN_WORDS, statement
    from aicareers.errors import NothingToAssessError
    from aicareers.service.assess import AssessInput, assess

    pools: dict[str, list[dict[str, Any]]] = {name: [] for name in QUOTAS}
    for resume in resume_texts():
        try:
            doc = assess(AssessInput(text=resume), top=None)
        except NothingToAssessError:
            continue
        text = doc.profile.text
        for skill in doc.skills.project:
            via = skill.how.startswith("via ")
            if skill.how not in ("named", "meaning") and not via:
                continue
            for quote in skill.evidence:
                record = _record(text, resume, skill.id, skill.name, skill.how, quote)
                if via:
                    # "via ESCO: <skill>" -> how "via ESCO", the reference skill kept beside it.
                    source, _, reference = skill.how.partition(": ")
                    record["how"], record["via"] = source, reference
                    pools["via-map"].append(record)
                    continue
                if skill.how == "meaning":
                    # The sentence matcher only quotes statements of MIN_WORDS words or more;
                    # anything else came from the matcher of typed and listed skill items.
                    sentence = len(quote.text.split()) >= MIN_WORDS and statement(quote.text)
                    record["how"] = "meaning (sentence)" if sentence else "meaning (list item)"
                pools["named" if skill.how == "named" else "meaning"].append(record)
        for source, found in (("esco", doc.skills.esco), ("onet", doc.skills.onet_technology)):
            for ref in found:
                for quote in ref.evidence:
                    record = _record(text, resume, f"{source}:{ref.id}", ref.name, source, quote)
                    pools["reference"].append(record)
    return pools


def parse_quotas(value: str) -> dict[str, int]:
    """``named=130,reference=70`` -> quotas; strata not named keep their QUOTAS default.

    The strata are always drawn in QUOTAS order, whatever order the option lists them in, so a
    draw depends only on the seed and the quota of each stratum.
    """
    quotas = dict(QUOTAS)
    for item in filter(None, (part.strip() for part in value.split(","))):
        stratum, sep, number = item.partition("=")
        stratum = stratum.strip()
        if not sep or stratum not in QUOTAS or not number.strip().isdigit():
            raise argparse.ArgumentTypeError(
                f"expected STRATUM=N with STRATUM one of {', '.join(QUOTAS)}, got {item!r}"
            )
        quotas[stratum] = int(number)
    return quotas


def draw(
    pools: dict[str, list[dict[str, Any]]],
    seed: int = SEED,
    quotas: dict[str, int] | None = None,
) -> list[dict[str, Any]]:
    """``quotas`` (default QUOTAS) quotes per stratum, at random with ``seed``, each at most once.

    A stratum whose pool holds fewer distinct quotes than its quota is taken whole.
    """
    quotas = quotas or QUOTAS
    rng = random.Random(seed)
    sample = []
    for stratum in QUOTAS:
        quota = quotas[stratum]
        unique = {r["id"]: r for r in pools[stratum]}
        ids = sorted(unique)
        for key in rng.sample(ids, min(quota, len(ids))):
            sample.append({**unique[key], "stratum": stratum})
    return sample


def report(
    sample: list[dict[str, Any]],
    population: dict[str, int],
    seed: int = SEED,
    quotas: dict[str, int] | None = None,
) -> dict[str, Any]:
    """Precision per how-found, per stratum, on the sample and weighted by stratum size."""
    quotas = quotas or QUOTAS
    verdicts = json.loads(VERDICTS.read_text()) if VERDICTS.exists() else {}
    judged = [{**r, **verdicts[r["id"]]} for r in sample if r["id"] in verdicts]

    def precision(rows: list[dict[str, Any]]) -> dict[str, Any]:
        right = sum(r["verdict"] == "right" for r in rows)
        share = round(right / len(rows), 3) if rows else None
        return {"n": len(rows), "right": right, "precision": share}

    by_how = {h: precision([r for r in judged if r["how"] == h]) for h in _ordered(judged, "how")}
    strata = {s: precision([r for r in judged if r["stratum"] == s]) for s in QUOTAS}
    wrong: dict[str, list[dict[str, Any]]] = {}
    for r in judged:
        if r["verdict"] != "right":
            wrong.setdefault(r.get("cause") or "unclassified", []).append(
                {k: r[k] for k in ("id", "stratum", "skill", "how", "quote", "reason")}
            )
    summary: dict[str, Any] = {
        "seed": seed,
        "sample": len(sample),
        "judged": len(judged),
        "population": population,
        "quotas": quotas,
        "short_of_quota": {
            s: f"pool holds {population.get(s, 0)} quotes, all taken (quota {q})"
            for s, q in quotas.items()
            if population.get(s, 0) < q
        },
        "precision_sample": precision(judged)["precision"] if judged else None,
        "precision_weighted": _weighted(strata, population, tuple(QUOTAS)),
        "project_skills_only": precision([r for r in judged if r["stratum"] in PROJECT]),
        "project_skills_weighted": _weighted(strata, population, PROJECT),
        "by_stratum": strata,
        "by_how": by_how,
        "wrong_by_cause": dict(sorted(wrong.items(), key=lambda item: -len(item[1]))),
    }
    if seed != SEED:
        # Quotes judged in an earlier audit were read before the fixes that followed it: the
        # figures on the rest are the ones no fix could have seen.
        fresh = [r for r in judged if not r.get("judged_before")]
        fresh_strata = {s: precision([r for r in fresh if r["stratum"] == s]) for s in QUOTAS}
        summary["judged_before_this_draw"] = {
            s: sum(bool(r.get("judged_before")) for r in sample if r["stratum"] == s)
            for s in QUOTAS
        }
        summary["fresh_only"] = {
            "sample": precision(fresh),
            "project_skills": precision([r for r in fresh if r["stratum"] in PROJECT]),
            "by_stratum": fresh_strata,
        }
    return summary


def _weighted(
    strata: dict[str, dict[str, Any]], population: dict[str, int], names: tuple[str, ...]
) -> float | None:
    """Precision of a random quote from ``names``, each stratum weighted by its size.

    A stratum the product gives no quotes for weighs nothing; one with quotes but no verdicts
    leaves the figure unknown.
    """
    names = tuple(n for n in names if population.get(n))
    if not names or any(strata[n]["precision"] is None for n in names):
        return None
    total = sum(population[n] for n in names)
    return round(sum(float(strata[n]["precision"]) * population[n] / total for n in names), 3)


def _with_verdicts(sample: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sample with the stored verdicts of quotes judged before (same quote id)."""
    verdicts = json.loads(VERDICTS.read_text()) if VERDICTS.exists() else {}
    return [{**r, **verdicts.get(r["id"], {})} for r in sample]


def _mark_judged_before(sample: list[dict[str, Any]], quotes: Path) -> list[dict[str, Any]]:
    """Mark the quotes whose verdict was stored before this seed was first drawn.

    The mark comes from this seed's earlier sample file where the quote is in it, so that
    verdicts written for this draw do not turn its own quotes into "judged before".
    """
    verdicts = json.loads(VERDICTS.read_text()) if VERDICTS.exists() else {}
    earlier = {}
    if quotes.exists():
        for line in quotes.read_text().splitlines():
            row = json.loads(line)
            if "judged_before" in row:
                earlier[row["id"]] = row["judged_before"]
    return [{**r, "judged_before": earlier.get(r["id"], r["id"] in verdicts)} for r in sample]


def _ordered(rows: list[dict[str, Any]], key: str) -> list[str]:
    return [value for value, _ in Counter(r[key] for r in rows).most_common()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="report from stored files only")
    parser.add_argument(
        "--seed",
        type=int,
        default=SEED,
        help=f"random seed of the draw (default {SEED}; {FRESH_SEED} and {FRESH_SEED_3} are the "
        "fresh draws taken after the second and third audits' fixes); a non-default seed writes "
        "its own files",
    )
    parser.add_argument(
        "--quotas",
        type=parse_quotas,
        default=None,
        help="quotas per stratum, e.g. named=130,reference=70 (strata not named keep the "
        f"default {QUOTAS}); seed {FRESH_SEED_3} defaults to "
        + ",".join(f"{s}={n}" for s, n in FRESH_QUOTAS_3.items())
        + "; --report reads the quotas from the seed's summary",
    )
    args = parser.parse_args()
    quotes, summary_file = outputs(args.seed)
    if args.report:
        sample = [json.loads(line) for line in quotes.read_text().splitlines()]
        stored = json.loads(summary_file.read_text())
        population = stored["population"]
        quotas = args.quotas or stored.get("quotas") or SEED_QUOTAS.get(args.seed, QUOTAS)
    else:
        quotas = args.quotas or SEED_QUOTAS.get(args.seed, QUOTAS)
        pools = collect()
        population = {s: len({r["id"] for r in pools[s]}) for s in QUOTAS}
        sample = _with_verdicts(draw(pools, args.seed, quotas))
        if args.seed != SEED:
            sample = _mark_judged_before(sample, quotes)
        RESULTS.mkdir(exist_ok=True)
        quotes.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sample))
    summary = report(sample, population, args.seed, quotas)
    summary_file.write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
