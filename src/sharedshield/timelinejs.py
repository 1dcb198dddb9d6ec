"""Export events as TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html); text is HTML-escaped."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pandas as pd

from . import tables
from .data import Course
from .dates import describe_date
from .templates import render

TITLE = "Shared Shield? Offers of missile-defense cooperation between Russia and the US/NATO"


def _date(ts: pd.Timestamp, precision: str) -> dict[str, int]:
    """A TimelineJS date object: year, plus month and day only as far as the date is known."""
    out = {"year": int(ts.year)}
    if precision in ("day", "range", "month", "season"):
        out["month"] = int(ts.month)
    if precision in ("day", "range"):
        out["day"] = int(ts.day)
    return out


def _dates(start: pd.Timestamp, end: pd.Timestamp, precision: str) -> dict[str, dict[str, int]]:
    """start_date (and end_date for seasons and ranges): a month or year event is one coarse date, not a false span."""
    out = {"start_date": _date(start, precision)}
    if precision in ("season", "range") and end != start:
        out["end_date"] = _date(end, precision)
    return out


def _paragraphs(*parts: str) -> str:
    """HTML paragraphs, each part escaped (TimelineJS renders text as HTML)."""
    return render("timeline_text.html", parts=parts)


def timelinejs(course: Course, title: str = TITLE) -> dict:
    """The events as a TimelineJS3 JSON object: title slide and one slide per event, grouped by theme."""
    said = tables.statements(course)
    events = []
    for e in course.events.sort_values(["date_start", "event_id"]).itertuples(index=False):
        stated = said.get(e.event_id, [])
        readings = (
            ("As the readings state it: " + "; ".join(stated))
            if stated
            else "Background event: no reading mentions it."
        )
        slide = {
            "unique_id": e.event_id,
            **_dates(e.date_start, e.date_end, e.precision),
            "text": {
                "headline": html.escape(e.title),
                "text": _paragraphs(
                    e.summary,
                    f"Record date: {describe_date(e.date)} (confidence: {e.date_confidence}). Reference:"
                    f" {e.date_reference}",
                    readings,
                ),
            },
            "group": html.escape(e.theme),
            "display_date": html.escape(describe_date(e.date)),
        }
        events.append(slide)
    intro = "Events from the three readings and background events, each at its date on the historical record."
    return {"title": {"text": {"headline": html.escape(title), "text": _paragraphs(intro)}}, "events": events}


def write_timelinejs(course: Course, path: str | Path) -> Path:
    """Write the TimelineJS JSON to a file (UTF-8) and return its path."""
    out = Path(path)
    out.write_text(json.dumps(timelinejs(course), ensure_ascii=False, indent=1), encoding="utf-8")
    return out
