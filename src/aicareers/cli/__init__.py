"""Command-line adapter (placeholder until the CLI lands)."""

from __future__ import annotations


def main() -> None:
    """Entry point of the ``aicareers`` command."""
    raise SystemExit("aicareers: the CLI is being built")
