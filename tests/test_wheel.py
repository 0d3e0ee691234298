"""``python -m build`` makes an sdist and a wheel that hold every file the package needs.

A data file left out of ``[tool.setuptools.package-data]`` is invisible in a checkout (the code
reads it from the source tree) and breaks only an installed copy, so the wheel's member list is
checked against the package's own files: every module, the catalog, the taxonomy and market
artifacts (and every file their manifests list), templates, static files, migrations.

The build takes a few seconds (about 13 MB of artifacts are zipped twice). ``AICAREERS_DIST``
names a folder already holding both files (CI builds them once for its smoke test too).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from aicareers.version import __version__

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "aicareers"
# What a built copy never needs: compiled bytecode and editors' leftovers.
SKIPPED_PARTS = {"__pycache__"}
SKIPPED_SUFFIXES = {".pyc", ".pyo", ".swp"}


# Besides the package, what the sdist's build reads (MANIFEST.in only where there is one).
PROJECT_FILES = ("pyproject.toml", "README.md", "LICENSE", "NOTICE", "MANIFEST.in")


def source_files() -> list[Path]:
    """The package's source files: git's list (what a clone has), or the tree (an sdist)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "src/aicareers"], cwd=ROOT, capture_output=True, check=False
    )
    if listed.returncode == 0 and listed.stdout:
        paths = [ROOT / name for name in listed.stdout.decode().split("\0") if name]
    else:  # an unpacked sdist: no git, and nothing untracked either
        paths = list(PACKAGE.rglob("*"))
    return [
        path
        for path in paths
        if path.is_file()  # git lists a file deleted in the working tree until it is committed
        and not SKIPPED_PARTS & set(path.parts)
        and path.suffix not in SKIPPED_SUFFIXES
    ]


def package_files() -> set[str]:
    """The package's files as wheel members (``aicareers/...``)."""
    return {path.relative_to(PACKAGE.parent).as_posix() for path in source_files()}


def clean_copy(target: Path) -> Path:
    """The project as a fresh clone has it, without this checkout's build leftovers.

    setuptools adds every file named in an old ``src/*.egg-info/SOURCES.txt`` to the sdist,
    so a build in a used checkout can hold a file that a clean build leaves out.
    """
    for path in [*(ROOT / name for name in PROJECT_FILES), *source_files()]:
        if path.is_file():
            copy = target / path.relative_to(ROOT)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)
    return target


def missing_from(members: set[str], needed: set[str]) -> list[str]:
    """The needed files a distribution does not hold, sorted."""
    return sorted(needed - members)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the sdist and the wheel of this checkout, built once for the module."""
    given = os.environ.get("AICAREERS_DIST")
    if given:
        return Path(given)
    out = tmp_path_factory.mktemp("dist")
    source = clean_copy(tmp_path_factory.mktemp("source"))
    # Default mode builds the sdist, then the wheel *from the sdist*: a file missing from the
    # sdist is then missing from the wheel too, and the checks below see it.
    done = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


def one(folder: Path, pattern: str) -> Path:
    """The one file of ``folder`` matching ``pattern``."""
    [found] = sorted(folder.glob(pattern))
    return found


@pytest.fixture(scope="module")
def wheel(dist: Path) -> set[str]:
    """The wheel's member names."""
    with zipfile.ZipFile(one(dist, f"aicareers-{__version__}-*.whl")) as archive:
        return set(archive.namelist())


def test_the_wheel_holds_every_file_of_the_package(wheel: set[str]) -> None:
    needed = package_files()
    assert len(needed) > 300  # the list itself was read
    assert missing_from(wheel, needed) == []


def test_the_wheel_holds_every_file_the_artifact_manifests_list(wheel: set[str]) -> None:
    taxonomy = json.loads((PACKAGE / "taxonomy/data/manifest.json").read_text("utf-8"))
    market = json.loads((PACKAGE / "market/data/manifest.json").read_text("utf-8"))
    listed = {f"aicareers/taxonomy/data/{name}" for name in taxonomy["files"]}
    listed |= {f"aicareers/market/data/{market['parquet']['file']}"}
    assert len(listed) > 20
    manifests = {f"aicareers/{folder}/data/manifest.json" for folder in ("taxonomy", "market")}
    assert missing_from(wheel, listed | manifests) == []
    kinds = ("knowledge/data/careers.yaml", "web/templates/base.html", "store/migrations/env.py")
    assert missing_from(wheel, {f"aicareers/{kind}" for kind in kinds}) == []


def test_a_file_left_out_is_reported() -> None:
    needed = {"aicareers/__init__.py", "aicareers/taxonomy/data/titles.json.gz"}
    assert missing_from({"aicareers/__init__.py"}, needed) == [
        "aicareers/taxonomy/data/titles.json.gz"
    ]


def test_the_wheel_declares_its_version_command_and_no_pytorch(dist: Path) -> None:
    with zipfile.ZipFile(one(dist, "aicareers-*.whl")) as archive:
        info = f"aicareers-{__version__}.dist-info"
        metadata = archive.read(f"{info}/METADATA").decode()
        scripts = archive.read(f"{info}/entry_points.txt").decode()
    assert f"\nVersion: {__version__}\n" in metadata
    assert "aicareers = aicareers.cli:main" in scripts
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    assert any("onnxruntime" in line for line in requires)
    assert not [line for line in requires if "torch" in line or "minilm" in line.lower()]


def test_the_sdist_holds_what_building_the_wheel_needs(dist: Path) -> None:
    with tarfile.open(one(dist, f"aicareers-{__version__}.tar.gz")) as archive:
        top = f"aicareers-{__version__}/"
        members = {name.removeprefix(top) for name in archive.getnames()}
    needed = {f"src/{name}" for name in package_files()}
    needed |= {name for name in PROJECT_FILES if (ROOT / name).is_file()}
    assert missing_from(members, needed) == []
