"""Precision-aware event density: an event known only to a month, season, year or range is spread over its days.

Each event has mass 1. An event whose date covers n days (date_start to date_end, inclusive) gives 1/n of its
mass to each of those days, so a bin receives overlap_days(event, bin) / n. A day-precise event puts all its
mass in one bin; an event known only as "2008" is spread over the twelve months of 2008.

Events (or parts of events) that fall outside the bins are not dropped silently: `Density.outside` holds
their mass, so `density.mass.sum() + density.outside == number of events` (up to float rounding). Use
`edges(...)` to get bins that cover the data, and `outside` is 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

Freq = Literal["year", "quarter", "month"]
_MONTHS = {"year": 12, "quarter": 3, "month": 1}


@dataclass(frozen=True)
class Density:
    """Mass per bin (bins [edges[k], edges[k+1]) as datetime64[D]), and the mass that fell outside all bins."""

    edges: np.ndarray
    mass: np.ndarray
    outside: float

    @property
    def total(self) -> float:
        """Mass inside the bins plus mass outside: the number of events."""
        return float(self.mass.sum() + self.outside)


def _days(values: object) -> np.ndarray:
    """Dates (Series, array, list of dates or strings) as int64 days since 1970-01-01; missing dates are refused."""
    arr = np.asarray(values)
    if arr.dtype.kind != "M":
        arr = np.asarray(pd.to_datetime(pd.Series(list(arr), dtype="object")))
    arr = arr.astype("datetime64[D]")
    if np.isnat(arr).any():
        raise ValueError("some dates are missing (NaT): drop undated rows before computing a density")
    return arr.astype("int64")


def _check(start: np.ndarray, end: np.ndarray) -> None:
    """Refuse inputs a density cannot use: unequal lengths or an end before its start."""
    if start.shape != end.shape:
        raise ValueError(f"start and end have different lengths ({start.size} and {end.size})")
    if (end < start).any():
        raise ValueError("some events end before they start")


def _edges_days(edges: object) -> np.ndarray:
    """Bin edges as int64 days; they must be strictly increasing."""
    e = np.asarray(edges).astype("datetime64[D]")
    if e.ndim != 1 or e.size < 2:
        raise ValueError("give at least two bin edges")
    out = e.astype("int64")
    if (np.diff(out) <= 0).any():
        raise ValueError("bin edges must be strictly increasing")
    return out


def _bin_of(t: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Index of each day's bin [t[k], t[k+1]) (all in [t[0], t[-1])): table lookup, or searchsorted for huge spans."""
    if t[-1] - t[0] <= 20_000_000:
        table = np.repeat(np.arange(t.size - 1), np.diff(t))
        return table[day - t[0]]
    return np.searchsorted(t, day, side="right") - 1


def spread(start: object, end: object, edges: object, weights: object | None = None) -> Density:
    """Precision-aware density: each event's mass (1, or its weight) split over bins in proportion to its days in each.

    start and end are the inclusive first and last days (datetime64 / Timestamps). Vectorised with no Python
    loop over events: the bounds are clipped to the bins, the first and last bin of each event looked up in a
    day-to-bin table, partial bins filled with bincount and whole bins in between with a cumulative sum.
    """
    s = _days(start)
    e = _days(end)
    t = _edges_days(edges)
    _check(s, e)
    w = np.ones(s.size) if weights is None else np.asarray(weights, dtype="float64")
    k_bins = t.size - 1
    if s.size == 0:
        return Density(t.astype("datetime64[D]"), np.zeros(k_bins), 0.0)
    e = e + 1  # exclusive end
    days = (e - s).astype("float64")
    cs, ce = np.minimum(np.maximum(s, t[0]), t[-1]), np.minimum(np.maximum(e, t[0]), t[-1])  # np.clip on the bounds
    inside_days = np.maximum(ce - cs, 0)
    outside = float((w * ((days - inside_days) / days)).sum())
    hit = inside_days > 0
    cs, ce, w, days = cs[hit], ce[hit], w[hit], days[hit]
    first, last = _bin_of(t, cs), _bin_of(t, ce - 1)  # bins holding the first and the last day inside
    one = first == last
    mass = np.bincount(first[one], weights=w[one] * ((ce[one] - cs[one]) / days[one]), minlength=k_bins).astype(
        "float64"
    )
    many = ~one
    f, la, rate = first[many], last[many], w[many] / days[many]
    mass += np.bincount(f, weights=rate * (t[f + 1] - cs[many]), minlength=k_bins)
    mass += np.bincount(la, weights=rate * (ce[many] - t[la]), minlength=k_bins)
    full_rate = np.cumsum(
        np.bincount(f + 1, weights=rate, minlength=k_bins + 1) - np.bincount(la, weights=rate, minlength=k_bins + 1)
    )[:k_bins]
    mass += full_rate * np.diff(t)
    mass[np.abs(mass) < 1e-12] = 0.0
    return Density(t.astype("datetime64[D]"), mass, outside)


def naive_counts(start: object, edges: object, weights: object | None = None) -> Density:
    """Naive count: all of each event's mass in the bin of its date_start (what a plain 'events per year' does)."""
    s = _days(start)
    edge = _edges_days(edges)
    w = np.ones(s.size) if weights is None else np.asarray(weights, dtype="float64")
    k = np.searchsorted(edge, s, side="right") - 1
    inside = (k >= 0) & (k < edge.size - 1)
    mass = np.bincount(k[inside], weights=w[inside], minlength=edge.size - 1).astype("float64")
    return Density(edge.astype("datetime64[D]"), mass, float(w[~inside].sum()))


def edges(start: object, end: object, freq: Freq = "year") -> np.ndarray:
    """Bin edges (datetime64[D]) of whole years, quarters or months covering every day from min(start) to max(end)."""
    if freq not in _MONTHS:
        raise ValueError(f"freq must be year, quarter or month, not {freq!r}")
    s, e = _days(start), _days(end)
    if s.size == 0:
        raise ValueError("no dates to cover")
    step = _MONTHS[freq]
    first = np.datetime64(int(s.min()), "D").astype("datetime64[M]").astype("int64")
    last = np.datetime64(int(e.max()), "D").astype("datetime64[M]").astype("int64")
    first -= first % step
    last = last - last % step + step
    return np.arange(first, last + 1, step).astype("datetime64[M]").astype("datetime64[D]")


def bin_labels(edges_: np.ndarray, freq: Freq = "year") -> list[str]:
    """Readable label of each bin: '2007', '2007 Q3' or 'Jul 2007'."""
    out = []
    for day in pd.to_datetime(np.asarray(edges_)[:-1]):
        if freq == "year":
            out.append(f"{day.year}")
        elif freq == "quarter":
            out.append(f"{day.year} Q{(day.month - 1) // 3 + 1}")
        else:
            out.append(f"{day:%b %Y}")
    return out


def density_table(
    df: pd.DataFrame, freq: Freq = "year", by: str | None = None, bins: np.ndarray | None = None
) -> pd.DataFrame:
    """Tidy table: naive count and precision-aware density per bin (and `by` group) of rows with date_start/date_end."""
    dated = df[df["date_start"].notna()]
    if bins is None:
        bins = (
            edges(dated["date_start"], dated["date_end"], freq)
            if len(dated)
            else np.array(["2000-01-01", "2001-01-01"], dtype="datetime64[D]")
        )
    labels = bin_labels(bins, freq)
    groups = [(None, dated)] if by is None else [(g, part) for g, part in dated.groupby(by, sort=True)]
    frames = []
    for group, part in groups:
        d = spread(part["date_start"], part["date_end"], bins)
        n = naive_counts(part["date_start"], bins)
        frame = pd.DataFrame(
            {"bin_start": pd.to_datetime(bins[:-1]), "bin": labels, "naive": n.mass, "density": d.mass}
        )
        if by is not None:
            frame.insert(2, by, group)
        frames.append(frame)
    columns = ["bin_start", "bin"] + ([by] if by else []) + ["naive", "density"]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def peak(table: pd.DataFrame, column: str = "density") -> tuple[str, float]:
    """The bin label(s) with the most mass in `column` ('2007', or '2007 and 2011' on a tie) and that mass."""
    totals = table.groupby("bin", sort=False)[column].sum()
    if totals.empty:
        return "", 0.0
    top = float(totals.max())
    labels = [str(b) for b, v in totals.items() if abs(v - top) < 1e-9]
    return (labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]), top
