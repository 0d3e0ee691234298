"""The cohort report of results kept as Parquet parts (``batch assess --out FOLDER``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from aicareers.batch.parts import Parts
from aicareers.cli.app import cli

from . import cohort_sample as sample


def report(path: Path, *args: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["cohort", "report", str(path), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def written(tmp_path: Path) -> tuple[Path, Path]:
    """The sample's rows as two Parquet parts and as the JSONL a local run writes."""
    rows = [json.dumps(row).encode() for row in sample.ROWS]
    parts = Parts(tmp_path / "results", "parquet")
    parts.folder.mkdir()
    parts.write(0, [(True, line) for line in rows[:4]])
    parts.write(1, [(True, line) for line in rows[4:]])
    plain = tmp_path / "results.jsonl"
    plain.write_bytes(b"\n".join(rows) + b"\n")
    return parts.folder, plain


def test_parquet_parts_give_the_report_of_the_same_rows_as_jsonl(tmp_path: Path) -> None:
    folder, plain = written(tmp_path)
    from_parts, from_lines = report(folder), report(plain)
    assert from_parts["results"] == len(sample.ROWS)
    assert from_parts["cohort"] == from_lines["cohort"]
    top1 = {c["id"]: c["top1"] for c in from_parts["cohort"]["careers"]}
    assert top1 == sample.TOP1


def test_grouping_reads_the_kept_columns_of_the_parts(tmp_path: Path) -> None:
    folder, plain = written(tmp_path)
    assert report(folder, "--by", "site")["groups"] == report(plain, "--by", "site")["groups"]


def test_one_part_file_is_read_too(tmp_path: Path) -> None:
    folder, _ = written(tmp_path)
    assert report(folder / "part-00000.parquet")["results"] == 4


def test_a_folder_without_parts_or_a_file_that_is_not_parquet_is_a_message(
    tmp_path: Path,
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(cli, ["cohort", "report", str(empty)])
    assert result.exit_code == 2
    assert "holds no part-*.parquet files" in result.output
    fake = tmp_path / "fake.parquet"
    fake.write_text("row,careers\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["cohort", "report", str(fake)])
    assert result.exit_code == 2
    assert "is not a Parquet file that can be read" in result.output
    assert "Traceback" not in result.output
