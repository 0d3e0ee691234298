"""Find known phrases in text by token look-ups, with exact character offsets.

Text and phrases are cut into the same word tokens ("CI/CD", "A/B" and "R&D" stay whole). A
position is only looked at further when its token can start a phrase, so a long text costs
one tokenisation and a set look-up per word. Two-letter acronyms ("UX", "RN") count only in
capitals, and a single letter ("R") only inside a list ("Python, R and SQL").

Callers can add context rules for words that are also everyday English: ``listed`` phrases
count only as list items, ``cased`` ones only when written with a capital ("Less than 1 year"
is not the LESS language), and ``stop`` phrases ("regression testing") are read as a whole
and stand for nothing, so the shorter skill inside them ("regression") is not taken.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import msgspec

from .evidence import Span

TOKEN = re.compile(r"[A-Za-z0-9+#]+(?:[./&'][A-Za-z0-9+#]+)*")
JOINER = re.compile(r"[\s\-]+")
LIST_CONTEXT = re.compile(r"(?:^|[,/(;:&+]|\band\b|\bor\b)\s*$")
LIST_AFTER = re.compile(r"^\s*(?:$|[,/);:&+]|and\b|or\b)")
MAX_PHRASE_TOKENS = 8


class PhraseHit(msgspec.Struct, frozen=True):
    """A phrase found in text, with the ids it stands for."""

    ids: tuple[str, ...]
    span: Span


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The lower-case token sequence a phrase is looked up by."""
    return tuple(t.lower() for t in TOKEN.findall(phrase))


def is_acronym(phrase: str) -> bool:
    """Two capitals ("UX", "RN") are easily a word or a typo in lower case; "sql" is not."""
    return len(phrase) <= 2 and phrase.isupper()


class PhraseIndex:
    """Phrases (as token sequences) mapped to the ids they stand for."""

    def __init__(
        self,
        phrases: Iterable[tuple[str, str]],
        *,
        listed: Iterable[str] = (),
        cased: Iterable[str] = (),
        stop: Iterable[str] = (),
    ) -> None:
        loose: dict[tuple[str, ...], set[str]] = defaultdict(set)
        exact: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for phrase, ident in phrases:
            if is_acronym(phrase):
                exact[tuple(TOKEN.findall(phrase))].add(ident)
            elif key := phrase_key(phrase):
                loose[key].add(ident)
        for phrase in stop:
            loose.setdefault(phrase_key(phrase), set())
        self._loose = {k: tuple(sorted(v)) for k, v in loose.items()}
        self._exact = {k: tuple(sorted(v)) for k, v in exact.items()}
        self._listed = frozenset(phrase_key(p) for p in listed)
        self._cased = frozenset(phrase_key(p) for p in cased)
        self._first = {k[0] for k in self._loose} | {k[0] for k in self._exact}
        self._longest = min(MAX_PHRASE_TOKENS, max(map(len, [*loose, *exact]), default=1))

    def find(self, text: str) -> list[PhraseHit]:
        """Every phrase occurrence in ``text``, in order, the longest phrase at each place."""
        tokens = list(TOKEN.finditer(text))
        words = [t.group() for t in tokens]
        lower = [w.lower() for w in words]
        hits: list[PhraseHit] = []
        i = 0
        while i < len(tokens):
            found = None
            if lower[i] in self._first or words[i] in self._first:
                found = self._longest_at(text, tokens, words, lower, i)
            if found is None:
                if "/" in words[i]:
                    hits.extend(self._slash_parts(tokens[i]))
                i += 1
                continue
            length, ids = found
            start, end = tokens[i].start(), tokens[i + length - 1].end()
            if ids:  # a stop phrase is consumed and stands for nothing
                hits.append(PhraseHit(ids, Span(start=start, end=end, text=text[start:end])))
            i += length
        return hits

    def _longest_at(
        self, text: str, tokens: list[re.Match[str]], words: list[str], lower: list[str], i: int
    ) -> tuple[int, tuple[str, ...]] | None:
        # Phrases span only tokens separated by spaces or hyphens, never by punctuation.
        n = 1
        limit = min(self._longest, len(tokens) - i)
        while n < limit and JOINER.fullmatch(text[tokens[i + n - 1].end() : tokens[i + n].start()]):
            n += 1
        for length in range(n, 0, -1):
            key = tuple(lower[i : i + length])
            ids = self._loose.get(key)
            if ids is None:
                ids = self._exact.get(tuple(words[i : i + length]))
            if ids is not None and self._in_context(text, tokens, words, key, i):
                return length, ids
        return None

    def _in_context(
        self, text: str, tokens: list[re.Match[str]], words: list[str], key: tuple[str, ...], i: int
    ) -> bool:
        """The context rules a phrase of ``key`` starting at token ``i`` must meet."""
        if key in self._cased and not (words[i][0].isupper() or words[i][0].isdigit()):
            return False
        if key in self._listed or (len(key) == 1 and len(words[i]) == 1):
            return _listed(text, tokens[i].start(), tokens[i + len(key) - 1].end())
        return True

    def _slash_parts(self, token: re.Match[str]) -> list[PhraseHit]:
        """Split an unknown "Docker/Kubernetes" into its parts; a slash list is a list."""
        hits = []
        offset = token.start()
        for part in token.group().split("/"):
            key = phrase_key(part)
            ids = self._loose.get(key) or self._exact.get((part,))
            if ids and (key not in self._cased or part[:1].isupper()):
                hits.append(PhraseHit(ids, Span(start=offset, end=offset + len(part), text=part)))
            offset += len(part) + 1
        return hits


def _listed(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands between list separators ("Python, R, SQL")."""
    before = text[max(0, start - 12) : start]
    after = text[end : end + 6]
    return bool(LIST_CONTEXT.search(before)) and bool(LIST_AFTER.match(after))
