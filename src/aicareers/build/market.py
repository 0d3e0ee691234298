"""Build the shipped salary artifact from the ai-jobs.net CSV: Parquet plus a manifest.

    python -m aicareers.build.market [--csv PATH] [--out DIR] [--draft-titles FILE]

Rows are kept whole, exact duplicates included (see docs/market.md for why and what it
changes), sorted by ``salary_in_usd`` so that any filtered subset is already sorted and
percentiles need no sort at query time. Categorical columns are dictionary-encoded and the file
is zstd-compressed. ``duplicate`` marks every copy of a row after its first, so the distinct
rows stay one filter away. The manifest records the source's SHA-256, the row counts and the
median with and without the duplicates.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np

from ..market.titles import OTHER, TITLE_MAP, load_title_map

DATA_DIR = Path(__file__).with_name("data")
PARQUET = "salaries.parquet"
MANIFEST = "manifest.json"
DEFAULT_CSV = Path("../shared/data/ai-jobs-salaries/salaries.csv")
SCHEMA_VERSION = 1
SOURCE = {
    "name": "ai-jobs.net salaries (aijobs.net)",
    "url": "https://aijobs.net/salaries/",
    "license": "CC0 1.0",
}
CATEGORICAL = (
    "experience_level", "employment_type", "job_title", "salary_currency",
    "employee_residence", "company_location", "company_size",
)  # fmt: skip
LEVELS = ("EN", "MI", "SE", "EX")
REMOTE = (0, 50, 100)

# First pass of the title map only (the shipped map is reviewed by hand): the first pattern
# that matches a lower-cased title proposes its role.
DRAFT_RULES = (
    (r"prompt engineer", "prompt-engineer"),
    (r"mlops|ml infrastructure|machine learning (infrastructure|platform)", "mlops-engineer"),
    (r"^ai product (manager|owner|lead)", "ai-product-manager"),
    (r"conversational ai|chatbot", "conversational-ai-designer"),
    (r"ai governance", "ai-compliance-manager"),
    (r"ai ethic|responsible ai", "ai-ethics-officer"),
    (r"ai safety|alignment", "ai-safety-researcher"),
    (r"synthetic data", "synthetic-data-scientist"),
    (r"annotat|labell?ing|training data", "ai-training-data-curator"),
    (r"moderat|trust (and|&) safety", "ai-content-moderator"),
    (r"deepfake|forensic", "deepfake-detection-specialist"),
    (r"personali[sz]ation|recommend", "personalization-engineer"),
    (r"quantum", "quantum-machine-learning-researcher"),
    (r"sustainab", "ai-sustainability-specialist"),
    (r"explainab|transparen", "ai-transparency-analyst"),
    (r"autonomous", "autonomous-systems-operator"),
    (r"ai content", "generative-ai-content-strategist"),
    (r"(machine learning|ai|genai|neural network) architect", "neural-network-architect"),
    (r"^(head|director) of (applied )?(ai|artificial|machine)|^ai .*(lead|manager|director)",
     "ai-leader"),
    (r"research (scientist|engineer)|applied scientist|(ml|learning|ai) scientist|ai research",
     "research-scientist"),
    (r"machine learning|deep learning|computer vision|nlp|machine vision|\bml\b|llm",
     "ml-engineer"),
    (r"\bai\b|artificial intelligence", "ai-engineer"),
    (r"data scien|decision scien|statistician|cientista", "data-scientist"),
    (r"data architect|data modeler", "data-architect"),
    (r"governance|data quality|steward|master data|data management|integrity", "data-governance"),
    (r"data engineer|etl|integration|pipeline|big data|dataops|data (infra|platform|developer)"
     r"|analytics engineer|databricks|spark", "data-engineer"),
    (r"analy|business intelligence|\bbi\b|power bi|tableau|visuali|insight|report",
     "data-analyst"),
    (r"head of data|director of data|data (lead|manager|team lead|strategy)", "data-leader"),
    (r"software|backend|frontend|full ?stack|(python|java|web|application|cloud) developer",
     "software-engineer"),
    (r"product (manager|owner|management)", "product-manager"),
    (r"devops|platform engineer|reliability|cloud engineer|infrastructure engineer",
     "devops-engineer"),
    (r"robotic", "robotics-engineer"),
)  # fmt: skip


def draft_role(title: str) -> str:
    """The role the keyword rules propose for a job title (``other`` when none matches)."""
    lowered = title.lower()
    for pattern, role in DRAFT_RULES:
        if re.search(pattern, lowered):
            return role
    return OTHER


def sha256_file(path: Path) -> str:
    """The hex SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_csv(path: Path) -> Any:
    """The CSV as a pyarrow Table with fixed types; ``SystemExit`` names a bad file or value."""
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.csv as pacsv  # type: ignore[import-untyped]

    types = {
        "work_year": pa.int16(), "salary": pa.int64(), "salary_in_usd": pa.int32(),
        "remote_ratio": pa.int8(), **{name: pa.string() for name in CATEGORICAL},
    }  # fmt: skip
    try:
        table = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(column_types=types))
    except (OSError, pa.ArrowInvalid) as exc:
        raise SystemExit(f"Cannot read {path}: {exc}") from None
    missing = set(types) - set(table.column_names)
    if missing:
        raise SystemExit(f"{path} lacks the columns {sorted(missing)}.")
    check_values(table)
    return table.select([name for name in table.column_names if name in types])


def check_values(table: Any) -> None:
    """Refuse levels, remote ratios or salaries the queries do not expect."""
    levels = set(table.column("experience_level").to_pylist())
    remote = set(table.column("remote_ratio").to_pylist())
    if not levels <= set(LEVELS) or not remote <= set(REMOTE):
        raise SystemExit(f"Unexpected levels {levels} or remote ratios {remote}.")
    if table.column("salary_in_usd").null_count or table.column("job_title").null_count:
        raise SystemExit("Some rows lack salary_in_usd or job_title.")


def sort_and_mark(table: Any) -> Any:
    """Sort by pay (then every column, for a stable order) and add the ``duplicate`` column.

    After a sort on every column, identical rows sit next to each other, so a row is a copy
    exactly when it equals the row before it.
    """
    import pyarrow as pa

    keys = ["salary_in_usd", *(c for c in table.column_names if c != "salary_in_usd")]
    table = table.sort_by([(k, "ascending") for k in keys])
    rows = list(zip(*(table.column(c).to_pylist() for c in table.column_names), strict=True))
    duplicate = [i > 0 and rows[i] == rows[i - 1] for i in range(len(rows))]
    return table.append_column("duplicate", pa.array(duplicate, pa.bool_()))


def write_parquet(table: Any, path: Path) -> None:
    """Write dictionary-encoded, zstd-compressed Parquet in one row group."""
    import pyarrow.compute as pc  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    for name in CATEGORICAL:
        index = table.column_names.index(name)
        table = table.set_column(index, name, pc.dictionary_encode(table.column(name)))
    pq.write_table(
        table, path, compression="zstd", compression_level=19, use_dictionary=list(CATEGORICAL),
        write_statistics=False, row_group_size=len(table) or 1,
    )  # fmt: skip


def dedup_effect(table: Any) -> dict[str, Any]:
    """Medians with and without the exact duplicates, overall and by level."""
    from ..market.stats import quantile_cont

    pay = table.column("salary_in_usd").to_numpy().astype(np.float64)
    level = np.asarray(table.column("experience_level").to_pylist())
    first = ~table.column("duplicate").to_numpy(zero_copy_only=False)

    def medians(mask: Any) -> dict[str, Any]:
        return {
            "n_all": int(mask.sum()),
            "n_distinct": int((mask & first).sum()),
            "p50_all": quantile_cont(pay[mask], 0.5),
            "p50_distinct": quantile_cont(pay[mask & first], 0.5),
        }

    everything = np.ones(len(pay), dtype=bool)
    return {"all": medians(everything), **{lv: medians(level == lv) for lv in LEVELS}}


def manifest(csv: Path, table: Any, parquet: Path) -> dict[str, Any]:
    """What the artifact was built from and what it holds."""
    years = table.column("work_year").to_numpy()
    duplicates = int(table.column("duplicate").to_numpy(zero_copy_only=False).sum())
    return {
        "format": "aicareers-salaries",
        "schema_version": SCHEMA_VERSION,
        "source": {**SOURCE, "file": csv.name, "sha256": sha256_file(csv)},
        "rows": len(table),
        "distinct_rows": len(table) - duplicates,
        "duplicate_rows": duplicates,
        "rows_by_year": {str(y): int((years == y).sum()) for y in sorted(set(years.tolist()))},
        "job_titles": len(set(table.column("job_title").to_pylist())),
        "dedup": {
            "decision": "keep",
            "why": "Rows carry no id, so identical rows may be different people who gave the "
            "same answers; every row is kept and 'duplicate' marks the repeats.",
            "effect": dedup_effect(table),
        },
        "parquet": {"file": parquet.name, "sha256": sha256_file(parquet),
                    "size": parquet.stat().st_size},
    }  # fmt: skip


def unmapped_titles(titles: list[str]) -> list[str]:
    """The job titles of the data that ``title_map.yaml`` does not list."""
    if not TITLE_MAP.exists():
        return sorted(set(titles))
    title_map = load_title_map(TITLE_MAP)
    return sorted(t for t in set(titles) if title_map.role_of(t) is None)


def write_draft(titles: list[str], path: Path) -> None:
    """Write keyword-rule proposals for unmapped titles, as YAML lines to review by hand."""
    lines = [f"# {draft_role(t)}\n- {json.dumps(t)}\n" for t in sorted(titles, key=draft_role)]
    path.write_text("".join(lines), encoding="utf-8")


def build(csv: Path, out: Path, draft: Path | None = None) -> dict[str, Any]:
    """Read ``csv``, write ``salaries.parquet`` and ``manifest.json`` into ``out``."""
    table = sort_and_mark(read_csv(csv))
    out.mkdir(parents=True, exist_ok=True)
    parquet = out / PARQUET
    write_parquet(table, parquet)
    result = manifest(csv, table, parquet)
    text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    (out / MANIFEST).write_text(text, encoding="utf-8")
    missing = unmapped_titles(table.column("job_title").to_pylist())
    if missing:
        print(f"{len(missing)} job titles are not in {TITLE_MAP.name}.", file=sys.stderr)
    if draft is not None:
        write_draft(missing, draft)
    return result


def main(argv: list[str] | None = None) -> None:
    """Command line: build the artifact and print a one-line summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="the ai-jobs.net CSV")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="folder to write into")
    parser.add_argument(
        "--draft-titles", type=Path, help="write keyword-rule proposals for unmapped job titles"
    )
    args = parser.parse_args(argv)
    result = build(args.csv, args.out, args.draft_titles)
    print(
        f"{result['rows']:,} rows ({result['duplicate_rows']:,} exact duplicates kept), "
        f"{result['job_titles']} job titles -> {args.out / PARQUET} "
        f"({result['parquet']['size']:,} bytes)"
    )


if __name__ == "__main__":
    main()
