"""Jobs read from the layouts real resumes come in, beyond a tidy experience section.

- label lines of forms and job-site exports: 'Designation: Analyst', 'Job Profile: ...',
  'company - Acme', 'Duration: Mar 2017 - till date', 'Role: ABAP Developer';
- a title line anywhere but under skills: 'Lead Database Administrator', 'Web Designer - Acme';
- phrases such as 'worked with Acme as Sales Manager';
- date ranges in the experience section, the title before them even in run-on text.

Every title goes through ``looks_like_title``; a missed job costs less than a wrong one. Jobs
that mention the same title or employer are merged. Date ranges in work context, whether or
not a title was found for them, are kept as work spans for the years of experience.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from aicareers.engine.profile.dates import find_date_range, iter_date_ranges
from aicareers.engine.profile.documents.normalize import trim_separators
from aicareers.engine.profile.documents.titles import looks_like_title, title_after, title_before
from aicareers.engine.profile.model import Position, Section, SectionKind

Span = tuple[str | None, str | None, bool]

_TITLE_LABELS = (
    "job profile|job title|current designation|designation|position held|position|role|"
    "title|working as|profile"
)
_ORG_LABELS = "company name|company|employer|organi[sz]ation|firm|hospital|client"
_LABEL_LINE = re.compile(
    rf"^(?:(?P<t>{_TITLE_LABELS})|(?P<o>{_ORG_LABELS}))\s*(?::|-|\s(?=[A-Z]))\s*(?P<v>\S.*)$",
    re.IGNORECASE,
)
_WORKED_AS = re.compile(
    r"\b(?:work(?:ed|ing)|employed|serv(?:ed|ing)|join(?:ed)|promoted|hired|appointed)\b"
    r"[^.\n]{0,80}?\bas\s+(?:an?\s+|the\s+)?(?=[A-Z])",
    re.IGNORECASE,
)
# Where a title line never is: skill lists, certificates, and sentences about schooling.
_SKIP_KINDS: frozenset[SectionKind] = frozenset({"skills", "certifications"})
_SCHOOLING = re.compile(
    r"\b(?:bachelor|masters?\b|degree|diploma|universit|college|school|institut|academy"
    r"|polytechnic|matriculation|graduat|cgpa|gpa|percentage|semester|board)"
    r"|\b(?:B\.?\s?E|B\.?\s?Tech|M\.?\s?Tech|B\.?\s?Sc|M\.?\s?Sc|B\.?\s?Com|M\.?\s?Com|MBA|MCA|BCA"
    r"|BBA|S\.?S\.?C|H\.?S\.?C|Ph\.?D|B\.?A|M\.?A|LL\.?B|LL\.?M|10th|12th)\b\.?",
)
_SPLIT = re.compile(r"\s+(?:at|@|\u2014|\u2013|-|\|)\s+|,\s+|\s+-(?=\S)")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])")
_MAX_ORG = 80


@dataclass
class _Job:
    offset: int
    title: str | None = None
    organization: str | None = None
    span: Span | None = None


def _section_kinds(text: str, sections: tuple[Section, ...]) -> tuple[list[int], list[str]]:
    starts = [s.start for s in sections]
    return starts, [s.kind for s in sections]


def _kind_at(offset: int, starts: list[int], kinds: list[str]) -> str:
    index = bisect.bisect_right(starts, offset) - 1
    return kinds[index] if index >= 0 else "other"


def _organization(value: str) -> str | None:
    """The employer named at the start of ``value``, up to a sentence end, a bar or dates."""
    found = find_date_range(value)
    value = value[: found.span[0]] if found is not None else value
    value = trim_separators(re.split(r"[.;(|]\s|\s\u2022|\s\|", value, maxsplit=1)[0])
    return value if value and len(value) <= _MAX_ORG and len(value.split()) <= 10 else None


def _title_and_org(line: str) -> tuple[str, str | None] | None:
    """('Web Designer', 'Acme') from 'Web Designer - Acme'; None when no title leads the line."""
    if looks_like_title(line, sentence_case=True):
        return trim_separators(line).rstrip("."), None
    parts = _SPLIT.split(line, maxsplit=1)
    if len(parts) == 2 and looks_like_title(parts[0]):
        if looks_like_title(parts[1]):  # 'Agronomist | Farm Manager': two titles, no employer
            return trim_separators(parts[0]).rstrip("."), None
        organization = _organization(parts[1])
        if organization is not None:  # 'Nurse, with years on wards...' is a sentence
            return trim_separators(parts[0]).rstrip("."), organization
    return None


class JobReader:
    """Collects jobs and work spans line by line, keeping one job open under a 'company' label."""

    def __init__(self) -> None:
        self.jobs: list[_Job] = []
        self.spans: list[Span] = []
        self._open: _Job | None = None

    def line(self, offset: int, line: str, kind: str) -> None:
        """Read one line of text that lies in a section of ``kind``."""
        if kind in ("education", *_SKIP_KINDS):
            self._open = None if kind != "education" or _SCHOOLING.search(line) else self._open
            if kind != "education" or _SCHOOLING.search(line) or find_date_range(line):
                return
        label = _LABEL_LINE.match(line)
        if label is not None:
            self._label(offset, label)
        elif (found := _title_and_org(line)) is not None:
            job = self._title(offset, *found)
            dated = find_date_range(line)
            if dated is not None and job.span is None and kind != "education":
                job.span = (dated.start, dated.end, dated.current)
        else:
            for match in _WORKED_AS.finditer(line):
                title = title_after(line[match.end() :])
                if title:
                    self._title(offset, title, None)
        self._dates(line, kind)

    def _label(self, offset: int, label: re.Match[str]) -> None:
        value = label["v"]
        if label["o"]:
            organization = _organization(value)
            self._open = _Job(offset, organization=organization) if organization else None
            if self._open is not None:
                self.jobs.append(self._open)
            return
        title = trim_separators(value) if looks_like_title(value) else title_after(value)
        if title:
            self._title(offset, title, None)

    def _title(self, offset: int, title: str, organization: str | None) -> _Job:
        job = self._open
        if job is not None and job.title is None:
            job.title = title
            job.organization = job.organization or organization
            return job
        if job is not None:  # a second role at the same employer
            self._open = job = _Job(offset, title, organization or job.organization)
        else:
            job = _Job(offset, title, organization)
        self.jobs.append(job)
        return job

    def _dates(self, line: str, kind: str) -> None:
        if kind == "education" or _SCHOOLING.search(line):
            return
        for found in iter_date_ranges(line):
            span = (found.start, found.end, found.current)
            self.spans.append(span)
            if self._open is not None and self._open.span is None:
                self._open.span = span


def dated_line_jobs(body: str, offset: int) -> list[_Job]:
    """Jobs from lines of an experience section that hold a date range.

    'Title, Org, 2019 - Present', a title line over 'Org | Jan 2019 - 2021', and run-on text
    where the title is the capitalised phrase right before the dates.
    """
    lines = body.split("\n")
    jobs: list[_Job] = []
    position = offset
    for index, line in enumerate(lines):
        start = position
        position += len(line) + 1
        previous_end = 0
        for found in iter_date_ranges(line):
            # In run-on text only what follows the last sentence or range belongs to these dates.
            segment = line[previous_end : found.span[1]]
            segment = _SENTENCE_END.split(segment)[-1]
            local = (len(segment) - (found.span[1] - found.span[0]), len(segment))
            above = lines[index - 1] if index > 0 and previous_end == 0 else ""
            parsed = _around_dates(segment, local, above)
            previous_end = found.span[1]
            if parsed is not None:
                span = (found.start, found.end, found.current)
                jobs.append(_Job(start + found.span[0], parsed[0], parsed[1], span))
    return jobs


def _around_dates(line: str, span: tuple[int, int], previous: str) -> tuple[str, str | None] | None:
    """(title, organization) for the dates at ``span`` in ``line``, the line above it a title."""
    before = line[: span[0]].strip(" ,|-\u2013\u2014(")
    after = line[span[1] :].strip(" ,|-\u2013\u2014)")
    parsed = _title_and_org(before) if before else None
    if parsed is None and previous and (above := _title_and_org(previous)) is not None:
        parsed = (above[0], above[1] or _organization(before or after))
    if parsed is None and before:
        title = title_before(before)
        parsed = (title, None) if title else None
    if parsed is None and not before and after:
        parsed = _title_and_org(after)
    return parsed


def read_jobs(text: str, sections: tuple[Section, ...]) -> tuple[list[Position], list[Span]]:
    """Positions, in the order the resume gives them, and every work date span found."""
    starts, kinds = _section_kinds(text, sections)
    reader = JobReader()
    offset = 0
    for line in text.split("\n"):
        kind = _kind_at(offset, starts, kinds)
        stripped = line.strip().lstrip("\u2022*-\u25aa\u25cf\u27a2\u2713\u2756\u2666 ").strip()
        if stripped:
            reader.line(offset, stripped, kind)
        offset += len(line) + 1
    jobs = list(reader.jobs)
    for section in sections:
        if section.kind == "experience":
            jobs.extend(dated_line_jobs(text[section.body_start : section.end], section.body_start))
    return merge_jobs(jobs), reader.spans


def merge_jobs(jobs: list[_Job]) -> list[Position]:
    """One Position per title, in text order; a job with the same title or employer fills gaps."""
    merged: list[_Job] = []
    for job in sorted(jobs, key=lambda j: j.offset):
        job.title = clean_title(job.title) if job.title else None
        same = next((m for m in merged if _same(m, job)), None)
        if same is None:
            merged.append(_Job(job.offset, job.title, job.organization, job.span))
            continue
        same.title = same.title or job.title
        same.organization = same.organization or job.organization
        same.span = same.span or job.span
    return [_position(j) for j in merged if j.title]


_TRAILING = re.compile(r"(?:\s+(?:of|and|&|in|for|the|to|at|on|cum|with))+$|[\s.,;:-]+$", re.I)


def clean_title(title: str) -> str | None:
    """A title without trailing dots and dangling words ('Sports Secretary in' -> 'Sports
    Secretary'), or None when nothing is left."""
    previous = None
    while previous != title:
        previous, title = title, _TRAILING.sub("", title.strip())
    return title or None


def _same(a: _Job, b: _Job) -> bool:
    if a.title and b.title:
        return a.title.casefold() == b.title.casefold()
    org_a, org_b = (a.organization or "").casefold(), (b.organization or "").casefold()
    return bool(org_a) and org_a == org_b


def _position(job: _Job) -> Position:
    start, end, current = job.span or (None, None, False)
    if start and end and end[:7] < start[:7]:
        start = end = None  # a typo in an old resume should cost the dates of one job only
    return Position(title=str(job.title), organization=job.organization, start=start, end=end,
                    current=current)  # fmt: skip
