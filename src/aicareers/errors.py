"""The one error hierarchy of aicareers.

    AicareersError            anything we raise on purpose; ``str()`` is shown to the user
    ├── CatalogError          the shipped knowledge base is broken (a developer must fix a file)
    └── UserInputError        the user asked for something we cannot do (they can fix it)
        └── UnknownIdError    an id that is not in the catalog, with the closest ids

Adapters turn these into exit codes (CLI) or 4xx answers (web); nothing else should escape.
"""

from __future__ import annotations


class AicareersError(Exception):
    """Base of every error aicareers raises on purpose."""

    exit_code = 1


class CatalogError(AicareersError):
    """A knowledge-base file is missing, malformed or inconsistent."""

    exit_code = 3


class UserInputError(AicareersError):
    """Input the user can correct: a bad id, option or value."""

    exit_code = 2


class UnknownIdError(UserInputError):
    """An id that names nothing in the catalog."""

    def __init__(self, kind: str, given: str, suggestions: list[str], listing: str) -> None:
        self.kind = kind
        self.given = given
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        hint += f" Run `{listing}` to see every id."
        super().__init__(f"No {kind} with id '{given}'.{hint}")
