"""Run the command line with ``python -m aicareers``."""

from __future__ import annotations

from .cli import main

main()
