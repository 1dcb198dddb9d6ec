"""The record beside the readings: which events the published chronologies list, and how each reading selects from them.

An event is *on the record* when at least one chronology (data/chronologies.csv) lists it (data/listings.csv); its
*salience* is the number of chronologies that list it. Salience measures what archives chose to list, not how
important an event was: a NATO archive lists NATO meetings, a Russian archive Russian statements.

Every count here is precision-aware (see `density`): an event known only to a month or a range gives each bin
the share of its days that fall in it, so "events" below can be fractional.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from . import density as dens
from .data import Course
from .dates import describe_date

RECORD_SINCE = pd.Timestamp("1983-01-01")  # recency is measured against the record from here on (see recency())
RECENT_YEARS = 2
SILENCE_COLUMNS = [
    "event_id",
    "title",
    "date",
    "date_label",
    "theme",
    "salience",
    "chronologies",
    "mentioned_by",
    "could_have_known",
]
Placement = Literal["start", "spread", "end"]
PLACEMENTS: tuple[Placement, ...] = ("start", "spread", "end")


def _readings(course: Course) -> list[str]:
    """The reading ids in the order of sources.csv."""
    return list(course.sources["source_id"])


def _published(course: Course, source_id: str, last: bool = False) -> pd.Timestamp:
    """The first (or last) day of a reading's publication date; an unknown id is refused with the list of readings."""
    hit = course.sources[course.sources["source_id"] == source_id]
    if hit.empty:
        raise ValueError(f"no reading {source_id!r}; the readings are {', '.join(_readings(course))}")
    return pd.Timestamp(hit["date_end" if last else "date_start"].iloc[0])


def _joined(pairs: pd.DataFrame, key: str, value: str, order: list[str]) -> pd.Series:
    """For each key, the distinct values comma-joined in the given order (a Series indexed by key)."""
    if pairs.empty:
        return pd.Series(dtype="object")
    rank = {v: i for i, v in enumerate(order)}
    p = pairs[[key, value]].drop_duplicates()
    p = p.assign(_rank=p[value].map(rank).fillna(len(rank))).sort_values([key, "_rank", value])
    return p.groupby(key, sort=True)[value].agg(", ".join)


def on_record(course: Course) -> pd.DataFrame:
    """Events listed by any chronology, with salience (number of chronologies) and chronology ids, in date order."""
    ls = course.listings[["event_id", "chronology_id"]].drop_duplicates()
    salience = ls.groupby("event_id")["chronology_id"].nunique().rename("salience")
    chron = _joined(ls, "event_id", "chronology_id", list(course.chronologies["chronology_id"])).rename("chronologies")
    ev = course.events[course.events["event_id"].isin(salience.index)]
    cols = ["event_id", "title", "date", "date_start", "date_end", "precision", "theme", "origin", "actor1_code"]
    out = ev[[c for c in cols if c in ev.columns]].copy()
    out.insert(3, "date_label", [describe_date(d) for d in out["date"]])
    out["salience"] = out["event_id"].map(salience).astype("int64")
    out["chronologies"] = out["event_id"].map(chron).fillna("").astype(str)
    return out.sort_values(["date_start", "event_id"]).reset_index(drop=True)


def mentioned_by(course: Course) -> pd.Series:
    """For each mentioned event id, the readings that mention it, comma-joined in the order of sources.csv."""
    return _joined(course.mentions, "event_id", "source_id", _readings(course))


def silences(
    course: Course,
    source_id: str,
    *,
    themes: list[str] | None = None,
    min_salience: int = 1,
    include_after: bool = False,
) -> pd.DataFrame:
    """Record events dated before the reading's publication that it omits (and, with include_after, those after).

    Columns: event_id, title, date, date_label, theme, salience, chronologies, mentioned_by (the other readings that
    mention it, '' if none) and could_have_known (the event's last possible day is before the first day of publication).
    An event "before publication" starts before the first day of publication; one whose uncertain span runs past
    that day is kept, with could_have_known False. Sorted by salience (highest first), then date, then id.
    """
    published = _published(course, source_id)
    rec = on_record(course)
    mine = set(course.mentions.loc[course.mentions["source_id"] == source_id, "event_id"])
    keep = ~rec["event_id"].isin(mine) & (rec["salience"] >= min_salience)
    if themes is not None:
        keep &= rec["theme"].isin(list(themes))
    if not include_after:
        keep &= rec["date_start"] < published
    out = rec[keep].copy()
    others = course.mentions[course.mentions["source_id"] != source_id]
    out["mentioned_by"] = (
        out["event_id"].map(_joined(others, "event_id", "source_id", _readings(course))).fillna("").astype(str)
    )
    out["could_have_known"] = (out["date_end"] < published).astype(bool)
    out = out.sort_values(["salience", "date_start", "event_id"], ascending=[False, True, True])
    return out[SILENCE_COLUMNS].reset_index(drop=True)


def _mass(start: pd.Series, end: pd.Series, lo: pd.Timestamp, hi: pd.Timestamp) -> float:
    """Precision-aware number of events (their days' share) falling in [lo, hi)."""
    if len(start) == 0 or hi <= lo:
        return 0.0
    bins = np.array([lo.to_datetime64(), hi.to_datetime64()]).astype("datetime64[D]")
    return float(dens.spread(start, end, bins).mass.sum())


def recency(course: Course, years: int = RECENT_YEARS) -> pd.DataFrame:
    """Per reading: how much of what it mentions lies in the `years` before its publication, against the record's share.

    Both shares are measured over the same window, from 1 January 1983 (RECORD_SINCE, where the chronologies' common
    coverage begins) to the reading's last day of publication (the news it reports that week counts as recent), so the
    three readings are compared with one record; mentions of earlier events (such as the 1972 ABM Treaty) fall outside
    and are counted in `before_1983`.
    share = recent / mentioned; record_share likewise for the events on the record; dwell = share / record_share
    (above 1: the reading dwells on its own present more than the record does; NaN when the record has no events there).
    """
    rec = on_record(course)
    m = (
        course.mentions[["source_id", "event_id"]]
        .drop_duplicates()
        .merge(course.events[["event_id", "date_start", "date_end"]], on="event_id")
    )
    m = m[m["date_start"].notna()]
    rows = []
    for sid in _readings(course):
        pub = _published(course, sid, last=True) + pd.Timedelta(days=1)
        lo = max(RECORD_SINCE, _published(course, sid) - pd.DateOffset(years=years))
        part = m[m["source_id"] == sid]
        mentioned = _mass(part["date_start"], part["date_end"], RECORD_SINCE, pub)
        recent = _mass(part["date_start"], part["date_end"], lo, pub)
        record_all = _mass(rec["date_start"], rec["date_end"], RECORD_SINCE, pub)
        record_recent = _mass(rec["date_start"], rec["date_end"], lo, pub)
        share = recent / mentioned if mentioned else np.nan
        record_share = record_recent / record_all if record_all else np.nan
        rows.append(
            {
                "source_id": sid,
                "published": _published(course, sid),
                "window_start": lo,
                "mentioned": mentioned,
                "recent": recent,
                "share": share,
                "record_events": record_all,
                "record_recent": record_recent,
                "record_share": record_share,
                "dwell": share / record_share if record_share else np.nan,
                "before_1983": int((part["date_end"] < RECORD_SINCE).sum()),
            }
        )
    return pd.DataFrame(rows)


def recency_summary(course: Course, years: int = RECENT_YEARS) -> str:
    """One sentence per reading: its share of mentions in the `years` before publication against the record's share."""
    parts = []
    for r in recency(course, years).itertuples():
        if np.isnan(r.share):
            parts.append(f"{r.source_id} mentions no dated event since 1983")
            continue
        record_said = (
            f"the record puts {r.record_share:.0%} of its {r.record_events:.0f} events since 1983 there"
            if not np.isnan(r.record_share)
            else "the record has no event since 1983 before it"
        )
        parts.append(
            f"{r.source_id} puts {r.share:.0%} of the events it mentions since 1983 in the {years} years before it was"
            f" published, while {record_said}"
        )
    return "; ".join(parts) + "."


def _bins(course: Course, freq: dens.Freq, frames: list[pd.DataFrame]) -> np.ndarray:
    """Bin edges covering every dated row of the frames (or one empty year when there is none)."""
    dated = pd.concat([f[["date_start", "date_end"]] for f in frames], ignore_index=True).dropna()
    if dated.empty:
        return np.array(["2000-01-01", "2001-01-01"], dtype="datetime64[D]")
    return dens.edges(dated["date_start"], dated["date_end"], freq)


def selection(
    course: Course, freq: dens.Freq = "year", *, since: pd.Timestamp | str | None = RECORD_SINCE
) -> pd.DataFrame:
    """Per bin and reading: record events in the bin, how many the reading mentions, the ratio, shares of each total.

    Columns: bin_start, bin, source_id, record (precision-aware record events), mentioned (of those, the ones the
    reading mentions), ratio (mentioned / record, NaN where the record is empty), reading_events (all events the reading
    mentions, on the record or not), record_share and reading_share (each bin's part of its total before the reading's
    publication, so a reading of 8 events and a record of 200 can be drawn on one scale), and after_publication (the bin
    starts after the reading was published). Bins start at `since` (None: the earliest event).
    """
    rec = on_record(course)
    ev = course.events[["event_id", "date_start", "date_end"]].dropna()
    m = course.mentions[["source_id", "event_id"]].drop_duplicates().merge(ev, on="event_id")
    bins = _bins(course, freq, [rec, m])
    if since is not None:
        first = pd.Timestamp(since).to_datetime64().astype("datetime64[D]")
        bins = bins[bins >= first] if (bins > first).sum() >= 1 else bins
        if bins.size < 2:
            bins = np.array([first, first + np.timedelta64(366, "D")])
        elif bins[0] > first:
            bins = np.concatenate([[first], bins])
    labels = dens.bin_labels(bins, freq)
    starts = pd.to_datetime(bins[:-1])
    record_mass = dens.spread(rec["date_start"], rec["date_end"], bins).mass
    listed = set(rec["event_id"])
    frames = []
    for sid in _readings(course):
        pub = _published(course, sid)
        part = m[m["source_id"] == sid]
        on = part[part["event_id"].isin(listed)]
        mentioned = dens.spread(on["date_start"], on["date_end"], bins).mass
        reading = dens.spread(part["date_start"], part["date_end"], bins).mass
        before = np.asarray(starts < pub)
        rec_total, read_total = record_mass[before].sum(), reading[before].sum()
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(record_mass > 0, mentioned / np.where(record_mass > 0, record_mass, 1), np.nan)
        frames.append(
            pd.DataFrame(
                {
                    "bin_start": starts,
                    "bin": labels,
                    "source_id": sid,
                    "record": record_mass,
                    "mentioned": mentioned,
                    "ratio": ratio,
                    "reading_events": reading,
                    "record_share": record_mass / rec_total if rec_total else np.zeros_like(record_mass),
                    "reading_share": reading / read_total if read_total else np.zeros_like(reading),
                    "after_publication": ~before,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def placed(start: pd.Series, end: pd.Series, bins: np.ndarray, how: Placement) -> np.ndarray:
    """Events per bin, an uncertain date at its first day ('start'), over its days ('spread') or at its last ('end')."""
    if how == "start":
        return dens.naive_counts(start, bins).mass
    if how == "end":
        return dens.naive_counts(end, bins).mass
    if how == "spread":
        return dens.spread(start, end, bins).mass
    raise ValueError(f"how must be start, spread or end, not {how!r}")


def _top(values: np.ndarray, top: int) -> np.ndarray:
    """Mask of the bins among the `top` highest (ties at the boundary included; empty bins never)."""
    if values.size == 0 or top < 1:
        return np.zeros(values.size, dtype=bool)
    cut = np.sort(values)[::-1][min(top, values.size) - 1]
    return (values >= cut - 1e-9) & (values > 0)


def robust_peaks(
    course: Course,
    freq: dens.Freq = "year",
    *,
    source_id: str | None = None,
    top: int = 3,
    since: pd.Timestamp | str | None = RECORD_SINCE,
) -> pd.DataFrame:
    """Per bin: record (or one reading's) events at start, spread, end; a peak is robust if a top bin under all three.

    Columns: bin_start, bin, start, spread, end, peak_start, peak_spread, peak_end, robust. A bin that is among the
    `top` highest only for one placement owes its peak to how uncertain dates were placed, not to the record.
    """
    if source_id is None:
        ev = on_record(course)
    else:
        _published(course, source_id)
        ids = course.mentions.loc[course.mentions["source_id"] == source_id, "event_id"]
        ev = course.events[course.events["event_id"].isin(ids)]
    ev = ev[ev["date_start"].notna()]
    if since is not None:
        ev = ev[ev["date_end"] >= pd.Timestamp(since)]
    bins = _bins(course, freq, [ev])
    out = pd.DataFrame({"bin_start": pd.to_datetime(bins[:-1]), "bin": dens.bin_labels(bins, freq)})
    for how in PLACEMENTS:
        out[how] = placed(ev["date_start"], ev["date_end"], bins, how)
    for how in PLACEMENTS:
        out[f"peak_{how}"] = _top(out[how].to_numpy(), top)
    out["robust"] = out[[f"peak_{h}" for h in PLACEMENTS]].all(axis=1)
    return out


def robust_summary(peaks: pd.DataFrame) -> str:
    """One sentence: which peak bins survive all three placements and which depend on the placement."""
    robust = list(peaks.loc[peaks["robust"], "bin"])
    fragile = list(peaks.loc[peaks[[f"peak_{h}" for h in PLACEMENTS]].any(axis=1) & ~peaks["robust"], "bin"])
    said = (
        f"{_words(robust)} {'is a peak' if len(robust) == 1 else 'are peaks'} however the uncertain dates are placed"
        if robust
        else "No bin is a peak under all three placements"
    )
    return said + (
        f"; {_words(fragile)} {'is a peak' if len(fragile) == 1 else 'are peaks'} only under some placements."
        if fragile
        else "."
    )


def _words(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


__all__ = [
    "PLACEMENTS",
    "RECORD_SINCE",
    "SILENCE_COLUMNS",
    "mentioned_by",
    "on_record",
    "placed",
    "recency",
    "recency_summary",
    "robust_peaks",
    "robust_summary",
    "selection",
    "silences",
]
