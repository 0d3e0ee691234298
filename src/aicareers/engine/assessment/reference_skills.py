"""Skills named in text from the reference vocabularies: O*NET technology and ESCO.

The project's 85 skills drive scoring; these two vocabularies tell a person (and a coach)
which recognised technologies and ESCO skills their words already contain, with quotes. Both
are matched by name through the same phrase index as our own skills.

ESCO's labels include everyday words ("sales", "design"); a one-word label counts only when
the word is written with a capital or a digit (a product or acronym such as "Python", "SQL",
"C++"), and one-word O*NET examples likewise, so that plain prose does not light up.

Capitals are not enough for words that are also English ("Less than 1 year" is not the LESS
language, "Gratuity Act" is not the Act! CRM, "Go" starts sentences): a one-word label that
ESCO itself uses as an ordinary lower-case word in its other labels counts only when written
with a capital inside a list ("HTML, LESS, Sass"). So do short abbreviations that stand for a
longer ESCO name ("POS", "PM", "IT") unless a skill of that very name exists ("SQL"): each
has several meanings and only a list pins it down. Fragments of labels that
begin or end with a function word ("and procedures") are not indexed at all.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import msgspec

from ..claims import claimed
from ..evidence import Span
from ..phrases import PhraseIndex, phrase_key

MAX_QUOTES = 3
ESCO = "esco"
ONET_TECHNOLOGY = "onet-technology"
FUNCTION_WORDS = frozenset(["and", "or", "of", "the", "to", "for", "with", "in", "on", "a", "an"])
# Place names that hold a language's name: an address, not a language skill.
PLACES = ("Tamil Nadu",)
ABBREVIATION = re.compile(r"[A-Z0-9]{2,4}")


class ReferenceSkill(msgspec.Struct, frozen=True, kw_only=True):
    """A recognised skill or technology from ESCO or O*NET, with its quotes."""

    source: str
    id: str
    name: str
    evidence: tuple[Span, ...]
    hot: bool = False


class EscoLike(msgspec.Struct, frozen=True):
    """The parts of an ESCO skill the index needs."""

    uri: str
    label: str
    alt_labels: tuple[str, ...]


def _distinctive(phrase: str) -> bool:
    """Multi-word phrases, or single words that look like names (capital, digit, symbol)."""
    words = phrase_key(phrase)
    if len(words) != 1:
        return len(words) > 1
    word = phrase.strip()
    return len(word) > 1 and (any(c.isupper() or c.isdigit() for c in word) or "+" in word)


def _fragment(phrase: str) -> bool:
    words = phrase_key(phrase)
    return len(words) > 1 and (words[0] in FUNCTION_WORDS or words[-1] in FUNCTION_WORDS)


def _phrases(esco: Sequence[EscoLike], technology: Sequence[str]) -> Iterator[tuple[str, str]]:
    for skill in esco:
        for label in (skill.label, *skill.alt_labels):
            if _distinctive(label) and not _fragment(label):
                yield label, f"{ESCO}|{skill.uri}"
    for example in technology:
        if _distinctive(example) and not _fragment(example):
            yield example, f"{ONET_TECHNOLOGY}|{example}"


def _everyday_words(esco: Sequence[EscoLike]) -> set[str]:
    """Words ESCO writes in lower case inside its multi-word labels ("access data")."""
    words: set[str] = set()
    for skill in esco:
        for label in (skill.label, *skill.alt_labels):
            if len(phrase_key(label)) > 1:
                words.update(w for w in re.findall(r"[A-Za-z]+", label) if w.islower())
    return words


def _ambiguous(esco: Sequence[EscoLike], technology: Sequence[str]) -> set[str]:
    """One-word labels that count only as capitalised list items (see the module docstring)."""
    everyday = _everyday_words(esco)
    # A skill named by the word itself ("SQL", "PHP") is what the word means first.
    names = {phrase_key(s.label) for s in esco if len(phrase_key(s.label)) == 1}
    found = set()
    for skill in esco:
        long_name = len(phrase_key(skill.label)) > 1
        for label in (skill.label, *skill.alt_labels):
            key = phrase_key(label)
            abbreviation = long_name and ABBREVIATION.fullmatch(label.strip()) is not None
            if len(key) == 1 and (key[0] in everyday or (abbreviation and key not in names)):
                found.add(label)
    found.update(t for t in technology if len(phrase_key(t)) == 1 and t.lower() in everyday)
    return found


@dataclass(frozen=True)
class ReferenceVocabulary:
    """ESCO skills and O*NET technology examples, indexed by name."""

    index: PhraseIndex
    names: dict[str, str]
    hot: frozenset[str]

    @classmethod
    def build(
        cls, esco: Sequence[EscoLike], technology: Sequence[str], hot: Sequence[str] = ()
    ) -> ReferenceVocabulary:
        """Index ESCO labels and O*NET technology examples; ``hot`` marks O*NET hot ones."""
        names = {f"{ESCO}|{s.uri}": s.label for s in esco}
        names.update({f"{ONET_TECHNOLOGY}|{t}": t for t in technology})
        ambiguous = _ambiguous(esco, technology)
        index = PhraseIndex(
            _phrases(esco, technology), listed=ambiguous, cased=ambiguous, stop=PLACES
        )
        return cls(index, names, frozenset(hot))

    def find(self, text: str) -> list[ReferenceSkill]:
        """Every reference skill named in ``text``, ESCO first, then by first mention."""
        quotes: dict[str, list[Span]] = defaultdict(list)
        for hit in self.index.find(text):
            if not claimed(text, hit.span):
                continue  # a school's name ('New English School') or a wish to learn
            for ident in hit.ids:
                quotes[ident].append(hit.span)
        found = []
        for ident, spans in quotes.items():
            source, _, key = ident.partition("|")
            found.append(
                ReferenceSkill(
                    source=source,
                    id=key,
                    name=self.names[ident],
                    evidence=tuple(spans[:MAX_QUOTES]),
                    hot=source == ONET_TECHNOLOGY and key in self.hot,
                )
            )
        found.sort(key=lambda s: (s.source != ESCO, s.evidence[0].start, s.name))
        return found
