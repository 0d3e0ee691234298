"""What a posting asks for, read from its own structure: must-have and nice-to-have lines,
the years it wants, its level, and skill mentions it rules out ("no Java needed").

A posting's headings decide first ("Requirements", "Minimum qualifications" -> must; "Preferred
qualifications", "Nice to have", "Bonus points" -> nice; "Responsibilities" -> duties; "About
us", "Benefits", pay and equal-opportunity text -> ignored). A sentence's own words can move
it: "... is a plus" makes a requirement sentence nice, "required" or "must" makes a line a
must, "Design and develop ..." under the requirements is a duty. A posting without any such
heading is read sentence by sentence for what it asks, and says so.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Literal

import msgspec

Kind = Literal["must", "nice", "duties", "ignore"]

# Heading words -> kind; the first rule that matches a heading wins (order matters: "preferred
# qualifications" is nice although "qualifications" alone is a must).
HEADINGS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    # "Plus:", "Extra Impressive", "Beneficial Experience", "Helpful": words that say an item
    # adds to a candidate rather than being asked of every one.
    ("nice", re.compile(r"\b(preferred|nice[\s-]to[\s-]haves?|bonus(es)?|desired|desirable|pluses|"
                        r"plus(?:es)?|extra credit|good to have|ideally|stand out|nice if|"
                        r"love to see|optional|beneficial|impress\w*|helpful|advantage(ous)?|"
                        r"great to have|not (?:essential|required|mandatory)|sets? you apart|"
                        r"differentiators?)\b")),
    ("ignore", re.compile(r"\b(about (us|the company|the team|[a-z]+)$|benefits?|perks|"
                          r"why join|why (you('|\u2019)?ll|you will) love|life at|"
                          r"our (culture|values|mission)|"
                          r"compensation|salary|pay (range|and benefits)|what we offer|"
                          r"equal (employment )?opportunity|diversity|our commitment|"
                          r"company description|who we are|our company|location|"
                          r"additional information|how to apply|privacy|"
                          r"(?:tools|technologies|tech) we use|our (?:tech(?:nology)? )?stack|"
                          r"our tools)\b")),
    ("must", re.compile(r"\b(requirements?|qualifications?|required|must[\s-]haves?|"
                        r"what you('|\u2019)?ll need|what we('|\u2019)?re looking for|"
                        r"what we are looking for|who you are|you are|you have|about you|"
                        r"skills|experience|knowledge|competenc\w*|education|you bring|"
                        r"you should have|you('|\u2019)?ll have)\b")),
    ("duties", re.compile(r"\b(responsibilit\w*|what you('|\u2019)?ll do|what you will "
                          r"(do|be doing)|your impact|the role|in this role|you will|key duties|"
                          r"duties|day to day|what you('|\u2019)?ll be doing)\b")),
)  # fmt: skip
HEADING = re.compile(r"^\s*(?:#+\s*)?([A-Za-z][A-Za-z'\u2019&/,()\- ]{2,60}?)\s*:?\s*$")
BULLET = re.compile(r"^\s*(?:[-*\u2022\u25cf\u25aa\u2013]|\d+[.)])\s+")
NICE_WORDS = re.compile(
    r"\b(a plus|is a plus|are a plus|plus if|nice to have|bonus|preferred|preferably|ideally|"
    r"desirable|advantageous|good to have|(big|huge|massive|strong|real|definite|added|major) plus|"
    r"(?:an?|added|definite|distinct|big|great|be|is) advantage|beneficial|"
    r"(?:is|are|be) helpful|optional|not (?:required|essential|mandatory) but)\b"
    r"|^\W*plus\b", re.IGNORECASE)  # fmt: skip
# A line under the requirements that starts with a verb of the work itself ("Design and
# develop ...", "Perform statistical analysis ...") says what the job does, unless it names an
# ability ("Design experience with Figma").
DUTY_START = re.compile(
    r"^(?:[-*\u2022\u25cf\u25aa\u2013]\s*)?(?:design|develop|build|implement|perform|work|"
    r"support|create|maintain|manage|lead|collaborate|partner|drive|conduct|deliver|deploy|"
    r"monitor|participate|own|optimi[sz]e|troubleshoot|contribute|ensure|assist|coordinate|"
    r"establish|define|identify|evaluate|architect|ship|launch|guide|mentor|serve)\b"
    r"(?!\s+(?:experience|skills?|background|knowledge|expertise|patterns|principles|"
    r"thinking|portfolio)\b)", re.IGNORECASE)  # fmt: skip
ABILITY = re.compile(r"\b(experience|experienced|knowledge|proficien\w*|familiar\w*|"
                     r"understanding|skills?|degree|background|expertise|years?|certifi\w*|"
                     r"fluen\w*|ability|able to)\b", re.IGNORECASE)  # fmt: skip
# The end of a sentence inside a line; "e.g.", "i.e.", "etc." and "vs." end none.
SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<!\bvs\.)"
                          r"(?<!\bincl\.)\s+(?=[A-Z])")  # fmt: skip
# Words of a line that asks the candidate for something, in a posting without headings.
ASKING = re.compile(
    r"\b(experience|experienced|knowledge|proficien\w*|familiar\w*|understanding|skills?|"
    r"degree|background in|expertise|ability to|able to|years?|strong|solid|hands-on|"
    r"certifi\w*|fluen\w*|required|must|you have|you bring|qualifications?)\b",
    re.IGNORECASE,
)
COMPANY_SPEAKS = re.compile(
    r"^(?:[-*\u2022\u25cf\u25aa\u2013]\s*)?(?:we|our|the team|you will|you('|\u2019)ll|"
    r"the contractor shall|responsible for)\b", re.IGNORECASE)  # fmt: skip
MUST_WORDS = re.compile(r"\b(required|must|mandatory|essential|minimum)\b", re.IGNORECASE)
YEARS = re.compile(
    r"\b(\d{1,2})\s*(?:\+|plus)?\s*(?:(?:-|to|\u2013)\s*\d{1,2}\s*)?\+?\s*(?:years?|yrs?)\b",
    re.IGNORECASE,
)
# A mention ruled out by its own clause: "no Java needed", "Java is not required", "without
# a degree". "No less than", "not only" and "no-code" do not rule anything out.
NEGATION_BEFORE = re.compile(
    r"\b(?:no(?! less| later| more than|-code)|not(?! only| just)|never|without|other than|"
    r"don'?t need|do not need|doesn'?t require|does not require|need not)\b[^.;:,\n]{0,40}$",
    re.IGNORECASE,
)
NEGATION_AFTER = re.compile(
    r"^[^.;:\n]{0,60}?\b(?:is not|isn'?t|are not|aren'?t|not)\s+(?:required|needed|necessary|"
    r"a requirement|expected)\b", re.IGNORECASE)  # fmt: skip
LEVEL_WORDS = (
    ("entry", re.compile(r"\b(intern|internship|junior|jr\.?|entry[\s-]level|graduate|"
                         r"associate|trainee|apprentice)\b", re.IGNORECASE)),
    ("senior", re.compile(r"\b(senior|sr\.?|staff|principal|lead|head of|director|"
                          r"architect)\b", re.IGNORECASE)),
)  # fmt: skip


class Line(msgspec.Struct, frozen=True):
    """One line of the posting with the kind of asking it does: [start, end) in the text."""

    start: int
    end: int
    kind: Kind


class Requirements(msgspec.Struct, frozen=True, kw_only=True):
    """The posting's lines by kind, the years asked, its level and whether it had headings."""

    lines: tuple[Line, ...]
    years: int | None  # the most years a requirement line asks for
    level: str  # entry | mid | senior
    structured: bool  # False: no requirement heading, so every line counts as asked for
    starts: tuple[int, ...] = ()  # each line's start, for line_at's binary search

    def line_at(self, offset: int) -> Line | None:
        """The line holding ``offset`` (lines are in text order: a binary search)."""
        at = bisect.bisect_right(self.starts, offset) - 1
        if at >= 0 and self.lines[at].start <= offset < self.lines[at].end:
            return self.lines[at]
        return None

    def kind_at(self, offset: int) -> Kind:
        """The kind of the line holding ``offset``."""
        line = self.line_at(offset)
        return line.kind if line is not None else "ignore"


def heading_kind(line: str) -> Kind | None:
    """The kind a heading line sets, or None when the line is no heading."""
    match = HEADING.match(line)
    if match is None or BULLET.match(line) or len(match.group(1).split()) > 8:
        return None
    words = match.group(1).strip().casefold()
    for kind, pattern in HEADINGS:
        if pattern.search(words):
            return kind
    return None


def _line_kind(text: str, section: Kind) -> Kind:
    if section in ("must", "duties") and NICE_WORDS.search(text):
        return "nice"
    # "We use Kafka and Spark" under the requirements tells about the company, not the person.
    if section == "must" and COMPANY_SPEAKS.match(text):
        return "duties"
    if section == "must" and DUTY_START.match(text) and not ABILITY.search(text):
        return "duties"
    if section == "duties" and MUST_WORDS.search(text):
        return "must"
    return section


def read_requirements(text: str, title: str = "") -> Requirements:
    """Split ``text`` into lines and give each the kind of asking it does."""
    lines: list[Line] = []
    section: Kind = "duties"
    structured = False
    offset = 0
    for raw in text.splitlines(keepends=True):
        start, end = offset, offset + len(raw.rstrip("\r\n"))
        offset += len(raw)
        body = raw.strip()
        if not body:
            continue
        kind = heading_kind(body)
        if kind is not None:
            section, structured = kind, structured or kind in ("must", "nice")
            lines.append(Line(start, end, "ignore"))
            continue
        # Each sentence of a line has its own kind: "Good Python skills. Dask will be an
        # advantage." asks for Python and would like Dask. A paragraph that says "you must"
        # still asks for all it names, as a whole line did.
        whole = _line_kind(body, section)
        for part in _sentences(text, Line(start, end, section)):
            kind = _line_kind(text[part.start : part.end].strip(), section)
            if whole == "must" and kind == "duties" and section == "duties":
                kind = "must"
            lines.append(Line(part.start, part.end, kind))
    if not structured:
        lines = _unstructured(text, lines)
    years = [int(m.group(1)) for x in lines if x.kind == "must"
             for m in YEARS.finditer(text[x.start : x.end]) if int(m.group(1)) <= 20]  # fmt: skip
    most = max(years) if years else None
    return Requirements(lines=tuple(lines), years=most, level=level_of(title, most),
                        structured=structured, starts=tuple(x.start for x in lines))  # fmt: skip


def _unstructured(text: str, lines: list[Line]) -> list[Line]:
    """Without requirement headings, a line asks for something when it reads like a request
    ("experience with", "knowledge of", "3+ years", "degree in"); the other lines describe the
    work. A posting with no such line at all is read as asking for everything it names."""
    asking = [x for x in lines if x.kind == "duties" and ASKING.search(_item(text, x))]
    if not asking:
        # Nothing reads as a request: every line is asked for, except those that plainly
        # describe the work ("Develop ...", "Collaborate with ...").
        return [Line(x.start, x.end, "must" if x.kind == "duties" and not DUTY_START.match(
            text[x.start : x.end].strip()) else x.kind) for x in lines]  # fmt: skip
    chosen = {(x.start, x.end) for x in asking}
    return [Line(x.start, x.end, "must" if (x.start, x.end) in chosen else x.kind)
            for x in lines]  # fmt: skip


def _item(text: str, line: Line) -> str:
    """A sentence's words, or its whole bullet's: the bullet "Solid knowledge of ... . Backend
    development - programming languages (Java, Python)" asks for all of it."""
    begin = text.rfind("\n", 0, line.start) + 1
    end = text.find("\n", line.end)
    whole = text[begin : end if end >= 0 else len(text)]
    return whole if BULLET.match(whole) else text[line.start : line.end]


def _sentences(text: str, line: Line) -> list[Line]:
    """A line cut into its sentences: in a paragraph without headings, one sentence asking for
    "expertise" must not make the duties around it asked for too."""
    cuts = [m.end() for m in SENTENCE_END.finditer(text, line.start, line.end)]
    bounds = [line.start, *cuts, line.end]
    return [Line(a, b, line.kind) for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


def level_of(title: str, years: int | None) -> str:
    """entry, mid or senior: the title's words first, then the years asked."""
    for level, pattern in LEVEL_WORDS:
        if pattern.search(title):
            return level
    if years is None:
        return "mid"
    return "entry" if years <= 2 else "senior" if years >= 6 else "mid"


def ruled_out(text: str, start: int, end: int) -> bool:
    """True when the mention at [start, end) is negated in its own clause ("no Java needed")."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 60) : start]
    after = text[end : end + 60]
    return bool(NEGATION_BEFORE.search(before) or NEGATION_AFTER.match(after))
