"""Rank catalog entries against a free-text query.

The catalog holds a few hundred short entries, so tokenizing them on every query takes a few
milliseconds and needs no index on disk. Scores reward matches in names over matches in
descriptions, exact words over stems and prefixes, and the whole phrase appearing as typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import msgspec

from ..errors import UserInputError
from .models import Catalog

_WORD = re.compile(r"\w+")
_STOPWORDS = frozenset({
    "a", "an", "and", "as", "at", "be", "by", "for", "from", "how", "i", "in", "is", "it", "me",
    "my", "of", "on", "or", "the", "to", "what", "with",
})  # fmt: skip

# Weights per field role: a hit in a name outranks one in an alias or key skill, which outranks
# one in running prose.
NAME, ALIAS, DETAIL, PROSE, MINOR = 10.0, 6.0, 4.0, 3.0, 2.0

# The order kinds appear in when scores tie: careers are what people come looking for.
KINDS = (
    "career", "skill", "certification", "resource", "tool", "organization", "hub",
    "emerging", "step", "challenge", "background",
)  # fmt: skip


class Hit(msgspec.Struct, frozen=True, kw_only=True):
    """One catalog entry that matches a query, with the field that matched best."""

    kind: str
    id: str
    name: str
    field: str
    snippet: str
    score: float


# msgspec Structs rather than dataclasses: they are created in C, which keeps import time low.
class _Field(msgspec.Struct, frozen=True):
    name: str
    text: str
    weight: float


class _Doc(msgspec.Struct, frozen=True):
    kind: str
    id: str
    name: str
    fields: tuple[_Field, ...]


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of ``text``."""
    return _WORD.findall(text.casefold())


def stem(token: str) -> str:
    """A light English stem: enough to match engineers/engineer and designing/design."""
    for suffix, keep, replacement in (("ies", 4, "y"), ("ing", 5, ""), ("ed", 4, ""), ("s", 3, "")):
        if token.endswith(suffix) and len(token) > keep and not token.endswith("ss"):
            return token[: -len(suffix)] + replacement
    return token


def _doc(kind: str, ident: str, name: str, *fields: tuple[str, str | None, float]) -> _Doc:
    # Careers and steps call their name a title; hits report the catalog's own field names.
    label = "title" if kind in ("career", "step") else "name"
    kept = tuple(_Field(field, text, weight) for field, text, weight in fields if text)
    return _Doc(kind, ident, name, (_Field(label, name, NAME), *kept))


def _join(parts: Iterable[str]) -> str:
    return "; ".join(parts)


def _docs(catalog: Catalog) -> Iterator[_Doc]:
    """One searchable document per catalog entry, with its fields and their weights."""
    skill_names = {s.id: s.name for s in catalog.skills}
    for c in catalog.careers:
        skills = _join(skill_names.get(s, s) for s in c.key_skills)
        yield _doc(
            "career", c.id, c.title, ("key_skills", skills, ALIAS),
            ("summary", c.summary, PROSE), ("duties", _join(c.duties), MINOR),
        )  # fmt: skip
    for s in catalog.skills:
        aliases = ("aliases", _join(s.aliases), ALIAS)
        yield _doc("skill", s.id, s.name, aliases, ("description", s.description, PROSE))
    for cert in catalog.certifications:
        issuer = ("issuer", cert.issuer, DETAIL)
        yield _doc("certification", cert.id, cert.name, issuer, ("focus", cert.focus, PROSE))
    for r in catalog.resources:
        provider = ("provider", r.provider, DETAIL)
        yield _doc("resource", r.id, r.name, provider, ("description", r.description, PROSE))
    for t in catalog.tools:
        yield _doc("tool", t.id, t.name, ("vendor", t.vendor, DETAIL))
    for o in catalog.organizations:
        yield _doc("organization", o.id, o.name, ("note", o.note, PROSE))
    for h in catalog.hubs:
        yield _doc("hub", h.id, h.name, ("country", h.country, DETAIL), ("why", h.why, PROSE))
    for e in catalog.emerging:
        yield _doc("emerging", e.id, e.name, ("description", e.description, PROSE))
    for st in catalog.steps:
        items = ("items", _join(i.text for i in st.items), MINOR)
        yield _doc("step", st.id, st.title, ("summary", st.summary, PROSE), items)
    for ch in catalog.challenges:
        remedies = ("remedies", _join(ch.remedies), MINOR)
        yield _doc("challenge", ch.id, ch.name, ("problem", ch.problem, PROSE), remedies)
    for b in catalog.backgrounds:
        titles = ("titles", _join(b.titles), ALIAS)
        yield _doc("background", b.id, b.name, titles, ("description", b.description, PROSE))


def _token_score(query: str, words: list[str], stems: set[str]) -> float:
    """How well one query token is found among a field's words: 1 exact, less for looser."""
    if query in words:
        return 1.0
    root = stem(query)
    if root in stems:
        return 0.85
    # Prefix matching lets "kube" find "kubernetes" and "govern" find "governance".
    if len(root) >= 3 and any(w.startswith(root) for w in words):
        return 0.6
    return 0.0


def _phrase_bonus(query: list[str], phrase: str, words: list[str], weight: float) -> float:
    """Extra weight when the field is the query, or holds it as a whole phrase."""
    joined = " ".join(words)
    if joined == phrase:
        return weight
    if len(query) > 1 and f" {phrase} " in f" {joined} ":
        return weight / 2
    return 0.0


def snippet(text: str, query: list[str], width: int = 80) -> str:
    """A window of about ``width`` characters of ``text`` around the first query word in it."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    lowered = text.lower()
    found = [i for q in query if (i := lowered.find(stem(q))) >= 0]
    at = min(found, default=0)
    # Keep some words before the match for context, starting on a word boundary.
    begin = 0 if at < width // 3 else text.rfind(" ", 0, at - width // 4) + 1
    end = min(len(text), begin + width)
    if end < len(text) and (cut := text.rfind(" ", begin, end)) > at:
        end = cut
    prefix = "…" if begin else ""
    suffix = "…" if end < len(text) else ""
    return f"{prefix}{text[begin:end].strip()}{suffix}"


def _rank(doc: _Doc, query: list[str], phrase: str) -> Hit | None:
    """Score one document: each query word counts at its best field; the phrase adds a bonus."""
    best_per_word = [0.0] * len(query)
    best_field: tuple[float, _Field] | None = None
    bonus = 0.0
    for field in doc.fields:
        words = tokens(field.text)
        stems = {stem(w) for w in words}
        parts = [field.weight * _token_score(q, words, stems) for q in query]
        if not any(parts):
            continue
        best_per_word = [max(a, b) for a, b in zip(best_per_word, parts, strict=True)]
        # Short fields that the query covers are more specific: "Kubernetes" the tool before
        # "Containers and orchestration (Docker, Kubernetes)" the skill.
        covered = sum(1 for part in parts if part) / len(words)
        extra = _phrase_bonus(query, phrase, words, field.weight) + field.weight * covered / 4
        bonus = max(bonus, extra)
        own = sum(parts) / len(query) + extra
        if best_field is None or own > best_field[0]:
            best_field = (own, field)
    if best_field is None:
        return None
    score = sum(best_per_word) / len(query) + bonus
    field = best_field[1]
    return Hit(
        kind=doc.kind,
        id=doc.id,
        name=doc.name,
        field=field.name,
        snippet=snippet(field.text, query),
        score=round(score, 3),
    )


def _query_words(text: str) -> list[str]:
    """Query tokens without filler words, unless filler is all there is."""
    words = tokens(text)
    content = [w for w in words if w not in _STOPWORDS]
    return content or words


def search(catalog: Catalog, text: str, limit: int = 20) -> list[Hit]:
    """Catalog entries matching ``text``, best first; ties go to careers, then by name."""
    if not text or not text.strip():
        raise UserInputError('Type a word or phrase to search for, for example "prompt".')
    if limit < 1:
        raise UserInputError(f"The limit must be 1 or more, not {limit}.")
    query = _query_words(text)
    if not query:
        return []
    phrase = " ".join(query)
    hits = [hit for doc in _docs(catalog) if (hit := _rank(doc, query, phrase))]
    hits.sort(key=lambda h: (-h.score, KINDS.index(h.kind), h.name.casefold(), h.id))
    return hits[:limit]
