"""Corroboration grid (07): learners judge if readings agree, differ, are silent or could not know, then compare."""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML, display

from .data import Course
from .dates import describe_date
from .display import show
from .tables import MISMATCH, show_table, table_html

VERDICTS = ("agrees", "differs", "undated", "silent", "too early")
MEANING = {
    "agrees": "mentions it, and its date matches the record",
    "differs": "mentions it, but its date (or what it says happened then) differs from the record in whole or in part",
    "undated": "mentions it without a date, so its date cannot be checked",
    "silent": "does not mention it, though the event was before the reading was published",
    "too early": "does not mention it, and could not have: the reading was published before the event",
}
GRID_EVENTS = ("E112", "E200", "E120", "E303")


def blank_grid(course: Course, events: tuple[str, ...] = GRID_EVENTS) -> dict[str, dict[str, object]]:
    """A grid to fill in: for each event, each reading's verdict as ... (replace with one of VERDICTS)."""
    return {e: {s: ... for s in course.sources["source_id"]} for e in events}


def evidence(course: Course, event_id: str) -> pd.DataFrame:
    """Each reading on one event (paragraph, stated date, anchor, paraphrase) and its publication date; no verdict."""
    ev = course.events.set_index("event_id").loc[event_id]
    rows = []
    for src in course.sources.itertuples(index=False):
        m = course.mentions[(course.mentions["event_id"] == event_id) & (course.mentions["source_id"] == src.source_id)]
        said = "; ".join(
            f"¶{r.paragraph}: date as stated “{r.date_as_stated or '(none)'}”, anchor “{r.anchor}”; "
            f"the course's paraphrase: {r.framing}"
            for r in m.itertuples()
        )
        rows.append(
            {
                "reading": src.source_id,
                "published": describe_date(src.published),
                "what it says": said or "(does not mention it)",
            }
        )
    out = pd.DataFrame(rows)
    out.attrs["caption"] = (
        f"{event_id} · {ev['title']} · record date {describe_date(ev['date'])} ({ev['date_confidence']} confidence;"
        f" reference: {ev['date_reference']})"
    )
    return out


def show_evidence(course: Course, event_id: str) -> None:
    """Display the evidence on one event, with the record date and its reference as a caption."""
    table = evidence(course, event_id)
    display(HTML(table_html(table, caption=table.attrs["caption"])))


def course_verdict(course: Course, event_id: str, source_id: str) -> str:
    """The course's verdict for one reading on one event (one of VERDICTS)."""
    m = course.mentions[(course.mentions["event_id"] == event_id) & (course.mentions["source_id"] == source_id)]
    if len(m):
        verdicts = set(m["matches_record"])
        return "differs" if verdicts & set(MISMATCH) else "agrees" if "yes" in verdicts else "undated"
    ev = course.events.set_index("event_id").loc[event_id]
    published = course.sources.set_index("source_id").loc[source_id, "date_start"]
    return "silent" if ev["date_end"] < published else "too early"


def course_grid(course: Course, events: tuple[str, ...] = GRID_EVENTS) -> dict[str, dict[str, str]]:
    """The course's grid for the given events."""
    return {e: {s: course_verdict(course, e, s) for s in course.sources["source_id"]} for e in events}


def _filled(value: object) -> str:
    """A grid cell as the learner wrote it (folded), or '' when it is `...`, None or empty."""
    return "" if value is ... or value is None else str(value).strip().casefold()


def filled_rows(grid: object) -> list[str]:
    """The events of a grid with a verdict for every reading (the rows the course may show its verdicts for)."""
    if not isinstance(grid, dict):
        return []
    return [
        e for e, cells in grid.items() if isinstance(cells, dict) and cells and all(_filled(v) for v in cells.values())
    ]


def compare_grid(course: Course, grid: dict[str, dict[str, object]]) -> pd.DataFrame:
    """Your grid beside the course's per cell of filled rows, with what the course's verdict means or why it differs.

    Rows (events) you have not filled completely are left out: the course's verdicts for them stay hidden.
    """
    rows = []
    for event_id in filled_rows(grid):
        for source_id, mine in grid[event_id].items():
            theirs = course_verdict(course, event_id, source_id)
            m = course.mentions[(course.mentions["event_id"] == event_id) & (course.mentions["source_id"] == source_id)]
            why = "; ".join(d for d in m["discrepancy"].fillna("") if d) if theirs == "differs" else MEANING[theirs]
            mine_text = _filled(mine)
            rows.append(
                {
                    "event": event_id,
                    "reading": source_id,
                    "yours": mine_text,
                    "course": theirs,
                    "same": "✓" if mine_text == theirs else "✗",
                    "why": why,
                }
            )
    return pd.DataFrame(rows, columns=["event", "reading", "yours", "course", "same", "why"])


def show_comparison(course: Course, grid: dict[str, dict[str, object]]) -> None:
    """Show your grid beside the course's for filled rows, and how many cells agree; none of the course's till then."""
    table = compare_grid(course, grid)
    waiting = [e for e in (grid if isinstance(grid, dict) else {}) if e not in set(table["event"])]
    if table.empty:
        show(
            "The course's grid stays hidden until you have filled at least one row of yours: give every reading of one"
            f" event a verdict ({', '.join(VERDICTS)}), in quotes, run your grid's cell, then this one again."
        )
        return
    unknown = sorted({y for y in table["yours"] if y not in VERDICTS})
    show_table(table)
    note = f" Not a verdict of the grid: {', '.join(unknown)} (use {', '.join(VERDICTS)})." if unknown else ""
    hidden = f" Still hidden until you fill their rows: {', '.join(waiting)}." if waiting else ""
    show(
        f"Your grid and the course's agree on {(table['same'] == '✓').sum()} of {len(table)} cells.{note}{hidden} "
        "Where they differ, read the `why` column and the paragraph again: the course can be wrong too."
    )
