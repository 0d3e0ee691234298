"""A plan's timeline as a small hand-written SVG: one lane per track, milestones, today.

No matplotlib: the picture is embedded inline in the plan page, so it must be quick to make
and light to send. Each step is a bar from its start to its due date (weekly habits striped,
one-off steps solid); done steps are grey *and* carry a check mark; milestones are diamonds
(job-ready larger, with a dashed line through the lanes); a red line marks today.

440 units wide with no text under 13 units: at ``width="100%"`` on a 390 px phone no text is
under 11 px. Labels that would run off the picture are shortened or left out; every bar keeps a
``<title>`` with the full step title and dates. Colours pass WCAG AA on white. The output
depends on the input only (no clock, no random ids): the same plan gives the same bytes.

Version 1 plans (no tracks, no start dates) get a lane per milestone, and each step runs from
the previous step's due date (the plan's start for the first) to its own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..engine.plans.model import TRACKS, Milestone, Plan, PlanStep, Progress, StepStatus
from .svg import fit_label, fit_over, line, num, shorten, text_element, text_width, xml

WIDTH = 440.0
MARGIN = 8.0
FONT = 13  # every text is at least this big: 13 * 390 / 440 = 11.5 px on a phone
ROW = 22.0  # a milestone, a lane's title
STEP_ROW = 26.0  # a step: its label, and under it the bar
BAR = 8.0
TEXT = "#1f2937"  # 14:1 on white
MUTED = "#4b5563"  # 7.6:1: done steps, grid labels
GRID = "#e5e7eb"  # decoration only
TODAY = "#b91c1c"  # 6.5:1
MARK = "#111827"  # milestones
# Track colours, each at least 4.5:1 on white (so a 3:1 bar passes with room), and a light tint
# for the gaps between a habit's stripes.
COLOURS: dict[str, tuple[str, str]] = {
    "learn": ("#1d4ed8", "#dbeafe"),
    "build": ("#047857", "#d1fae5"),
    "connect": ("#7e22ce", "#f3e8ff"),
    "prove": ("#b45309", "#fef3c7"),
    "apply": ("#be123c", "#ffe4e6"),
    "done": ("#6b7280", "#f3f4f6"),
}
LANE_FILLS = ("#f9fafb", "#ffffff")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_LABEL_EVERY = (1, 2, 3, 6, 12)  # months between axis labels; all divide 12, so January shows
_OPEN: frozenset[str] = frozenset({"todo", "in_progress"})
_FONTS = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


@dataclass(frozen=True)
class _Bar:
    step: PlanStep
    start: dt.date
    end: dt.date
    status: StepStatus
    moved_from: dt.date | None  # the plan's due date, when the open step was re-dated


@dataclass
class _Lane:
    key: str
    title: str
    colour: str
    bars: list[_Bar] = field(default_factory=list)


@dataclass(frozen=True)
class _Scale:
    first: dt.date
    last: dt.date

    def x(self, day: dt.date) -> float:
        span = max((self.last - self.first).days, 1)
        return MARGIN + (day - self.first).days / span * (WIDTH - 2 * MARGIN)

    def inside(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


def plan_timeline_svg(
    plan: Plan,
    progress: Progress | None = None,
    *,
    today: dt.date | None = None,
    ident: str = "plan-timeline",
) -> str:
    """The SVG text (one ``<svg>`` element and a newline) of the plan's timeline.

    ``today`` defaults to the day ``progress`` describes; without either no today line is
    drawn. ``ident`` prefixes the ids inside, for a page that shows two timelines.
    """
    day = today if today is not None else (progress.as_of if progress else None)
    ident = re.sub(r"[^A-Za-z0-9_-]", "", ident) or "plan-timeline"
    lanes = _lanes(plan, progress)
    scale = _scale(plan, lanes)
    day = day if day is not None and scale.inside(day) else None
    body, height = _chart(plan, lanes, scale, day, ident)
    title = f"Timeline of your plan towards {plan.career_title}"
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" class="plan-timeline" '
        f'viewBox="0 0 {num(WIDTH)} {num(height)}" width="100%" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-family="{_FONTS}" '
        f'font-size="{FONT}" fill="{TEXT}">',
        f'<title id="{ident}-title">{xml(title)}</title>',
        f'<desc id="{ident}-desc">{xml(_summary(plan, lanes, progress))}</desc>',
        _defs(ident),
        *body,
        "</svg>\n",
    ])  # fmt: skip


def _chart(
    plan: Plan, lanes: list[_Lane], scale: _Scale, day: dt.date | None, ident: str
) -> tuple[list[str], float]:
    """Top to bottom: today's label, the months, the milestones, the lanes, the legend."""
    top: list[str] = []
    y = 4.0
    if day is not None:
        attrs = f' class="today-label" fill="{TODAY}" font-weight="bold"'
        top += _beside(f"Today, {_date(day)}", scale.x(day), scale.x(day), y + 14, attrs)
        y += 20
    axis = y + 20
    top += [*_axis(scale, y), line(MARGIN, WIDTH - MARGIN, axis, axis, MUTED)]
    marks, lanes_top = _milestones(plan, scale, axis + 4)
    drawn, bottom = _lane_rows(lanes, scale, lanes_top, ident)
    grid = [
        line(scale.x(d), scale.x(d), axis, bottom, GRID) for d in _months(scale) if d.month == 1
    ]
    job_ready = plan.job_ready or _milestone_due(plan, "job-ready")
    if job_ready is not None and scale.inside(job_ready):
        at = num(scale.x(job_ready))
        drawn.append(f'<line class="job-ready-line" x1="{at}" y1="{num(lanes_top)}" x2="{at}" '
                     f'y2="{num(bottom)}" stroke="{MARK}" stroke-width="1.5" '
                     'stroke-dasharray="5 3"/>')  # fmt: skip
    if day is not None:
        at = num(scale.x(day))
        drawn.append(f'<line class="today" x1="{at}" y1="{num(axis)}" x2="{at}" '
                     f'y2="{num(bottom)}" stroke="{TODAY}" stroke-width="2"/>')  # fmt: skip
    legend, end = _legend(bottom + 10, ident)
    return [*grid, *top, *marks, *drawn, *legend], end + 4


# --- what to draw ----------------------------------------------------------------------------


def _lanes(plan: Plan, progress: Progress | None) -> list[_Lane]:
    """Version 2: a lane per track in TRACKS order; version 1: a lane per milestone."""
    states = {s.step: s.status for s in progress.states} if progress else {}
    moved = {d.step: d for d in progress.schedule} if progress else {}
    if not any(s.track for s in plan.steps) and not plan.tracks:
        return _v1_lanes(plan, states)
    titles = {t.id: t.title for t in plan.tracks}
    used = [t for t in TRACKS if t in titles or any(s.track == t for s in plan.steps)]
    lanes: dict[str, _Lane] = {t: _Lane(t, titles.get(t, t.capitalize()), COLOURS[t][0])
                               for t in used}  # fmt: skip
    for step in plan.steps:
        status = states.get(step.id, "todo")
        lane = lanes.get(step.track or "")
        if lane is None:  # a step without a track in a version 2 plan: keep it visible
            lane = lanes.setdefault("other", _Lane("other", "Other steps", COLOURS["done"][0]))
        start, end, was = step.start or plan.preferences.start, step.due, None
        if status in _OPEN and step.id in moved:
            start, end = moved[step.id].start, moved[step.id].due
            was = step.due if end != step.due else None
        lane.bars.append(_Bar(step, min(start, end), end, status, was))
    return list(lanes.values())


def _v1_lanes(plan: Plan, states: dict[str, StepStatus]) -> list[_Lane]:
    lanes: dict[str, _Lane] = {
        m.id: _Lane(m.id, m.title, COLOURS[TRACKS[i % len(TRACKS)]][0])
        for i, m in enumerate(plan.milestones)
    }
    home = {step: m.id for m in plan.milestones for step in m.steps}
    previous = plan.preferences.start
    for step in plan.steps:
        key = home.get(step.id) or step.milestone or "other"
        lane = lanes.setdefault(key, _Lane(key, "Other steps", COLOURS["done"][0]))
        status = states.get(step.id, "todo")
        lane.bars.append(_Bar(step, min(previous, step.due), step.due, status, None))
        previous = step.due
    return list(lanes.values())


def _scale(plan: Plan, lanes: list[_Lane]) -> _Scale:
    days = [plan.preferences.start, plan.finish, *(m.due for m in plan.milestones)]
    days += [d for lane in lanes for b in lane.bars for d in (b.start, b.end)]
    return _Scale(min(days), max(days))


def _milestone_due(plan: Plan, milestone: str) -> dt.date | None:
    return next((m.due for m in plan.milestones if m.id == milestone), None)


def _summary(plan: Plan, lanes: list[_Lane], progress: Progress | None) -> str:
    """The picture in words, for a screen reader: the lanes, job-ready, the finish."""
    prefs = plan.preferences
    text = [f"A plan towards {plan.career_title} at {num(prefs.hours_per_week)} hours a week "
            f"from {_date(prefs.start)}."]  # fmt: skip
    counts = []
    for lane in lanes:
        done = sum(b.status == "done" for b in lane.bars)
        count = f"{lane.title} ({len(lane.bars)} step{'' if len(lane.bars) == 1 else 's'}"
        counts.append(count + (f", {done} done)" if done else ")"))
    kind = "Tracks side by side" if plan.tracks else "Milestones one after another"
    text.append(f"{kind}: {', '.join(counts)}.")
    job_ready = plan.job_ready or _milestone_due(plan, "job-ready")
    if job_ready is not None:
        text.append(f"Ready to apply for jobs by {_date(job_ready)}.")
        ahead = progress.projected_job_ready if progress and progress.started else None
        if ahead is not None and ahead != job_ready:
            text.append(f"At the pace so far, ready around {_date(ahead)}.")
    text.append(f"Everything done by {_date(plan.finish)}.")
    return " ".join(text)


# --- drawing ---------------------------------------------------------------------------------


def _defs(ident: str) -> str:
    """A striped fill per colour, for habits: stripes of the colour over its light tint."""
    patterns = [
        f'<pattern id="{ident}-hatch-{key}" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{tint}"/>'
        f'<rect width="3" height="6" fill="{colour}"/></pattern>'
        for key, (colour, tint) in COLOURS.items()
    ]
    return "<defs>" + "".join(patterns) + "</defs>"


def _axis(scale: _Scale, y: float) -> list[str]:
    """A tick a month; labels every 1, 2, 3, 6 or 12 months, as often as they fit.

    Years (on January) are placed first so they survive crowding; the first label carries its
    year too when there is room for it.
    """
    months = _months(scale)
    per_month = (WIDTH - 2 * MARGIN) / max((scale.last - scale.first).days, 1) * 30.44
    every = next((k for k in _LABEL_EVERY if per_month * k >= text_width("2026", FONT) + 8), 12)
    axis = y + 20
    parts = [line(scale.x(d), scale.x(d), axis - 4, axis, MUTED) for d in months]
    shown = [d for d in months if (d.month - 1) % every == 0]
    choices = [[str(d.year)] if d.month == 1 else [MONTHS[d.month - 1]] for d in shown]
    if shown and shown[0].month != 1:
        choices[0].insert(0, f"{MONTHS[shown[0].month - 1]} {shown[0].year}")
    placed: dict[float, str] = {}
    for index in sorted(range(len(shown)), key=lambda i: (shown[i].month != 1, i)):
        x = scale.x(shown[index]) + 2
        for text in choices[index]:
            end = x + text_width(text, FONT)
            if end <= WIDTH - MARGIN and all(
                end + 10 <= other or x >= other + text_width(t, FONT) + 10
                for other, t in placed.items()
            ):
                placed[x] = text
                break
    parts += [f'<text class="tick" x="{num(x)}" y="{num(y + 14)}" fill="{MUTED}">{xml(t)}</text>'
              for x, t in sorted(placed.items())]  # fmt: skip
    return parts


def _months(scale: _Scale) -> list[dt.date]:
    day = dt.date(scale.first.year, scale.first.month, 1)
    if day < scale.first:
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    found = []
    while day <= scale.last:
        found.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return found


def _milestones(plan: Plan, scale: _Scale, y: float) -> tuple[list[str], float]:
    """A row per milestone, by date: a diamond on the day, then the title and date."""
    parts: list[str] = []
    for milestone in sorted(plan.milestones, key=lambda m: m.due):
        key = milestone.id == "job-ready"
        parts += _diamond(milestone, scale.x(milestone.due), y + ROW / 2, emphasised=key)
        y += ROW
    return parts, y


def _diamond(milestone: Milestone, x: float, cy: float, *, emphasised: bool) -> list[str]:
    r = 7.0 if emphasised else 5.0
    points = " ".join(f"{num(px)},{num(py)}" for px, py in
                      ((x, cy - r), (x + r, cy), (x, cy + r), (x - r, cy)))  # fmt: skip
    when = f", {_date(milestone.due)}"
    css = "milestone job-ready" if emphasised else "milestone"
    weight = ' font-weight="bold"' if emphasised else ""
    group = [f'<g class="{css}" data-milestone="{xml(milestone.id)}">',
             f"<title>{xml(milestone.title + when)}</title>",
             f'<polygon points="{points}" fill="{MARK}"/>']  # fmt: skip
    return [*group, *_beside(milestone.title, x - r, x + r, cy + 4.5, weight, when), "</g>"]


def _lane_rows(lanes: list[_Lane], scale: _Scale, y: float, ident: str) -> tuple[list[str], float]:
    parts: list[str] = []
    for index, lane in enumerate(lanes):
        height = ROW + STEP_ROW * max(len(lane.bars), 1)
        title = shorten(lane.title, WIDTH - 2 * MARGIN - 15, 14) or lane.title[:6]
        parts += [f'<g class="lane" data-lane="{xml(lane.key)}">',
                  f'<rect x="0" y="{num(y)}" width="{num(WIDTH)}" height="{num(height)}" '
                  f'fill="{LANE_FILLS[index % 2]}"/>',
                  f'<rect x="{num(MARGIN)}" y="{num(y + 6)}" width="10" height="10" '
                  f'fill="{lane.colour}"/>',
                  f'<text class="lane-title" x="{num(MARGIN + 15)}" y="{num(y + 15.5)}" '
                  f'font-size="14" font-weight="bold">{xml(title)}</text>']  # fmt: skip
        row = y + ROW
        if not lane.bars:
            parts.append(f'<text x="{num(MARGIN + 15)}" y="{num(row + 15.5)}" fill="{MUTED}">'
                         "Nothing planned here</text>")  # fmt: skip
        for bar in sorted(lane.bars, key=lambda b: (b.start, b.end)):
            parts += _bar(bar, lane, scale, row, ident)
            row += STEP_ROW
        parts.append("</g>")
        y += height + 4
    return parts, y


def _bar(bar: _Bar, lane: _Lane, scale: _Scale, y: float, ident: str) -> list[str]:
    step = bar.step
    done = bar.status == "done"
    habit = step.weekly_hours is not None
    x1, x2 = scale.x(bar.start), scale.x(bar.end)
    x2 = max(x2, x1 + 3)  # a one-day step is still a visible mark
    colour = COLOURS["done"][0] if done else lane.colour
    key = "done" if done else lane.key if lane.key in COLOURS else "done"
    fill = f"url(#{ident}-hatch-{key})" if habit else colour
    if bar.status == "skipped":
        fill = "none"
    css = " ".join(["step", *(["habit"] if habit else []), bar.status.replace("_", "-")])
    label = ("\u2713 " if done else "") + step.title
    tail = f" \u00b7 {num(step.weekly_hours or 0)} h a week" if habit else ""
    tail += " (skipped)" if bar.status == "skipped" else ""
    dash = ' stroke-dasharray="3 2"' if bar.status == "skipped" else ""
    parts = [f'<g class="{css}" data-step="{xml(step.id)}">',
             f"<title>{xml(_bar_title(bar))}</title>",
             f'<rect x="{num(x1)}" y="{num(y + 15)}" width="{num(x2 - x1)}" height="{num(BAR)}" '
             f'rx="2" fill="{fill}" stroke="{colour}" stroke-width="1"{dash}/>']  # fmt: skip
    tint = f' fill="{MUTED}"' if done or bar.status == "skipped" else ""
    # The label sits over the bar, so it has at least half the width: a check always shows.
    placed = fit_over(label, (x1, x2), (MARGIN, WIDTH - MARGIN), FONT, tail)
    return [*parts, *text_element(placed, y + 12, tint), "</g>"]


def _bar_title(bar: _Bar) -> str:
    """The hover text: the full title, the dates, the weekly hours and the status."""
    step = bar.step
    if step.weekly_hours is not None:
        when = f"{num(step.weekly_hours)} h a week from {_date(bar.start)} to {_date(bar.end)}"
    else:
        when = f"{_date(bar.start)} to {_date(bar.end)}, about {num(step.hours)} h"
    status = {"todo": "to do", "in_progress": "in progress"}.get(bar.status, bar.status)
    text = f"{step.title}: {when} ({status})"
    if bar.moved_from is not None:
        text += f"; first planned for {_date(bar.moved_from)}"
    return text


def _legend(y: float, ident: str) -> tuple[list[str], float]:
    """What the marks mean, flowing onto a second line when the picture is narrow."""
    blue, grey = COLOURS["learn"][0], COLOURS["done"][0]
    swatch = '<rect width="16" height="10" rx="2" fill="{}" stroke="{}"/>'
    items = [
        (swatch.format(blue, blue), "One-off step"),
        (swatch.format(f"url(#{ident}-hatch-learn)", blue), "Weekly habit"),
        (swatch.format(grey, grey), "\u2713 Done"),
        (f'<polygon points="8,-1 14,5 8,11 2,5" fill="{MARK}"/>', "Milestone"),
    ]
    parts = ['<g class="legend">']
    x = MARGIN
    for swatch, text in items:
        width = 22 + text_width(text, FONT)
        if x + width > WIDTH - MARGIN:
            x, y = MARGIN, y + 20
        parts.append(f'<g transform="translate({num(x)} {num(y)})">{swatch}'
                     f'<text x="22" y="10">{xml(text)}</text></g>')  # fmt: skip
        x += width + 14
    parts.append("</g>")
    return parts, y + 16


# --- text ------------------------------------------------------------------------------------


def _beside(
    text: str, left: float, right: float, y: float, attrs: str = "", tail: str = ""
) -> list[str]:
    """A label after the mark from ``left`` to ``right``, or before it, or shortened, or none."""
    placed = fit_label(text, (left, right), (MARGIN, WIDTH - MARGIN), FONT, tail)
    return text_element(placed, y, attrs)


def _date(day: dt.date) -> str:
    """``5 Jan 2026``: the same in every locale (strftime's %b follows the system's)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
