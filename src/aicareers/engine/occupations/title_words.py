"""Job-title text -> canonical token strings: abbreviations, seniority, schedule noise, tails.

The same ``canonical`` runs over O*NET titles when the index is built and over the person's title
when it is coded, so both sides agree on spelling, plurals and abbreviations. ``query_variants``
adds what only a person's title needs: dropping company, location and schedule tails.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Unambiguous abbreviations, written out the way O*NET spells the long form. Applied to both
# sides, so "ER RN" in O*NET and "ER nurse" from a person meet at "emergency room ... nurse".
ABBREVIATIONS: dict[str, str] = {
    "rn": "registered nurse", "lpn": "licensed practical nurse",
    "lvn": "licensed vocational nurse", "cna": "certified nursing assistant",
    "np": "nurse practitioner", "pa": "physician assistant", "crna": "nurse anesthetist",
    "emt": "emergency medical technician", "icu": "intensive care unit",
    "nicu": "neonatal intensive care unit", "picu": "pediatric intensive care unit",
    "er": "emergency room", "ed": "emergency department", "ccu": "cardiac care unit",
    "slp": "speech language pathologist", "ot": "occupational therapist",
    "pta": "physical therapist assistant", "cma": "certified medical assistant",
    "rph": "pharmacist", "pharmd": "pharmacist", "dds": "dentist", "md": "physician",
    "swe": "software engineer", "sde": "software development engineer",
    "sre": "site reliability engineer", "tpm": "technical program manager",
    "qa": "quality assurance", "ux": "user experience", "ui": "user interface",
    "hr": "human resources", "cpa": "certified public accountant",
    "dba": "database administrator", "ml": "machine learning", "ai": "artificial intelligence",
    "ds": "data scientist", "bi": "business intelligence", "pmp": "project manager",
    "vp": "vice president", "svp": "vice president", "evp": "vice president",
    "avp": "vice president", "cto": "chief technology officer",
    "ceo": "chief executive officer", "cfo": "chief financial officer",
    "coo": "chief operating officer", "cio": "chief information officer",
    "cmo": "chief marketing officer", "ciso": "chief information security officer",
    "it": "information technology", "sw": "software", "hw": "hardware",
    "csr": "customer service representative", "sdr": "sales development representative",
    "bdr": "business development representative", "ae": "account executive",
    "seo": "search engine optimization", "cdl": "commercial driver", "hvac": "hvac",
    "dev": "developer", "devs": "developer", "eng": "engineer", "engr": "engineer",
    "mgr": "manager", "mngr": "manager", "asst": "assistant", "assoc": "associate",
    "admin": "administrator", "coord": "coordinator", "spec": "specialist",
    "rep": "representative", "reps": "representative", "acct": "accountant",
    "exec": "executive", "dir": "director", "mktg": "marketing", "ops": "operations",
    "mgmt": "management", "svc": "service", "svcs": "service", "tech": "technician",
    "techs": "technician", "sys": "systems", "sysadmin": "systems administrator",
    "frontend": "front end", "backend": "back end", "fullstack": "full stack",
    "devops": "devops", "l&d": "labor and delivery", "k12": "k 12", "gp": "general practitioner",
}  # fmt: skip
# Ambiguous ones become several query variants; the better-matching reading wins.
AMBIGUOUS: dict[str, tuple[str, ...]] = {
    "pm": ("product manager", "project manager"),
    "pt": ("physical therapist", ""),  # PT is also part-time: a variant without it
    "ta": ("teaching assistant", "talent acquisition"),
    "ba": ("business analyst", ""),
}
# Level and seniority words say how senior, not what job: dropped unless they are the headword.
SENIORITY = _wordset(
    "sr senior snr jr junior jnr lead principal staff associate entry level mid midlevel "
    "experienced trainee intern apprentice"
)
LEVEL_MARKS = re.compile(r"^(?:i{1,3}|iv|v|vi|[1-6]|l[1-6]|level|grade|band)$")
# Shift, schedule, contract and place noise that never names an occupation.
NOISE = _wordset(
    "night nights evening evenings weekend weekends overnight overnights shift shifts noc "
    "prn diem temp temporary permanent remote hybrid onsite fulltime parttime ft "
    "seasonal urgent hiring needed immediate immediately bonus wfh w2 c2c 1099 "
    "hrs hour hours week weekly"
)
_NOISE_PHRASES = re.compile(
    r"\b(?:1st|2nd|3rd|first|second|third|day|night|swing|graveyard)\s+shift\b|"
    r"\b(?:full|part)\s?time\b|\bper diem\b|\bon\s?site\b|\bsign on bonus\b|\bnew grads?\b"
)
STOPWORDS = _wordset("& of and the for a an in to with at on by our your")
_KEEP_S = ("ss", "us", "is", "ics", "ops", "sales", "news")
_HEAD_OF = re.compile(r"\bhead of\b")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_TAIL = re.compile(r"\s(?:at|@)\s.*$|\s@.*$")
_SEGMENT = re.compile(r"\s[-\u2013\u2014|:]\s|[,;|]")  # hyphen, en and em dash
_NON_WORD = re.compile(r"[^a-z0-9&+#]+")


def fold(text: str) -> str:
    """Lower-case ASCII with accents removed."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


@lru_cache(maxsize=65536)
def _expand(word: str) -> tuple[str, ...]:
    """A word's abbreviation expanded and each resulting word made singular."""
    return tuple(stem(w) for w in ABBREVIATIONS.get(word, word).split())


def stem(token: str) -> str:
    """Plural -> singular for the endings job titles use ("nurses", "secretaries", "attorneys")."""
    if len(token) <= 3 or token.endswith(_KEEP_S) or not token.endswith("s"):
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith(("ches", "shes", "xes")):
        return token[:-2]
    return token[:-1]


def _words(text: str) -> list[str]:
    text = fold(text).replace("/", " ").replace("-", " ").replace(".", " ")
    text = _HEAD_OF.sub("director", text)  # "Head of Sales" reads as a sales director
    text = _NOISE_PHRASES.sub(" ", text)
    return [w for w in _NON_WORD.sub(" ", text).split() if w not in STOPWORDS]


def _strip_levels(words: list[str]) -> list[str]:
    while len(words) > 1 and LEVEL_MARKS.match(words[-1]):
        words = words[:-1]  # "Engineer II", "Analyst Level 3"
    kept = [w for i, w in enumerate(words) if w not in SENIORITY or i == len(words) - 1]
    return kept or words


def canonical(text: str, *, noise: bool = True) -> str:
    """Canonical form: folded, abbreviations expanded, levels and noise dropped, singular."""
    words = _strip_levels(_words(_PAREN.sub(" ", text)))
    if noise:
        words = [w for w in words if w not in NOISE] or words
    return " ".join(token for word in words for token in _expand(word))


def _expand_ambiguous(text: str) -> list[str]:
    variants = [text]
    for word in text.split():
        if word in AMBIGUOUS:
            variants = [re.sub(rf"\b{word}\b", sub, v) for v in variants for sub in AMBIGUOUS[word]]
    return [" ".join(v.split()) for v in variants[:4]]


def _segments(text: str) -> list[str]:
    text = _TAIL.sub("", fold(text).replace("@", " @ "))  # "SWE @ Google", "Nurse at Mercy"
    return [s for s in (p.strip() for p in _SEGMENT.split(text)) if s]


def query_variants(title: str) -> list[tuple[str, float]]:
    """Canonical readings of a person's title, each with a prior (1.0 keeps every part)."""
    segments = _segments(title) or [title]
    readings = [(" ".join(segments), 1.0), (segments[0], 0.97)]
    # Parenthesised text from a person may hold the signal ("Nurse (ICU)"): keep it as words.
    flat = _PAREN.sub(lambda m: " " + m.group(0)[1:-1] + " ", " ".join(segments))
    readings.append((flat, 0.99))
    if "/" in segments[0]:  # "Firefighter/EMT" names two jobs; "UX/UI designer" one (full wins)
        readings.extend((side, 0.95) for side in segments[0].split("/"))
    seen: dict[str, float] = {}
    for raw, prior in readings:
        for variant in _expand_ambiguous(" ".join(_words(raw))):
            text = canonical(variant)
            if text and seen.get(text, 0.0) < prior:
                seen[text] = prior
    return list(seen.items())
