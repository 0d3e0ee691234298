"""The admin use cases behind ``aicareers data`` and ``model``, called without the CLI."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from aicareers.service import data as service

from .taxonomy_fixture import write_sources

CLI = Path(service.__file__).resolve().parents[1] / "cli"


@pytest.fixture
def sources(tmp_path: Path) -> tuple[Path, Path]:
    pytest.importorskip("openpyxl", reason="the tests write their O*NET fixtures with openpyxl")
    return write_sources(tmp_path / "sources")


def test_build_reports_plain_values_and_opens_one_stage_per_step(
    sources: tuple[Path, Path], tmp_path: Path
) -> None:
    from aicareers.build.taxonomy import STEPS

    opened: list[int] = []
    labels: list[str] = []

    @contextmanager
    def stages(total: int) -> Iterator[service.Step]:
        opened.append(total)
        yield labels.append

    out = tmp_path / "taxonomy"
    result = service.build_taxonomy(*sources, out, vectors=False, stages=stages)
    assert (result.artifact, result.with_vectors) == (out, False)
    assert (result.occupations, result.esco_skills) == (3, 2)
    files = [p for p in out.iterdir() if p.name != "manifest.json"]
    assert result.total_bytes == sum(p.stat().st_size for p in files)
    assert opened == [STEPS, 1]  # the build, then the similarity table
    assert labels[-1] == "occupation similarity"


def test_check_and_info_of_a_fresh_build(sources: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "taxonomy"
    service.build_taxonomy(*sources, out, vectors=False)
    result = service.check_taxonomy(out, *sources)
    assert (result.artifact, result.ok, result.problems) == (out, True, [])
    assert result.rebuild.command == "aicareers data build --onet DIR --esco DIR"
    info = service.taxonomy_info(out)
    assert info["artifact"] == str(out)
    assert "similarity_model.json.gz" in info["files"]
    assert info["total_bytes"] == sum(info["files"].values())


def test_check_of_a_folder_without_an_artifact(tmp_path: Path) -> None:
    result = service.check_taxonomy(tmp_path)
    assert not result.ok
    assert result.problems[0].startswith(f"No taxonomy artifact at {tmp_path}")


def test_encoder_info_of_an_empty_folder(tmp_path: Path) -> None:
    assert service.encoder_info(tmp_path) == {
        "model_dir": str(tmp_path),
        "built": False,
        "manifest": None,
    }
    assert service.encoder_dir(tmp_path) == tmp_path


def _imported(path: Path) -> set[str]:
    """The aicareers modules a cli file imports: ``service.data``, ``errors``, ``.output``."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 1:
                found.add(f".{module}")
            elif node.level == 2 or module.startswith("aicareers."):
                found.add(module.removeprefix("aicareers."))
            elif node.level:
                found.add("<above aicareers>")
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("aicareers")}
    return found


@pytest.mark.parametrize("name", ["data.py", "model.py"])
def test_the_admin_commands_reach_only_the_service(name: str) -> None:
    allowed = ("service", "errors", ".")  # the service, the errors, their own cli package
    outside = {m for m in _imported(CLI / name) if not m.startswith(allowed)}
    assert outside == set(), f"cli/{name} imports {outside}"
