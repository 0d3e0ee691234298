"""Web settings from the environment, the kept secret key, the rate limiter and `serve`."""

from __future__ import annotations

import socket
import stat
from pathlib import Path

import pytest

from aicareers.cli.serve import check_free
from aicareers.errors import UserInputError
from aicareers.web.ratelimit import SlidingWindow
from aicareers.web.settings import MB, SECRET_FILE, WebSettings, describe, stored_secret_key


def test_defaults_then_environment_then_overrides() -> None:
    env = {"AICAREERS_PORT": "9000", "AICAREERS_SECURE_COOKIES": "yes",
           "AICAREERS_SIGNIN_RATE": "3/60", "AICAREERS_SECRET_KEY": "topsecret-key"}  # fmt: skip
    settings = WebSettings.from_env(env, port=9100, host=None)
    assert settings.port == 9100  # a flag beats the environment
    assert settings.host == "127.0.0.1"  # None means "not given"
    assert settings.secure_cookies is True
    assert settings.signin_rate == (3, 60)
    assert settings.secret_key == "topsecret-key"
    assert settings.max_upload_bytes == 10 * MB
    assert "topsecret" not in repr(settings)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [("PORT", "eighty", "whole number"), ("SECURE_COOKIES", "maybe", "1 or 0"),
     ("SIGNIN_RATE", "lots", "ATTEMPTS/SECONDS")],
)  # fmt: skip
def test_bad_values_say_what_would_work(name: str, value: str, message: str) -> None:
    with pytest.raises(UserInputError, match=message):
        WebSettings.from_env({f"AICAREERS_{name}": value, "AICAREERS_SECRET_KEY": "k"})


def test_every_setting_is_documented() -> None:
    rows = describe()
    assert {r[0] for r in rows} >= {"AICAREERS_DATABASE_URL", "AICAREERS_SECRET_KEY"}
    assert all(r[2] for r in rows)


def test_the_secret_key_is_made_once_private_and_reused(tmp_path: Path) -> None:
    first = stored_secret_key(tmp_path)
    assert len(first) >= 40
    assert stored_secret_key(tmp_path) == first
    mode = stat.S_IMODE((tmp_path / SECRET_FILE).stat().st_mode)
    assert mode == 0o600
    assert stored_secret_key(tmp_path / "other") != first


def test_sliding_window_forgets_old_failures() -> None:
    now = [0.0]
    window = SlidingWindow(2, 60, clock=lambda: now[0])
    assert window.retry_after("k") is None
    window.fail("k")
    window.fail("k")
    assert window.retry_after("k") == 60
    now[0] = 30
    assert window.retry_after("k") == 30
    assert window.retry_after("other") is None
    now[0] = 60.5
    assert window.retry_after("k") is None
    window.fail("k")
    window.reset("k")
    assert window.retry_after("k") is None


def test_serve_refuses_a_port_in_use() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(UserInputError, match="already in use"):
            check_free("127.0.0.1", port)


def test_serve_is_a_command() -> None:
    from click.testing import CliRunner

    from aicareers.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--port" in result.output
    bad = CliRunner().invoke(cli, ["serve", "--port", "70000"])
    assert bad.exit_code == 2
