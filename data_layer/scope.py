"""What a page asks about: one region's data on one date, for a division or the whole region,
narrowed by institution kind and patent type.

Every page query takes a ``Scope`` right after the database (``fn(db, scope, *args)``) and
says in its docstring which of the fields it applies. A Scope is frozen: it is a cache key
(``ui.state.cached``), and two equal Scopes are the same question.

    >>> import datetime as dt
    >>> scope = Scope(as_of=dt.date(2025, 12, 31))
    >>> scope.with_division("440999").division
    '440999'
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from .regions import DEFAULT_PACK


@dataclasses.dataclass(frozen=True, kw_only=True)
class Scope:
    """The filters every page query shares (keywords only: four of them are strings or None)."""

    as_of: dt.date  # records dated up to this day count
    region: str = DEFAULT_PACK  # the region pack's name (``regions/<pack>``)
    division: str | None = None  # a county-level division's adcode; None: the whole region
    inst_kind: str | None = None  # an institution kind of ``ui.filters.INSTITUTION_KINDS``; None: all
    patent_type: str | None = None  # invention, utility_model or design; None: all

    def __post_init__(self) -> None:
        # A datetime is a date too, but would make a different cache key for the same day.
        if type(self.as_of) is not dt.date:
            raise TypeError(f"Scope.as_of must be a datetime.date, not {type(self.as_of).__name__}")

    def with_division(self, division: str | None) -> Scope:
        """The same question for another division (None: the whole region)."""
        return dataclasses.replace(self, division=division)
