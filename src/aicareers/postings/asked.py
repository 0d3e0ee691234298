"""The skills a posting asks for: each found once, with the kind of asking its line does, and
alternatives ("Python, Java or Go", "a cloud platform such as AWS or GCP") kept as one ask
that any of them meets.

Found with the assessment engine's finders: our project skills (names, aliases and tools), O*NET
technology examples, and ESCO skills only where the posting names them as they are. Where two
finders read the same words (Python the project skill and "Python (computer programming)"),
the words are one ask, not two. Our aliases wider than their skill and consumer services are
left to resumes; "two or more of ..." lists are one choice; interest in a field asks nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import msgspec

from .requirements import ABILITY, Kind, Line, Requirements, ruled_out

if TYPE_CHECKING:
    from ..engine.assessment.assess import Assessor
    from ..engine.assessment.reference_skills import ReferenceSkill

TECH = "onet-technology"
KIND_ORDER: dict[Kind, int] = {"must": 0, "nice": 1, "duties": 2, "ignore": 3}
# Between two options of one ask: commas, slashes, brackets and "or" ("and" joins two asks).
BETWEEN_OPTIONS = re.compile(r"^[\s,/()]*(?:(?:and/)?or\b)?[\s,/()]*$", re.IGNORECASE)
# A line that offers choices: "or", "one of", or examples ("such as", "e.g.", "like"). A slash
# alone is no choice word: "Python, PyTorch/TensorFlow, AWS, Docker" asks for all but one pair.
# "3 or more years", "Python, React, AWS (or equivalent)": an "or" that offers no alternative
# among the skills named. ("Computer Science or a related field" does: any such field will do.)
NO_ALTERNATIVE = r"(?<!\()\bor\b(?!\s+(?:more|higher|above|greater|better|newer|later)\b)"
CHOICE = re.compile(rf"{NO_ALTERNATIVE}|\b(?:one of|any of|such as|e\.g\.?|for example|like|"
                    r"including)\b", re.IGNORECASE)  # fmt: skip
# "two or more of the following: ...", "at least one of ...", "some combination of ...": the
# items after these words are options of one ask, however many of them we can read.
CHOOSE_N = re.compile(
    r"\b(?:(?:one|two|three|four|[1-9])\s+or\s+more\b(?!\s+(?:years?|yrs|months)\b)|"
    r"at\s+least\s+(?:one|two|three|four|[1-9])\b(?!\+?\s*(?:years?|yrs|months)\b)|"
    r"(?:any|one|two|three|some|several|a few)\s+of\s+the\s+following|"
    r"(?:some|a|any)\s+combination\s+of)", re.IGNORECASE)  # fmt: skip
# "one or more programming languages" asks for the category itself; only "... such as Python,
# Java" or "...: Python, Java" after it lists options.
LIST_OF = re.compile(r"\s*of\b", re.IGNORECASE)
LIST_OPENS = re.compile(r":|\b(?:such as|including|e\.g\.?|i\.e\.?|like)\b|\(", re.IGNORECASE)
LIST_END = re.compile(r"\.(?:\s|$)|;|\n")
ITEM_SEPARATORS = re.compile(r",|;|\band/or\b|\bor\b|\band\b", re.IGNORECASE)
PARENTHESES = re.compile(r"\([^()]*\)")
# Words of interest, not of skill: "passionate about prototyping", "believe in the future of
# self-driving cars" ask the candidate to care about a field, not to master it.
INTEREST_BEFORE = re.compile(
    r"\b(?:passion(?:ate)?\s+(?:for|about)|believe\s+in|excited\s+(?:about|by)|"
    r"enthusias\w*\s+(?:for|about)|interest(?:ed)?\s+in|curious\s+about|love\s+(?:of|for))\b"
    r"[^.;:,\n]{0,40}$", re.IGNORECASE)  # fmt: skip
# Our aliases that name a wider field than the skill they stand for. A resume's "signal
# processing" sits among the person's other work, which the assessment weighs; a posting's
# asks for the wider field itself (radar, vibration, finance), so there it is not the narrow
# skill: "data analysis" is not data-driven decision making, "prototyping" is not Figma.
WIDER_THAN_SKILL = frozenset({
    "data analysis", "signal processing", "prototyping", "stream processing",
    "real time systems", "roadmaps", "requirements gathering", "gathering requirements",
    "simulation", "human factors", "product design", "multilingual", "feedback loops",
})  # fmt: skip
# O*NET technology examples that are consumer services and social networks: in a posting they
# are companies, products a team built or "follow us on", never a tool asked of a candidate.
CONSUMER_SERVICES = frozenset({
    "google", "bing", "facebook", "instagram", "linkedin", "twitter", "youtube", "tiktok",
    "snapchat", "pinterest", "tumblr", "whatsapp", "skype", "zoom", "facetime", "myspace",
    "vimeo", "groupme", "paypal", "square", "opentable", "dropbox", "blogger",
})  # fmt: skip
# A lone option beside one we cannot read: "Python or Rust", "either Python or C++". Matched
# on short, bounded stretches only: a posting's text must never make a pattern backtrack.
OR_WORD = re.compile(NO_ALTERNATIVE)
SLASH_NEXT = re.compile(r"\s*/\s*[A-Za-z]")
OR_BEFORE = re.compile(r"(?:\b(?:or|either)\s+|[A-Za-z+#]\s*/\s*)$")
CLAUSE_END = re.compile(r"[.;:\n]")
LIST_ITEM_CHARS = 30  # "Python, Scala or Rust": each item between the commas is short
NEAR = 200  # how far along the line a choice is looked for
# Short ESCO names that are common abbreviations first: "ML" is machine learning in a posting.
AMBIGUOUS_HEADS = frozenset({"ml", "ai", "go", "ada", "act!", "modern languages"})
# Employers named as past or partner companies ("engineers from Google and Meta") are no tools.
EMPLOYER_BEFORE = re.compile(r"\b(?:from|at|ex|former|formerly|alumni of)[\s-]+(?:[A-Z][\w.&]*"
                             r"(?:,\s*|\s+and\s+|\s+or\s+))*$")
DEGREE = "advanced-degree"


class Quote(msgspec.Struct, frozen=True):
    start: int
    end: int
    text: str


class Option(msgspec.Struct, frozen=True):
    """One skill that meets an ask: its id, name and the posting's words for it."""

    id: str
    name: str
    quote: Quote


class Ask(msgspec.Struct, frozen=True):
    """One thing the posting asks for, met by any of its options (usually just one); ``quote``
    runs from the first option's words to the last's ("Python, Java or Go")."""

    kind: Kind
    options: tuple[Option, ...]
    quote: Quote

    @property
    def name(self) -> str:
        names = [o.name for o in self.options]
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def reference_id(ref: ReferenceSkill) -> str:
    """``tech:Kubernetes`` or ``esco:<uri>``: reference skills keep their vocabulary's name."""
    return f"{'tech' if ref.source == TECH else 'esco'}:{ref.id}"


def named_as_is(ref: ReferenceSkill, text: str) -> bool:
    """A technology, or an ESCO skill the posting names as such ("Java" for "Java (computer
    programming)"); ESCO skills only related to the words ("database management systems" for
    "SQL") are too loose to ask a person for, and a short name inside a slashed pair ("ML" in
    "AI/ML") is the pair's half, not the programming language of that name."""
    span = ref.evidence[0]
    if len(span.text) <= 3 and "/" in text[max(0, span.start - 1) : span.end + 1]:
        return False
    if span.text.casefold() in AMBIGUOUS_HEADS or ref.name.split(" (")[0].casefold() in (
            AMBIGUOUS_HEADS):  # fmt: skip
        return False
    if ref.source == TECH:
        if ref.name.casefold() in CONSUMER_SERVICES:
            return False
        return not EMPLOYER_BEFORE.search(text[max(0, span.start - 60) : span.start])
    head = ref.name.split(" (")[0].casefold()
    return any(s.text.casefold() == head for s in ref.evidence)


def _found(text: str, assessor: Assessor) -> list[Option]:
    """Every skill mention, in text order, one skill per stretch of words."""
    from ..engine.claims import claimed
    from ..engine.phrases import phrase_key

    names = assessor.vocabulary.names
    found = [
        Option(hit.ids[0], names.get(hit.ids[0], hit.ids[0]),
               Quote(hit.span.start, hit.span.end, hit.span.text))
        for hit in assessor.vocabulary.find(text) if hit.ids and claimed(text, hit.span)
        and " ".join(phrase_key(hit.span.text)) not in WIDER_THAN_SKILL
    ]  # fmt: skip
    taken = [(o.quote.start, o.quote.end) for o in found]
    known = {o.name.casefold() for o in found}
    for ref in assessor.reference.find(text) if assessor.reference else ():
        if not ref.evidence or ref.name.casefold() in known or not named_as_is(ref, text):
            continue
        span = ref.evidence[0]
        if any(start < span.end and span.start < end for start, end in taken):
            continue  # the same words already stand for one of our skills
        taken.append((span.start, span.end))
        found.append(Option(reference_id(ref), ref.name, Quote(span.start, span.end, span.text)))
    # A passion for learning is the disposition itself: the interest rule is for know-how.
    soft = {s.id for s in assessor.catalog.skills if s.category == "soft"}
    return sorted((o for o in found if o.id in soft or not _interest_only(text, o.quote.start)),
                  key=lambda o: o.quote.start)  # fmt: skip


def _interest_only(text: str, start: int) -> bool:
    """Whether the words at ``start`` follow "passionate about" or the like in their clause."""
    begin = max(text.rfind("\n", 0, start) + 1, start - 80)
    before = text[begin:start]
    # "Understanding and interest in LLMs" still asks for the understanding.
    return bool(INTEREST_BEFORE.search(before)) and not ABILITY.search(before)


def _choose_n_list(text: str, line: Line | None) -> tuple[int, int, int] | None:
    """Where the options of a "two or more of ..." list run in ``line``, and how many items it
    names (read by us or not): ``(start, end, items)``, or None when the line has no such list."""
    if line is None:
        return None
    cue = CHOOSE_N.search(text, line.start, line.end)
    if cue is None:
        return None
    end = LIST_END.search(text, cue.end(), line.end)
    stop = end.start() if end else line.end
    if cue.group().casefold().endswith(" of"):
        begin = cue.end()  # "some combination of Python, Go, ..."
    else:
        opens = LIST_OF.match(text, cue.end(), stop) or LIST_OPENS.search(text, cue.end(), stop)
        if opens is None:
            return None
        begin = opens.end()
    body = PARENTHESES.sub("", text[begin:stop]).split(":", 1)[-1]
    items = [x for x in ITEM_SEPARATORS.split(body) if x.strip(" \t)")]
    return begin, stop, len(items)


def _groups(text: str, options: list[Option], requirements: Requirements) -> list[list[Option]]:
    """Options side by side in a line that offers a choice become one group."""
    groups: list[list[Option]] = []
    for option in options:
        last = groups[-1][-1] if groups else None
        listed = _choose_n_list(text, requirements.line_at(option.quote.start))
        if last is not None and listed and listed[0] <= last.quote.start and (
                option.quote.start < listed[1]) and _same_line(text, last, option, requirements):
            groups[-1].append(option)  # fmt: skip
            continue
        if last is not None and _same_line(text, last, option, requirements):
            between = text[last.quote.end : option.quote.start]
            line = requirements.line_at(option.quote.start)
            words = text[line.start : line.end] if line else ""
            joined = len(between) <= NEAR and bool(BETWEEN_OPTIONS.match(between))
            if between.strip() == "/" or (joined and CHOICE.search(words)):
                groups[-1].append(option)
                continue
        groups.append([option])
    return groups


def _same_line(text: str, a: Option, b: Option, requirements: Requirements) -> bool:
    line = requirements.line_at(a.quote.start)
    return line is not None and line.start <= b.quote.start < line.end


def _beside_an_unread_option(text: str, start: int, end: int) -> bool:
    """Whether the words at [start, end) are one option of a choice whose other options we
    could not read ("Python or Rust", "either Python or C/C++", "PyTorch/JAX")."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - NEAR)
    if OR_BEFORE.search(text[line_start:start]):
        return True
    clause = CLAUSE_END.split(text[end : end + NEAR], maxsplit=1)[0]
    if SLASH_NEXT.match(clause):
        return True
    found = OR_WORD.search(clause)
    if found is None:
        return False
    between = clause[: found.start()]
    items = between.split(",")
    # Only commas and short items before the "or": the quote is the head of that list.
    return not items[0].strip() and all(len(item) <= LIST_ITEM_CHARS for item in items[1:])


def posting_asks(text: str, requirements: Requirements, assessor: Assessor) -> list[Ask]:
    """What the posting asks for, must-haves first; a skill asked twice keeps its strongest."""
    asks: list[Ask] = []
    seen: dict[str, int] = {}
    for group in _groups(text, _found(text, assessor), requirements):
        kind = requirements.kind_at(group[0].quote.start)
        # With requirement headings, what the duties name is the work, not what is asked for.
        if kind == "ignore" or (kind == "duties" and requirements.structured):
            continue
        said = tuple(o for o in group if not ruled_out(text, o.quote.start, o.quote.end))
        kept = tuple({o.id: o for o in reversed(said)}.values())[::-1]  # one per skill
        if not kept:
            continue
        start, end = said[0].quote.start, said[-1].quote.end
        line = requirements.line_at(start)
        words = text[line.start : line.end] if line else ""
        if any(o.id == DEGREE for o in kept) and "bachelor" in words.casefold():
            continue  # "a Bachelor's or Master's": the bachelor's is enough, and asked elsewhere
        if len(kept) == 1 and kind == "must" and _beside_an_unread_option(text, start, end):
            kind = "nice"  # one option of a choice is not required by itself
        listed = _choose_n_list(text, line)
        if kind == "must" and listed and listed[0] <= start < listed[1] and listed[2] >= 2 and (
                2 * len(said) < listed[2] or len(said) == 1):  # fmt: skip
            kind = "nice"  # too few of the list's options to stand for the ask
        ask = Ask(kind, kept, Quote(start, end, text[start:end]))
        if len(kept) == 1 and kept[0].id in seen:
            at = seen[kept[0].id]
            if KIND_ORDER[kind] < KIND_ORDER[asks[at].kind]:
                asks[at] = ask
            continue
        if len(kept) == 1:
            seen[kept[0].id] = len(asks)
        asks.append(ask)
    # "Python, Java or Go" next to "strong Python": Python alone is asked, which meets the choice.
    alone = {a.options[0].id: KIND_ORDER[a.kind] for a in asks if len(a.options) == 1}
    asks = [a for a in asks if len(a.options) == 1 or not any(
        alone.get(o.id, 9) <= KIND_ORDER[a.kind] for o in a.options)]  # fmt: skip
    return sorted(asks, key=lambda a: (KIND_ORDER[a.kind], a.name.casefold()))
