"""``aicareers data``: build, check and info through the CLI, on generated sources."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from aicareers.cli.app import AicareersGroup
from aicareers.cli.data import data

from .taxonomy_fixture import write_sources

pytest.importorskip("openpyxl", reason="the tests write their O*NET fixtures with openpyxl")

# The root group turns our errors into exit codes; a local one keeps these tests independent
# of whether ``data`` is registered yet.
ROOT = AicareersGroup(name="aicareers", commands={"data": data})


def invoke(*args: str | Path) -> Result:
    runner = CliRunner(env={"COLUMNS": "100", "NO_COLOR": "1"})
    return runner.invoke(ROOT, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, Path]:
    onet, esco = write_sources(tmp_path / "sources")
    out = tmp_path / "taxonomy"
    result = invoke("data", "build", "--onet", onet, "--esco", esco, "--out", out, "--no-vectors")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Built the taxonomy in {out} (")
    assert "without vectors" in result.stdout
    return onet, esco, out


def test_info_json(built: tuple[Path, Path, Path]) -> None:
    out = built[2]
    result = invoke("data", "info", "--dir", out, "--format", "json")
    assert result.exit_code == 0
    info = json.loads(result.stdout)
    assert info["artifact"] == str(out)
    assert info["sources"]["onet"]["version"] == "29.3"
    assert info["sources"]["esco"]["version"] == "v1.1.1"
    assert info["counts"]["occupations"] == 3
    assert info["total_bytes"] == sum(info["files"].values())
    assert info["vectors"] is None


def test_info_table(built: tuple[Path, Path, Path]) -> None:
    result = invoke("data", "info", "--dir", built[2])
    assert result.exit_code == 0
    assert "29.3 May 2025" in result.stdout
    assert "Vectors: none" in result.stdout


def test_check_clean_then_stale(built: tuple[Path, Path, Path]) -> None:
    onet, esco, out = built
    result = invoke("data", "check", "--dir", out, "--onet", onet, "--esco", esco)
    assert (result.exit_code, result.stdout) == (0, f"The taxonomy at {out} is sound.\n")
    (esco / "occupations_en.csv").write_text("conceptUri\n")
    result = invoke("data", "check", "--dir", out, "--onet", onet, "--esco", esco)
    assert result.exit_code == 3
    assert result.stdout == (
        f"The taxonomy at {out} has problems:\n"
        "  - stale: esco source changed since the build: occupations_en.csv\n"
        "Rebuild it: aicareers data build --onet DIR --esco DIR\n"
    )


def test_check_json_reports_corruption(built: tuple[Path, Path, Path]) -> None:
    out = built[2]
    (out / "interests.npy").write_bytes(b"junk")
    result = invoke("data", "check", "--dir", out, "--format", "json")
    assert result.exit_code == 3
    assert json.loads(result.stdout) == {
        "artifact": str(out),
        "ok": False,
        "problems": ["artifact file corrupt (hash differs from manifest): interests.npy"],
    }


def test_build_names_a_missing_directory(tmp_path: Path) -> None:
    onet, _ = write_sources(tmp_path)
    missing = tmp_path / "nowhere"
    result = invoke("data", "build", "--onet", onet, "--esco", missing, "--out", tmp_path / "o")
    assert result.exit_code == 3
    assert result.stderr == f"Error: ESCO directory not found: {missing}\n"


def test_info_without_an_artifact_says_what_to_run(tmp_path: Path) -> None:
    result = invoke("data", "info", "--dir", tmp_path)
    assert result.exit_code == 3
    assert "Run `aicareers data build --onet DIR --esco DIR`" in result.stderr


def test_the_group_imports_nothing_heavy() -> None:
    code = "import sys, aicareers.cli.data; print(sorted({'numpy', 'rich'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_data_command_has_an_example() -> None:
    for name, command in data.commands.items():
        assert f"Example: aicareers data {name}" in (command.help or ""), name
    assert isinstance(data, click.Group)


def test_build_stores_the_similarity_table(built: tuple[Path, Path, Path]) -> None:
    out = built[2]
    manifest = json.loads((out / "manifest.json").read_text())
    assert "similarity" in manifest
    assert (out / "similarity_neighbours.npy").is_file()
    assert (out / "similarity_scores.npy").is_file()
