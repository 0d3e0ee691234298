"""Errors of salary queries: all ``UserInputError``, so the CLI exits 2 and says what to fix.

Messages name the filters as a person would ("a job title"); ``field`` names the filter as
``SalaryFilters`` spells it, for an adapter that points at a form field or an option.
"""

from __future__ import annotations

from ..errors import Hint, UserInputError


class FilterError(UserInputError):
    """A salary filter the data cannot answer; ``field`` names the filter (``job_title``)."""

    def __init__(self, field: str, message: str, hint: Hint | None = None) -> None:
        self.field = field
        super().__init__(message, hint=hint)


class UnknownJobTitleError(FilterError):
    """A job title that no row of the salary data has, with the closest titles that exist."""

    def __init__(self, given: str, suggestions: list[str]) -> None:
        self.given = given
        self.suggestions = suggestions
        hint = f" Did you mean: {'; '.join(suggestions)}?" if suggestions else ""
        super().__init__(
            "job_title",
            f"No salaries for the job title '{given}' (titles must match exactly, in any case)."
            f"{hint} Or ask by career instead, which combines the job titles of a career.",
        )


class UnknownCountryError(FilterError):
    """A country that is neither an ISO 3166 alpha-2 code nor a country name we know."""

    def __init__(self, given: str) -> None:
        super().__init__(
            "country",
            f"Unknown country '{given}'. Give a two-letter ISO 3166 code (US, GB, DE, IN) "
            "or a country's English name.",
        )


class UnknownLevelError(FilterError):
    """An experience level other than EN, MI, SE or EX."""

    def __init__(self, given: str) -> None:
        super().__init__(
            "level",
            f"Unknown experience level '{given}'. Use EN (entry), MI (mid), SE (senior) "
            "or EX (executive).",
        )


class YearOutOfRangeError(FilterError):
    """A year the salary data does not cover."""

    def __init__(self, given: int, first: int, last: int) -> None:
        super().__init__(
            "year", f"The salary data covers {first} to {last}; there is nothing for {given}."
        )
