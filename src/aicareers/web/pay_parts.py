"""The "pay where you live" section the career page and the salaries page share.

Both pages read the place from the same query parameter (``place``, or ``state`` as a synonym)
and render the same partial (``pay_local.html``), so the section reads the same wherever a
person meets it. A place we cannot read keeps the rest of the page and says what to type.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from ..errors import AicareersError
from ..service.pay import LocalCareerPay, PaySource, career_pay, pay_chart_svg, state_choices
from .errors import page_message

# A place is a few words; a longer text is no place, and echoing it back helps nobody.
MAX_PLACE = 100
ANCHOR = "local-pay"


@dataclass(frozen=True)
class PaySection:
    """What the partial needs: the figures (or the problem), the chart and the form's state."""

    career: str
    action: str  # the page the form sends the place back to
    place: str  # as typed (trimmed)
    selected: str  # the form's chosen value: a state code, the typed place, or "" (the U.S.)
    states: dict[str, str]
    pay: LocalCareerPay | None = None
    chart: Markup | None = None
    problem: Markup | None = None
    keep: dict[str, str] = field(default_factory=dict)  # other fields the form sends back

    @property
    def typed(self) -> str | None:
        """The typed place when it is not one of the states, so the form can offer it again."""
        return self.selected if self.selected and self.selected not in self.states else None

    @property
    def base_source(self) -> PaySource | None:
        """The base occupations' row: its ``source`` is the wage survey's citation."""
        if self.pay is None:
            return None
        return next((s for s in self.pay.sources if s.kind == "base-occupations"), None)

    @property
    def local(self) -> bool:
        """True when a state was chosen, so the tables show its figures beside the nation's."""
        return self.pay is not None and self.pay.area in self.states


def place_text(values: dict[str, str]) -> str:
    """The place a request asks for: ``place``, else ``state``, trimmed and cut short."""
    return (values.get("place") or values.get("state") or "").strip()[:MAX_PLACE]


def _selected(place: str, states: dict[str, str]) -> str:
    """The state the typed text names (its code or its name), else the text itself."""
    folded = place.casefold()
    for code, name in states.items():
        if folded in (code.casefold(), name.casefold()):
            return code
    return place


def pay_section(
    career: str, place: str, action: str, keep: dict[str, str] | None = None
) -> PaySection:
    """The section for ``career`` in ``place``; a place we cannot read becomes ``problem``."""
    states = state_choices()
    selected = _selected(place, states)
    base = PaySection(career, action, place, selected, states, keep=keep or {})
    try:
        pay = career_pay(career, place or None)
    except AicareersError as exc:  # an unknown career is the page's own 404, checked before
        return replace(base, problem=page_message(exc))
    chart = Markup(pay_chart_svg(pay, ident="pay-ranges"))  # our own escaped SVG
    return replace(base, pay=pay, chart=chart)


_WARM: set[str] = set()  # "wages" once the survey is loaded: later calls take milliseconds


async def pay_section_async(
    career: str, place: str, action: str, keep: dict[str, str] | None = None
) -> PaySection:
    """``pay_section`` for an async page: the first call loads the wage survey (under a second)
    in a worker thread so the event loop keeps answering; later calls stay inline."""
    if "wages" in _WARM:
        return pay_section(career, place, action, keep)
    section = await run_in_threadpool(pay_section, career, place, action, keep)
    _WARM.add("wages")
    return section
