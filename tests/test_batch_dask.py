"""``--engine dask`` of ``batch assess`` and ``postings analyze`` on a real LocalCluster.

One cluster of two worker processes serves the whole module (starting one costs seconds);
each run connects with ``--scheduler``. The engine is the catalog-only one, as in
tests/test_batch.py: what is tested is the partitioning, ordering, retrying and resuming,
which do not depend on the engine, and every answer is compared with the local engine's.
"""

from __future__ import annotations

import io
import json
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

pytest.importorskip("distributed")

import distributed

from aicareers.batch import Row, light_assessor
from aicareers.batch.dask_run import DaskRun, run_on_dask
from aicareers.batch.parts import Parts
from aicareers.batch.runner import Columns, run_batch
from aicareers.cli.batch import make_group
from aicareers.cli.postings import make_group as postings_group
from aicareers.errors import AicareersError, UserInputError
from aicareers.service.tables import Cluster, open_client, result, submit

from .test_batch import broken_engine, read_lines, texts, write_csv

Run = Callable[..., Result]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A LocalCluster of two worker processes, one thread each, closed after the module."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
        silence_logs=40,
    ) as cluster:  # fmt: skip
        yield cluster.scheduler_address


@pytest.fixture
def run() -> Run:
    group = make_group(light_assessor)
    runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "100"})

    def invoke(*args: str | Path) -> Result:
        return runner.invoke(group, [str(a) for a in args], catch_exceptions=False)

    return invoke


def people(tmp_path: Path, count: int = 40) -> Path:
    """A CSV of ``count`` people with a site column; row 7 has no text (an error line)."""
    rows = [[text, f"site-{i % 3}"] for i, text in enumerate(texts(count))]
    rows[7] = ["", "site-1"]
    return write_csv(tmp_path / "people.csv", ["text", "site"], rows)


def assess(run: Run, source: Path | str, out: Path, *more: str | Path) -> Result:
    args = ("assess", source, "--text-column", "text", "--out", out, "--top", "3", *more)
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    return result


def test_dask_writes_what_the_local_engine_writes(run: Run, scheduler: str, tmp_path: Path) -> None:
    source = people(tmp_path)
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    folder = tmp_path / "parts.parquet"
    keep = ("--keep", "site")
    assess(run, source, local, *keep)
    shown = assess(run, source, dask, *keep, "--scheduler", scheduler, "--partition-rows", "6")
    assert dask.read_bytes() == local.read_bytes()  # same rows, careers, scores and order
    assert not (tmp_path / "dask.jsonl.parts").exists()  # parts joined, then removed
    assert "40 rows" in shown.stderr
    assess(run, source, folder, *keep, "--engine", "dask", "--scheduler", scheduler,
           "--partition-rows", "6")  # fmt: skip
    assert sorted(p.name for p in folder.glob("part-*")) == [
        f"part-{i:05d}.parquet" for i in range(7)
    ]
    assert parquet_lines(folder) == read_lines(local)


def parquet_lines(folder: Path) -> list[dict[str, Any]]:
    """The Parquet parts read back as batch lines (careers are stored as their JSON)."""
    import pyarrow.parquet as pq

    lines = []
    for record in pq.read_table(folder).to_pylist():  # the folder read as one dataset
        line: dict[str, Any] = {"row": record["row"]}
        if record["columns"] is not None:
            line["columns"] = dict(record["columns"])
        if record["careers"] is not None:
            line["careers"] = json.loads(record["careers"])
            assert record["top_career"] == line["careers"][0]["id"]
        if record["error"] is not None:
            line["error"] = record["error"]
        lines.append(line)
    return sorted(lines, key=lambda line: line["row"])


def test_folder_and_glob_inputs_read_as_one_table(
    run: Run, scheduler: str, tmp_path: Path
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    everyone = texts(25)
    folder = tmp_path / "in"
    folder.mkdir()
    for part, start in enumerate((0, 10, 20)):  # parts of 10, 10 and 5 rows
        table = pa.table({"text": everyone[start : start + 10]})
        pq.write_table(table, folder / f"part-{part}.parquet")
    for part, start in enumerate((0, 13)):
        chunk = [[t] for t in everyone[start : start + 13]]
        write_csv(tmp_path / f"chunk-{part}.csv", ["text"], chunk)
    whole = write_csv(tmp_path / "whole.csv", ["text"], [[t] for t in everyone[:25]])
    expected = tmp_path / "whole.jsonl"
    assess(run, whole, expected)
    for source in (folder, str(tmp_path / "chunk-*.csv")):
        for engine in ("local", "dask"):
            out = tmp_path / f"{engine}-{Path(source).stem}.jsonl".replace("*", "x")
            where = ("--scheduler", scheduler) if engine == "dask" else ()
            assess(run, source, out, "--engine", engine, *where)
            assert out.read_bytes() == expected.read_bytes()


def test_a_killed_worker_costs_time_not_rows(scheduler: str, tmp_path: Path) -> None:
    """SIGKILL a worker that is busy with a partition once the first one is done: Dask runs its
    partitions again elsewhere and the output holds every row exactly once."""
    rows = [Row(i, {"text": t}) for i, t in enumerate(texts(120))]
    parts = Parts(tmp_path / "parts", "jsonl")
    client = distributed.Client(scheduler)
    killed: list[int] = []

    def kill_a_busy_worker(done: int) -> None:
        if killed:
            return
        busy = [w for w, keys in client.processing().items() if keys]
        pids = client.run(os.getpid, workers=busy[:1])
        for pid in pids.values():
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    try:
        summary = run_on_dask(
            rows, DaskRun(parts, Cluster(scheduler), partition_rows=4), {"test": "kill"},
            columns=Columns("text"), factory=light_assessor, top=2,
            progress=kill_a_busy_worker,
        )  # fmt: skip
        client.wait_for_workers(2, timeout=60)  # the nanny replaces the dead worker
        survivors = client.run(os.getpid).values()
    finally:
        client.close()
    assert killed
    assert killed[0] not in survivors
    assert (summary.rows, summary.ok) == (120, 120)
    out = tmp_path / "dask.jsonl"
    parts.join(out)
    local = io.BytesIO()
    run_batch(rows, local, columns=Columns("text"), factory=light_assessor, top=2)
    assert out.read_bytes() == local.getvalue()


def test_resume_keeps_the_parts_written(run: Run, scheduler: str, tmp_path: Path) -> None:
    source = people(tmp_path, 30)
    out, parts = tmp_path / "out.parquet", Parts(tmp_path / "out.parquet", "parquet")
    dask = ("--scheduler", scheduler, "--partition-rows", "5")
    assess(run, source, out, *dask)
    # An interrupted run: parts 1 and 4 never written; the others must not be redone.
    for index in (1, 4):
        parts.path(index).unlink()
    before = {i: parts.path(i).stat().st_mtime_ns for i in parts.done()}
    refused = run("assess", source, "--text-column", "text", "--out", out, "--top", "3", *dask)
    assert refused.exit_code == 2
    assert "--resume" in refused.stderr
    time.sleep(0.01)
    resumed = assess(run, source, out, *dask, "--resume")
    assert "30 rows" in resumed.stderr
    assert "29 assessed" in resumed.stderr
    assert parts.done() == list(range(6))
    assert {i: parts.path(i).stat().st_mtime_ns for i in before} == before
    local = tmp_path / "local.jsonl"
    assess(run, source, local)
    assert parquet_lines(out) == read_lines(local)
    other = run("assess", source, "--text-column", "text", "--out", out, "--top", "2", *dask,
                "--resume")  # fmt: skip
    assert other.exit_code == 2
    assert "other settings (top)" in other.stderr


def counting_engine(folder: Path) -> Any:
    """The light engine, leaving a file per build: one per worker process is expected."""
    (folder / f"{os.getpid()}-{time.monotonic_ns()}").touch()
    return light_assessor()


def test_each_worker_builds_its_engine_once(scheduler: str, tmp_path: Path) -> None:
    builds = tmp_path / "builds"
    builds.mkdir()
    rows = [Row(i, {"text": t}) for i, t in enumerate(texts(48))]
    summary = run_on_dask(
        rows, DaskRun(Parts(tmp_path / "p", "jsonl"), Cluster(scheduler), partition_rows=4), {},
        columns=Columns("text"), factory=partial(counting_engine, builds),
    )  # fmt: skip
    assert summary.rows == 48
    pids = [path.name.split("-")[0] for path in builds.iterdir()]
    assert len(pids) == len(set(pids)) == 2  # 12 partitions, two builds


def flaky(marker: Path) -> str:
    """Fails the first time it runs (as a worker's full disk would), then succeeds."""
    if not marker.exists():
        marker.write_text("failed once")
        raise OSError("disk full")
    return "done"


def test_a_failed_partition_is_retried(scheduler: str, tmp_path: Path) -> None:
    with open_client(Cluster(scheduler), light_assessor) as client:
        assert result(submit(client, flaky, tmp_path / "marker")) == "done"


def test_an_engine_that_cannot_load_ends_the_run(scheduler: str, tmp_path: Path) -> None:
    rows = [Row(i, {"text": t}) for i, t in enumerate(texts(10))]
    with pytest.raises(AicareersError, match=r"could not be loaded.*no engine here"):
        run_on_dask(
            rows, DaskRun(Parts(tmp_path / "p", "jsonl"), Cluster(scheduler)), {},
            columns=Columns("text"), factory=broken_engine,
        )  # fmt: skip


def test_without_dask_the_message_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now fails
    needs = pytest.raises(UserInputError, match=r"pip install 'aicareers\[dask\]'")
    with needs, open_client(Cluster(), light_assessor):
        pass


def test_local_engine_refuses_dask_only_options(run: Run, tmp_path: Path) -> None:
    source = people(tmp_path, 10)
    args = ("assess", source, "--text-column", "text")
    resume = run(*args, "--out", tmp_path / "o.jsonl", "--resume")
    assert resume.exit_code == 2
    assert "--resume needs --engine dask" in resume.stderr
    folder = run(*args, "--out", tmp_path / "o.parquet")
    assert folder.exit_code == 2
    assert "Parquet parts" in folder.stderr


def test_postings_on_dask_match_the_local_engine(scheduler: str, tmp_path: Path) -> None:
    from .test_postings import ROWS
    from .test_postings import write_csv as write_postings

    # 2,600 rows: two Dask chunks (2,000 each), with malformed rows in both.
    rows = [[str(i), *ROWS[i % 8][1:]] for i in range(2600)]
    rows[5], rows[2300] = ["5", "Broken row"], ["2300", "", "$50K", "No title."]
    source = write_postings(tmp_path / "jobs.csv", rows)
    runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "100"})
    group = postings_group(light_assessor)
    outputs = []
    dask = ["--scheduler", scheduler]
    for engine in (["--workers", "1"], dask, ["--engine", "dask", "--workers", "1"]):
        out = tmp_path / f"out-{len(outputs)}.jsonl"
        args = ["analyze", str(source), "--out", str(out), "--format", "json", *engine]
        result = runner.invoke(group, args, catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        assert ("dashboard" in result.stderr) == (engine[0] == "--engine")
        summary = json.loads(result.stdout)
        summary.pop("seconds"), summary.pop("rows_per_second")
        outputs.append((out.read_bytes(), summary))
    assert outputs[0] == outputs[1] == outputs[2]  # the last on a LocalCluster started for it


def test_the_cli_starts_without_importing_dask() -> None:
    import subprocess

    code = (
        "import sys\n"
        "from aicareers.cli import cli\n"
        "try:\n"
        "    cli(['batch', 'assess', '--help'], prog_name='aicareers')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print([m for m in ('dask', 'distributed', 'pyarrow') if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
    assert "--engine [local|dask]" in done.stdout


def test_an_out_name_ending_in_a_slash_is_a_folder_of_parts(run: Run, tmp_path: Path) -> None:
    # Read as a folder: the local engine refuses it as Parquet parts instead of writing a
    # JSONL file named "parts".
    out = tmp_path / "parts"
    result = run("assess", people(tmp_path, 10), "--text-column", "text", "--out", f"{out}/")
    assert result.exit_code == 2, result.output
    assert "folder of Parquet parts" in result.output
    assert out.is_dir()
    assert not any(out.iterdir())
