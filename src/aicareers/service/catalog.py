"""The facade adapters call: it loads the catalog on first use and answers with views."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations
from typing import TYPE_CHECKING, Literal, Protocol, get_args

import msgspec

from ..documents import catalog as v
from ..errors import UserInputError
from ..knowledge.loader import default_catalog
from ..knowledge.lookup import CAREER_IDS, by_id
from ..knowledge.models import BreakInStep, Career, Catalog, Money, ResourceKind

if TYPE_CHECKING:
    from ..knowledge.search import Hit as Hit  # a search result, as adapters lay it out

CareerSort = Literal["rank", "title", "salary"]
CAREER_SORTS: tuple[str, ...] = get_args(CareerSort)
RESOURCE_KINDS: tuple[str, ...] = get_args(ResourceKind)
# Side by side, more than four careers no longer fit a terminal or a phone.
MIN_COMPARED, MAX_COMPARED = 2, 4


@dataclass(frozen=True)
class CareerFilter:
    """Which careers to list: at least this pay (the range's low end), one key skill, one
    background the career suits; None means any."""

    min_pay: int | None = None
    skill: str | None = None
    background: str | None = None


class _Entry(Protocol):
    @property
    def id(self) -> str: ...


def _label(item: _Entry) -> str:
    return str(getattr(item, "title", None) or getattr(item, "name", item.id))


def _refs(table: Mapping[str, _Entry], ids: Iterable[str]) -> tuple[v.Ref, ...]:
    return tuple(v.Ref(id=i, name=_label(table[i])) for i in ids)


def _links(table: Mapping[str, _Entry], ids: Iterable[str]) -> tuple[v.Link, ...]:
    return tuple(
        v.Link(id=i, name=_label(table[i]), url=getattr(table[i], "url", None)) for i in ids
    )


class _Index:
    """The catalog's entries by id, for resolving the ids that entries refer to."""

    def __init__(self, catalog: Catalog) -> None:
        self.careers = {c.id: c for c in catalog.careers}
        self.skills = {s.id: s for s in catalog.skills}
        self.groups = {g.id: g for g in catalog.essential_skills}
        self.backgrounds = {b.id: b for b in catalog.backgrounds}
        self.resources = {r.id: r for r in catalog.resources}
        self.certifications = {c.id: c for c in catalog.certifications}
        self.tools = {t.id: t for t in catalog.tools}
        self.organizations = {o.id: o for o in catalog.organizations}
        self.sources = {s.id: s for s in catalog.sources}

    def source_refs(self, ids: Iterable[str]) -> tuple[v.SourceRef, ...]:
        found = (self.sources[i] for i in ids)
        return tuple(
            v.SourceRef(id=s.id, title=s.title, url=s.url, publisher=s.publisher) for s in found
        )

    def pay(self, money: Money) -> v.Pay:
        return v.Pay(
            min=money.min,
            max=money.max,
            currency=money.currency,
            period=money.period,
            open_ended=money.open_ended,
            sources=self.source_refs(money.sources),
        )

    def break_in(self, step: BreakInStep) -> v.BreakIn:
        return v.BreakIn(
            text=step.text,
            resources=_links(self.resources, step.resources),
            certifications=_links(self.certifications, step.certifications),
            tools=_links(self.tools, step.tools),
            organizations=_links(self.organizations, step.organizations),
        )


class Navigator:
    """Answers every question the adapters ask, from one catalog loaded on first use."""

    def __init__(self, catalog: Catalog | None = None) -> None:
        self._catalog = catalog

    @property
    def catalog(self) -> Catalog:
        """The catalog this navigator answers from (the shipped one unless given)."""
        if self._catalog is None:
            self._catalog = default_catalog()
        return self._catalog

    @cached_property
    def _ix(self) -> _Index:
        return _Index(self.catalog)

    def source_refs(self, ids: Iterable[str]) -> tuple[v.SourceRef, ...]:
        """The catalog's sources named by ``ids``, as documents cite them."""
        return self._ix.source_refs(ids)

    def careers(
        self, sort: str = "rank", where: CareerFilter | None = None
    ) -> list[v.CareerSummary]:
        """The careers (those ``where`` keeps), in the guide's order, by title, or by pay
        (highest midpoint first)."""
        rows = [
            self._summary(rank, c)
            for rank, c in enumerate(self.catalog.careers, 1)
            if where is None or _kept(c, where)
        ]
        if sort == "title":
            rows.sort(key=lambda r: (r.title.casefold(), r.id))
        elif sort == "salary":
            rows.sort(key=lambda r: (-(r.salary.min + r.salary.max) / 2, r.title.casefold()))
        elif sort != "rank":
            choices = ", ".join(CAREER_SORTS)
            raise UserInputError(f"Unknown sort '{sort}'. Choose one of: {choices}.")
        return rows

    def career(self, ident: str) -> v.CareerPage:
        """The full page of one career; ``UnknownIdError`` with suggestions if none matches."""
        career = by_id(self.catalog.careers, ident, "career", CAREER_IDS)
        ix = self._ix
        summary = self._summary(self.catalog.careers.index(career) + 1, career)
        fits = tuple(
            v.BackgroundFit(
                id=b.background,
                name=ix.backgrounds[b.background].name,
                origin=b.origin,
                why=b.why,
            )
            for b in career.backgrounds
        )
        return v.CareerPage(
            **msgspec.structs.asdict(summary),
            duties=career.duties,
            backgrounds=fits,
            break_in=tuple(ix.break_in(step) for step in career.break_in),
            tools=_links(ix.tools, career.tools),
            employers=_links(ix.organizations, career.employers),
            sources=ix.source_refs(career.sources),
        )

    def filter_choices(self) -> tuple[dict[str, str], dict[str, str]]:
        """The skills and the backgrounds that at least one career names (id -> name, by name):
        what a careers filter can offer."""
        careers = self.catalog.careers
        used = {s for c in careers for s in c.key_skills}
        suited = {b.background for c in careers for b in c.backgrounds}
        skills = sorted((s.name, s.id) for s in self.catalog.skills if s.id in used)
        backgrounds = sorted((b.name, b.id) for b in self.catalog.backgrounds if b.id in suited)
        return {i: n for n, i in skills}, {i: n for n, i in backgrounds}

    def compare(self, idents: Sequence[str]) -> v.Comparison:
        """Two to four careers side by side, with the key skills they all share."""
        if not MIN_COMPARED <= len(idents) <= MAX_COMPARED:
            given = "one was" if len(idents) == 1 else f"{len(idents)} were"
            raise UserInputError(f"Compare two to four careers at a time; {given} given.")
        repeated = sorted({i for i in idents if list(idents).count(i) > 1})
        if repeated:
            listed = ", ".join(repeated)
            raise UserInputError(f"Name each career once; repeated: {listed}.")
        pages = tuple(self.career(i) for i in idents)
        first, *rest = pages
        shared = tuple(s for s in first.key_skills if all(s in p.key_skills for p in rest))
        return v.Comparison(
            careers=pages, shared_skills=shared, shared_by_pairs=_pairs(pages, shared)
        )

    def _summary(self, rank: int, career: Career) -> v.CareerSummary:
        return v.CareerSummary(
            rank=rank,
            id=career.id,
            title=career.title,
            summary=career.summary,
            salary=self._ix.pay(career.salary),
            key_skills=_refs(self._ix.skills, career.key_skills),
        )

    def skills(self, career: str | None = None) -> v.SkillsView:
        """Every skill (or one career's key skills) with the careers that list each."""
        cat, ix = self.catalog, self._ix
        chosen = None if career is None else self.career(career)
        wanted = [r.id for r in chosen.key_skills] if chosen else list(ix.skills)
        needed_by = _invert((c.id, c.key_skills) for c in cat.careers)
        groups_of = _invert((g.id, g.skills) for g in cat.essential_skills)
        entries = tuple(
            v.SkillEntry(
                id=s.id,
                name=s.name,
                category=s.category,
                description=s.description,
                aliases=s.aliases,
                careers=_refs(ix.careers, needed_by.get(s.id, ())),
                essential_groups=_refs(ix.groups, groups_of.get(s.id, ())),
            )
            for s in (ix.skills[i] for i in wanted)
        )
        essential = tuple(
            v.SkillGroupView(id=g.id, name=g.name, note=g.note, skills=_refs(ix.skills, g.skills))
            for g in cat.essential_skills
        )
        trending = tuple(
            v.TrendView(
                name=t.name, skills=_refs(ix.skills, t.skills), sources=ix.source_refs(t.sources)
            )
            for t in cat.trending_skills
        )
        picked = v.Ref(id=chosen.id, name=chosen.title) if chosen else None
        return v.SkillsView(career=picked, skills=entries, essential=essential, trending=trending)

    def _cited_by(self, attribute: str) -> dict[str, list[str]]:
        """Entry id -> careers whose break-in steps name it under ``attribute``."""
        return _invert(
            (c.id, [i for step in c.break_in for i in getattr(step, attribute)])
            for c in self.catalog.careers
        )

    def certifications(self) -> list[v.CertificationView]:
        """Every recommended certification, with the careers it suits: those whose break-in
        steps name it and those its own entry lists, in the catalog's order of careers."""
        cited = self._cited_by("certifications")
        order = [career.id for career in self.catalog.careers]
        return [
            v.CertificationView(
                id=c.id,
                name=c.name,
                group=c.group,
                issuer=c.issuer,
                focus=c.focus,
                url=c.url,
                careers=_refs(
                    self._ix.careers,
                    (i for i in order if i in c.careers or i in cited.get(c.id, ())),
                ),
            )
            for c in self.catalog.certifications
        ]

    def resources(self, kind: str | None = None) -> list[v.ResourceView]:
        """Learning and community resources, optionally only one kind."""
        if kind is not None and kind not in RESOURCE_KINDS:
            choices = ", ".join(RESOURCE_KINDS)
            raise UserInputError(f"Unknown resource kind '{kind}'. Choose one of: {choices}.")
        cited = self._cited_by("resources")
        return [
            v.ResourceView(
                id=r.id,
                name=r.name,
                kind=r.kind,
                description=r.description,
                provider=r.provider,
                url=r.url,
                free=r.free,
                careers=_refs(self._ix.careers, cited.get(r.id, ())),
            )
            for r in self.catalog.resources
            if kind is None or r.kind == kind
        ]

    def hubs(self) -> v.HubsView:
        """The cities with the most AI hiring, and the guide's note on remote work."""
        hubs = tuple(
            v.HubView(
                id=h.id,
                name=h.name,
                country=h.country,
                why=h.why,
                organizations=_links(self._ix.organizations, h.organizations),
            )
            for h in self.catalog.hubs
        )
        return v.HubsView(hubs=hubs, remote_note=self.catalog.guide.remote_note)

    def salary_bands(self) -> v.BandsView:
        """Pay by experience level, each role linked to its career where there is one."""
        ix = self._ix
        bands = tuple(
            v.BandView(
                id=b.id,
                name=b.name,
                min_years=b.min_years,
                max_years=b.max_years,
                roles=tuple(
                    v.BandRoleView(
                        title=r.title,
                        salary=ix.pay(r.salary),
                        career=_refs(ix.careers, [r.career])[0] if r.career else None,
                    )
                    for r in b.roles
                ),
                sources=ix.source_refs(b.sources),
            )
            for b in self.catalog.salary_bands
        )
        return v.BandsView(bands=bands, pay_note=self.catalog.guide.pay_note)

    def steps(self) -> list[v.StepView]:
        """The five steps of a career switch, with Step 1's background-to-career pairs."""
        ix = self._ix
        return [
            v.StepView(
                id=s.id,
                number=s.number,
                title=s.title,
                summary=s.summary,
                items=tuple(
                    v.StepItemView(
                        text=i.text,
                        resources=_links(ix.resources, i.resources),
                        organizations=_links(ix.organizations, i.organizations),
                    )
                    for i in s.items
                ),
                transitions=tuple(
                    v.TransitionView(
                        background=_refs(ix.backgrounds, [t.background])[0],
                        careers=_refs(ix.careers, t.careers),
                    )
                    for t in s.transitions
                ),
            )
            for s in self.catalog.steps
        ]

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        """Catalog entries matching ``text``, best first."""
        from ..knowledge.search import search  # only the search command needs it

        return search(self.catalog, text, limit)


def _kept(career: Career, where: CareerFilter) -> bool:
    """Whether ``career`` passes the filter."""
    return (
        (where.min_pay is None or career.salary.min >= where.min_pay)
        and (where.skill is None or where.skill in career.key_skills)
        and (where.background is None or any(b.background == where.background
                                             for b in career.backgrounds))
    )  # fmt: skip


def _invert(pairs: Iterable[tuple[str, Iterable[str]]]) -> dict[str, list[str]]:
    """From owner -> items to item -> owners, keeping first-seen order and no repeats."""
    owners: dict[str, list[str]] = {}
    for owner, items in pairs:
        for item in items:
            found = owners.setdefault(item, [])
            if owner not in found:
                found.append(owner)
    return owners


def _pairs(pages: Sequence[v.CareerPage], shared: Sequence[v.Ref]) -> tuple[v.SharedPair, ...]:
    """Each pair of three or four careers with the key skills it shares beyond ``shared``.

    Two careers are one pair, already told by ``shared``; pairs with nothing more are left out.
    """
    if len(pages) < MIN_COMPARED + 1:
        return ()
    found = []
    for one, other in combinations(pages, 2):
        skills = tuple(s for s in one.key_skills if s in other.key_skills and s not in shared)
        if skills:
            pair = (v.Ref(id=one.id, name=one.title), v.Ref(id=other.id, name=other.title))
            found.append(v.SharedPair(careers=pair, skills=skills))
    return tuple(found)
