"""Run the command line with ``python -m aicareers.cli``."""

from __future__ import annotations

from . import main

main()
