"""Whether a mention of a skill is a claim the person makes about themselves.

Shared by the project-skill and the reference-skill finders. A skill named in a sentence about
what someone wants to learn ("enthusiastic to learn new technologies like Docker", "Areas of
interest: deep learning") is a wish, not a skill held; one inside an institution's name ("New
English School", "Institute of Engineering & Information Technology") is a name. Both were
frequent causes of wrong evidence in the audits of issue 12.
"""

from __future__ import annotations

import re

from .evidence import Span

WISH = re.compile(
    r"\b(?:(?:keen|eager|willing|ready|enthusiastic|want|wants|wish|hope|looking forward|plan|"
    r"planning)\s+to\s+learn|learn(?:ing)?\s+new|areas?\s+of\s+interest|interested\s+in\s+"
    r"learning)\b",
    re.IGNORECASE,
)
# How far back in its sentence or line a wish is looked for.
_BACK = 160
_BOUNDARY = re.compile(r"[.\n;]")
# An institution's name that the mention continues: "Institute of Engineering & Information
# Technology", "College of Arts and Commerce".
NAME_BEFORE = re.compile(
    r"\b(?:Institute|College|School|University|Academy|Faculty|Department)\s+of\s+"
    r"(?:[A-Z][\w.]*\s+|&\s+|and\s+)*$"
)
NAME_AFTER = re.compile(
    r"[ \t]+(?:(?:High|Higher|Secondary|Medium)[ \t]+)?"
    r"(?:School|College|University|Institute|Academy)\b"
)


def _lead_in(text: str, span: Span) -> str:
    """The words of the mention's sentence (or line) that come before it."""
    before = text[max(0, span.start - _BACK) : span.start]
    cut = [m.end() for m in _BOUNDARY.finditer(before)]
    return before[cut[-1] :] if cut else before


def is_wish(text: str, span: Span) -> bool:
    """True when the mention follows a wish to learn in its sentence: "keen to learn Docker".

    Only what follows the wish is wished for: in "Python, SQL; keen to learn Kubernetes" or
    "Python, SQL, keen to learn Kubernetes" Python and SQL stay claims.
    """
    return WISH.search(_lead_in(text, span)) is not None


def in_a_name(text: str, span: Span) -> bool:
    """True when the mention is part of a school's or an institute's name."""
    before = text[max(0, span.start - 60) : span.start]
    return NAME_AFTER.match(text, span.end) is not None or NAME_BEFORE.search(before) is not None


def claimed(text: str, span: Span) -> bool:
    """A mention that counts as the person's own skill: no wish, no institution's name."""
    return not is_wish(text, span) and not in_a_name(text, span)


_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)[\s\-/]*$")


def said_of_others(text: str, span: Span, before: frozenset[str]) -> bool:
    """True when the word just before the mention is one of ``before``: a role someone else
    holds ("coordinated with the project manager", "assist the product managers")."""
    previous = _PREVIOUS_WORD.search(text[max(0, span.start - 24) : span.start])
    return previous is not None and previous.group(1).lower() in before
