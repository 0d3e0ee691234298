"""About-600-word resumes for the speed benchmarks, built at run time.

Two sources:

- ``template_resumes``: plain-text resumes composed from this file's own sentence templates
  (header, summary, three to five positions with bulleted achievements, education, skills),
  so that the parser, title coder and skill matchers all have work to do. Nothing here is
  copied from any data set.
- ``posting_resumes``: job-posting descriptions from ../shared/data/job-postings (no licence:
  read at run time, never copied into the repo), trimmed to their first 600 words; a proxy for
  unstructured prose such as a pasted "about me".
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

POSTINGS = Path(__file__).resolve().parents[2] / "shared" / "data" / "job-postings"
SEED = 20260115
WORDS = 600

NAMES = ("Alex Morgan", "Priya Nair", "Jonas Keller", "Maria Rossi", "Tomasz Nowak", "Lea Dubois")
PLACES = ("Berlin, Germany", "Austin, TX", "Toronto, Canada", "Lyon, France", "Leeds, UK")
CAREERS = (
    ("Data Analyst", "Senior Data Analyst", "Analytics Lead"),
    ("Software Engineer", "Backend Developer", "Senior Software Engineer"),
    ("Registered Nurse", "Clinical Nurse Specialist", "Nurse Manager"),
    ("Marketing Coordinator", "Digital Marketing Manager", "Growth Marketing Lead"),
    ("Financial Analyst", "Risk Analyst", "Senior Risk Manager"),
    ("High School Teacher", "Instructional Designer", "Learning Program Manager"),
    ("Systems Administrator", "DevOps Engineer", "Site Reliability Engineer"),
    ("Graphic Designer", "UX Designer", "Product Designer"),
    ("Research Assistant", "Data Scientist", "Machine Learning Engineer"),
    ("Paralegal", "Compliance Analyst", "Compliance Officer"),
)
COMPANIES = ("Northwind Ltd", "Bluefield Health", "Acme Analytics", "Riverbank AG", "Orbit Labs")
VERBS = (
    "Designed", "Built", "Led", "Automated", "Maintained", "Analysed", "Migrated", "Introduced",
    "Coordinated", "Reviewed", "Mentored", "Reduced", "Wrote", "Presented", "Improved",
)  # fmt: skip
OBJECTS = (
    "a weekly reporting pipeline that pulls sales data from three regional systems",
    "the onboarding programme for new team members and the documentation behind it",
    "dashboards in Tableau and Power BI used by the leadership team every Monday",
    "the migration of legacy batch jobs to a cloud data warehouse on AWS",
    "patient intake procedures so that waiting times fell by a fifth",
    "A/B tests of email campaigns and landing pages across four markets",
    "credit risk models in Python and SQL with monthly back-testing",
    "lesson plans and assessments for classes of thirty students",
    "continuous integration and deployment with GitHub Actions and Docker",
    "a customer churn model with scikit-learn that ranks accounts by risk",
    "policies for data privacy under GDPR together with the legal team",
    "user interviews and usability tests that shaped the new checkout flow",
    "Kubernetes clusters and Terraform modules for three product teams",
    "an internal search service whose answers are ranked by a learned model",
    "quarterly budget forecasts in Excel and presented them to the board",
    "incident reviews and on-call rotations for the payments platform",
    "stakeholder workshops to agree requirements for a new CRM rollout",
    "a prototype chatbot that answers policy questions from retrieved documents",
)
RESULTS = (
    "saving about ten hours of manual work each week",
    "which the team still uses today",
    "cutting error rates by a third within six months",
    "with clear documentation and tests",
    "on time and under budget",
    "and trained colleagues to run it themselves",
)
SKILL_LISTS = (
    "Python, SQL, Excel, Tableau, statistics, stakeholder management",
    "Java, Python, Docker, Kubernetes, AWS, CI/CD, Git",
    "patient care, clinical documentation, team leadership, scheduling",
    "SEO, Google Analytics, copywriting, A/B testing, CRM",
    "financial modelling, risk assessment, regulatory reporting, Excel, VBA",
    "curriculum design, e-learning, public speaking, coaching",
    "Linux, Bash, Terraform, monitoring, incident response",
    "Figma, user research, prototyping, accessibility, design systems",
    "machine learning, PyTorch, scikit-learn, data visualisation, NLP",
    "GDPR, AML/KYC, policy writing, internal audit, EU AI Act",
)
DEGREES = (
    "Bachelor of Science in Economics, University of Leeds, 2012",
    "Master of Science in Computer Science, TU Munich, 2015",
    "Bachelor of Nursing, University of Toronto, 2010",
    "Bachelor of Arts in Communication, University of Texas at Austin, 2013",
    "Master of Laws, Goethe University Frankfurt, 2011",
)


def _bullet(rng: random.Random) -> str:
    return f"- {rng.choice(VERBS)} {rng.choice(OBJECTS)}, {rng.choice(RESULTS)}."


def _words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)


def template_resume(index: int, words: int = WORDS) -> str:
    """One plain-text resume of about ``words`` words (seeded by ``index``)."""
    rng = random.Random(SEED + index)
    titles = CAREERS[index % len(CAREERS)]
    head = [
        NAMES[index % len(NAMES)],
        PLACES[index % len(PLACES)],
        "",
        "Summary",
        f"{titles[-1]} with {8 + index % 10} years of experience. I enjoy turning messy "
        "problems into simple, measurable improvements and I am now moving towards AI work.",
        "",
        "Experience",
    ]
    tail = [
        "",
        "Education",
        DEGREES[index % len(DEGREES)],
        "",
        "Skills",
        SKILL_LISTS[index % len(SKILL_LISTS)],
    ]
    body: list[str] = []
    years = [(2021, "Present"), (2017, "2021"), (2013, "2017")]
    budget = words - _words(head) - _words(tail)
    per_job = budget // len(titles)
    for title, (start, end) in zip(reversed(titles), years, strict=True):
        block = ["", title, f"{rng.choice(COMPANIES)} | {start} - {end}"]
        target = _words(body) + per_job
        while _words(body) + _words(block) < target:
            block.append(_bullet(rng))
        body.extend(block)
    return "\n".join([*head, *body[1:], *tail]) + "\n"


def template_resumes(count: int = 20, words: int = WORDS) -> list[str]:
    """``count`` different template resumes of about ``words`` words."""
    return [template_resume(i, words) for i in range(count)]


def posting_descriptions(limit: int = 200, *, min_words: int = 0) -> list[str]:
    """Non-blank job-posting descriptions, files in name order, seeded sample of ``limit``."""
    csv.field_size_limit(16 * 1024 * 1024)
    found: list[str] = []
    for path in sorted(POSTINGS.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            column = next((c for c in reader.fieldnames or [] if "description" in c.lower()), None)
            if column is None:
                continue
            for row in reader:
                text = (row.get(column) or "").strip()
                if text and len(text.split()) >= min_words:
                    found.append(text)
    return random.Random(SEED).sample(found, min(limit, len(found)))


def posting_resumes(count: int = 20, words: int = WORDS) -> list[str]:
    """``count`` posting descriptions of at least ``words`` words, cut at that many words."""
    texts = posting_descriptions(count, min_words=words)
    out = []
    for text in texts:
        # Keep line breaks (the parser and sentence splitter use them) while cutting words.
        kept, total = [], 0
        for line in text.splitlines():
            n = len(line.split())
            if total + n > words:
                kept.append(" ".join(line.split()[: words - total]))
                break
            kept.append(line)
            total += n
        out.append("\n".join(kept))
    return out
