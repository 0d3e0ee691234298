"""Speed and memory of the assessment engine: cold load, warm 600-word resumes, profile, RSS.

    .venv/bin/python bench/assess_speed.py [--repeats 10] [--texts 20]

(a) Cold load in fresh subprocesses: ``load_assessor()`` part by part (imports, catalog,
    taxonomy, encoder, title coder, similarity, semantic matcher), then the real
    ``load_assessor()`` call in one piece, semantic on and off, with the first assessment.
(b) Warm assessment of about-600-word resumes (bench/resume_texts.py: 20 composed from our own
    templates, and 20 job-posting descriptions cut to 600 words), each assessed ``--repeats``
    times after one warm-up pass (p50/p95 of ``assess`` alone), then parse + assess of each
    text ``--repeats // 5`` times; semantic on and off. A cProfile of one warm assessment,
    and a breakdown by engine step over all texts.
(c) Peak RSS (ru_maxrss) after loading and after assessing.

Every wall-clock figure is written beside the 1-minute load average and the CPU time of the
process over the same span: the machine has 2 cores shared with other jobs. Writes
bench/results/assess_speed.json and prints a markdown table.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from resume_texts import posting_resumes, template_resumes

RESULTS = Path(__file__).resolve().parent / "results" / "assess_speed.json"
# Engine steps reported from the profile: (label, file suffix, function name).
STEPS = (
    ("parse resume (profile_from_inputs)", "intake.py", "profile_from_inputs"),
    ("assessed_text", "engine/text.py", "assessed_text"),
    ("title coding (code_many)", "engine/titles.py", "code_many"),
    ("detect_backgrounds", "engine/backgrounds.py", "detect_backgrounds"),
    ("named skills (extract_skills)", "engine/skills.py", "extract_skills"),
    ("semantic skills (find)", "engine/semantic_skills.py", "find"),
    ("  of which encoder.encode", "semantic/encoder.py", "encode"),
    ("  of which onnx session.run", "semantic/encoder.py", "_run"),
    ("rank careers", "engine/scoring.py", "rank"),
    ("whole assess", "engine/assess.py", "assess"),
)


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def load1() -> float:
    """The 1-minute load average."""
    return round(os.getloadavg()[0], 2)


@contextmanager
def span(into: dict[str, Any], name: str) -> Iterator[None]:
    """Record wall seconds, CPU seconds and the load average at the start of a block."""
    load, cpu, wall = load1(), time.process_time(), time.perf_counter()
    yield
    into[name] = {
        "wall_s": round(time.perf_counter() - wall, 3),
        "cpu_s": round(time.process_time() - cpu, 3),
        "load1": load,
    }


# ---------------------------------------------------------------- (a) cold load, in a child


def cold_parts() -> dict[str, Any]:
    """Build the assessor the way ``load_assessor`` does, timing each part (fresh process)."""
    parts: dict[str, Any] = {}
    with span(parts, "imports (aicareers engine + onnxruntime + tokenizers)"):
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401

        from aicareers.engine.assessment.assess import Assessor
        from aicareers.engine.assessment.semantic_skills import SemanticSkillMatcher
        from aicareers.engine.assessment.vocabulary import Vocabulary
        from aicareers.engine.occupations.loading import load_similarity
        from aicareers.engine.occupations.titles import TitleCoder
        from aicareers.knowledge import default_catalog
        from aicareers.knowledge.space import default_space
        from aicareers.semantic import Encoder
        from aicareers.service.runtime import (
            _occupation_interests,
            _skill_matcher,
            load_title_coder,
        )
        from aicareers.taxonomy.model import Taxonomy
    with span(parts, "catalog (default_catalog)"):
        catalog = default_catalog()
    with span(parts, "career space + vocabulary"):
        space, vocabulary = default_space(), Vocabulary(catalog.skills)
    with span(parts, "taxonomy (Taxonomy.load)"):
        taxonomy = Taxonomy.load()
    with span(parts, "encoder (Encoder.load)"):
        encoder = Encoder.load()
    with span(parts, "title coder (load_title_coder: user-cache index + stored vectors)"):
        coder = load_title_coder(taxonomy, encoder)
    with span(parts, "similarity (load_similarity)"):
        similarity = load_similarity(taxonomy).score
    with span(parts, "semantic matcher (runtime._skill_matcher: user-cache vectors)"):
        semantic = _skill_matcher(encoder, catalog)
    # What the two user caches save: the same parts built from scratch (not summed below).
    uncached: dict[str, Any] = {}
    with span(uncached, "title coder without cache (TitleCoder.from_taxonomy)"):
        TitleCoder.from_taxonomy(taxonomy, encoder=encoder)
    with span(uncached, "semantic matcher without cache (SemanticSkillMatcher.build)"):
        SemanticSkillMatcher.build(encoder, catalog)
    Assessor(
        catalog=catalog, space=space, vocabulary=vocabulary, coder=coder,
        similarity=similarity, semantic=semantic,
        occupation_interests=_occupation_interests(taxonomy),
    )  # fmt: skip
    total = {
        "wall_s": round(sum(p["wall_s"] for p in parts.values()), 3),
        "cpu_s": round(sum(p["cpu_s"] for p in parts.values()), 3),
        "load1": load1(),
    }
    return {
        "parts": parts,
        "sum_of_parts": total,
        "without_user_cache": uncached,
        "peak_rss_mb_after_load": rss_mb(),
    }


def cold_total(semantic: bool) -> dict[str, Any]:
    """``load_assessor`` in one call (imports included), then one first assessment."""
    out: dict[str, Any] = {}
    with span(out, "load_assessor"):
        from aicareers.service.intake import profile_from_inputs
        from aicareers.service.runtime import load_assessor

        assessor = load_assessor(semantic=semantic)
    out["peak_rss_mb_after_load"] = rss_mb()
    text = template_resumes(1)[0]
    with span(out, "first assessment (parse + assess)"):
        assessor.assess(profile_from_inputs(data=text.encode(), filename="resume.txt"))
    out["peak_rss_mb_after_first"] = rss_mb()
    return out


def in_child(*args: str) -> dict[str, Any]:
    """Run this script with ``args`` in a fresh interpreter and read its JSON answer."""
    cmd = [sys.executable, __file__, *args]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    answer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


# ---------------------------------------------------------------- (b) warm assessment


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, round(q / 100 * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def forget(assessor: Any) -> None:
    """Empty the engine's sentence-vector memory, so a repeat is timed like a new resume."""
    for part in (assessor.semantic, getattr(assessor, "text_coder", None)):
        encoder = getattr(part, "encoder", None)
        if hasattr(encoder, "forget"):
            encoder.forget()


def warm(assessor: Any, texts: list[str], repeats: int) -> dict[str, Any]:
    """p50/p95 of assess alone and of parse + assess over ``texts`` x ``repeats``.

    The encoder's memory of recent sentences is emptied before each timed call (outside the
    timing): a repeat of the same text would otherwise skip the encoder, which a new resume
    never does. CPU time then includes the emptying, which is negligible.
    """
    from aicareers.service.intake import profile_from_inputs

    def parse(text: str) -> Any:
        return profile_from_inputs(data=text.encode(), filename="resume.txt")

    profiles = [parse(t) for t in texts]
    for profile in profiles:  # warm-up pass
        assessor.assess(profile)
    assess_ms, e2e_ms = [], []
    load, cpu, wall = load1(), time.process_time(), time.perf_counter()
    for _ in range(repeats):
        for profile in profiles:
            forget(assessor)
            t = time.perf_counter()
            assessor.assess(profile)
            assess_ms.append((time.perf_counter() - t) * 1000)
    assess_wall, assess_cpu = time.perf_counter() - wall, time.process_time() - cpu
    cpu2, wall2 = time.process_time(), time.perf_counter()
    for _ in range(max(1, repeats // 5)):  # parsing is a few ms: fewer rounds suffice
        for text in texts:
            forget(assessor)
            t = time.perf_counter()
            assessor.assess(parse(text))
            e2e_ms.append((time.perf_counter() - t) * 1000)
    e2e_wall, e2e_cpu = time.perf_counter() - wall2, time.process_time() - cpu2
    n, n2 = len(assess_ms), len(e2e_ms)
    return {
        "texts": len(texts),
        "repeats": repeats,
        "mean_words": round(sum(len(t.split()) for t in texts) / len(texts)),
        "assess_ms_p50": round(percentile(assess_ms, 50), 1),
        "assess_ms_p95": round(percentile(assess_ms, 95), 1),
        "assess_cpu_ms_mean": round(assess_cpu / n * 1000, 1),
        "assess_texts_per_s": round(n / assess_wall, 1),
        "e2e_ms_p50": round(percentile(e2e_ms, 50), 1),
        "e2e_ms_p95": round(percentile(e2e_ms, 95), 1),
        "e2e_cpu_ms_mean": round(e2e_cpu / n2 * 1000, 1),
        "e2e_texts_per_s": round(n2 / e2e_wall, 1),
        "e2e_samples": n2,
        "load1_start": load,
        "load1_end": load1(),
    }


def _function_times(stats: pstats.Stats, calls_per: int) -> dict[str, Any]:
    """Cumulative ms per assessment of each engine step named in STEPS."""
    found: dict[str, Any] = {}
    raw: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]
    for label, suffix, name in STEPS:
        total = 0.0
        for (file, _line, func), (_cc, _nc, _tt, ct, _callers) in raw.items():
            if func == name and file.endswith(suffix):
                total += ct
        found[label] = round(total / calls_per * 1000, 1)
    return found


def profile(assessor: Any, texts: list[str]) -> dict[str, Any]:
    """cProfile top 15 of one warm assessment, and per-step cumulative times over all texts."""
    from aicareers.service.intake import profile_from_inputs

    def run_one(text: str) -> None:
        assessor.assess(profile_from_inputs(data=text.encode(), filename="resume.txt"))

    run_one(texts[0])
    out: dict[str, Any] = {}
    for order in ("tottime", "cumulative"):
        prof = cProfile.Profile()
        prof.runcall(run_one, texts[0])
        buffer = io.StringIO()
        pstats.Stats(prof, stream=buffer).strip_dirs().sort_stats(order).print_stats(15)
        out[f"top15_{order}"] = buffer.getvalue()
    prof = cProfile.Profile()
    load = load1()
    for text in texts:
        prof.runcall(run_one, text)
    out["steps_ms_per_assessment_profiled"] = _function_times(pstats.Stats(prof), len(texts))
    out["steps_load1"] = load
    return out


# ---------------------------------------------------------------- report


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    model = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    )  # fmt: skip
    return {
        "nproc": os.cpu_count(),
        "affinity": len(os.sched_getaffinity(0)),
        "cpu_model": model,
        "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
    }


def table(result: dict[str, Any]) -> str:
    """The markdown table that docs/benchmarks.md quotes."""
    rows = ["| measure | value | CPU time | load avg (1 min) |", "|---|---|---|---|"]

    def add(name: str, value: str, cpu: str, load: float | str) -> None:
        rows.append(f"| {name} | {value} | {cpu} | {load} |")

    cold = result["cold_parts"]
    for name, part in [*cold["parts"].items(), *cold["without_user_cache"].items()]:
        add(f"cold: {name}", f"{part['wall_s']} s", f"{part['cpu_s']} s", part["load1"])
    for key in ("semantic", "no_semantic"):
        total = result[f"cold_total_{key}"]
        load = total["load_assessor"]
        first = total["first assessment (parse + assess)"]
        add(f"cold: load_assessor() [{key}]", f"{load['wall_s']} s", f"{load['cpu_s']} s",
            load["load1"])  # fmt: skip
        add(f"cold: first assessment [{key}]", f"{first['wall_s'] * 1000:.0f} ms",
            f"{first['cpu_s'] * 1000:.0f} ms", first["load1"])  # fmt: skip
    for name, w in result["warm"].items():
        load = f"{w['load1_start']} -> {w['load1_end']}"
        add(f"warm assess p50 / p95 [{name}]", f"{w['assess_ms_p50']} / {w['assess_ms_p95']} ms",
            f"{w['assess_cpu_ms_mean']} ms mean", load)  # fmt: skip
        add(f"warm parse+assess p50 / p95 [{name}]", f"{w['e2e_ms_p50']} / {w['e2e_ms_p95']} ms",
            f"{w['e2e_cpu_ms_mean']} ms mean", load)  # fmt: skip
        add(f"sequential texts/s, parse+assess [{name}]", f"{w['e2e_texts_per_s']}",
            f"{w['e2e_cpu_ms_mean']} ms/text", load)  # fmt: skip
    add("peak RSS after load (semantic, fresh process)",
        f"{result['cold_total_semantic']['peak_rss_mb_after_load']} MB", "", "")  # fmt: skip
    add("peak RSS after all warm runs (this process)", f"{result['peak_rss_mb']} MB", "", "")
    return "\n".join(rows)


def main() -> None:
    """Measure everything and write the results file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--texts", type=int, default=20)
    args = parser.parse_args()
    result: dict[str, Any] = {"machine": machine()}
    result["cold_parts"] = in_child("--cold-parts")
    result["cold_total_semantic"] = in_child("--cold-total", "semantic")
    result["cold_total_no_semantic"] = in_child("--cold-total", "plain")

    from aicareers.service.runtime import load_assessor

    sets = {"template": template_resumes(args.texts), "posting": posting_resumes(args.texts)}
    runs: dict[str, Any] = {}
    engines: dict[str, Callable[[], Any]] = {
        "semantic": lambda: load_assessor(semantic=True),
        "no semantic": lambda: load_assessor(semantic=False),
    }
    for engine, make in engines.items():
        assessor = make()
        for source, texts in sets.items():
            if texts:
                runs[f"{engine}, {source} resumes"] = warm(assessor, texts, args.repeats)
                print(f"done: {engine}, {source}", file=sys.stderr, flush=True)
    result["warm"] = runs
    result["profile_semantic_template"] = profile(load_assessor(semantic=True), sets["template"])
    result["profile_no_semantic_template"] = profile(
        load_assessor(semantic=False), sets["template"]
    )
    result["peak_rss_mb"] = rss_mb()
    result["threads_note"] = "onnxruntime intra-op threads = min(cores, 4)"
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(table(result))
    print("\nsteps, ms per assessment under cProfile (semantic, template resumes):")
    for name, ms in result["profile_semantic_template"]["steps_ms_per_assessment_profiled"].items():
        print(f"  {name}: {ms}")
    print("\n" + result["profile_semantic_template"]["top15_tottime"])


if __name__ == "__main__":
    if sys.argv[1:2] == ["--cold-parts"]:
        print(json.dumps(cold_parts()))
    elif sys.argv[1:2] == ["--cold-total"]:
        print(json.dumps(cold_total(sys.argv[2] == "semantic")))
    else:
        main()
