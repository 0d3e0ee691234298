"""aicareers: find, explain and plan a move into one of the AI careers of 2026."""

from __future__ import annotations

__version__ = "0.1.0"
