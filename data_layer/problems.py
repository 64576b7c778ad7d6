"""What an import reports: each problem with its place and reason, and the counts of a load."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from . import i18n
from .derive import Derived
from .parties import MatchOutcome, Unmatched


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where it is and why (``reason`` is a code in ``i18n``)."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    reason: str
    severity: str = "error"
    allowed: tuple[str, ...] = ()  # the values the column takes, named in the message

    def message(self, lang: str = "zh") -> str:
        text = i18n.reason(self.reason, lang, self.value)
        if self.allowed:
            text += i18n.t("reason.allowed_values", lang, values="、".join(self.allowed))
        return text

    def as_dict(self, lang: str = "zh") -> dict:
        return {**asdict(self), "message": self.message(lang)}


class ImportRejected(Exception):
    """The file was not loaded; ``problems`` lists every error (and warning) found.

    ``detected`` is what reading found (sheets, header row, columns), when it got that far.
    """

    def __init__(
        self,
        problems: list[Problem],
        detected: dict | None = None,
        *,
        unmatched: list[Unmatched] | None = None,
        derived: list[Derived] | None = None,
    ):
        self.problems = problems
        self.detected = detected or {}
        self.unmatched = unmatched or []  # names staff must resolve
        self.derived = derived or []  # what was derived before the refusal
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(f"{len(errors)} error(s) in {problems[0].file if problems else 'file'}")


@dataclass
class ImportResult:
    batch_id: int | None
    kind: str
    file_name: str
    rows_in_file: int
    rows_new: int
    rows_replaced: int
    rows_same: int
    warnings: list[Problem] = field(default_factory=list)
    detected: dict = field(default_factory=dict)  # encoding, sheet, header row, column mapping
    derived: list[Derived] = field(default_factory=list)  # values derived or assumed
    parties: MatchOutcome | None = None  # names matched, and excluded by staff
    # The batch that loaded this very file, when nothing has written to the data since: the
    # file was not read again (``ingest.import_bytes``).
    same_as: int | None = None

    def as_dict(self, lang: str = "zh") -> dict:
        data = asdict(self)
        data["warnings"] = [w.as_dict(lang) for w in self.warnings]
        data["derived"] = [
            asdict(d) | {"message": i18n.reason(f"derived_{d.rule}", lang, d.rows)} for d in self.derived
        ]
        return data
