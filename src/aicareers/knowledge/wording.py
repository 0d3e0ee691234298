"""Small rules of English for sentences built around names from the catalog.

They live here, at the lowest layer whose text needs them (the assessment's reasons and the
salary notes both put a career or background name after "a"), so every sentence follows one
rule instead of each module guessing its own.
"""

from __future__ import annotations

import re

# Letters whose names start with a vowel sound when an acronym is spelt out: "an HR", "an ML".
_VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")
# Words spelt with a vowel that start with a "y" or "w" sound, and with a silent "h".
_CONSONANT_SOUND = re.compile(r"^(uni|use|usu|ut[ei]|eu|one\b|once\b)", re.IGNORECASE)
_SILENT_H = re.compile(r"^(hour|honest|honou?r|heir)", re.IGNORECASE)
_LEADING_LETTERS = re.compile(r"[A-Za-z]+")


def _is_acronym(word: str) -> bool:
    """ "AI", "UX", "HR", "MLOps" are read letter by letter; "Academic" and "DevOps" are not."""
    return len(word) > 1 and word[:2].isupper()


def with_article(noun: str) -> str:
    """The noun after "a" or "an" as it is said: "an AI Ethics Officer", "a UX designer",
    "an academic researcher", "a DevOps or cloud engineer", "a user researcher"."""
    match = _LEADING_LETTERS.match(noun.strip())
    if match is None:
        return f"a {noun}"
    word = match.group(0)
    if _is_acronym(word):
        vowel = word[0] in _VOWEL_SOUND_LETTERS
    else:
        vowel = (word[0].lower() in "aeiou" and not _CONSONANT_SOUND.match(word)) or bool(
            _SILENT_H.match(word)
        )
    return f"{'an' if vowel else 'a'} {noun}"


def lower_first(text: str) -> str:
    """The text with its first letter lower-cased for use mid-sentence, unless its first word
    carries capitals of its own: "Registered nurse" -> "registered nurse", but "UX designer",
    "DevOps or cloud engineer" and "HIPAA compliance" stay as written."""
    head = text.split(" ", 1)[0]
    if any(char.isupper() for char in head[1:]):
        return text
    return text[:1].lower() + text[1:]
