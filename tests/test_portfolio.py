"""``aicareers portfolio init`` and the scaffold behind it: the tree, the text, no overwrites."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from aicareers.cli import app
from aicareers.errors import UnknownIdError, UserInputError
from aicareers.knowledge import DATA_DIR, default_catalog
from aicareers.portfolio import (
    PortfolioConflictError,
    PortfolioFile,
    PortfolioPathError,
    build_scaffold,
    tree_lines,
    write_portfolio,
)
from aicareers.portfolio import writer as writer_module
from aicareers.portfolio.areas import AREAS, LAYOUT

from .conftest import STABLE_ENV, Invoke
from .seed import seed_text, words

PE_PATHS = {
    "README.md",
    "prompt-engineering/README.md",
    "prompt-engineering/examples/README.md",
    "prompt-engineering/case-studies/README.md",
    "prompt-engineering/prompt-library-with-evals/README.md",
    "prompt-engineering/domain-prompt-case-study/README.md",
    "ml-projects/README.md",
    "writing-samples/README.md",
    "writing-samples/technical-documentation/README.md",
    "writing-samples/blog-posts/README.md",
}


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run ``aicareers portfolio ARGS...`` through the real root group (its error handling)."""
    if "portfolio" not in app.LAZY_COMMANDS:
        # Until cli/app.py registers the group; the copies are restored after the test.
        monkeypatch.setitem(app.LAZY_COMMANDS, "portfolio", "aicareers.cli.portfolio:portfolio")
        monkeypatch.setattr(app.cli, "commands", dict(app.cli.commands))
    runner = CliRunner(env=STABLE_ENV)

    def invoke(*args: str) -> Result:
        return runner.invoke(app.cli, ["portfolio", *args], catch_exceptions=False)

    return invoke


def files_under(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


# --- the pure scaffold --------------------------------------------------------------------


# Read without the loader: collection runs before the fixture that keeps its cache private.
CAREER_IDS = re.findall(r"^- id: (\S+)$", (DATA_DIR / "careers.yaml").read_text("utf-8"), re.M)


@pytest.mark.parametrize("career", CAREER_IDS)
def test_every_career_gets_a_complete_tree(career: str) -> None:
    catalog = default_catalog()
    assert len(CAREER_IDS) == len(catalog.careers) == 20
    scaffold = build_scaffold(catalog, career, "Sam")
    paths = scaffold.paths
    assert len(paths) == len(set(paths))
    assert paths[0] == "README.md"
    # Every folder holds a README, so none is empty and each explains itself.
    folders = {p.rsplit("/", 1)[0] for p in paths if "/" in p}
    assert {f for f in folders if f"{f}/README.md" not in paths} == set()
    assert all(p.split("/")[0] in {a.folder for a in LAYOUT} for p in paths[1:])
    projects = [p for p in catalog.projects if career in p.careers]
    tasks = [f for f in scaffold.files if "\n- [ ] " in f.text]
    assert len(tasks) == len(projects) >= 2
    assert {"writing-samples/technical-documentation/README.md"} <= set(paths)
    assert {"writing-samples/blog-posts/README.md"} <= set(paths)
    title = next(c.title for c in catalog.careers if c.id == career)
    assert f"**{title}**" in scaffold.files[0].text


def test_the_tree_is_tailored_to_the_career() -> None:
    catalog = default_catalog()
    compliance = set(build_scaffold(catalog, "ai-compliance-manager").paths)
    assert "governance/eu-ai-act-gap-assessment/README.md" in compliance
    assert "governance/templates/README.md" in compliance
    assert not any(p.startswith(("prompt-engineering/", "ml-projects/")) for p in compliance)
    mlops = set(build_scaffold(catalog, "mlops-engineer").paths)
    assert "ml-projects/ml-cicd-retraining-pipeline/README.md" in mlops
    assert not any(p.startswith("governance/") for p in mlops)
    # The same study sits where each career's employers would look for it.
    safety = build_scaffold(catalog, "ai-safety-researcher").paths
    prompts = build_scaffold(catalog, "prompt-engineer").paths
    assert "research/llm-red-team-evaluation/README.md" in safety
    assert "prompt-engineering/llm-red-team-evaluation/README.md" in prompts


def test_area_skills_are_catalog_skills() -> None:
    known = {s.id for s in default_catalog().skills}
    assert {a.folder: sorted(a.skills - known) for a in AREAS if a.skills - known} == {}


def test_generated_text_copies_no_ten_word_run_of_the_seed() -> None:
    seed = words(seed_text())
    grams = {" ".join(seed[i : i + 10]) for i in range(len(seed) - 9)}
    copied = set()
    for career in default_catalog().careers:
        for item in build_scaffold(default_catalog(), career.id, "Sam").files:
            ours = words(item.text)
            copied |= {" ".join(ours[i : i + 10]) for i in range(len(ours) - 9)} & grams
    assert copied == set()


def test_name_is_kept_on_one_line() -> None:
    scaffold = build_scaffold(default_catalog(), "prompt-engineer", "  Ada \n Lovelace ")
    assert scaffold.name == "Ada Lovelace"
    assert scaffold.files[0].text.startswith("# Ada Lovelace: AI portfolio\n")
    unnamed = build_scaffold(default_catalog(), "prompt-engineer", "   ")
    assert unnamed.name is None
    assert unnamed.files[0].text.startswith("# AI portfolio\n")


def test_unknown_career_suggests_close_ids() -> None:
    with pytest.raises(UnknownIdError) as info:
        build_scaffold(default_catalog(), "mlops")
    assert info.value.suggestions[0] == "mlops-engineer"


def test_tree_lines_draw_the_guide_style_tree() -> None:
    paths = ["README.md", "a/README.md", "a/x/README.md", "b/README.md"]
    assert tree_lines("p", paths) == [
        "p/",
        "├── README.md",
        "├── a/",
        "│   ├── README.md",
        "│   └── x/",
        "│       └── README.md",
        "└── b/",
        "    └── README.md",
    ]


# --- the command ------------------------------------------------------------------------


def test_init_writes_the_prompt_engineer_tree(run: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "portfolio"
    result = run("init", str(target), "--career", "prompt-engineer", "--name", "Ada Lovelace")
    assert result.exit_code == 0, result.stderr
    written = files_under(target)
    expected = build_scaffold(default_catalog(), "prompt-engineer", "Ada Lovelace")
    assert set(written) == set(expected.paths) >= PE_PATHS
    assert result.stdout.startswith(f"Wrote {len(expected.paths)} files for Prompt Engineer into")
    assert "├── prompt-engineering/" in result.stdout
    root = written["README.md"].decode()
    assert root.startswith("# Ada Lovelace: AI portfolio\n")
    assert "Ada Lovelace is working towards the role of **Prompt Engineer**." in root
    assert "[`prompt-engineering/`](prompt-engineering/)" in root
    project = next(p for p in default_catalog().projects if p.id == "prompt-library-with-evals")
    text = written["prompt-engineering/prompt-library-with-evals/README.md"].decode()
    assert text.startswith(f"# {project.title}\n\n{project.brief}\n")
    assert all(f"\n- [ ] {item}\n" in text for item in project.checklist)
    assert all(f"\n- {item}\n" in text for item in project.deliverables)
    assert "Version control (Git)" in text  # skills by name, not by id
    blog = written["writing-samples/blog-posts/README.md"].decode()
    assert f"What I learned building: {project.title}" in blog


def test_init_for_a_non_technical_career(run: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "care"
    result = run("init", str(target), "--career", "ai-assisted-healthcare-coordinator")
    assert result.exit_code == 0, result.stderr
    written = files_under(target)
    assert "operations/clinical-ai-adoption-plan/README.md" in written
    assert "governance/medical-ai-tool-evaluation/README.md" in written
    assert not any(p.startswith("ml-projects/") for p in written)
    assert written["README.md"].decode().startswith("# AI portfolio\n\nI am working towards")


def test_second_init_writes_nothing_and_lists_every_conflict(run: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "portfolio"
    assert run("init", str(target), "--career", "prompt-engineer").exit_code == 0
    (target / "README.md").write_text("my own notes\n", encoding="utf-8")
    before = files_under(target)
    again = run("init", str(target), "--career", "prompt-engineer", "--name", "Other")
    assert again.exit_code == 2
    assert again.stdout == ""
    assert f"Nothing was written: {len(before)} paths are already there" in again.stderr
    assert "  prompt-engineering/prompt-library-with-evals/README.md\n" in again.stderr
    assert files_under(target) == before
    assert (target / "README.md").read_text(encoding="utf-8") == "my own notes\n"


def test_one_clash_stops_everything(run: Invoke, tmp_path: Path) -> None:
    clash = tmp_path / "writing-samples" / "blog-posts" / "README.md"
    clash.parent.mkdir(parents=True)
    clash.write_bytes(b"mine")
    result = run("init", str(tmp_path), "--career", "mlops-engineer", "--format", "json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["conflicts"] == ["writing-samples/blog-posts/README.md"]
    assert report["written"] == []
    assert files_under(tmp_path) == {"writing-samples/blog-posts/README.md": b"mine"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["writing-samples"]


def test_a_file_where_a_folder_goes_is_a_conflict(run: Invoke, tmp_path: Path) -> None:
    (tmp_path / "ml-projects").write_text("not a folder", encoding="utf-8")
    result = run("init", str(tmp_path), "--career", "mlops-engineer")
    assert result.exit_code == 2
    assert re.search(r"^  ml-projects$", result.stderr, re.MULTILINE)
    assert files_under(tmp_path) == {"ml-projects": b"not a folder"}


def test_unrelated_files_are_left_alone(run: Invoke, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_bytes(b"keep me\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_bytes(b"ref: refs/heads/main\n")
    result = run("init", str(tmp_path), "--career", "ai-ethics-officer")
    assert result.exit_code == 0, result.stderr
    written = files_under(tmp_path)
    assert written["notes.txt"] == b"keep me\n"
    assert written[".git/HEAD"] == b"ref: refs/heads/main\n"
    assert "governance/model-card-bias-audit/README.md" in written


def test_json_report_on_success(run: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "p"
    result = run(
        "init", str(target), "--career", "ai-product-manager", "--name", "Bo", "--format", "json"
    )
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == {
        "directory", "career", "career_title", "name", "dry_run", "files", "written", "conflicts",
    }  # fmt: skip
    assert (report["career"], report["career_title"], report["name"]) == (
        "ai-product-manager", "AI Product Manager", "Bo",
    )  # fmt: skip
    assert report["written"] == report["files"]
    assert sorted(report["files"]) == sorted(files_under(target))
    assert report["conflicts"] == []
    assert report["dry_run"] is False


def test_dry_run_writes_nothing(run: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "p"
    result = run("init", str(target), "--career", "prompt-engineer", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Would write ")
    assert not target.exists()


def test_unknown_career_is_a_usage_error_with_suggestions(run: Invoke, tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "p"), "--career", "mlops")
    assert result.exit_code == 2
    assert "No career with id 'mlops'. Did you mean: mlops-engineer?" in result.stderr
    assert not (tmp_path / "p").exists()


def test_a_file_as_the_target_is_refused(run: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "portfolio.md"
    target.write_bytes(b"a file")
    result = run("init", str(target), "--career", "prompt-engineer")
    assert result.exit_code == 2
    assert f"{target} is a file, not a folder" in result.stderr
    assert target.read_bytes() == b"a file"
    nested = run("init", str(target / "sub"), "--career", "prompt-engineer")
    assert nested.exit_code == 2
    assert "is a file" in nested.stderr


# --- the writer ------------------------------------------------------------------------


def test_a_file_appearing_after_the_check_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [PortfolioFile("README.md", "a"), PortfolioFile("x/README.md", "b")]
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "README.md").write_bytes(b"theirs")
    # As if another process created the file between the check and the write.
    monkeypatch.setattr(writer_module, "find_conflicts", lambda root, items: [])
    with pytest.raises(PortfolioConflictError) as info:
        write_portfolio(tmp_path, files)
    assert info.value.conflicts == ["x/README.md"]
    assert files_under(tmp_path) == {"x/README.md": b"theirs"}


def test_a_failed_write_removes_what_this_run_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [PortfolioFile("README.md", "a"), PortfolioFile("x/y/README.md", "b")]
    real_open = Path.open

    def failing_open(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "README.md" and self.parent.name == "y":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", failing_open)
    target = tmp_path / "new"
    with pytest.raises(PortfolioPathError) as info:
        write_portfolio(target, files)
    assert isinstance(info.value, UserInputError)
    assert "Permission denied" in str(info.value)
    assert "x/y/README.md" in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_paths_outside_the_folder_are_never_written(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a relative path"):
        write_portfolio(tmp_path / "p", [PortfolioFile("../escape.md", "x")])
    assert list(tmp_path.iterdir()) == []
