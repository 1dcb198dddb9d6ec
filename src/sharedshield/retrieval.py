"""Where to find each reading (web address and an archive copy), and a word search over the course's events."""

from __future__ import annotations

import re

import pandas as pd

from .data import Course
from .readings import fold

ARCHIVE = "https://web.archive.org/web/*/"
IMPORT_COMMAND = "python -m sharedshield readings import SOURCE_ID FILE"


def archive_search(url: str) -> str:
    """The Wayback Machine's list of saved copies of a web address."""
    return ARCHIVE + url


def retrieval_sheet(course: Course) -> pd.DataFrame:
    """Per reading: outlet, web address, archive copy (its archive_url, else a Wayback search) and what to know."""
    rows = []
    for src in course.sources.to_dict("records"):
        url = str(src.get("url") or "")
        archive = str(src.get("archive_url") or "") if "archive_url" in src and pd.notna(src.get("archive_url")) else ""
        note = (
            "An excerpt: it starts mid-article, so its opening is not the post's opening."
            if "excerpt" in str(src["title"]).lower()
            else ""
        )
        rows.append(
            {
                "reading": src["source_id"],
                "title": src["title"],
                "outlet": src["outlet"],
                "web address": url,
                "archive copy": archive or (archive_search(url) if url else ""),
                "note": note,
                "install your copy": IMPORT_COMMAND.replace("SOURCE_ID", src["source_id"]),
            }
        )
    return pd.DataFrame(rows)


def with_every_word(events: pd.DataFrame, words: object, columns: tuple[str, ...]) -> pd.Series:
    """A mask of the events whose given columns, taken together, contain every word as a whole word (case-blind)."""
    text = events[list(columns)].fillna("").astype(str).agg(" ".join, axis=1).map(fold)
    hit = pd.Series(True, index=events.index)
    for word in fold(str(words)).split():
        hit &= text.str.contains(rf"(?<!\w){re.escape(word)}(?!\w)", regex=True)
    return hit


def find_events(course: Course, words: object) -> pd.DataFrame | str:
    """Events whose title, summary or actors contain every word given, as whole words.

    Each comes with its record date, confidence and reference. "Maine" finds Maine, not "remained". The titles are
    shown in full (ss.setup() lets tables show long text).
    """
    if words is ... or not str(words).strip() or str(words).strip() == "...":
        return "Type one or more words between the quotes (for example a place or a name), then run the cell again."
    ev = course.events
    hit = with_every_word(ev, words, ("title", "summary", "actor1", "actor2"))
    out = ev.loc[hit, ["event_id", "title", "date", "date_confidence", "date_reference", "date_start"]].sort_values(
        ["date_start", "event_id"]
    )
    out = out.drop(columns="date_start").reset_index(drop=True)
    return out if len(out) else f"No event mentions all of: {words}. Try fewer or other words."
