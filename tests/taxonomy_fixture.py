"""Tiny O*NET and ESCO source folders, written by the tests (same file names and headers).

Three occupations, with just enough rows to exercise every table of the taxonomy build:
ratings with a gap, titles with repeats, a task without a type, an ESCO relation to an
occupation that does not exist.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

DS, SD, CE = "15-2051.00", "15-1252.00", "11-1011.00"
OCCUPATIONS = [
    (CE, "Chief Executives", "Determine and formulate policies."),
    (SD, "Software Developers", "Research, design, and develop computer software."),
    (DS, "Data Scientists", "Develop and implement analytics applications."),
]
TITLES = {CE: "Chief Executives", SD: "Software Developers", DS: "Data Scientists"}
RATING_HEADER = [
    "O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Scale Name",
    "Data Value", "N", "Standard Error", "Lower CI Bound", "Upper CI Bound",
    "Recommend Suppress", "Not Relevant", "Date", "Domain Source",
]  # fmt: skip
README = "O*NET 29.3 Database\nMay 2025 Release\n----------------\n\nCC BY 4.0\n"
SKILL = "http://data.europa.eu/esco/skill/"
OCC = "http://data.europa.eu/esco/occupation/"


def _ratings(rows: list[tuple[str, str, str, str, float]]) -> list[list[Any]]:
    scale = {"IM": "Importance", "LV": "Level"}
    return [
        [code, TITLES[code], eid, name, sid, scale[sid], value, 8, 0.1, 1, 2, "N",
         "" if sid == "IM" else "N", "08/2023", "Analyst"]
        for code, eid, name, sid, value in rows
    ]  # fmt: skip


ONET: dict[str, tuple[list[str], list[list[Any]]]] = {
    "Occupation Data": (["O*NET-SOC Code", "Title", "Description"], [list(o) for o in OCCUPATIONS]),
    "Alternate Titles": (
        ["O*NET-SOC Code", "Title", "Alternate Title", "Short Title", "Source(s)"],
        [
            [CE, TITLES[CE], "Chief Executive Officer", "CEO", "08"],
            [CE, TITLES[CE], "CEO (Chief Executive Officer)", "CEO", "08"],
            [SD, TITLES[SD], "Application Developer", None, "04"],
            [SD, TITLES[SD], "Application Developer", None, "08"],
            [DS, TITLES[DS], "Data Analytic Scientist", None, "08"],
            ["99-9999.00", "Nobody", "Ghost Title", None, "08"],
        ],
    ),
    "Sample of Reported Titles": (
        ["O*NET-SOC Code", "Title", "Reported Job Title", "Shown in My Next Move"],
        [[SD, TITLES[SD], "Software Engineer", "Y"], [DS, TITLES[DS], "Data Scientist", "Y"]],
    ),
    "Skills": (
        RATING_HEADER,
        _ratings(
            [
                (CE, "2.A.1.a", "Reading Comprehension", "IM", 4.12),
                (CE, "2.A.1.a", "Reading Comprehension", "LV", 4.75),
                (CE, "2.B.3.e", "Programming", "IM", 1.0),
                (CE, "2.B.3.e", "Programming", "LV", 0.0),
                (SD, "2.A.1.a", "Reading Comprehension", "IM", 3.5),
                (SD, "2.A.1.a", "Reading Comprehension", "LV", 3.88),
                (SD, "2.B.3.e", "Programming", "IM", 4.75),
                (SD, "2.B.3.e", "Programming", "LV", 5.5),
            ]
        ),
    ),
    "Knowledge": (
        RATING_HEADER,
        _ratings(
            [
                (SD, "2.C.3.a", "Computers and Electronics", "IM", 4.69),
                (SD, "2.C.3.a", "Computers and Electronics", "LV", 6.02),
            ]
        ),
    ),
    "Technology Skills": (
        [
            "O*NET-SOC Code",
            "Title",
            "Example",
            "Commodity Code",
            "Commodity Title",
            "Hot Technology",
            "In Demand",
        ],
        [
            [SD, TITLES[SD], "Python", 43232403, "Development environment software", "Y", "Y"],
            [SD, TITLES[SD], "Git", 43232402, "Configuration management software", "Y", "N"],
            [DS, TITLES[DS], "Python", 43232403, "Development environment software", "Y", "N"],
            [CE, TITLES[CE], "Adobe Acrobat", 43232202, "Document management software", "N", "N"],
        ],
    ),
    "Job Zones": (
        ["O*NET-SOC Code", "Title", "Job Zone", "Date", "Domain Source"],
        [[CE, TITLES[CE], 5, "08/2023", "Analyst"], [SD, TITLES[SD], 4, "08/2023", "Analyst"]],
    ),
    "Interests": (
        [
            "O*NET-SOC Code",
            "Title",
            "Element ID",
            "Element Name",
            "Scale ID",
            "Scale Name",
            "Data Value",
            "Date",
            "Domain Source",
        ],
        [
            [
                SD,
                TITLES[SD],
                f"1.B.1.{letter}",
                name,
                "OI",
                "Occupational Interests",
                value,
                "11/2023",
                "Machine Learning",
            ]
            for letter, name, value in zip(
                "abcdef",
                [
                    "Realistic",
                    "Investigative",
                    "Artistic",
                    "Social",
                    "Enterprising",
                    "Conventional",
                ],
                [2.33, 6.67, 3.0, 1.5, 2.0, 5.17],
                strict=True,
            )
        ]
        + [
            [
                SD,
                TITLES[SD],
                "1.B.1.g",
                "First Interest High-Point",
                "IH",
                "Occupational Interest High-Point",
                2.0,
                "11/2023",
                "Machine Learning",
            ]
        ],
    ),
    "Task Statements": (
        [
            "O*NET-SOC Code",
            "Title",
            "Task ID",
            "Task",
            "Task Type",
            "Incumbents Responding",
            "Date",
            "Domain Source",
        ],
        [
            [CE, TITLES[CE], 8823, "Direct financial activities.", "Core", 95, "08/2023", "Inc"],
            [SD, TITLES[SD], 16363, "Write and test code.", "Core", 60, "08/2023", "Inc"],
            [SD, TITLES[SD], 16987, "Train users.", "Supplemental", 60, "08/2023", "Inc"],
            [DS, TITLES[DS], 21823, "Analyze large data sets.", None, None, "08/2023", "Analyst"],
        ],
    ),
    "Tasks to DWAs": (
        [
            "O*NET-SOC Code",
            "Title",
            "Task ID",
            "Task",
            "DWA ID",
            "DWA Title",
            "Date",
            "Domain Source",
        ],
        [
            [
                SD,
                TITLES[SD],
                16363,
                "Write and test code.",
                "4.A.3.b.1.I01.D01",
                "Write code.",
                "03/2014",
                "Analyst",
            ],
            [
                SD,
                TITLES[SD],
                16987,
                "Train users.",
                "4.A.4.b.3.I01.D02",
                "Train users.",
                "03/2014",
                "Analyst",
            ],
            [
                DS,
                TITLES[DS],
                21823,
                "Analyze large data sets.",
                "4.A.2.a.4.I01.D01",
                "Analyze data.",
                "03/2014",
                "Analyst",
            ],
            [
                DS,
                TITLES[DS],
                21823,
                "Analyze large data sets.",
                "4.A.3.b.1.I01.D01",
                "Write code.",
                "03/2014",
                "Analyst",
            ],
        ],
    ),
    "DWA Reference": (
        ["Element ID", "Element Name", "IWA ID", "IWA Title", "DWA ID", "DWA Title"],
        [
            [
                "4.A.2.a.4",
                "Analyzing Data",
                "4.A.2.a.4.I01",
                "Analyze data.",
                "4.A.2.a.4.I01.D01",
                "Analyze data.",
            ],
            [
                "4.A.3.b.1",
                "Working with Computers",
                "4.A.3.b.1.I01",
                "Program computers.",
                "4.A.3.b.1.I01.D01",
                "Write code.",
            ],
            [
                "4.A.4.b.3",
                "Training",
                "4.A.4.b.3.I01",
                "Teach others.",
                "4.A.4.b.3.I01.D02",
                "Train users.",
            ],
        ],
    ),
    "IWA Reference": (
        ["Element ID", "Element Name", "IWA ID", "IWA Title"],
        [
            ["4.A.2.a.4", "Analyzing Data", "4.A.2.a.4.I01", "Analyze data."],
            ["4.A.3.b.1", "Working with Computers", "4.A.3.b.1.I01", "Program computers."],
            ["4.A.4.b.3", "Training", "4.A.4.b.3.I01", "Teach others."],
        ],
    ),
    "Related Occupations": (
        [
            "O*NET-SOC Code",
            "Title",
            "Related O*NET-SOC Code",
            "Related Title",
            "Relatedness Tier",
            "Index",
        ],
        [
            [SD, TITLES[SD], DS, TITLES[DS], "Primary-Short", 1],
            [DS, TITLES[DS], SD, TITLES[SD], "Primary-Short", 1],
            [DS, TITLES[DS], CE, TITLES[CE], "Supplemental", 2],
        ],
    ),
}

ESCO: dict[str, tuple[list[str], list[list[str]]]] = {
    "skills_en.csv": (
        [
            "conceptType",
            "conceptUri",
            "skillType",
            "reuseLevel",
            "preferredLabel",
            "altLabels",
            "hiddenLabels",
            "status",
            "modifiedDate",
            "scopeNote",
            "definition",
            "inScheme",
            "description",
        ],
        [
            [
                "KnowledgeSkillCompetence",
                SKILL + "s-python",
                "knowledge",
                "cross-sector",
                "Python (computer programming)",
                "Python\nPython (computer programming)\nPython",
                "pyhton",
                "released",
                "",
                "",
                "",
                "",
                "Python is a language. It is popular.",
            ],
            [
                "KnowledgeSkillCompetence",
                SKILL + "s-lead",
                "skill/competence",
                "transversal",
                "lead others",
                "",
                "",
                "released",
                "",
                "",
                "",
                "",
                "Lead, manage and motivate people " + "and teams " * 40 + "to reach goals.",
            ],
        ],
    ),
    "occupations_en.csv": (
        [
            "conceptType",
            "conceptUri",
            "iscoGroup",
            "preferredLabel",
            "altLabels",
            "hiddenLabels",
            "status",
            "modifiedDate",
            "regulatedProfessionNote",
            "scopeNote",
            "definition",
            "inScheme",
            "description",
            "code",
        ],
        [
            [
                "Occupation",
                OCC + "o-dev",
                "2512",
                "software developer",
                "programmer\nsoftware engineer",
                "",
                "released",
                "",
                "",
                "",
                "",
                "",
                "Software developers write software.\nThey test it.",
                "2512.4",
            ],
        ],
    ),
    "occupationSkillRelations.csv": (
        ["occupationUri", "relationType", "skillType", "skillUri"],
        [
            [OCC + "o-dev", "essential", "knowledge", SKILL + "s-python"],
            [OCC + "o-dev", "optional", "skill/competence", SKILL + "s-lead"],
            [OCC + "o-missing", "essential", "knowledge", SKILL + "s-python"],
        ],
    ),
}


def write_xlsx(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    """One workbook with one sheet named after the file, header in row 1 (as O*NET ships)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = path.stem[:31]
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """A UTF-8 CSV with ESCO's quoting (multi-line cells quoted)."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def write_sources(root: Path) -> tuple[Path, Path]:
    """Write the fixture ``onet/`` and ``esco/`` folders under ``root``; returns both."""
    onet, esco = root / "onet", root / "esco"
    onet.mkdir(parents=True)
    esco.mkdir(parents=True)
    (onet / "Read Me.txt").write_text(README, encoding="utf-8")
    for name, (header, rows) in ONET.items():
        write_xlsx(onet / f"{name}.xlsx", header, rows)
    for name, (header, rows) in ESCO.items():
        write_csv(esco / name, header, rows)
    return onet, esco
