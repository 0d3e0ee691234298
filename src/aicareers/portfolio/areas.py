"""The top-level folders of a portfolio and the rules that decide which ones a career gets.

The guide sketches three folders (prompt engineering, ML projects, writing samples). Careers
such as compliance, product or moderation show their work in other forms, so a few more areas
exist. Areas are chosen from skills rather than from career ids, so a career added to the
catalog gets a sensible layout without touching this module.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

from ..knowledge.models import Career, Project


class Subfolder(msgspec.Struct, frozen=True, kw_only=True):
    """A folder inside an area and what belongs in it."""

    name: str
    purpose: str
    ideas: tuple[str, ...]


class Area(msgspec.Struct, frozen=True, kw_only=True):
    """A top-level folder of the portfolio; ``skills`` are the ones whose presence calls for it."""

    folder: str
    title: str
    purpose: str
    ideas: tuple[str, ...]
    skills: frozenset[str]
    subfolders: tuple[Subfolder, ...] = ()
    always: bool = False


def _skills(ids: str) -> frozenset[str]:
    """Skill ids written as one whitespace-separated string, which keeps the tables compact."""
    return frozenset(ids.split())


def _sub(name: str, purpose: str, *ideas: str) -> Subfolder:
    return Subfolder(name=name, purpose=purpose, ideas=ideas)


PROMPTS = Area(
    folder="prompt-engineering",
    title="Prompt engineering",
    purpose="Prompts you designed, the tests that judge them and what you learned on the way.",
    ideas=(
        "Keep prompts in files under version control, so every change can be compared.",
        "Pair each prompt with test cases and a score; a prompt without tests is a guess.",
    ),
    skills=_skills("prompt-engineering llm-capabilities generative-ai-tools"),
    subfolders=(
        _sub(
            "examples",
            "Short before-and-after pairs: a first prompt, the improved one, and the outputs.",
            "Name the model, its version and the date for every example; behaviour changes.",
            "Add one sentence per pair on why the second version works better.",
        ),
        _sub(
            "case-studies",
            "Longer stories of one problem solved with a model, start to finish.",
            "State the goal, the test cases, each revision and the measured result.",
            "Finish with what still fails, so a reader trusts the rest.",
        ),
    ),
)
ML = Area(
    folder="ml-projects",
    title="Machine learning projects",
    purpose="End-to-end technical projects: data, code, evaluation and a clear README each.",
    ideas=(
        "One folder per project, each runnable from its own README.",
        "Report results against a simple baseline, with the test data kept apart from the start.",
    ),
    skills=_skills(
        """
        python r sql ml-frameworks deep-learning computer-vision audio-processing
        recommender-systems ml-pipelines statistical-modeling gans generative-models
        nlp-basics model-optimization neural-network-architectures big-data-processing
        real-time-detection cloud-platforms container-orchestration ci-cd ab-testing
        data-quality explainable-ai quantum-frameworks data-visualization green-computing
        ai-compute-requirements ai-hardware
        """
    ),
)
DESIGN = Area(
    folder="design-work",
    title="Design work",
    purpose="Research, flows and prototypes that show how you design for people and AI together.",
    ideas=(
        "Lead with the problem and the people, then the design, then what testing changed.",
        "Show failures and repairs; reviewers look for how you handle the unhappy path.",
    ),
    skills=_skills("ux-design conversation-design user-research hci prototyping-tools"),
    subfolders=(
        _sub(
            "research",
            "Study plans, anonymised findings and the decisions they led to.",
            "Keep consent forms and raw recordings out of the repository.",
        ),
        _sub(
            "prototypes",
            "Links to clickable prototypes, exported flows and short demo videos.",
            "Show the repair and error paths, not only the happy path.",
        ),
    ),
)
PRODUCT = Area(
    folder="product-work",
    title="Product work",
    purpose="Requirements, analyses and decision memos that show how you choose what to build.",
    ideas=(
        "Every document should end in a decision and the evidence behind it.",
        "Put numbers on trade-offs: cost per request, error costs, time saved.",
    ),
    skills=_skills(
        """
        product-management roi-understanding data-driven-decisions stakeholder-management
        project-management
        """
    ),
)
CONTENT = Area(
    folder="content-strategy",
    title="Content strategy",
    purpose="Voice guides, workflows and measured content results.",
    ideas=(
        "Show the process (prompts, review, fact-checking), not only the finished pieces.",
        "Pair samples with numbers: time saved, edits needed, search and engagement results.",
    ),
    skills=_skills("content-marketing brand-management seo"),
)
OPERATIONS = Area(
    folder="operations",
    title="Operations and change",
    purpose="Procedures, drills, adoption plans and incident reviews that show safe, steady work.",
    ideas=(
        "Write procedures for a tired colleague at 3 a.m.: short steps, clear triggers.",
        "Record what each drill or review changed; improvement is the evidence.",
    ),
    skills=_skills(
        """
        autonomous-systems remote-operation real-time-decision-making
        safety-risk-management crisis-management change-management
        """
    ),
    subfolders=(
        _sub(
            "runbooks",
            "Step-by-step procedures someone else could follow under pressure.",
            "Date each runbook and note what changed after every drill or incident.",
        ),
    ),
)
GOVERNANCE = Area(
    folder="governance",
    title="Governance, policy and audits",
    purpose="Policies, assessments and audit papers of the kind a review board or regulator reads.",
    ideas=(
        "Cite the rule or principle behind every requirement and finding.",
        "Use public systems or anonymise; never publish an employer's confidential material.",
    ),
    skills=_skills(
        """
        responsible-ai ethical-reasoning philosophy-ethics policy-development
        regulatory-compliance legal-knowledge risk-assessment audit-documentation
        data-privacy-regulation hipaa-compliance content-policy
        """
    ),
    subfolders=(
        _sub(
            "templates",
            "Reusable forms: intake questionnaires, model card and risk register layouts.",
            "A template someone else has filled in successfully is worth more than a blank one.",
        ),
        _sub(
            "case-studies",
            "Worked reviews of real or realistic systems, with the reasoning behind each finding.",
            "Show the evidence, the finding and the recommended action for each issue.",
        ),
    ),
)
RESEARCH = Area(
    folder="research",
    title="Research",
    purpose="Replications, experiments and write-ups that show how you ask and answer questions.",
    ideas=(
        "State the question and what would count as an answer before running anything.",
        "Report negative and partial results; they show judgement.",
    ),
    skills=_skills(
        """
        research-methodology ai-alignment ml-theory quantum-computing mathematics
        mathematical-optimization advanced-degree
        """
    ),
    subfolders=(
        _sub(
            "reading-notes",
            "One page per paper: the claim, the evidence, and what you doubt.",
            "Link each note to the experiment it inspired, if any.",
        ),
    ),
)
WRITING = Area(
    folder="writing-samples",
    title="Writing samples",
    purpose="Evidence that you can explain your work: documentation and posts written for others.",
    ideas=("Choose a few pieces you are proud of over many you are not.",),
    skills=_skills("written-communication technical-writing stakeholder-communication"),
    always=True,
    subfolders=(
        _sub(
            "technical-documentation",
            "READMEs, design notes, how-to guides and reference pages you wrote.",
            "Pick pieces a stranger could follow without asking you anything.",
            "Say who the reader is at the top of each document.",
        ),
        _sub(
            "blog-posts",
            "Public posts about what you built and learned, or links to them.",
            "Write one post per finished project: the problem, the approach, the result.",
            "Posting what you learn while you learn it is how people find you.",
        ),
    ),
)
# Where a project lands when no area's skills match it at all.
OTHER = Area(
    folder="projects",
    title="Other projects",
    purpose="Projects that do not fit the other folders.",
    ideas=("Give each project its own folder and README.",),
    skills=frozenset(),
)

# Most specific first: a tie goes to the earlier area, so a prompt library with some Python
# lands in prompt engineering rather than in ML projects.
AREAS: tuple[Area, ...] = (
    PROMPTS, DESIGN, CONTENT, PRODUCT, OPERATIONS, GOVERNANCE, RESEARCH, ML, WRITING,
)  # fmt: skip
# The order folders are listed in: the guide's three first, writing samples last.
LAYOUT: tuple[Area, ...] = (
    PROMPTS, ML, DESIGN, CONTENT, PRODUCT, GOVERNANCE, RESEARCH, OPERATIONS, OTHER, WRITING,
)  # fmt: skip


def home_area(project: Project, career: Career | None = None) -> Area:
    """The area whose skills overlap the project's most; ties go to one the career needs."""
    wanted = set(career.key_skills) if career else set()
    best, best_key = OTHER, (0, 0)
    for area in AREAS:
        # The career only breaks ties: a red-team study sits under research for a safety
        # researcher and under prompt engineering for a prompt engineer.
        key = (len(area.skills.intersection(project.skills)), len(area.skills & wanted))
        if key[0] and key > best_key:
            best, best_key = area, key
    return best


def areas_for(career: Career, projects: Iterable[Project]) -> list[Area]:
    """The areas a career's portfolio needs, in layout order, writing samples last."""
    wanted = {home_area(p, career).folder for p in projects}
    wanted |= {a.folder for a in AREAS if a.always or a.skills.intersection(career.key_skills)}
    return [area for area in LAYOUT if area.folder in wanted]
