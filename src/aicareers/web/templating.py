"""Jinja2 pages: ``render(request, "careers/list.html", {...})`` is how every page answers.

Every template extends ``base.html`` (filling ``{% block title %}`` and
``{% block content %}``; ``head`` and ``scripts`` blocks exist too) and gets, besides its own
context: ``request``, ``user`` (the signed-in ``WebUser`` or None), ``csrf_token`` (every
``<form method="post">`` carries ``<input type="hidden" name="csrf_token"
value="{{ csrf_token }}">``), ``nav`` (the main menu: (path, label) pairs), ``path`` and
``version``. Filters: ``money``, ``number``, ``percent``, ``day``. Autoescaping is on.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..documents.plan import weekly_time
from ..version import __version__
from .csrf import csrf_token
from .deps import current_user

TEMPLATES_DIR = Path(__file__).with_name("templates")
STATIC_DIR = Path(__file__).with_name("static")

# (path, label): the main menu; a page is "current" when its path starts with the entry's.
NAV: tuple[tuple[str, str], ...] = (
    ("/careers", "Careers"),
    ("/compare", "Compare"),
    ("/assess", "Assess me"),
    ("/match", "Match a job"),
    ("/salaries", "Salaries"),
    ("/postings", "Postings"),
    ("/cohort", "Cohorts"),
    ("/plans", "Plans"),
)

NONE = "\u2013"  # an en dash stands for a missing figure
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}


def money(value: float | int | None, currency: str = "USD") -> str:
    """``$130,000``; other currencies as ``130,000 CHF``; None as an en dash."""
    if value is None:
        return NONE
    sign = CURRENCY_SIGNS.get(currency)
    amount = f"{round(value):,}"
    return f"{sign}{amount}" if sign else f"{amount} {currency}"


def number(value: float | int | None, digits: int = 0) -> str:
    """A number with thousands separators."""
    return NONE if value is None else f"{value:,.{digits}f}"


def percent(value: float | None, digits: int = 0) -> str:
    """0.42 -> ``42%``."""
    return NONE if value is None else f"{value * 100:.{digits}f}%"


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day(value: dt.date | str | None) -> str:
    """A date as people read it, ``14 Sep 2026``; None as an en dash."""
    if value is None:
        return NONE
    when = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The one Jinja2 environment (templates are compiled once per process)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html", "xml", "svg"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(money=money, number=number, percent=percent, day=day, weekly=weekly_time)
    env.globals.update(version=__version__)
    return env


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """The page ``template`` rendered with ``context`` and the shared values."""
    values: dict[str, Any] = {
        "request": request,
        "user": current_user(request),
        "csrf_token": csrf_token(request),
        "nav": NAV,
        "path": request.url.path,
    }
    values.update(context or {})
    html = environment().get_template(template).render(values)
    return HTMLResponse(html, status_code=status_code, headers=headers)
