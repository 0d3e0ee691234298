"""Local pay in the CLI: ``salaries --state/--place``, ``hubs --from-data --career`` and the
pay block of ``careers show``, checked against what the service computes."""

from __future__ import annotations

import json
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import msgspec
from rich.console import Console

from aicareers.cli.render_pay import base_table, dollars
from aicareers.service.pay import (
    LocalCareerPay,
    PaySource,
    career_pay,
    state_choices,
    states_by_demand,
)

from .conftest import Invoke

JsonInvoke = Callable[..., Any]
NURSE_CAREER = "ai-assisted-healthcare-coordinator"


def as_json(value: object) -> Any:
    """What the CLI prints for ``value``, read back (JSON has lists where structs had tuples)."""
    return json.loads(json.dumps(msgspec.to_builtins(value)))


def flat(text: str) -> str:
    """Text with its line wrapping undone, to find a sentence wherever the width broke it."""
    return " ".join(text.split())


def line_with(text: str, words: str) -> str:
    """The one printed line that starts with ``words`` (a table's row), after any rank."""
    found = [line for line in text.splitlines() if line.lstrip(" 0123456789").startswith(words)]
    assert len(found) == 1, (words, found)
    return found[0]


def source(pay: LocalCareerPay, kind: str, label: str | None = None) -> PaySource:
    return next(s for s in pay.sources if s.kind == kind and label in (None, s.label))


def test_state_shows_the_base_occupations_in_texas_with_the_citation(invoke: Invoke) -> None:
    result = invoke("salaries", "--career", NURSE_CAREER, "--state", "TX")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    pay = career_pay(NURSE_CAREER, "TX")
    nurses = next(b for b in pay.base if b.title == "Registered Nurses")
    assert nurses.local is not None
    assert nurses.local.p50 is not None
    row = line_with(out, "Registered Nurses")
    assert f"${nurses.local.p50:,}" in row
    assert "Occupations this role grows from, in Texas" in out
    assert "not the pay of the AI role itself" in flat(out)
    survey = source(pay, "base-occupations")
    assert survey.source.startswith("Source: U.S. Bureau of Labor Statistics")
    assert survey.source in flat(out)
    assert "https://www.linkedin.com/jobs/search/?" in out  # printed whole, never wrapped


def test_a_state_name_reads_like_its_code(invoke_json: JsonInvoke) -> None:
    by_name = invoke_json("salaries", "--career", NURSE_CAREER, "--state", "texas",
                          "--format", "json")  # fmt: skip
    assert by_name == invoke_json("salaries", "--career", NURSE_CAREER, "--state", "TX",
                                  "--format", "json")  # fmt: skip
    assert by_name["area_name"] == "Texas"


def test_json_is_the_service_answer(invoke_json: JsonInvoke) -> None:
    data = invoke_json("salaries", "--career", NURSE_CAREER, "--state", "TX", "--format", "json")
    assert data == as_json(career_pay(NURSE_CAREER, "TX"))
    place = invoke_json("salaries", "--career", "prompt-engineer", "--place", "Columbus, OH",
                        "--format", "json")  # fmt: skip
    assert place == as_json(career_pay("prompt-engineer", "Columbus, OH"))


def test_germany_says_the_survey_is_us_only_and_shows_the_country(invoke: Invoke) -> None:
    result = invoke("salaries", "--career", NURSE_CAREER, "--place", "Germany")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    pay = career_pay(NURSE_CAREER, "Germany")
    assert pay.notes
    assert pay.notes[0] in flat(out)
    assert "covers the United States only" in flat(out)
    country = source(pay, "ai-jobs", "All AI job titles")
    assert country.area == "Germany"
    assert country.median is not None
    assert country.n
    row = line_with(out, "All AI job titles")
    assert "Germany" in row
    assert dollars(country.median) in row
    assert f"{country.n:,} salaries" in row


def test_a_city_shows_its_state_and_says_why(invoke: Invoke) -> None:
    out = invoke("salaries", "--career", "prompt-engineer", "--place", "Columbus, OH").stdout
    assert "Prompt Engineer: pay in Ohio" in out
    assert "so Columbus shows Ohio figures" in flat(out)


def test_an_unknown_state_is_a_clear_error(invoke: Invoke) -> None:
    result = invoke("salaries", "--career", NURSE_CAREER, "--state", "ZZ")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: 'ZZ' is not a U.S. state.")
    assert "Traceback" not in result.stderr


def test_local_pay_refuses_what_it_cannot_combine(invoke: Invoke) -> None:
    mixed = invoke("salaries", "--career", NURSE_CAREER, "--state", "TX", "--level", "SE")
    assert mixed.exit_code == 2
    assert "do not go with --level" in mixed.stderr
    both = invoke("salaries", "--career", NURSE_CAREER, "--state", "TX", "--place", "Germany")
    assert both.exit_code == 2
    assert "not both" in both.stderr
    alone = invoke("salaries", "--state", "TX")
    assert alone.exit_code == 2
    assert "add --career ID" in alone.stderr


def render(table: Any) -> str:
    console = Console(file=StringIO(), width=120, color_system=None)
    console.print(table)
    out = console.file.getvalue()
    assert isinstance(out, str)
    return out


def test_a_figure_the_survey_did_not_publish_is_a_dash_never_zero() -> None:
    pay = career_pay(NURSE_CAREER, "TX")
    first = pay.base[0]
    assert first.local is not None
    blank = msgspec.structs.replace(
        first.local, employment=None, p10=None, p25=None, p50=None, p75=None, p90=None,
        mean=None, hourly_median=None, jobs_per_1000=None, location_quotient=None,
    )  # fmt: skip
    unpublished = msgspec.structs.replace(pay, base=(msgspec.structs.replace(first, local=blank),))
    row = line_with(render(base_table(unpublished)), first.title)
    assert row.count("\u2014") == 5  # p25, median, p75, jobs and concentration
    assert "$0" not in row
    assert " 0 " not in f" {row} "
    assert first.national is not None
    assert first.national.p50 is not None
    assert f"${first.national.p50:,}" in row  # the U.S. median is still there


def test_a_real_unpublished_figure_prints_as_a_dash(invoke: Invoke) -> None:
    # Find, in the shipped survey, a state where one of the career's occupations has no median.
    career = "prompt-engineer"
    found = None
    for code in state_choices():
        pay = career_pay(career, code)
        gap = next((b for b in pay.base if b.local and b.local.p50 is None), None)
        if gap is not None:
            found = code, gap.title
            break
    assert found is not None, "the survey publishes every median: pick another career"
    code, title = found
    out = invoke("salaries", "--career", career, "--state", code).stdout
    row = line_with(out, title)
    assert "\u2014" in row
    assert "$0" not in row
    assert "publishes no figure for it there" in out


def test_hubs_for_a_career_lists_states_with_the_guides_hubs(invoke: Invoke) -> None:
    result = invoke("hubs", "--from-data", "--career", "prompt-engineer")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "San Francisco Bay Area" in line_with(out, "California (CA)")
    assert "Seattle" in line_with(out, "Washington (WA)")
    assert "the guide's hubs are shown at state level" in flat(out)
    assert "BLS OEWS May 2025" in flat(out)
    assert "The guide's hubs in the data" in out  # the usual view follows


def test_hub_states_below_the_top_ten_are_still_listed(invoke: Invoke) -> None:
    ranked = states_by_demand("ai-ethics-officer")
    below = [s for s in ranked[10:] if s.hub]
    assert below, "every hub state is in the top ten: pick another career"
    out = invoke("hubs", "--from-data", "--career", "ai-ethics-officer").stdout
    for state in below:
        row = line_with(out, f"{state.name} ({state.state})")
        assert state.hub is not None
        assert state.hub in row
        assert row.split()[0] == str(ranked.index(state) + 1)
    for state in ranked[10:]:
        if not state.hub:
            assert f"{state.name} ({state.state})" not in out


def test_hubs_json_for_a_career_adds_its_states(invoke_json: JsonInvoke) -> None:
    plain = invoke_json("hubs", "--from-data", "--format", "json")
    data = invoke_json("hubs", "--from-data", "--career", "prompt-engineer", "--format", "json")
    assert data["states"] == as_json(states_by_demand("prompt-engineer"))
    assert data["career"] == "prompt-engineer"
    assert {k: v for k, v in data.items() if k not in ("states", "career")} == plain


def test_hubs_without_a_career_are_unchanged(invoke: Invoke) -> None:
    out = invoke("hubs", "--from-data").stdout
    assert "Top 10 states" not in out
    refused = invoke("hubs", "--career", "prompt-engineer")
    assert refused.exit_code == 2
    assert "--career works together with --from-data" in refused.stderr


def test_career_page_has_the_pay_block(invoke: Invoke) -> None:
    result = invoke("careers", "show", "prompt-engineer")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    pay = career_pay("prompt-engineer")
    guide, ai, survey = (source(pay, k) for k in ("guide", "ai-jobs", "base-occupations"))
    assert "Three sources side by side" in out
    guide_range = f"{dollars(guide.low)} \u2013 {dollars(guide.high)}"
    assert f"The guide's range: {guide_range} (March 2026)" in out
    assert ai.n
    assert f"{ai.n:,} salaries, all countries, {ai.date}" in out
    assert survey.employment
    assert f"{survey.employment:,} jobs, United States, May 2025" in out
    assert "not this AI role's pay" in out
    assert "Pay in your state: aicareers salaries --career prompt-engineer --state XX" in out


def test_career_page_says_plainly_when_the_salary_data_has_no_figure(invoke: Invoke) -> None:
    assert career_pay(NURSE_CAREER).sources[1].n == 0
    out = flat(invoke("careers", "show", NURSE_CAREER).stdout)
    assert "AI job-title salaries: none in the salary data for this career's job titles" in out
    assert "$0" not in out


def test_the_pay_chart_is_written_as_svg_and_png_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    path = tmp_path / "pay.svg"
    result = invoke("salaries", "--career", "prompt-engineer", "--state", "CA", "--chart", path)
    assert result.exit_code == 0, result.stderr
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None
    assert title.text == "Pay ranges for Prompt Engineer in California"
    png = tmp_path / "pay.png"
    refused = invoke("salaries", "--career", "prompt-engineer", "--state", "CA", "--chart", png)
    assert refused.exit_code != 0
    assert "SVG only" in refused.stderr
    assert not png.exists()
