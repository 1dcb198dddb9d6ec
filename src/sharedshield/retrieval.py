"""Where to find each reading (web address and an archive copy), and a word search over the course's events."""

from __future__ import annotations

import pandas as pd

from .data import Course

ARCHIVE = "https://web.archive.org/web/*/"
IMPORT_COMMAND = "python -m sharedshield readings import SOURCE_ID FILE"


def archive_search(url: str) -> str:
    """The Wayback Machine's list of saved copies of a web address."""
    return ARCHIVE + url


def retrieval_sheet(course: Course) -> pd.DataFrame:
    """Per reading: where it was published, its web address, an archive copy (archive_url if the data has one, else a Wayback search), and what to know."""
    rows = []
    for src in course.sources.to_dict("records"):
        url = str(src.get("url") or "")
        archive = str(src.get("archive_url") or "") if "archive_url" in src and pd.notna(src.get("archive_url")) else ""
        note = "An excerpt: it starts mid-article, so its opening is not the post's opening." if "excerpt" in str(src["title"]).lower() else ""
        rows.append({"reading": src["source_id"], "title": src["title"], "outlet": src["outlet"], "web address": url,
                     "archive copy": archive or (archive_search(url) if url else ""), "note": note,
                     "install your copy": IMPORT_COMMAND.replace("SOURCE_ID", src["source_id"])})
    return pd.DataFrame(rows)


def with_every_word(events: pd.DataFrame, words: object, columns: tuple[str, ...]) -> pd.Series:
    """A mask of the events whose given columns, taken together, contain every word (case-blind)."""
    text = events[list(columns)].fillna("").astype(str).agg(" ".join, axis=1).str.casefold()
    hit = pd.Series(True, index=events.index)
    for word in str(words).casefold().split():
        hit &= text.str.contains(word, regex=False)
    return hit


def find_events(course: Course, words: object) -> pd.DataFrame | str:
    """Events whose title, summary or actors contain every word given (case-blind), with record date and reference."""
    if words is ... or not str(words).strip() or str(words).strip() == "...":
        return "Type one or more words between the quotes (for example a place or a name), then run the cell again."
    ev = course.events
    hit = with_every_word(ev, words, ("title", "summary", "actor1", "actor2"))
    out = ev.loc[hit, ["event_id", "title", "date", "date_reference", "date_start"]].sort_values("date_start").drop(columns="date_start")
    return out.reset_index(drop=True) if len(out) else f"No event mentions all of: {words}. Try fewer or other words."
