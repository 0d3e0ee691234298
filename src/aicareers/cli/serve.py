"""``aicareers serve``: the local web app (pages and the JSON API) on this machine.

One uvicorn worker per usable core by default, each with the assessment engine loaded once,
before it takes requests, and its own pool of document readers (``service.isolation``). The
cores are shared out: with N workers each pool has cores / N readers (at least one), unless
``AICAREERS_READERS`` says otherwise.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import socket
from typing import TYPE_CHECKING, Any

import click

from ..cpu import usable_cores
from ..errors import UserInputError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from ..web.settings import WebSettings

NETWORK_WARNING = (
    "Warning: {host} is not a loopback address, so the app is reachable from the network. "
    "Serve it behind an HTTPS proxy and set AICAREERS_SECURE_COOKIES=1 there, so that the "
    "session cookie is only sent over TLS."
)


def check_free(host: str, port: int) -> None:
    """UserInputError, with what to do, if ``host:port`` cannot be listened on."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise UserInputError(f"Cannot listen on '{host}': no such address.") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise UserInputError(
                    f"Port {port} on {host} is already in use (perhaps aicareers is already "
                    f"running: open http://{host}:{port}/). Choose another with --port."
                ) from None
            raise UserInputError(f"Cannot listen on {host}:{port}: {exc.strerror}.") from None


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or a name) only reaches this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: say it may be reachable rather than resolve it
        return False


def uvicorn_options(workers: int, forwarded_allow_ips: str | None) -> dict[str, Any]:
    """What uvicorn is told besides the app, host and port.

    X-Forwarded-For is trusted only from the addresses given: uvicorn's default trusts it
    from loopback, so any local client could set its own address and defeat the sign-in
    rate limit, which counts per address.
    """
    options: dict[str, Any] = {"log_level": "warning", "proxy_headers": bool(forwarded_allow_ips)}
    if forwarded_allow_ips:
        options["forwarded_allow_ips"] = forwarded_allow_ips
    if workers > 1:
        options.update(workers=workers, factory=True)
    return options


def readers_per_worker(workers: int) -> int:
    """Document readers per worker process, so that all workers together use the cores."""
    return max(1, usable_cores() // workers)


def prepare(app: FastAPI) -> FastAPI:
    """Load what requests need before the first one arrives: the engine and the readers."""
    from ..service import isolation
    from ..service.runtime import engine_for

    isolation.warm()
    engine_for(app.state.settings.semantic)
    return app


def worker_app() -> FastAPI:
    """The app of one worker process of ``serve --workers N`` (uvicorn calls it in each)."""
    from ..web.app import create_app

    return prepare(create_app())


@click.command()
@click.option("--host", default=None, help="Address to listen on.  [default: 127.0.0.1]")
@click.option("--port", type=click.IntRange(1, 65535), default=None, help="Port.  [default: 8000]")
@click.option(
    "--workers", type=click.IntRange(1, 64), default=None,
    help="Processes, each with its own engine (set AICAREERS_SECRET_KEY or keep the data "
    "folder shared).  [default: the usable cores]",
)  # fmt: skip
@click.option(
    "--forwarded-allow-ips", default=None, metavar="ADDRESSES",
    help="Comma-separated proxy addresses whose X-Forwarded-For is trusted ('*': any). "
    "[default: none, the client's own address is used]",
)  # fmt: skip
def serve(
    host: str | None, port: int | None, workers: int | None, forwarded_allow_ips: str | None
) -> None:
    """Run the web app: explore, assess and plan in your browser.

    The database is AICAREERS_DATABASE_URL, else the SQLite file in your data folder. Keep
    the default host (127.0.0.1) unless the app sits behind an HTTPS proxy; then also set
    AICAREERS_SECURE_COOKIES=1 and name the proxy with --forwarded-allow-ips.

    Example: aicareers serve --port 8080
    """
    from ..web.app import create_app
    from ..web.settings import WebSettings

    settings = WebSettings.from_env(host=host, port=port)
    check_free(settings.host, settings.port)
    workers = workers or usable_cores()
    # Before the workers start, so that each inherits it; a value the user set wins.
    os.environ.setdefault("AICAREERS_READERS", str(readers_per_worker(workers)))
    app = create_app(settings)  # opens and migrates the database now, so errors show here
    if not is_loopback(settings.host):
        click.echo(NETWORK_WARNING.format(host=settings.host), err=True)
    _run(app, settings, workers, forwarded_allow_ips)


def _run(app: FastAPI, settings: WebSettings, workers: int, forwarded: str | None) -> None:
    import uvicorn

    shown = f"[{settings.host}]" if ":" in settings.host else settings.host
    options = uvicorn_options(workers, forwarded)
    click.echo(f"aicareers is running at http://{shown}:{settings.port}/ with {workers} "
               f"worker{'s' if workers > 1 else ''} (Ctrl+C stops it)")  # fmt: skip
    click.echo(f"Database: {app.state.store.where}")
    if workers == 1:
        prepare(app)
    else:
        app.state.store.close()  # each worker opens its own
    target: Any = app if workers == 1 else "aicareers.cli.serve:worker_app"
    uvicorn.run(target, host=settings.host, port=settings.port, **options)
