"""``aicareers serve``: workers per core, proxy headers only when configured, a network warning.

uvicorn itself is not started: ``uvicorn.run`` is replaced by a recorder, and so is
``prepare`` (loading the engine and the readers), so what is checked is what serve asks for.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner, Result

from aicareers.cli import serve as serve_module
from aicareers.cli.app import cli
from aicareers.cli.serve import is_loopback, readers_per_worker, uvicorn_options


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def ran(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Any]:
    """What serve passed to ``uvicorn.run`` (filled in when serve runs)."""
    seen: dict[str, Any] = {}
    monkeypatch.setenv("AICAREERS_DATABASE_URL", f"sqlite:///{tmp_path}/web.db")
    monkeypatch.setenv("AICAREERS_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("AICAREERS_SECRET_KEY", "test")
    monkeypatch.setenv("AICAREERS_READERS", "1")  # serve only sets it when unset
    monkeypatch.setattr(serve_module, "prepare", lambda app: app)

    def record(target: object, **options: object) -> None:
        seen.update(target=target, **options)

    monkeypatch.setattr(uvicorn, "run", record)
    return seen


def run_serve(*args: str) -> Result:
    result = CliRunner().invoke(cli, ["serve", "--port", str(free_port()), *args])
    assert result.exit_code == 0, result.output
    return result


def test_workers_default_to_the_usable_cores(
    ran: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serve_module, "usable_cores", lambda: 3)
    result = run_serve()
    assert ran["workers"] == 3
    assert ran["factory"] is True
    assert ran["target"] == "aicareers.cli.serve:worker_app"  # the engine loads in each
    assert "with 3 workers" in result.output


def test_one_worker_serves_the_app_object(ran: dict[str, Any]) -> None:
    run_serve("--workers", "1")
    assert "workers" not in ran
    assert not isinstance(ran["target"], str)


def test_forwarded_headers_are_trusted_only_when_configured(ran: dict[str, Any]) -> None:
    run_serve("--workers", "1")
    # uvicorn's own default trusts X-Forwarded-For from loopback: a local client could then
    # claim any address and sidestep the sign-in rate limit.
    assert ran["proxy_headers"] is False
    assert "forwarded_allow_ips" not in ran
    run_serve("--workers", "1", "--forwarded-allow-ips", "10.0.0.5")
    assert ran["proxy_headers"] is True
    assert ran["forwarded_allow_ips"] == "10.0.0.5"


def test_a_network_address_is_warned_about(ran: dict[str, Any]) -> None:
    quiet = run_serve("--workers", "1")
    assert "Warning" not in quiet.output
    loud = run_serve("--workers", "1", "--host", "0.0.0.0")
    assert "0.0.0.0 is not a loopback address" in loud.stderr
    assert "AICAREERS_SECURE_COOKIES=1" in loud.stderr
    assert ran["host"] == "0.0.0.0"


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("[::1]", True),
     ("localhost", True), ("0.0.0.0", False), ("::", False), ("192.168.1.20", False),
     ("example.org", False)],
)  # fmt: skip
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_options() -> None:
    assert uvicorn_options(1, None) == {"log_level": "warning", "proxy_headers": False}
    assert uvicorn_options(4, "*") == {
        "log_level": "warning", "proxy_headers": True, "forwarded_allow_ips": "*",
        "workers": 4, "factory": True,
    }  # fmt: skip


def test_readers_share_the_cores_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve_module, "usable_cores", lambda: 8)
    assert [readers_per_worker(n) for n in (1, 2, 3, 8, 16)] == [8, 4, 2, 1, 1]
