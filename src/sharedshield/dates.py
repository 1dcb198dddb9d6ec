"""Parse EDTF date strings into the start and end days a timeline or density can use."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from edtf import parse_edtf, struct_time_to_date

PRECISIONS = ("day", "month", "season", "year", "range")
SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
_HINT = "write e.g. 2007-07-01 (a day), 2007-07 (a month), 1993-21 (spring 1993), 2011~ (about 2011) or 2007-07-01/2007-07-02 (an interval)"


class DateError(ValueError):
    """An EDTF string that this course cannot place on a timeline; the message says why and how to fix it."""


@dataclass(frozen=True)
class ParsedDate:
    """Inclusive first and last day of an EDTF date, its precision and its qualifiers."""

    text: str
    start: pd.Timestamp
    end: pd.Timestamp
    precision: str
    approximate: bool = False
    uncertain: bool = False

    @property
    def days(self) -> int:
        """Number of calendar days the date covers (1 for a single day)."""
        return int((self.end - self.start).days) + 1


def _bounds(obj: object) -> tuple[dt.date, dt.date]:
    """Strict first and last day of one parsed EDTF object."""
    return struct_time_to_date(obj.lower_strict()), struct_time_to_date(obj.upper_strict())  # type: ignore[attr-defined]


def _single(text: str) -> tuple[dt.date, dt.date, str, bool, bool]:
    """Bounds, precision and qualifiers of one EDTF date that is not an interval."""
    obj = parse_edtf(text)
    kind = type(obj).__name__
    approximate = uncertain = False
    if kind == "UncertainOrApproximate":
        approximate = bool(obj.is_approximate)
        uncertain = bool(obj.is_uncertain)
        obj = obj.date
        kind = type(obj).__name__
    if kind == "Season":
        precision = "season"
    elif kind in ("Date", "Unspecified"):
        precision = {"day": "day", "month": "month", "year": "year"}.get(obj.precision, "range")
        if kind == "Unspecified":
            precision = {"day": "month", "month": "year"}.get(obj.precision, "range")
    else:
        raise DateError(f"'{text}' is valid EDTF but not a form this course uses — {_HINT}")
    start, end = _bounds(obj)
    return start, end, precision, approximate, uncertain


def _check_range(text: str, day: dt.date) -> None:
    """Refuse years a pandas Timestamp cannot hold or a course on 1945-2030 would never need."""
    if not 1000 <= day.year <= 2999:
        raise DateError(f"'{text}' has year {day.year}, outside 1000-2999 — check the year")


@lru_cache(maxsize=4096)
def parse_date(text: str) -> ParsedDate:
    """Parse one EDTF string (day, month, season, year, approximate/uncertain, or closed interval)."""
    raw = text
    text = (text or "").strip()
    if not text:
        raise DateError(f"the date is empty — {_HINT}")
    try:
        if "/" in text:
            left, _, right = text.partition("/")
            if left in ("", "..") or right in ("", ".."):
                raise DateError(
                    f"'{raw}' is an open-ended interval; a timeline needs both ends — give the last possible date, e.g. {left or right}/2013-12-31"
                )
            s1, _, p1, a1, u1 = _single(left)
            _, e2, p2, a2, u2 = _single(right)
            if e2 < s1:
                raise DateError(f"'{raw}' ends before it starts — put the earlier date first")
            start, end, precision = s1, e2, "range"
            approximate, uncertain = a1 or a2, u1 or u2
        else:
            start, end, precision, approximate, uncertain = _single(text)
    except DateError:
        raise
    except Exception:  # the edtf library raises several types (and TypeError on some inputs)
        raise DateError(f"'{raw}' is not an EDTF date — {_HINT}") from None
    _check_range(raw, start)
    _check_range(raw, end)
    return ParsedDate(raw, pd.Timestamp(start), pd.Timestamp(end), precision, approximate, uncertain)


def is_open_ended(text: str) -> bool:
    """True for an EDTF interval with an open ('..') or unknown (empty) end."""
    left, sep, right = (text or "").strip().partition("/")
    return bool(sep) and (left in ("", "..") or right in ("", ".."))


def _span(a: pd.Timestamp, b: pd.Timestamp) -> str:
    """'1–2 Jul 2007', '30 Jun – 2 Jul 2007' or '1 Jan 1999 – 31 Dec 2000'."""
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%b %Y}" if a.day != b.day else f"{a.day} {a:%b %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%b} – {b.day} {b:%b %Y}"
    return f"{a.day} {a:%b %Y} – {b.day} {b:%b %Y}"


def describe_date(text: str) -> str:
    """A plain-English rendering of an EDTF date for hover text and tables."""
    p = parse_date(text)
    fmt = {"day": "%d %b %Y", "month": "%b %Y", "year": "%Y"}
    if p.precision == "season":
        season = SEASONS.get(int(text.strip().rstrip("~?%").split("-")[1]), "season")
        out = f"{season} {p.start.year}"
    elif p.precision == "range":
        out = _span(p.start, p.end)
    else:
        out = p.start.strftime(fmt[p.precision]).lstrip("0")
    if p.approximate:
        out = "about " + out
    if p.uncertain:
        out += " (uncertain)"
    return out
