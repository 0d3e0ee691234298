"""Makes the browser fixtures of support.py visible to the tests of this folder (only this)."""

from .support import axe_js, axe_page, browser, page, postgres_server, sqlite_server

__all__ = ["axe_js", "axe_page", "browser", "page", "postgres_server", "sqlite_server"]
