"""Parse EDTF date strings into the start and end days a timeline or density can use."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from edtf import parse_edtf, struct_time_to_date

SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
_HINT = (
    "write e.g. 2007-07-01 (a day), 2007-07 (a month), 1993-21 (spring 1993), 2011~ (about 2011) or"
    " 2007-07-01/2007-07-02 (an interval)"
)


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


_SIMPLE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%])?$")
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}


def _fast(text: str) -> tuple[dt.date, dt.date, str, bool, bool] | None:
    """Common forms (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-21..24, each with ~ ? or %) without the slow grammar; else None."""
    m = _SIMPLE.match(text)
    if not m:
        return None
    year, month, day, qual = int(m.group(1)), m.group(2), m.group(3), m.group(4) or ""
    approximate, uncertain = qual in ("~", "%"), qual in ("?", "%")
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", approximate, uncertain
    mon = int(month)
    if day is None and mon in _SEASON_MONTHS:
        if qual:
            return None  # a qualified season is not EDTF level 1: the grammar refuses it
        first, last = _SEASON_MONTHS[mon]
        end_year = (
            year + 1 if mon == 24 else year
        )  # winter runs December to February (the edtf library stops at 31 December)
        return (
            dt.date(year, first, 1),
            dt.date(end_year, last, calendar.monthrange(end_year, last)[1]),
            "season",
            approximate,
            uncertain,
        )
    if not 1 <= mon <= 12:
        return None  # let the edtf grammar decide (and refuse)
    if day is None:
        return (
            dt.date(year, mon, 1),
            dt.date(year, mon, calendar.monthrange(year, mon)[1]),
            "month",
            approximate,
            uncertain,
        )
    try:
        d = dt.date(year, mon, int(day))
    except ValueError:
        return None
    return d, d, "day", approximate, uncertain


def _single(text: str) -> tuple[dt.date, dt.date, str, bool, bool]:
    """Bounds, precision and qualifiers of one EDTF date that is not an interval."""
    quick = _fast(text)
    if quick is not None:
        return quick
    obj = parse_edtf(text)
    kind = type(obj).__name__
    approximate = uncertain = False
    if kind == "UncertainOrApproximate":
        both = bool(obj.is_uncertain_and_approximate)  # '%' means both
        approximate = bool(obj.is_approximate) or both
        uncertain = bool(obj.is_uncertain) or both
        obj = obj.date
        kind = type(obj).__name__
    if kind == "Season":
        precision = "season"
    elif kind in ("Date", "Unspecified"):
        precision = {"day": "day", "month": "month", "year": "year"}.get(obj.precision, "range")
    else:
        raise DateError(f"'{text}' is valid EDTF but not a form this course uses — {_HINT}")
    start, end = _bounds(obj)
    if (
        kind == "Unspecified"
    ):  # 2007-05-XX is a month, 2007-XX and 2007-XX-XX a year, 199X a range: read it from the span
        whole_month = (
            start.day == 1
            and (end + dt.timedelta(days=1)).day == 1
            and (start.year, start.month) == (end.year, end.month)
        )
        whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year
        precision = "day" if start == end else "month" if whole_month else "year" if whole_year else "range"
        both = bool(
            obj.is_uncertain_and_approximate
        )  # the edtf library keeps the qualifier of 2007-XX~ on the date itself
        approximate, uncertain = (
            approximate or bool(obj.is_approximate) or both,
            uncertain or bool(obj.is_uncertain) or both,
        )
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
                    f"'{raw}' is an open-ended interval; a timeline needs both ends — give the last possible date, e.g."
                    f" {left or right}/2013-12-31"
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
