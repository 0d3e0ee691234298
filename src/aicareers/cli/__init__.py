"""Command-line adapter: parses flags, asks the ``Navigator``, prints tables or JSON."""

from __future__ import annotations

from .app import cli, main

__all__ = ["cli", "main"]
