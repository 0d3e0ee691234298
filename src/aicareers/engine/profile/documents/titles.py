"""Whether a piece of resume text is a job title, and the title at the end of a run-on phrase.

A title read wrongly is worse than none: it is coded to an O*NET occupation and drives the
ranking. So a phrase counts as a title only when it is short, written like a name (capitals),
and ends in a word that heads job titles in English ('Engineer', 'Nurse', 'Manager', 'Head of
...'). Skill lists, sentences, degrees and labels fail one of those tests.
"""

from __future__ import annotations

import re

from aicareers.engine.profile.documents.sections import heading_kind

# Words that end (head) English job titles. Plural forms are left out on purpose: 'managed
# developers' is a sentence, 'Developer' a title.
_HEAD_WORDS = """
engineer developer programmer analyst scientist consultant manager director administrator
architect designer officer executive associate assistant specialist coordinator supervisor lead
head president founder cofounder co-founder owner partner intern trainee apprentice technician
technologist operator teacher lecturer professor tutor instructor trainer coach educator nurse
physician doctor surgeon pharmacist therapist dentist counselor counsellor psychologist advocate
lawyer attorney solicitor barrister paralegal counsel clerk accountant auditor controller
comptroller bookkeeper cashier teller banker underwriter actuary economist statistician
researcher editor writer journalist reporter author copywriter photographer artist illustrator
animator chef cook baker waiter waitress bartender barista driver pilot mechanic electrician
plumber carpenter welder machinist fitter foreman superintendent inspector surveyor planner
estimator buyer merchandiser salesperson salesman saleswoman representative rep agent broker
recruiter receptionist secretary tester librarian dietitian nutritionist paramedic midwife
caregiver aide attendant guard soldier sergeant captain lieutenant fellow postdoc principal dean
chairman chairperson ceo cto cfo coo cio cmo vp avp svp evp dba sre steward stewardess host
hostess stylist tailor leader farmer agronomist geologist chemist biologist physicist mathematician
translator interpreter strategist evangelist advisor adviser marketer trader entrepreneur
freelancer contractor worker labourer laborer helper assembler storekeeper dispatcher scheduler
logistician registrar phlebotomist radiographer sonographer optometrist veterinarian hygienist
investigator detective examiner appraiser valuer negotiator producer presenter anchor
announcer curator archivist engineer-in-charge incharge in-charge commander cadet marshal ranger
firefighter officer-in-charge practitioner pathologist radiologist anaesthetist anesthetist
paediatrician pediatrician cardiologist psychiatrist physiotherapist resident houseman
"""
HEADS = frozenset(_HEAD_WORDS.split())
# Words that may follow the head: levels and grades ('Engineer II', 'Manager Grade 2').
_LEVEL_WORDS = "i ii iii iv v 1 2 3 sr jr senior junior trainee level grade"
_LEVELS = frozenset(_LEVEL_WORDS.split())
_CONNECTOR_WORDS = "of and & in for the to at / - on cum"
_CONNECTORS = frozenset(_CONNECTOR_WORDS.split())
_WORD = re.compile(r"[A-Za-z][A-Za-z.'&-]*|&|/|\d+")
_MAX_WORDS = 7
# Things titles never hold: digits in a row (dates, phone numbers), labels, sentence marks,
# and the separators of a header line ('LENA FISCHER — BRAND DESIGNER', 'Agronomist | Farm
# Manager'), whose parts are read one by one.
_NOT_TITLE = re.compile(
    r"\d{3}|[:;!?@|\u2014\u2013]|\b(?:exp(?:e|)rience|years?|months?)\b", re.IGNORECASE
)


def _words(text: str) -> list[str]:
    spaced = re.sub(r"\.(?=[A-Z])", ". ", text.replace("/", " / "))  # 'Asst.Professor'
    return _WORD.findall(spaced)


def _head_at_end(words: list[str]) -> bool:
    """True when the phrase ends in a head word, maybe with a level or an 'of X' after it."""
    lowered = [w.lower().rstrip(".") for w in words]
    while lowered and lowered[-1] in _LEVELS and len(lowered) > 1:
        lowered.pop()
    if "of" in lowered[:-1] and lowered[-1] in HEADS:
        # 'Power of Attorney', 'Bachelor of Engineer': what comes before 'of' is the thing,
        # unless that is itself a head ('Head of Sales Operations Manager' is rare, skip it).
        return False
    if lowered and lowered[-1] in HEADS:
        return True
    # 'Head of Sales', 'Director of Nursing', 'Professor in Physics', 'Manager for Operations'
    for index, word in enumerate(lowered[:-1]):
        if word in HEADS and lowered[index + 1] in {"of", "in", "for", "-"}:
            return len(lowered) - index <= 5
    return False


def _sentence_case(words: list[str]) -> bool:
    """'Fine arts lecturer', 'Site engineer': a short line in sentence case, with no verb form
    ('Reporting to manager') or article in it."""
    first = words[0].lower()
    return (
        len([w for w in words if w.lower() not in _LEVELS]) <= 4
        and words[0][:1].isupper()
        and not first.endswith(("ed", "ing"))
        and first not in _OPENERS
        and all(w.islower() or w.isdigit() or w in "/&" for w in words[1:])
        and not any(w in _OPENERS - {"and", "of"} for w in words[1:])
    )


def _written_as_name(words: list[str]) -> bool:
    """Capitalised like a title: every word but connectors, and words after a slash
    ('Developer/analyst'); a title never opens with a preposition ('As Sales Manager')."""
    if not words[0][:1].isupper() or words[0].lower() in _OPENERS:
        return False
    return all(
        word[:1].isupper() or word.lower() in _CONNECTORS or word.isdigit()
        or (index > 0 and words[index - 1] in "/-")
        for index, word in enumerate(words)
    )  # fmt: skip


# Words of employer names: a phrase holding one is a company, or a title run into one.
_EMPLOYER_TEXT = (
    "pvt pvt. ltd ltd. limited inc inc. llc llp corp corp. corporation company technologies"
    " solutions services systems pvt.ltd. role designation position"
)
_EMPLOYER_WORDS = frozenset(_EMPLOYER_TEXT.split())
# Words people use to describe themselves, not their job ('Hard and ethical worker').
_PRAISE_TEXT = (
    "hard hardworking ethical good excellent dedicated honest quick fast strong motivated"
    " self-motivated responsible passionate dynamic enthusiastic reliable creative diligent"
    " sincere efficient energetic smart great keen eager aspiring budding newcomer"
)
_PRAISE = frozenset(_PRAISE_TEXT.split())
_OPENER_WORDS = "as at with for in to from by and or of on the a an my our"
_OPENERS = frozenset(_OPENER_WORDS.split())


# 'Associate of Arts', 'Bachelor of Science': a degree, though 'Associate' is also a job word.
_DEGREE_HEADS = frozenset(["associate", "bachelor", "bachelors", "master", "masters", "doctor"])


def _is_degree(words: list[str]) -> bool:
    return len(words) > 2 and words[0].lower() in _DEGREE_HEADS and words[1].lower() in ("of", "in")


def looks_like_title(text: str, *, sentence_case: bool = False) -> bool:
    """True for 'Senior Data Analyst', 'CIVIL ENGINEER', 'Head of Sales'; False for sentences,
    skill lists, degrees and labels."""
    cleaned = text.strip(" .,-\u2013\u2014|*()")
    if not cleaned or len(cleaned) > 80 or _NOT_TITLE.search(cleaned) or "," in cleaned:
        return False
    words = _words(cleaned)
    lowered = {w.lower() for w in words}
    if not words or len(words) > _MAX_WORDS or (_EMPLOYER_WORDS | _PRAISE) & lowered:
        return False
    if _is_degree(words):
        return False  # 'Associate of Arts', 'Master of Science in Nursing'
    if words[0].isupper() and not all(w.isupper() for w in words) and heading_kind(words[0]):
        return False  # 'SKILLSET Oracle DBA': a heading run into the line below it
    return (_written_as_name(words) or (sentence_case and _sentence_case(words))) and (
        _head_at_end(words)
    )


def title_before(text: str) -> str | None:
    """The job title that ends a run-on phrase ('Designed leaflets. Marketing Associate'), or None.

    Tries the longest capitalised tail of up to seven words first, so 'Senior Data Analyst'
    wins over 'Analyst'; the tail stops at a sentence end or a lower-case word.
    """
    cleaned = text.rstrip(" ,.-\u2013\u2014|(")
    tail = re.split(r"[.!?;:|()\u2022]\s|[()]|\s[-\u2013\u2014]\s", cleaned)[-1]
    words = tail.split()
    for size in range(min(_MAX_WORDS, len(words)), 0, -1):
        candidate = " ".join(words[-size:])
        if candidate[:1].isupper() and looks_like_title(candidate):
            return candidate
    return None


def title_after(text: str) -> str | None:
    """The job title that opens a phrase ('Sales Manager. (2017 to 2018)'), or None."""
    head = re.split(r"[.!?;:|(\u2022]|\s[-\u2013\u2014]\s|,\s", text, maxsplit=1)[0]
    words = head.split()
    for size in range(min(_MAX_WORDS, len(words)), 0, -1):
        candidate = " ".join(words[:size])
        if looks_like_title(candidate):
            return candidate
    return None
