"""Record what fixed CLI commands, API calls and pages answer, to compare across a refactor.

Run it before a change that should not change any output, then after, and diff the folders:

    .venv/bin/python tools/golden_outputs.py record /tmp/golden-before
    ... refactor ...
    .venv/bin/python tools/golden_outputs.py record /tmp/golden-after
    .venv/bin/python tools/golden_outputs.py compare /tmp/golden-before /tmp/golden-after

Each case writes one file: the exit code or status, then the output. Things that change from run
to run (timestamps, CSRF tokens, temporary paths, timings) are replaced by placeholders first.
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
RESUME = FIXTURES / "resumes" / "ux_designer.md"
NURSE = FIXTURES / "resumes" / "nurse.txt"

_VOLATILE = [
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(\+00:00|Z)?"), "<TIMESTAMP>"),
    (re.compile(r"\d{8}T\d{6}Z"), "<ICS-STAMP>"),
    (re.compile(r'name="csrf_token" value="[^"]+"'), 'name="csrf_token" value="<CSRF>"'),
    (re.compile(r'"X-CSRF-Token": "[^"]+"'), '"X-CSRF-Token": "<CSRF>"'),
    (re.compile(r"/tmp/[A-Za-z0-9_./-]+"), "<TMP>"),
    (re.compile(r"\d+(\.\d+)? (ms|s)\b"), "<TIME>"),
    (re.compile(r"\d[\d,]* rows/s"), "<RATE>"),
]

# Each case is a command line after `aicareers`, split as a shell would split it.
CLI_CASES: dict[str, str] = {
    "careers-list": "careers list",
    "careers-list-json": "careers list --format json --sort salary",
    "careers-show": "careers show mlops-engineer",
    "careers-show-json": "careers show ai-ethics-officer --format json",
    "careers-show-unknown": "careers show mlops",
    "careers-compare-json": "careers compare prompt-engineer mlops-engineer --format json",
    "careers-compare-one": "careers compare prompt-engineer",
    "skills-career-json": "skills --career prompt-engineer --format json",
    "skills": "skills",
    "certifications-json": "certifications --format json",
    "resources-course": "resources --kind course",
    "resources-bad-kind": "resources --kind nope",
    "hubs-json": "hubs --format json",
    "hubs-from-data": "hubs --from-data",
    "bands-json": "salaries bands --format json",
    "steps-json": "steps --format json",
    "search-nurse-json": "search nurse --format json",
    "catalog-json": "catalog --format json",
    "assess-title-json": "assess --title 'UX designer' --skills 'Figma, user research, "
    "usability testing' --years 6 --format json",
    "assess-title-table": "assess --title 'UX designer' --skills 'Figma, user research, "
    "usability testing' --years 6 --top 3 --details 1",
    "assess-file-md": f"assess {RESUME} --format markdown --top 5",
    "assess-nurse-json": f"assess {NURSE} --location 'Berlin, Germany' --education bachelor "
    "--quiz 4,2,5,5,1,2,3,3,2,4,3,4 --format json",
    "assess-no-semantic-json": "assess --title 'Registered nurse' --skills 'triage, EHR' "
    "--no-semantic --format json --top 3",
    "assess-bad-education": "assess --title Nurse --education phd",
    "assess-bad-interests": "assess --title Nurse --interests R=x",
    "assess-nothing": "assess",
    "assess-missing-file": "assess /nonexistent/cv.pdf",
    "interests-quiz": "interests quiz",
    "occupations-code-json": "occupations code 'Sr. RN - ICU nights' --format json",
    "occupations-similar-json": "occupations similar 15-1252.00 --format json",
    "occupations-similar-onet": "occupations similar 15-1252.00 --onet",
    "occupations-similar-unknown": "occupations similar 15-9999.99",
    "salaries-json": "salaries --career mlops-engineer --level SE --format json",
    "salaries-group": "salaries --career data-scientist --group-by level",
    "salaries-title": "salaries --job-title 'Machine Learning Engineer' --country US",
    "salaries-bad-level": "salaries --career mlops-engineer --level XX",
    "salaries-unknown-career": "salaries --career mlopz",
}

# Run in this order against one database: later cases read what earlier ones stored.
PLAN_CASES: dict[str, str] = {
    "plan-create-json": "plan create --career prompt-engineer --skills 'Python, Git' "
    "--hours-per-week 5 --start 2026-12-01 --free-only --format json",
    "plan-create-table": "plan create --career mlops-engineer --hours-per-week 8 "
    "--start 2026-12-01",
    "plan-step": "plan step 1 learn-llm-capabilities --done --note finished",
    "plan-step-bad": "plan step 1 no-such-step --done",
    "plan-show": "plan show 1 --today 2027-01-10",
    "plan-show-json": "plan show 1 --today 2027-01-10 --format json",
    "plan-list-json": "plan list --format json",
    "plan-history-json": "plan history 1 --format json",
    "plan-export-md": "plan export 1 --format md",
    "plan-export-csv": "plan export 1 --format csv",
    "plan-bad-date": "plan create --career prompt-engineer --start 2026-13-01",
    "assess-save": "assess --title Paralegal --skills 'legal research, compliance' --save "
    "--format json --top 2",
    "assessments-list-json": "assessments list --format json",
    "plan-from-assessment-json": "plan create --career ai-compliance-manager "
    "--from-assessment 1 --start 2026-12-01 --format json",
    "plan-unknown": "plan show 99",
}

API_GETS = [
    "/api/v1/careers?sort=title",
    "/api/v1/careers/prompt-engineer",
    "/api/v1/careers/mlops",
    "/api/v1/compare?ids=prompt-engineer,mlops-engineer",
    "/api/v1/compare?ids=a,b,c,d,e",
    "/api/v1/salaries/bands",
    "/api/v1/salaries?career=mlops-engineer&level=SE",
    "/api/v1/salaries?career=nope",
    "/api/v1/occupations/code?title=Registered%20nurse",
    "/api/v1/occupations/15-1252.00/similar?top=5",
    "/api/v1/occupations/15-1252.00/similar?top=5&source=onet",
    "/openapi.json",
    "/",
    "/careers",
    "/careers?family=x",
    "/careers/mlops-engineer",
    "/careers/nope",
    "/compare?ids=prompt-engineer&ids=mlops-engineer",
    "/salaries?career=mlops-engineer",
    "/assess",
]

API_POSTS: dict[str, dict[str, object]] = {
    "api-assess-json": {"title": "UX designer", "skills": ["Figma", "user research"], "top": 3},
    "api-assess-text": {"text": RESUME.read_text(encoding="utf-8"), "top": 3},
    "api-assess-empty": {"text": "   "},
    "api-assess-bad": {"title": "x", "tpo": 3},
}


def normalise(text: str) -> str:
    """``text`` with what changes between runs replaced by placeholders."""
    for pattern, placeholder in _VOLATILE:
        text = pattern.sub(placeholder, text)
    return text


def _run_cli(line: str, env: dict[str, str]) -> str:
    from click.testing import CliRunner

    from aicareers.cli import cli

    result = CliRunner().invoke(cli, shlex.split(line), env=env, catch_exceptions=True)
    crash = "" if result.exception is None or isinstance(result.exception, SystemExit) else (
        f"\nEXCEPTION {type(result.exception).__name__}: {result.exception}"
    )
    return f"exit {result.exit_code}\n{result.stdout}\n--- stderr\n{result.stderr}{crash}"


@contextmanager
def _tmp() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def record(out: Path) -> None:
    """Write every case's normalised output into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    os.environ["COLUMNS"] = "120"

    def write(name: str, text: str) -> None:
        (out / f"{name}.txt").write_text(normalise(text), encoding="utf-8")

    with _tmp() as folder:
        env = {"AICAREERS_DATABASE_URL": f"sqlite:///{folder}/golden.db", "COLUMNS": "120"}
        for cases in (CLI_CASES, PLAN_CASES):
            for name, line in cases.items():
                write(name, _run_cli(line, env))
    _record_web(write)
    print(f"recorded {len(list(out.glob('*.txt')))} cases in {out}")


def _record_web(write: Callable[[str, str], None]) -> None:
    from fastapi.testclient import TestClient

    from aicareers.web.app import create_app
    from aicareers.web.settings import WebSettings

    with _tmp() as folder:
        settings = WebSettings(database_url=f"sqlite:///{folder}/web.db", secret_key="golden")
        with TestClient(create_app(settings), follow_redirects=False) as client:
            for path in API_GETS:
                answer = client.get(path)
                slug = re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-") or "home"
                write(f"get-{slug}", f"status {answer.status_code}\n{answer.text}")
            for name, body in API_POSTS.items():
                answer = client.post("/api/v1/assess", json=body)
                write(name, f"status {answer.status_code}\n{answer.text}")
            files = {"file": (NURSE.name, NURSE.read_bytes(), "text/plain")}
            answer = client.post("/api/v1/assess", files=files, data={"top": "2"})
            write("api-assess-upload", f"status {answer.status_code}\n{answer.text}")
            token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/assess").text)
            form = {
                "title": "Registered nurse",
                "skills": "triage, EHR",
                "years": "8",
                "csrf_token": token.group(1) if token else "",
            }
            answer = client.post("/assess", data=form)
            write("page-assess-post", f"status {answer.status_code}\n{answer.text}")
            answer = client.post("/assess", data={**form, "years": "many"})
            write("page-assess-bad-years", f"status {answer.status_code}\n{answer.text}")


def compare(before: Path, after: Path) -> int:
    """Print a unified diff of every case that changed; 0 when none did."""
    changed = 0
    names = sorted({p.name for p in before.glob("*.txt")} | {p.name for p in after.glob("*.txt")})
    for name in names:
        old = (before / name).read_text() if (before / name).exists() else "<missing>\n"
        new = (after / name).read_text() if (after / name).exists() else "<missing>\n"
        if old != new:
            changed += 1
            sys.stdout.writelines(
                difflib.unified_diff(
                    old.splitlines(True), new.splitlines(True), f"before/{name}", f"after/{name}"
                )
            )
    print(f"{changed} of {len(names)} cases changed")
    return 1 if changed else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "record":
        record(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit(__doc__)
