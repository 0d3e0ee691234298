"""Documents are read in a pool of reader processes with a time and a memory limit (issue 13).

Readers that hang, allocate, crash or fail on purpose (``tests/isolation_readers.py``) stand in
for parsing bombs, so these tests hold whatever caps the document reader itself gains. The
web tests check the answer a breach gives, and that a client who goes away mid-read frees its
reader.
"""

from __future__ import annotations

import asyncio
import io
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from aicareers.engine.profile.documents import read_document
from aicareers.errors import (
    DocumentNeedsTooMuchMemoryError,
    DocumentTookTooLongError,
    EmptyDocumentError,
    UnsupportedDocumentError,
)
from aicareers.service import isolation
from aicareers.service.isolation import Abandoned, Isolated, ReadCancelled, ReaderPool
from aicareers.web.app import create_app

from .async_runner import run_async
from .test_documents_files import text_pdf
from .web_fixtures import csrf, settings_for

READERS = "tests.isolation_readers"
# Generous bounds for things that take well under a second; none is a speed target.
SOON = 30.0
PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)


@pytest.fixture
def make_pool() -> Iterator[Callable[..., ReaderPool]]:
    """A pool factory; every pool made is closed after the test."""
    made: list[ReaderPool] = []

    def make(function: str | None = None, **options: object) -> ReaderPool:
        if function is not None:
            options["read_function"] = f"{READERS}:{function}"
        pool = ReaderPool(options.pop("size", 1), **options)  # type: ignore[arg-type]
        made.append(pool)
        return pool

    yield make
    for pool in made:
        pool.close()


@pytest.fixture
def installed(make_pool: Callable[..., ReaderPool]) -> Iterator[Callable[..., ReaderPool]]:
    """Make a pool and make it this process's pool (the one the web app reads with)."""
    previous = None

    def install(function: str | None = None, **options: object) -> ReaderPool:
        nonlocal previous
        pool = make_pool(function, **options)
        previous = isolation.install(pool)
        return pool

    yield install
    isolation.install(previous)


def until(condition: Callable[[], bool], seconds: float = SOON) -> bool:
    """Whether ``condition`` turns true within ``seconds`` (polled)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _docx(lines: list[str]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


RESUME = ["Ada Lovelace", "Experience", "MLOps Engineer at Northwind, 2019 - 2024",
          "Built model deployment pipelines with Kubernetes and Python."]  # fmt: skip


# ------------------------------------------------------------------------------ the pool


@pytest.mark.parametrize(
    ("name", "data"), [("cv.pdf", text_pdf(RESUME)), ("cv.docx", _docx(RESUME))]
)
def test_a_pool_read_equals_an_in_process_read(
    make_pool: Callable[..., ReaderPool], name: str, data: bytes
) -> None:
    pool = make_pool()
    assert pool.read(data, name) == read_document(data, name)
    assert pool.replaced == 0


def test_our_errors_come_back_whole(make_pool: Callable[..., ReaderPool]) -> None:
    pool = make_pool()
    with pytest.raises(UnsupportedDocumentError) as raised:
        pool.read(PNG, "photo.pdf")
    assert raised.value.filename == "photo.pdf"
    assert raised.value.code == "unsupported-document"
    assert str(raised.value).startswith("photo.pdf: This is a PNG image")
    with pytest.raises(EmptyDocumentError, match="The resume is empty"):
        make_pool("refuse").read(b"x", "cv.txt")
    assert pool.replaced == 0


def test_a_read_past_the_time_limit_is_stopped_and_its_reader_replaced(
    make_pool: Callable[..., ReaderPool],
) -> None:
    pool = make_pool("hang", seconds=0.5)
    began = time.monotonic()
    with pytest.raises(DocumentTookTooLongError) as raised:
        pool.read(b"%PDF-1.7 bomb", "bomb.pdf")
    assert time.monotonic() - began < SOON  # the reader sleeps for 600 s
    assert raised.value.code == "document-took-too-long"
    assert raised.value.seconds == 0.5
    assert raised.value.filename == "bomb.pdf"
    assert pool.replaced == 1
    assert pool.reading == 0


def test_a_read_past_the_memory_limit_is_stopped(make_pool: Callable[..., ReaderPool]) -> None:
    pool = make_pool("allocate", memory_mb=300, seconds=SOON)
    with pytest.raises(DocumentNeedsTooMuchMemoryError) as raised:
        pool.read(b"PK\x03\x04 bomb", "bomb.docx")
    assert raised.value.code == "document-needs-too-much-memory"
    assert raised.value.limit_mb == 300
    assert pool.replaced == 1


def test_a_reader_that_dies_is_replaced(make_pool: Callable[..., ReaderPool]) -> None:
    pool = make_pool("crash")
    for _ in range(2):  # the replacement works, and dies in its turn
        with pytest.raises(DocumentNeedsTooMuchMemoryError):
            pool.read(b"data", "cv.pdf")
    assert pool.replaced == 2


def test_a_bug_in_a_reader_is_a_runtime_error_with_its_traceback(
    make_pool: Callable[..., ReaderPool],
) -> None:
    with pytest.raises(RuntimeError, match="ZeroDivisionError: a bug in the reader"):
        make_pool("bug").read(b"data", "cv.txt")


def test_readers_are_reused_and_answer_in_turn(make_pool: Callable[..., ReaderPool]) -> None:
    pool = make_pool("echo", size=2)
    answers: list[object] = []
    threads = [threading.Thread(target=lambda i=i: answers.append(pool.read(bytes([i]), str(i))))
               for i in range(8)]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [(bytes([i]), str(i)) for i in range(8)]  # type: ignore[type-var]
    assert pool.replaced == 0


def test_cancelling_a_read_kills_its_reader_at_once(make_pool: Callable[..., ReaderPool]) -> None:
    pool = make_pool("hang", seconds=600)
    job = Isolated()
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            pool.read(b"bomb", "bomb.pdf", job)
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=read)
    thread.start()
    assert until(lambda: pool.reading == 1)
    job.cancel()
    thread.join(SOON)
    assert not thread.is_alive()  # the time limit is 600 s: only the cancel can have ended it
    assert isinstance(outcome[0], ReadCancelled)
    assert pool.replaced == 1
    with pytest.raises(ReadCancelled):  # a read cancelled before it starts never starts
        pool.read(b"bomb", "bomb.pdf", job)


def test_an_abandoned_wait_cancels_the_read() -> None:
    job = Isolated()
    polls = 0

    async def gone() -> bool:
        nonlocal polls
        polls += 1
        return polls >= 2

    async def scenario() -> None:
        with pytest.raises(Abandoned):
            await asyncio.wait_for(isolation.unless_abandoned(asyncio.sleep(600), gone, job), SOON)

    run_async(scenario())
    assert job.cancelled


# ------------------------------------------------------------------------------ the web


def test_the_api_answers_422_when_reading_takes_too_long(
    installed: Callable[..., ReaderPool], tmp_path: Path
) -> None:
    installed("hang", seconds=0.5)
    with TestClient(create_app(settings_for(tmp_path, semantic=False))) as client:
        answer = client.post("/api/v1/assess", files={"file": ("bomb.pdf", b"%PDF-1.7 x")})
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["code"] == "document-took-too-long"
    assert error["details"] == {"filename": "bomb.pdf", "limit_seconds": 0.5}


def test_the_form_shows_the_memory_limit(
    installed: Callable[..., ReaderPool], tmp_path: Path
) -> None:
    installed("allocate", memory_mb=300, seconds=SOON)
    with TestClient(create_app(settings_for(tmp_path, semantic=False))) as client:
        token = csrf(client, "/assess")
        answer = client.post("/assess", data={"csrf_token": token},
                             files={"file": ("bomb.docx", b"PK\x03\x04")})  # fmt: skip
    assert answer.status_code == 422, answer.text
    assert "needed more than 300 MB of memory" in answer.text


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """The real app under uvicorn in a thread of this process, on a free port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(settings_for(tmp_path, semantic=False))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    assert until(lambda: running.started)
    yield "127.0.0.1", port
    running.should_exit = True
    thread.join(SOON)


def test_a_client_that_goes_away_frees_its_reader(
    installed: Callable[..., ReaderPool], server: tuple[str, int]
) -> None:
    pool = installed("hang", seconds=600)
    body = (b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bomb.pdf\"\r\n"
            b"Content-Type: application/pdf\r\n\r\n%PDF-1.7 bomb\r\n--b--\r\n")  # fmt: skip
    head = (f"POST /api/v1/assess HTTP/1.1\r\nHost: {server[0]}\r\nContent-Length: {len(body)}"
            "\r\nContent-Type: multipart/form-data; boundary=b\r\n\r\n").encode()  # fmt: skip
    with socket.create_connection(server) as client:
        client.sendall(head + body)
        assert until(lambda: pool.reading == 1)  # the engine has loaded; the read is on
    # The reader would sleep for 600 s and the limit is 600 s: only the disconnect ends it.
    assert until(lambda: pool.replaced == 1 and pool.reading == 0)
