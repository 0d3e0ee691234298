"""The guide's reference pages: statistics, sources, certifications with their status,
resources by kind, and a search whose results are grouped by kind with careers first.

``Navigator`` (service.catalog) answers hubs, certifications and resources as the CLI prints
them; this module adds what the browser pages need beside that, from the same catalog.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import msgspec

from ..documents import guide_reference as g
from ..documents.catalog import Ref
from ..knowledge.models import Catalog
from ..knowledge.models import ResourceKind as ResourceKind  # for the API's kind parameter
from ..knowledge.search import KINDS, stem, tokens
from .catalog import RESOURCE_KINDS, Navigator

# Resource kinds in the order the pages show them, with headings people read. The guide's own
# sections come first; the kinds it mentions in passing follow.
RESOURCE_TITLES: dict[str, str] = {
    "course": "Courses",
    "news": "News",
    "research": "Research",
    "podcast": "Podcasts",
    "video": "Video",
    "community": "Communities",
    "conference": "Conferences",
    "practice": "Practice platforms",
    "learning-platform": "Learning platforms",
    "freelance": "Freelance work",
    "publishing": "Places to publish",
    "guide": "Guides and handbooks",
    "regulation": "Laws and regulation",
}
KIND_TITLES: dict[str, str] = {
    "career": "Careers",
    "skill": "Skills",
    "certification": "Certifications",
    "resource": "Learning resources",
    "tool": "Tools",
    "organization": "Organisations",
    "hub": "AI job hubs",
    "emerging": "Emerging specializations",
    "step": "Steps of a switch",
    "challenge": "Challenges",
    "background": "Backgrounds",
}
# A career reached through a background it suits ranks a little below the background itself:
# the background is what the words matched.
THROUGH_BACKGROUND = 0.9
THROUGH_SUITED = 0.8  # a career that merely suits the background ranks below Step 1's pairs
SEARCH_LIMIT = 60
# Our grouping of the guide's careers by the kind of work (the guide ranks them, it does not
# group them); a test keeps every career in exactly one family.
CAREER_FAMILIES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("build", "Building and running AI systems",
     "Engineering work: prompts, models, pipelines and the systems around them.",
     ("prompt-engineer", "mlops-engineer", "neural-network-architect",
      "personalization-engineer", "synthetic-data-scientist")),
    ("trust", "Ethics, law and trust",
     "Making AI fair, lawful, explainable, safe from fakes and kind to the planet.",
     ("ai-ethics-officer", "ai-compliance-manager", "ai-transparency-analyst",
      "deepfake-detection-specialist", "ai-sustainability-specialist")),
    ("design", "Design, content and people",
     "Shaping how people talk to AI, what it writes and what it lets through.",
     ("conversational-ai-designer", "ai-human-interaction-designer",
      "generative-ai-content-strategist", "ai-content-moderator")),
    ("domain", "Products, data and the work you know",
     "Roles that build on experience in a field: products, data, health care, operations.",
     ("ai-product-manager", "ai-training-data-curator", "ai-assisted-healthcare-coordinator",
      "autonomous-systems-operator")),
    ("research", "Research",
     "Open questions: keeping advanced AI safe, and machine learning on quantum computers.",
     ("ai-safety-researcher", "quantum-machine-learning-researcher")),
)  # fmt: skip


def guide_date(nav: Navigator) -> g.GuideDate:
    """The guide's title and publication date."""
    guide = nav.catalog.guide
    return g.GuideDate(title=guide.title, published=guide.published)


def career_families(nav: Navigator) -> list[g.CareerFamily]:
    """The careers grouped by the kind of work, each family in the guide's order."""
    summaries = {c.id: c for c in nav.careers()}
    return [
        g.CareerFamily(
            id=ident, title=title, blurb=blurb,
            careers=tuple(summaries[i] for i in ids if i in summaries),
        )
        for ident, title, blurb, ids in CAREER_FAMILIES
    ]  # fmt: skip


def statistics(nav: Navigator) -> list[g.StatisticView]:
    """The numbers the guide cites, each with its sources."""
    cat = nav.catalog
    return [
        g.StatisticView(
            id=s.id,
            label=s.label,
            value=s.value,
            unit=s.unit,
            period=s.period,
            sources=nav.source_refs(s.sources),
            last_checked=s.last_checked,
            verified=s.verified,
        )
        for s in cat.statistics
    ]


def _cited_ids(node: Any) -> Iterator[str]:
    """Every source id named anywhere under ``node`` (``sources`` lists, ``status_source``)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "sources" and isinstance(value, (list, tuple)):
                yield from (i for i in value if isinstance(i, str))
            elif key.endswith("_source") and isinstance(value, str):
                yield value
            else:
                yield from _cited_ids(value)
    elif isinstance(node, (list, tuple)):
        for item in node:
            yield from _cited_ids(item)


def sources(nav: Navigator) -> list[g.SourceView]:
    """Every source, the guide first, with how many catalog entries cite it."""
    cat = nav.catalog
    # The sources list itself names no citations; the rest of the catalog does.
    tree = {k: v for k, v in msgspec.to_builtins(cat).items() if k != "sources"}
    counts = Counter(_cited_ids(tree))
    return [
        g.SourceView(
            id=s.id,
            title=s.title,
            url=s.url,
            publisher=s.publisher,
            note=s.note,
            cited_by=counts[s.id],
        )
        for s in cat.sources
    ]


def certification_cards(nav: Navigator) -> list[g.CertificationCard]:
    """Every certification with its status (retired ones stay, marked) and the careers it
    suits."""
    cat = nav.catalog
    models = {c.id: c for c in cat.certifications}
    careers = {c.id: c.title for c in cat.careers}
    cards = []
    for view in nav.certifications():
        model = models[view.id]
        suits = list(model.careers) + [r.id for r in view.careers if r.id not in model.careers]
        status_source = nav.source_refs((model.status_source,) if model.status_source else ())
        cards.append(
            g.CertificationCard(
                certification=view,
                status=model.status,
                retires=model.retires,
                status_source=status_source[0] if status_source else None,
                suits=tuple(Ref(id=i, name=careers[i]) for i in suits if i in careers),
                last_checked=model.last_checked,
                verified=model.verified,
            )
        )
    return cards


def resource_sections(nav: Navigator, kind: str | None = None) -> list[g.ResourceSection]:
    """Resources grouped by kind, in the pages' order; only ``kind`` when given (an unknown
    kind is the service's ``UserInputError``)."""
    found = nav.resources(kind=kind)
    order = [k for k in RESOURCE_TITLES if k in RESOURCE_KINDS]
    order += [k for k in RESOURCE_KINDS if k not in order]
    status: dict[str, str] = {r.id: r.status for r in nav.catalog.resources}
    published = nav.catalog.guide.published
    checked = {
        r.id: day
        for r in nav.catalog.resources
        if (day := r.last_checked) is not None and day > published
    }
    sections = []
    for each in order:
        chosen = tuple(r for r in found if r.kind == each)
        if chosen:
            title = RESOURCE_TITLES.get(each, each.replace("-", " ").capitalize())
            paused = {r.id: status[r.id] for r in chosen if status[r.id] != "active"}
            seen = {r.id: checked[r.id] for r in chosen if r.id in checked}
            sections.append(
                g.ResourceSection(
                    kind=each, title=title, resources=chosen, paused=paused, checked=seen
                )
            )
    return sections


def _page_of(cat: Catalog, kind: str, ident: str) -> str | None:
    """The page that shows a search hit (an anchor on a list page where it has no page)."""
    pages = {
        "career": f"/careers/{ident}",
        "skill": f"/skills/{ident}",
        "certification": f"/certifications#{ident}",
        "resource": f"/resources#{ident}",
        "hub": f"/hubs#{ident}",
        "emerging": "/emerging",
        "step": "/steps",
        "challenge": "/challenges",
        "background": f"/careers?background={ident}",
    }
    if kind in pages:
        return pages[kind]
    # Tools and organisations have no page here: their own site is the next best place.
    table = {t.id: t.url for t in cat.tools} if kind == "tool" else {}
    if kind == "organization":
        table = {o.id: o.url for o in cat.organizations}
    return table.get(ident)


def _title_matches(query: list[str], title: str) -> bool:
    """Whether a word of the query is a word of the title, or its stem is."""
    words = tokens(title)
    stems = {stem(w) for w in words}
    return any(q in words or stem(q) in stems for q in query)


def _through_backgrounds(cat: Catalog, hits: list[g.SearchHit]) -> list[g.SearchHit]:
    """The careers each matching background leads to, scored just below the background: those
    Step 1 pairs with it first ("nurse" matches the healthcare background, which leads to the
    healthcare coordinator), then the others that list it as a background they suit."""
    titles = {c.id: c.title for c in cat.careers}
    pairs = {t.background: t.careers for s in cat.steps for t in s.transitions}
    suited = {c.id: {b.background for b in c.backgrounds} for c in cat.careers}
    names = {b.id: b.name for b in cat.backgrounds}
    found = []
    for hit in (h for h in hits if h.kind == "background"):
        paired = pairs.get(hit.id, ())
        others = [c for c in titles if hit.id in suited[c] and c not in paired]
        for careers, factor, note in (
            (paired, THROUGH_BACKGROUND, "The guide's first step leads here from"),
            (others, THROUGH_SUITED, "Suits people whose background is"),
        ):
            found += [
                g.SearchHit(
                    kind="career", id=career, name=titles[career], field="background",
                    snippet=f"{note}: {names[hit.id]}", score=round(hit.score * factor, 3),
                    url=f"/careers/{career}",
                )
                for career in careers
            ]  # fmt: skip
    return found


def search(nav: Navigator, text: str) -> g.SearchView:
    """Everything matching ``text``, grouped by kind: careers first (those whose title matches
    before the rest), then the other kinds by their best hit."""
    cat = nav.catalog
    query = tokens(text)
    hits = [
        g.SearchHit(**msgspec.structs.asdict(h), url=_page_of(cat, h.kind, h.id) or "")
        for h in nav.search(text, limit=SEARCH_LIMIT)
    ]
    seen = {h.id for h in hits if h.kind == "career"}
    for extra in _through_backgrounds(cat, hits):
        if extra.id not in seen:
            seen.add(extra.id)
            hits.append(extra)
    by_kind: dict[str, list[g.SearchHit]] = {}
    for hit in hits:
        by_kind.setdefault(hit.kind, []).append(hit)
    careers = by_kind.pop("career", [])
    careers.sort(key=lambda h: (not _title_matches(query, h.name), -h.score, h.name.casefold()))
    rest = sorted(by_kind.items(), key=lambda kv: (-kv[1][0].score, KINDS.index(kv[0])))
    ordered = ([("career", careers)] if careers else []) + rest
    groups = tuple(
        g.SearchGroup(kind=kind, title=KIND_TITLES.get(kind, kind), hits=tuple(found))
        for kind, found in ordered
    )
    return g.SearchView(query=text.strip(), groups=groups)
