"""Job-board searches for a career's titles in a place: built URLs, never fetched by the app.

The person opens them by clicking; nothing here makes a network call. Titles are the career's
own and the job titles the salary data maps to it (the most common ways employers name it).
"""

from __future__ import annotations

from urllib.parse import urlencode

import msgspec

MAX_TITLES = 3


class JobLink(msgspec.Struct, frozen=True):
    """One search: the board, the words searched for and where, and the URL."""

    board: str
    title: str
    place: str
    url: str


def _boards(title: str, place: str, us: bool) -> list[tuple[str, str]]:
    boards = [
        ("LinkedIn", "https://www.linkedin.com/jobs/search/?"
         + urlencode({"keywords": title, "location": place})),
        ("Indeed", "https://www.indeed.com/jobs?" + urlencode({"q": title, "l": place})
         if us else "https://www.indeed.com/worldwide"),
    ]  # fmt: skip
    if us:  # USAJOBS lists U.S. federal government jobs only
        boards.append(("USAJOBS", "https://www.usajobs.gov/Search/Results?"
                       + urlencode({"k": title, "l": place})))  # fmt: skip
    return boards


def job_links(titles: list[str], place: str, *, us: bool) -> list[JobLink]:
    """A search per board for each of the first ``MAX_TITLES`` distinct titles."""
    seen: list[str] = []
    for title in titles:
        if title.casefold() not in (t.casefold() for t in seen):
            seen.append(title)
    links: list[JobLink] = []
    for title in seen[:MAX_TITLES]:
        for board, url in _boards(title, place, us):
            if board == "Indeed" and not us and any(link.board == "Indeed" for link in links):
                continue  # one pointer to Indeed's country sites is enough
            links.append(JobLink(board, title, place, url))
    return links
