"""Views of a stored plan as files: Markdown, JSON, iCalendar, CSV and an SVG timeline.

A view layer only: it takes a plan and its progress (already derived) and returns text; it
reads no database and no clock (``now`` is a parameter).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal, get_args

from ..engine.plans.model import Plan, Progress
from ..errors import UserInputError

ExportFormat = Literal["md", "json", "ics", "csv", "svg"]
FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)
# What a web response or a saved file should be labelled with.
MEDIA_TYPES: dict[str, str] = {
    "md": "text/markdown; charset=utf-8",
    "json": "application/json",
    "ics": "text/calendar; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "svg": "image/svg+xml",
}


def export_plan(
    fmt: ExportFormat,
    plan_id: int,
    plan: Plan,
    progress: Progress,
    *,
    now: dt.datetime,
    created_at: dt.datetime | None = None,
) -> str:
    """The plan in format ``fmt``; ``now`` dates the export (DTSTAMP in iCalendar)."""
    if fmt == "json":
        import msgspec

        from ..documents.plan import plan_document

        document = plan_document(plan_id, plan, progress, created_at=created_at)
        return json.dumps(msgspec.to_builtins(document), indent=2, ensure_ascii=False) + "\n"
    if fmt == "md":
        from .markdown import plan_markdown

        return plan_markdown(plan_id, plan, progress, now=now)
    if fmt == "ics":
        from .ical import plan_ical

        return plan_ical(plan_id, plan, progress, now=now)
    if fmt == "csv":
        from .table import plan_csv

        return plan_csv(plan, progress)
    if fmt == "svg":
        from ..charts.timeline import plan_timeline_svg

        return plan_timeline_svg(plan, progress, today=progress.as_of or now.date())
    raise UserInputError(f"Cannot export a plan as '{fmt}'. Choose one of: {', '.join(FORMATS)}.")


__all__ = ["FORMATS", "MEDIA_TYPES", "ExportFormat", "export_plan"]
