"""Data-shaping helpers for the notebooks: joined tables, sourcing cards, comparisons, and a safe data copy to edit."""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from pathlib import Path

import pandas as pd
from IPython.display import HTML, display

from .data import Course, find_data_dir, load_course
from .dates import describe_date
from .errors import CourseDataError
from .templates import render

MISMATCH = ("no", "partly")
CARD_FIELDS = (
    ("author", "Author"),
    ("outlet", "Outlet"),
    ("genre", "Genre"),
    ("published", "Published (EDTF)"),
    ("published_basis", "How we know the date"),
    ("audience", "Audience"),
    ("purpose", "Purpose"),
    ("perspective", "Perspective"),
)
LINK_FIELDS = (("url", "Web address"), ("archive_url", "Archived copies"))  # archive_url is shown when the data has it


def mentions_with_events(course: Course) -> pd.DataFrame:
    """Every mention with its event's title, record date (EDTF, words, first/last day), origin, theme and actor."""
    ev = course.events[
        [
            "event_id",
            "title",
            "summary",
            "date",
            "date_confidence",
            "date_reference",
            "date_start",
            "date_end",
            "precision",
            "origin",
            "theme",
            "actor1_code",
        ]
    ]
    ev = ev.rename(
        columns={
            "date": "record_date",
            "date_start": "record_start",
            "date_end": "record_end",
            "precision": "record_precision",
        }
    )
    out = course.mentions.merge(ev, on="event_id", how="left", validate="many_to_one")
    out["record_words"] = [describe_date(d) for d in out["record_date"]]
    return out


def statements(course: Course) -> dict[str, list[str]]:
    """For each event id, how each reading states its date: 'eir2013 ¶10: “in 1999” (matches the record: yes)'."""
    out: dict[str, list[str]] = {}
    for m in course.mentions.sort_values(["source_id", "paragraph"]).itertuples(index=False):
        words = f"“{m.date_as_stated}”" if m.date_as_stated else "no date given"
        out.setdefault(m.event_id, []).append(
            f"{m.source_id} ¶{m.paragraph}: {words} (matches the record: {m.matches_record})"
        )
    return out


def discrepancies(course: Course) -> pd.DataFrame:
    """Every place a reading differs from the record (matches_record no or partly), by record date."""
    m = mentions_with_events(course)
    m = m[m["matches_record"].isin(MISMATCH)].sort_values(["record_start", "source_id", "paragraph"])
    m = m.assign(where=[f"{s} ¶{p}" for s, p in zip(m["source_id"], m["paragraph"], strict=True)])
    cols = {
        "where": "reading ¶",
        "event_id": "event",
        "title": "title",
        "date_as_stated": "the reading says",
        "record_words": "the record says",
        "matches_record": "matches",
        "discrepancy": "what differs",
        "date_reference": "reference for the record date",
    }
    return m[list(cols)].rename(columns=cols).reset_index(drop=True)


def source_spans(course: Course) -> pd.DataFrame:
    """Per reading: publication window, and the earliest and latest record day of the events it mentions."""
    m = mentions_with_events(course)
    span = m.groupby("source_id").agg(
        first_event=("record_start", "min"),
        last_event=("record_end", "max"),
        events=("event_id", "nunique"),
        mentions=("event_id", "size"),
    )
    src = course.sources.set_index("source_id")[["genre", "published", "date_start", "date_end"]]
    src = src.rename(columns={"date_start": "published_start", "date_end": "published_end"})
    out = src.join(span, how="left").reset_index()
    out["years_covered"] = ((out["last_event"] - out["first_event"]).dt.days / 365.25).round(1)
    out["gap_years"] = ((out["published_start"] - out["last_event"]).dt.days / 365.25).round(1)
    return out


def _text(value: object) -> str:
    """A table cell as plain text: lists joined with '; ', missing values empty, everything else str()."""
    if isinstance(value, list | tuple | set):
        return "; ".join(map(str, value))
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


def table_html(df: pd.DataFrame, caption: str | None = None, index: bool = False, more: int = 0) -> str:
    """A DataFrame as a left-aligned, wrapping HTML table (nothing truncated; every value and header escaped)."""
    columns = ([df.index.name or ""] if index else []) + [str(c) for c in df.columns]
    rows = [
        (_text(key), [_text(v) for v in row]) for key, row in zip(df.index, df.itertuples(index=False), strict=True)
    ]
    return render("table.html", columns=columns, rows=rows, caption=caption, index=index, more=more)


def show_table(df: pd.DataFrame, max_rows: int = 200) -> None:
    """Display a table in full, text wrapped and left-aligned, every value HTML-escaped."""
    display(HTML(table_html(df.head(max_rows), more=max(0, len(df) - max_rows))))


def coverage(course: Course) -> pd.DataFrame:
    """Events x readings: the matches_record verdict where a reading mentions the event ('' where it is silent)."""
    m = course.mentions.drop_duplicates(["event_id", "source_id"])
    grid = m.pivot(index="event_id", columns="source_id", values="matches_record").reindex(
        columns=list(course.sources["source_id"])
    )
    ev = course.events.set_index("event_id")[["title", "date_start", "origin"]]
    out = ev.join(grid, how="left").sort_values("date_start").fillna({s: "" for s in course.sources["source_id"]})
    out["readings"] = (out[list(course.sources["source_id"])] != "").sum(axis=1)
    return out.drop(columns="date_start")


def _dates_said(rows: pd.DataFrame) -> list[str]:
    """Each mention's place, stated date and verdict against the record: '¶4: in 2004 (no)'."""
    return [
        f"¶{p}: {d or 'no date'} ({v})"
        for p, d, v in zip(rows["paragraph"], rows["date_as_stated"], rows["matches_record"], strict=True)
    ]


def shared_events(course: Course, a: str, b: str) -> pd.DataFrame:
    """Events both readings a and b mention, with each reading's stated date and framing side by side."""
    m = mentions_with_events(course).sort_values("paragraph").drop_duplicates(["event_id", "source_id"])
    left = m[m["source_id"] == a].set_index("event_id")
    right = m[m["source_id"] == b].set_index("event_id")
    both = left.index.intersection(right.index)
    out = pd.DataFrame(
        {
            "event": both,
            "title": left.loc[both, "title"].to_numpy(),
            "the record says": left.loc[both, "record_words"].to_numpy(),
            f"{a}: date": _dates_said(left.loc[both]),
            f"{a}: framing": left.loc[both, "framing"].to_numpy(),
            f"{b}: date": _dates_said(right.loc[both]),
            f"{b}: framing": right.loc[both, "framing"].to_numpy(),
        }
    )
    order = left.loc[both, "record_start"].to_numpy().argsort(kind="stable")
    return out.iloc[order].reset_index(drop=True)


def disagreements(course: Course) -> pd.DataFrame:
    """Events two or more readings mention, where at least one differs from the record, or their stated dates differ."""
    m = mentions_with_events(course)
    many = m.groupby("event_id").filter(lambda g: g["source_id"].nunique() >= 2)
    rows = []
    for eid, g in many.groupby("event_id", sort=False):
        stated = {d for d in g["date_as_stated_edtf"] if d}
        if g["matches_record"].isin(MISMATCH).any() or len(stated) > 1:
            rows.append(
                {
                    "event": eid,
                    "title": g["title"].iloc[0],
                    "the record says": g["record_words"].iloc[0],
                    "record_start": g["record_start"].iloc[0],
                    "readings say": "; ".join(
                        f"{r.source_id} ¶{r.paragraph}: {r.date_as_stated or 'no date'} ({r.matches_record})"
                        for r in g.itertuples()
                    ),
                    "what differs": " | ".join(
                        f"{r.source_id}: {r.discrepancy}" for r in g.itertuples() if r.discrepancy
                    ),
                }
            )
    out = pd.DataFrame(
        rows, columns=["event", "title", "the record says", "record_start", "readings say", "what differs"]
    )
    return out.sort_values("record_start").drop(columns="record_start").reset_index(drop=True)


def verdicts(course: Course) -> pd.DataFrame:
    """Mentions per reading by matches_record verdict: counts, then shares of the reading's mentions (two decimals)."""
    counts = pd.crosstab(course.mentions["source_id"], course.mentions["matches_record"])
    shares = counts.div(counts.sum(axis=1), axis=0).round(2).add_suffix(" (share)")
    return pd.concat([counts, shares], axis=1)


def claim_counts(course: Course, by: str = "kind") -> pd.DataFrame:
    """Claims per reading (rows) by kind, attitude or expectation (columns), zeros included."""
    if by not in ("kind", "attitude", "expectation"):
        raise ValueError("by must be 'kind', 'attitude' or 'expectation'")
    out = pd.crosstab(course.claims["source_id"], course.claims[by])
    return out.reindex(index=[s for s in course.sources["source_id"] if s in out.index], fill_value=0)


# --- Your turn (08): edit a copy of the data, never data/ itself -------------------------------------------------


def copy_data(to: str | Path | None = None, data_dir: str | Path | None = None) -> Path:
    """Copy the course data to a new folder (a fresh temporary one by default) and return it; data/ is never written."""
    source = find_data_dir(data_dir)
    dest = Path(to) if to is not None else Path(tempfile.mkdtemp(prefix="sharedshield-")) / "data"
    dest = dest.expanduser().resolve()
    if dest == source or source in dest.parents:
        raise ValueError(f"{dest} is inside the course data folder {source}; copy to a folder of your own")
    if dest.exists() and any(dest.iterdir()):
        raise FileExistsError(f"{dest} is not empty; choose a new folder")
    shutil.copytree(source, dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns("drafts"))
    return dest


def add_row(data_dir: str | Path, table: str, **values: object) -> None:
    """Append one row to a CSV of a COPY of the data (columns not given stay empty); refuses the course's own data/."""
    folder = Path(data_dir).expanduser().resolve()
    if folder == find_data_dir(None) or (folder / ".." / "src" / "sharedshield").resolve().is_dir():
        raise ValueError("add_row edits only a copy of the data: make one with copy_data()")
    path = folder / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    unknown = set(values) - set(header)
    if unknown:
        raise KeyError(f"{table}.csv has no column {', '.join(sorted(unknown))}; its columns are {', '.join(header)}")
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(["" if values.get(c) is None else str(values.get(c)) for c in header])
    text = path.read_text(encoding="utf-8")
    path.write_text(text + ("" if text.endswith("\n") else "\n") + buf.getvalue(), encoding="utf-8")


def next_event_id(course: Course) -> str:
    """The first free event id after the highest one in use, e.g. 'E953'."""
    used = [int(e[1:]) for e in course.events["event_id"]]
    return f"E{max(used, default=0) + 1:03d}"


def try_load(data_dir: str | Path) -> Course | None:
    """Load a data folder; on problems print the validator's messages (one per line) and return None."""
    try:
        return load_course(data_dir)
    except CourseDataError as err:
        print(err)
        return None
