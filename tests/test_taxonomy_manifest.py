"""The manifest: source versions and hashes, and ``check`` finding corrupt or stale artifacts."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from aicareers.build.taxonomy import build
from aicareers.errors import TaxonomyError
from aicareers.taxonomy import SCHEMA_VERSION, Taxonomy, check
from aicareers.taxonomy.artifact import REBUILD

from .taxonomy_fixture import write_sources, write_xlsx

pytest.importorskip("openpyxl", reason="the tests write their O*NET fixtures with openpyxl")


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, Path]:
    onet, esco = write_sources(tmp_path / "sources")
    out = tmp_path / "taxonomy"
    build(onet, esco, out)
    return onet, esco, out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_manifest_names_sources_with_versions_and_hashes(built: tuple[Path, Path, Path]) -> None:
    onet, esco, out = built
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["format"] == "aicareers-taxonomy"
    assert manifest["schema_version"] == SCHEMA_VERSION
    sources = manifest["sources"]
    assert (sources["onet"]["version"], sources["onet"]["release"]) == ("29.3", "May 2025")
    assert sources["onet"]["license"] == "CC BY 4.0"
    assert sources["esco"]["version"] == "v1.1.1"
    skills = onet / "Skills.xlsx"
    assert sources["onet"]["files"]["Skills.xlsx"] == {
        "sha256": sha256(skills), "size": skills.stat().st_size,
    }  # fmt: skip
    assert set(sources["esco"]["files"]) == {p.name for p in esco.iterdir()}
    assert "Related Occupations.xlsx" in sources["onet"]["files"]
    assert manifest["vectors"] is None


def test_manifest_hashes_every_artifact_file(built: tuple[Path, Path, Path]) -> None:
    out = built[2]
    files = json.loads((out / "manifest.json").read_text())["files"]
    on_disk = {p.name for p in out.iterdir()} - {"manifest.json"}
    assert set(files) == on_disk
    for name, entry in files.items():
        assert entry == {"sha256": sha256(out / name), "size": (out / name).stat().st_size}


def test_a_fresh_build_checks_clean(built: tuple[Path, Path, Path]) -> None:
    onet, esco, out = built
    assert check(out, onet, esco) == []


def test_a_changed_source_makes_the_artifact_stale(built: tuple[Path, Path, Path]) -> None:
    onet, esco, out = built
    write_xlsx(onet / "Job Zones.xlsx", ["O*NET-SOC Code", "Title", "Job Zone"], [])
    with (esco / "skills_en.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    assert check(out, onet, esco) == [
        "stale: onet source changed since the build: Job Zones.xlsx",
        "stale: esco source changed since the build: skills_en.csv",
    ]
    assert check(out) == []  # without sources, only the artifact itself is checked


def test_a_missing_source_file_is_reported(built: tuple[Path, Path, Path]) -> None:
    onet, _, out = built
    (onet / "Interests.xlsx").unlink()
    assert check(out, onet_dir=onet) == [
        f"stale: onet source file missing: {onet / 'Interests.xlsx'}"
    ]


def test_corrupt_and_missing_artifact_files_are_reported(built: tuple[Path, Path, Path]) -> None:
    out = built[2]
    data = bytearray((out / "skills_level.npy").read_bytes())
    data[-1] ^= 0xFF
    (out / "skills_level.npy").write_bytes(bytes(data))
    (out / "titles.json.gz").unlink()
    assert check(out) == [
        "artifact file corrupt (hash differs from manifest): skills_level.npy",
        "artifact file missing: titles.json.gz",
    ]


def test_an_old_schema_version_is_reported_and_refused(built: tuple[Path, Path, Path]) -> None:
    out = built[2]
    manifest = json.loads((out / "manifest.json").read_text())
    manifest["schema_version"] = SCHEMA_VERSION - 1
    (out / "manifest.json").write_text(json.dumps(manifest))
    assert check(out) == [
        f"schema version {SCHEMA_VERSION - 1} does not match this code's {SCHEMA_VERSION}"
    ]
    with pytest.raises(TaxonomyError, match="schema version") as caught:
        Taxonomy.load(out)
    assert caught.value.hint == REBUILD


def test_no_artifact_at_all(tmp_path: Path) -> None:
    (problem,) = check(tmp_path)
    assert problem.startswith(f"No taxonomy artifact at {tmp_path}")
    with pytest.raises(TaxonomyError, match="No taxonomy artifact") as caught:
        Taxonomy.load(tmp_path)
    assert caught.value.hint is not None
    assert caught.value.hint.command == "aicareers data build --onet DIR --esco DIR"


def test_a_truncated_table_fails_with_its_name(built: tuple[Path, Path, Path]) -> None:
    out = built[2]
    (out / "tasks.json.gz").write_bytes(b"\x1f\x8b\x08")
    with pytest.raises(TaxonomyError, match=r"tasks\.json\.gz"):
        _ = Taxonomy.load(out).tasks


@pytest.mark.parametrize(
    ("remove", "message"),
    [
        (
            "onet/Technology Skills.xlsx",
            "Source file not found: {root}/onet/Technology Skills.xlsx",
        ),
        ("onet/Read Me.txt", "Source file not found: {root}/onet/Read Me.txt"),
        ("esco/skills_en.csv", "Source file not found: {root}/esco/skills_en.csv"),
        ("esco", "ESCO directory not found: {root}/esco"),
    ],
)
def test_missing_sources_are_named(tmp_path: Path, remove: str, message: str) -> None:
    onet, esco = write_sources(tmp_path)
    target = tmp_path / remove
    shutil.rmtree(target) if target.is_dir() else target.unlink()
    with pytest.raises(TaxonomyError) as raised:
        build(onet, esco, tmp_path / "out")
    assert str(raised.value) == message.format(root=tmp_path)
    assert not (tmp_path / "out").exists()


def test_a_sheet_without_its_columns_is_named(tmp_path: Path) -> None:
    onet, esco = write_sources(tmp_path)
    write_xlsx(onet / "Job Zones.xlsx", ["Code", "Zone"], [["11-1011.00", 5]])
    with pytest.raises(TaxonomyError, match=r"Job Zones.xlsx lacks the column\(s\) O\*NET-SOC"):
        build(onet, esco, tmp_path / "out")


def test_an_unreadable_workbook_is_named(tmp_path: Path) -> None:
    onet, esco = write_sources(tmp_path)
    (onet / "Skills.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(TaxonomyError, match=r"Cannot read .*Skills\.xlsx"):
        build(onet, esco, tmp_path / "out")


def test_build_refuses_to_overwrite_a_folder_that_is_not_a_taxonomy(tmp_path: Path) -> None:
    onet, esco = write_sources(tmp_path / "sources")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(TaxonomyError, match="refusing to overwrite"):
        build(onet, esco, tmp_path / "mine")
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine", "sources"]
