"""The one error hierarchy of aicareers, and the hint that says what to do next.

    Hint                      what to do next, as data: a goal, a command line, a web page
    AicareersError            anything we raise on purpose; ``str()`` is the message alone
    ├── CatalogError          the shipped knowledge base is broken (a developer must fix a file)
    ├── ModelNotBuiltError    the local text encoder has not been built yet (run a command)
    │   └── WeightsUnavailableError   its weights are not installed and fetching them failed
    ├── TaxonomyError         the O*NET/ESCO artifact or its sources are missing, corrupt or stale
    ├── StoreError            the database cannot be used; nothing stored was changed
    │   ├── DatabaseUnavailableError   the URL names a server that does not answer, or a bad URL
    │   ├── DatabaseReadOnlyError      the file or server refuses writes
    │   ├── DatabaseLockedError        another process holds the lock for too long
    │   └── SchemaError                the database schema is older or newer than this version
    └── UserInputError        the user asked for something we cannot do (they can fix it)
        ├── UnknownIdError    an id that is not in the catalog, with the closest ids
        ├── ProfileError      a profile value out of range (negative years, 90 hours, no country)
        ├── NothingToAssessError   nothing in the profile to rank careers on (no title, no skill)
        └── DocumentError     a resume we cannot read; ``code`` names why, for API clients
            ├── EmptyDocumentError         no text at all (or only whitespace)
            ├── ImageOnlyPdfError          a PDF without a text layer (a scan or a photo)
            ├── EncryptedDocumentError     a password-protected PDF or DOCX
            ├── CorruptDocumentError       damaged, truncated, or not what its name says
            ├── UnsupportedDocumentError   a file type we do not read (image, .doc, spreadsheet)
            ├── DocumentTooLargeError      over the size limit
            │   └── UnpackedTooLargeError  a zip (DOCX, LinkedIn export) that unpacks to too much
            ├── DocumentTooComplexError    over a cap on pages, parts, rows, nesting or text
            ├── DocumentTookTooLongError   reading it ran past the time limit (a parsing bomb)
            ├── DocumentNeedsTooMuchMemoryError   reading it needed more than the memory limit
            └── UndecodableTextError       bytes that are not text in any encoding we can tell

Adapters turn these into exit codes (CLI) or 4xx answers (web); nothing else should escape.
Messages are neutral: they name values as a person would ("a career or a job title") and never
a command or a flag. What to do next travels as a ``Hint`` on the error, and each adapter
words it its own way: the CLI as "Run `aicareers careers list` to see every id.", the web as a
link to ``/careers``.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass


@dataclass(frozen=True)
class Hint:
    """What to do next: ``goal`` reads after "to", ``command`` is for the CLI, ``page`` the web.

    Either way of doing it may be None where that adapter offers none (no web page lists O*NET
    occupations; no command lists API tokens).
    """

    goal: str
    _: KW_ONLY  # named, so that whatever names a command says so (tests/test_architecture.py)
    command: str | None = None
    page: str | None = None


class AicareersError(Exception):
    """Base of every error aicareers raises on purpose; ``hint`` says what to do next."""

    exit_code = 1

    def __init__(self, *args: object, hint: Hint | None = None) -> None:
        super().__init__(*args)
        self.hint = hint


class CatalogError(AicareersError):
    """A knowledge-base file is missing, malformed or inconsistent."""

    exit_code = 3


class TaxonomyError(AicareersError):
    """The reference taxonomy (or a source it is built from) is missing, corrupt or stale."""

    exit_code = 3


class StoreError(AicareersError):
    """The database cannot be opened, read or written; what it already holds is untouched."""

    exit_code = 4


class DatabaseUnavailableError(StoreError):
    """The database URL is malformed or its server does not answer."""


class DatabaseReadOnlyError(StoreError):
    """The database file, its folder or the server refuses writes."""


class DatabaseLockedError(StoreError):
    """Another process kept the database locked longer than we wait."""


class SchemaError(StoreError):
    """The database was made by another version of aicareers and needs a migration."""


class UserInputError(AicareersError):
    """Input the user can correct: a bad id, option or value."""

    exit_code = 2


def listing(*, command: str | None = None, page: str | None = None) -> Hint:
    """The hint of an unknown id: where every id of its kind is listed."""
    return Hint("see every id", command=command, page=page)


class UnknownIdError(UserInputError):
    """An id that names nothing in the catalog; ``hint`` says where the ids are listed."""

    def __init__(
        self, kind: str, given: str, suggestions: list[str], hint: Hint | None = None
    ) -> None:
        self.kind = kind
        self.given = given
        self.suggestions = suggestions
        close = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"No {kind} with id '{given}'.{close}", hint=hint)


class ModelNotBuiltError(AicareersError):
    """The semantic text encoder is not built, or cannot be built from what is installed."""

    BUILD = Hint("build it once from the installed weights", command="aicareers model build")

    def __init__(self, model_dir: str, missing: list[str], hint: Hint = BUILD) -> None:
        self.model_dir = model_dir
        self.missing = missing
        super().__init__(
            f"The text encoder is not built in {model_dir} (missing: {', '.join(missing)}).",
            hint=hint,
        )


class WeightsUnavailableError(ModelNotBuiltError):
    """The encoder's weights package is not installed and could not be fetched (offline, say)."""

    def __init__(self, model_dir: str, reason: str, hint: Hint) -> None:
        self.model_dir = model_dir
        self.missing = ["the weights package"]
        self.reason = reason
        AicareersError.__init__(
            self,
            "The text encoder cannot be built yet: its weights package is not installed and "
            f"fetching it failed ({reason}).",
            hint=hint,
        )


class ProfileError(UserInputError):
    """A profile value that is out of range or unknown; ``field`` names the value."""

    def __init__(self, field: str, message: str, hint: Hint | None = None) -> None:
        self.field = field
        super().__init__(message, hint=hint)


class NothingToAssessError(UserInputError):
    """The profile holds no job title, work or skill we recognise: a ranking would be noise.

    Raised instead of twenty careers scored 0; the message says what to add.
    """

    code = "nothing-recognised"

    def __init__(self, words: int, hint: Hint | None = None) -> None:
        """``words``: how many words of resume or pasted text there were (0: fields only)."""
        self.words = words
        short = 0 < words < SHORT_TEXT_WORDS
        found = (
            "This text is too short to tell what work you do."
            if short
            else "We could not find a job title, a kind of work or a skill we recognise in "
            "what you gave us."
        )
        super().__init__(
            f"{found} Add your current or last job title and a few skills you use, "
            "or a resume with your work history.",
            hint=hint,
        )


# Fewer words than this cannot describe a person's work; the message says "too short".
SHORT_TEXT_WORDS = 8


class DocumentError(UserInputError):
    """A resume or profile document that cannot be read; ``code`` is stable for API clients."""

    code = "document-error"

    def __init__(self, message: str, filename: str | None = None) -> None:
        self.filename = filename
        prefix = f"{filename}: " if filename else ""
        super().__init__(prefix + message)


class EmptyDocumentError(DocumentError):
    """The document holds no text, or only whitespace."""

    code = "empty-document"

    def __init__(self, filename: str | None = None, what: str = "document") -> None:
        super().__init__(
            f"The {what} is empty (no text, or only spaces and blank lines). "
            "Paste the text of your resume, or choose the file again.",
            filename,
        )


class ImageOnlyPdfError(DocumentError):
    """A PDF whose pages carry no text layer, typically a scan."""

    code = "image-only-pdf"

    def __init__(self, filename: str | None = None) -> None:
        super().__init__(
            "This PDF has no text layer (it looks like a scan or a photo). "
            "Paste the text of your resume instead, or export the PDF again from your "
            "word processor.",
            filename,
        )


class EncryptedDocumentError(DocumentError):
    """A password-protected PDF or Office file."""

    code = "encrypted-document"

    def __init__(self, filename: str | None = None, kind: str = "document") -> None:
        super().__init__(
            f"This {kind} is protected by a password, so its text cannot be read. "
            "Save a copy without the password (or print it to a new PDF) and try again, "
            "or paste the text instead.",
            filename,
        )


class CorruptDocumentError(DocumentError):
    """A file that is damaged, truncated, or not the format it claims to be."""

    code = "corrupt-document"

    def __init__(self, detail: str, filename: str | None = None) -> None:
        super().__init__(
            f"{detail} Open it in the program that made it and save or export it again, "
            "or paste the text instead.",
            filename,
        )


class UnsupportedDocumentError(DocumentError):
    """A file type that aicareers does not read."""

    code = "unsupported-document"

    def __init__(self, detail: str, filename: str | None = None) -> None:
        super().__init__(
            f"{detail} Use plain text, Markdown, PDF, DOCX, JSON Resume, or a LinkedIn data "
            "export (the zip or its CSV files), or paste the text.",
            filename,
        )


class DocumentTooLargeError(DocumentError):
    """A document over the size limit."""

    code = "document-too-large"

    def __init__(self, size: int, limit: int, filename: str | None = None) -> None:
        self.size = size
        self.limit = limit
        super().__init__(
            f"The file is {size / 1_048_576:.1f} MB; the limit is {limit // 1_048_576} MB. "
            "A resume is rarely over 1 MB: remove embedded images or export it as plain "
            "text or a text PDF.",
            filename,
        )


class UnpackedTooLargeError(DocumentTooLargeError):
    """A zip whose members inflate past the unpacked limit, whatever sizes it declares."""

    def __init__(self, size: int, limit: int, filename: str | None = None) -> None:
        self.size = size
        self.limit = limit
        DocumentError.__init__(
            self,
            f"The file unpacks to more than {limit // 1_048_576} MB; the limit is "
            f"{limit // 1_048_576} MB. A resume is rarely over 1 MB: remove embedded images, "
            "or save it as plain text or a text PDF.",
            filename,
        )


class DocumentTooComplexError(DocumentError):
    """A document over one of the caps that bound the work of reading it (pages, parts of a
    Word file, rows of a CSV, nesting depth); ``cap`` names what was counted."""

    code = "document-too-complex"

    def __init__(self, cap: str, limit: int, filename: str | None = None) -> None:
        self.cap = cap
        self.limit = limit
        super().__init__(
            f"This file has more than {limit:,} {cap}, the most we read in a resume. "
            "Save it as plain text or a simpler PDF, or shorten it, and try again.",
            filename,
        )


class DocumentTookTooLongError(DocumentError):
    """Reading the document ran past the wall-clock limit (``service.isolation`` stopped it)."""

    code = "document-took-too-long"

    def __init__(self, seconds: float, filename: str | None = None) -> None:
        self.seconds = seconds
        super().__init__(
            f"Reading this file took longer than {seconds:g} seconds, so we stopped. A resume "
            "reads in a moment: save it again as plain text or a simpler PDF or Word file, or "
            "paste the text.",
            filename,
        )


class DocumentNeedsTooMuchMemoryError(DocumentError):
    """Reading the document needed more memory than one read may use (``service.isolation``)."""

    code = "document-needs-too-much-memory"

    def __init__(self, limit_mb: int, filename: str | None = None) -> None:
        self.limit_mb = limit_mb
        super().__init__(
            f"Reading this file needed more than {limit_mb} MB of memory, so we stopped. A "
            "resume needs far less: save it again as plain text or a simpler PDF or Word file, "
            "or paste the text.",
            filename,
        )


class UndecodableTextError(DocumentError):
    """Bytes that are not text in an encoding we can identify."""

    code = "undecodable-text"

    def __init__(self, detail: str, filename: str | None = None) -> None:
        super().__init__(
            f"{detail} Save the file as UTF-8 text (most editors offer it under "
            "'Save as' or 'Encoding'), or paste the text.",
            filename,
        )
