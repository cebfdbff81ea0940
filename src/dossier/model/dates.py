"""The one date type used everywhere: a year, a month or a day, possibly approximate or bounded.

Sources rarely give full dates ("in March", "in 2021", "the latest report"), and inventing the
missing parts is exactly what a documentary site must not do. A ``PartialDate`` keeps the
precision the source gives, says so when it is approximate or only a bound, displays itself
that way ("17 April 2024", "March 2024", "c. 2021", "before October 2025") and still sorts.

Written in data as text: ``2024``, ``2024-03``, ``2024-04-17``, optionally prefixed by
``c.`` (approximate), ``before`` or ``after``; a bare year may be written unquoted.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]
_PATTERN = r"^(?:(c\.|before|after) )?([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$"
_RE = re.compile(_PATTERN)
_QUALIFIER_ORDER = {"before": 0, "c.": 1, None: 1}


@dataclass(frozen=True)
class PartialDate:
    """A date at the precision its source gives (year, month or day), with an optional qualifier."""

    year: int
    month: int | None = None
    day: int | None = None
    qualifier: str | None = None  # None, "c.", "before" or "after"

    PATTERN: ClassVar[str] = _PATTERN

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` with an optional qualifier; refuse impossible dates."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise PydanticCustomError(
                "partial_date_type", "expected a date such as '2024-04-17', '2024-03' or '2021'"
            )
        m = _RE.match(str(value))
        if not m:
            raise PydanticCustomError(
                "partial_date_format",
                "malformed date '{value}': write YYYY, YYYY-MM or YYYY-MM-DD, optionally after 'c.', "
                "'before' or 'after'",
                {"value": str(value)},
            )
        qualifier, y, mo, d = m.groups()
        year, month, day = int(y), int(mo) if mo else None, int(d) if d else None
        if month is not None and not 1 <= month <= 12:
            raise PydanticCustomError("partial_date_impossible", "impossible date '{value}': no month {month}",
                                      {"value": str(value), "month": month})
        if day is not None:
            assert month is not None
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise PydanticCustomError(
                    "partial_date_impossible",
                    "impossible date '{value}': {month_name} {year} has {last} days",
                    {"value": str(value), "month_name": MONTHS[month - 1], "year": year, "last": last},
                )
        if year < 1900:
            raise PydanticCustomError("partial_date_impossible", "implausible year {year} for this site",
                                      {"year": year})
        return cls(year, month, day, qualifier)

    @property
    def iso(self) -> str:
        """Machine-readable form at the date's own precision, for ``<time datetime>``."""
        s = f"{self.year:04d}"
        if self.month:
            s += f"-{self.month:02d}"
            if self.day:
                s += f"-{self.day:02d}"
        return s

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def display(self) -> str:
        """Human form: '17 April 2024', 'March 2024', '2021', with 'c.', 'before' or 'after'."""
        if self.day and self.month:
            base = f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        elif self.month:
            base = f"{MONTHS[self.month - 1]} {self.year}"
        else:
            base = str(self.year)
        return f"{self.qualifier} {base}" if self.qualifier else base

    def __str__(self) -> str:
        return f"{self.qualifier} {self.iso}" if self.qualifier else self.iso

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        """Chronological key: a year sorts before its months, 'before X' before X, 'after X' after all of X."""
        if self.qualifier == "after":
            return (self.year, self.month or 13, self.day or 32, 2)
        return (self.year, self.month or 0, self.day or 0, _QUALIFIER_ORDER[self.qualifier])

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    @property
    def bounds(self) -> tuple[date, date]:
        """The widest span the date can mean: 'before X' reaches back without limit, 'after X' forward,
        and 'c. X' a year either side (for plausibility checks, which must not refuse what may be true)."""
        if self.qualifier == "before":
            return date.min, self.latest
        if self.qualifier == "after":
            return self.earliest, date.max
        if self.qualifier == "c.":
            return date(max(self.year - 1, 1), 1, 1), date(self.year + 1, 12, 31)
        return self.earliest, self.latest

    def covers(self, day: PartialDate) -> bool:
        """True when ``day`` falls inside this date's span (for 'then Home Secretary' look-ups)."""
        return self.earliest <= day.earliest and day.latest <= self.latest

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key < other.sort_key

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "string", "pattern": _PATTERN},
                {"type": "integer", "minimum": 1900, "maximum": 9999},
            ],
            "description": "YYYY, YYYY-MM or YYYY-MM-DD, optionally prefixed by 'c. ', 'before ' or 'after '",
            "examples": ["2024-04-17", "2024-03", "c. 2021", "before 2025-10"],
        }
