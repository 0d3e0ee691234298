"""``aicareers serve``: the local web app (pages and the JSON API) on this machine."""

from __future__ import annotations

import errno
import socket

import click

from ..errors import UserInputError


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


@click.command()
@click.option("--host", default=None, help="Address to listen on.  [default: 127.0.0.1]")
@click.option("--port", type=click.IntRange(1, 65535), default=None, help="Port.  [default: 8000]")
@click.option(
    "--workers", type=click.IntRange(1, 64), default=1, show_default=True,
    help="Processes (set AICAREERS_SECRET_KEY or keep the data folder shared).",
)  # fmt: skip
def serve(host: str | None, port: int | None, workers: int) -> None:
    """Run the web app: explore, assess and plan in your browser.

    The database is AICAREERS_DATABASE_URL, else the SQLite file in your data folder. Keep
    the default host (127.0.0.1) unless the app sits behind an HTTPS proxy; then also set
    AICAREERS_SECURE_COOKIES=1.

    Example: aicareers serve --port 8080
    """
    import uvicorn

    from ..web.app import create_app
    from ..web.settings import WebSettings

    settings = WebSettings.from_env(host=host, port=port)
    check_free(settings.host, settings.port)
    app = create_app(settings)  # opens and migrates the database now, so errors show here
    shown = f"[{settings.host}]" if ":" in settings.host else settings.host
    click.echo(f"aicareers is running at http://{shown}:{settings.port}/ (Ctrl+C stops it)")
    click.echo(f"Database: {app.state.store.where}")
    if workers == 1:
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning",
                    proxy_headers=True)  # fmt: skip
    else:
        app.state.store.close()
        uvicorn.run("aicareers.web.asgi:app", host=settings.host, port=settings.port,
                    workers=workers, log_level="warning", proxy_headers=True)  # fmt: skip
