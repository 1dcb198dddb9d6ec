"""Precision-aware density: mass is conserved, uncertain dates spread over their days, and it scales to 10^6 events."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sharedshield import load_course
from sharedshield.dates import parse_date
from sharedshield.density import bin_labels, density_table, edges, naive_counts, peak, spread

D = np.datetime64


def days(*texts: str) -> tuple[list[pd.Timestamp], list[pd.Timestamp]]:
    """First and last days of some EDTF dates."""
    parsed = [parse_date(t) for t in texts]
    return [p.start for p in parsed], [p.end for p in parsed]


def brute_force(start: np.ndarray, end: np.ndarray, edge: np.ndarray) -> np.ndarray:
    """The definition, one bin at a time: overlap days / event days."""
    s, e, t = start.astype("int64"), end.astype("int64") + 1, edge.astype("int64")
    return np.array(
        [(np.clip(np.minimum(e, t[k + 1]) - np.maximum(s, t[k]), 0, None) / (e - s)).sum() for k in range(t.size - 1)]
    )


QUARTERS_2007 = np.array(["2007-01-01", "2007-04-01", "2007-07-01", "2007-10-01", "2008-01-01"], dtype="datetime64[D]")


def test_day_event_puts_all_its_mass_in_its_bin():
    start, end = days("2007-06-07")
    d = spread(start, end, QUARTERS_2007)
    assert list(d.mass) == [0.0, 1.0, 0.0, 0.0]
    assert d.outside == 0.0


@pytest.mark.parametrize("month", ["2007-01", "2007-03", "2007-04", "2007-06", "2007-09", "2007-12"])
def test_month_event_inside_a_quarter_stays_in_it(month):
    start, end = days(month)
    d = spread(start, end, QUARTERS_2007)
    q = (int(month[-2:]) - 1) // 3
    assert d.mass[q] == pytest.approx(1.0) and np.count_nonzero(d.mass) == 1


def test_span_straddling_a_quarter_edge_is_split_by_days():
    start, end = days("2007-03-15/2007-04-14")  # 17 days in March, 14 in April
    d = spread(start, end, QUARTERS_2007)
    assert d.mass[0] == pytest.approx(17 / 31) and d.mass[1] == pytest.approx(14 / 31)
    assert d.mass[2:].sum() == 0.0


def test_season_is_spread_over_its_months():
    start, end = days("1993-21")  # spring = March-May: 31 days in Q1, 61 in Q2
    d = spread(start, end, edges(start, end, "quarter"))
    assert d.mass == pytest.approx([31 / 92, 61 / 92])


def test_year_event_over_months_follows_month_lengths():
    start, end = days("2008")  # a leap year
    bins = edges(start, end, "month")
    d = spread(start, end, bins)
    assert len(d.mass) == 12
    assert d.mass[1] == pytest.approx(29 / 366) and d.mass[0] == pytest.approx(31 / 366)
    assert d.mass.sum() == pytest.approx(1.0)


def test_multi_year_range_fills_whole_bins_in_between():
    start, end = days("1999/2002")
    d = spread(start, end, edges(start, end, "year"))
    assert d.mass == pytest.approx([365 / 1461, 366 / 1461, 365 / 1461, 365 / 1461])


def test_mass_outside_the_bins_is_reported_not_dropped():
    start, end = days("2006-12-01/2007-01-31", "2009-05-05")
    d = spread(start, end, QUARTERS_2007)
    assert d.mass.sum() == pytest.approx(31 / 62)
    assert d.outside == pytest.approx(1 + 31 / 62)
    assert d.total == pytest.approx(2.0)
    n = naive_counts(start, QUARTERS_2007)
    assert n.mass.sum() == 0 and n.outside == 2


def test_weights_scale_the_mass():
    start, end = days("2007-05", "2007-08-01")
    d = spread(start, end, QUARTERS_2007, weights=[2.0, 0.5])
    assert d.mass == pytest.approx([0.0, 2.0, 0.5, 0.0])


def test_empty_input_gives_zero_mass():
    d = spread([], [], QUARTERS_2007)
    assert d.mass.shape == (4,) and d.mass.sum() == 0 and d.outside == 0
    assert naive_counts([], QUARTERS_2007).mass.sum() == 0


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="end before"):
        spread([D("2007-02-01")], [D("2007-01-01")], QUARTERS_2007)
    with pytest.raises(ValueError, match="missing"):
        spread([pd.NaT], [pd.NaT], QUARTERS_2007)
    with pytest.raises(ValueError, match="increasing"):
        spread([D("2007-02-01")], [D("2007-02-01")], QUARTERS_2007[::-1])


def test_matches_the_definition_on_random_spans():
    rng = np.random.default_rng(7)
    start = D("1995-01-01") + rng.integers(0, 6000, 3000).astype("timedelta64[D]")
    end = start + rng.integers(0, 900, 3000).astype("timedelta64[D]")
    edge = np.array(["1996-01-01", "1999-03-01", "2001-01-01", "2003-07-17", "2010-01-01"], dtype="datetime64[D]")
    d = spread(start, end, edge)
    np.testing.assert_allclose(d.mass, brute_force(start, end, edge), rtol=1e-10)
    assert d.mass.sum() + d.outside == pytest.approx(3000)


def test_a_million_events_keep_their_mass():
    rng = np.random.default_rng(1)
    n = 10**6
    start = D("1990-01-01") + rng.integers(0, 9000, n).astype("timedelta64[D]")
    end = start + rng.integers(0, 800, n).astype("timedelta64[D]")
    bins = edges(start, end, "quarter")
    d = spread(start, end, bins)
    assert d.outside == 0.0
    assert d.mass.sum() == pytest.approx(n, abs=1e-4)
    assert naive_counts(start, bins).mass.sum() == n


def test_edges_cover_the_data_on_calendar_boundaries():
    start, end = days("2001-05-17", "2003-11-02")
    y = edges(start, end, "year")
    assert list(y.astype(str)) == ["2001-01-01", "2002-01-01", "2003-01-01", "2004-01-01"]
    q = edges(start, end, "quarter")
    assert str(q[0]) == "2001-04-01" and str(q[-1]) == "2004-01-01"
    assert bin_labels(q, "quarter")[:2] == ["2001 Q2", "2001 Q3"]
    with pytest.raises(ValueError):
        edges(start, end, "week")


def test_density_table_on_the_demo_course(demo_data, demo_readings):
    course = load_course(demo_data, demo_readings)
    table = density_table(course.events, "year")
    assert table["density"].sum() == pytest.approx(len(course.events))
    assert table["naive"].sum() == len(course.events)
    assert list(table["bin"]) == ["2002", "2003", "2004", "2005", "2006"]
    assert peak(table) == ("2002, 2005 and 2006", 1.0)
    assert peak(table[table["bin"] != "2005"]) == ("2002 and 2006", 1.0)
    by = density_table(course.events, "year", by="theme")
    assert set(by["theme"]) == {"missile defense", "arms control"}
    assert by["density"].sum() == pytest.approx(3)


def test_bin_lookup_table_and_searchsorted_agree():
    from sharedshield.density import _bin_of

    t = np.array([0, 31, 59, 90, 400, 401], dtype="int64")
    days_ = np.array([0, 30, 31, 58, 59, 399, 400])
    assert list(_bin_of(t, days_)) == [0, 0, 1, 1, 2, 3, 4]
    huge = np.array([0, 10, 30_000_000], dtype="int64")  # too long for a table: falls back to searchsorted
    assert list(_bin_of(huge, np.array([0, 9, 10, 29_999_999]))) == [0, 0, 1, 1]


def test_the_record_density_is_the_precision_aware_density_of_the_listed_events(demo_data, demo_readings):
    from sharedshield import record

    course = load_course(demo_data, demo_readings)
    rec = record.on_record(course)
    table = density_table(rec, "quarter").set_index("bin")["density"]
    demo = record.selection(course, "quarter", since=None).query("source_id == 'demo'").set_index("bin")["record"]
    assert demo.sum() == pytest.approx(len(rec)) == table.sum()
    assert demo.reindex(table.index).to_dict() == pytest.approx(table.to_dict())
    bins = edges(rec["date_start"], rec["date_end"], "quarter")
    assert list(record.placed(rec["date_start"], rec["date_end"], bins, "start")) == list(
        naive_counts(rec["date_start"], bins).mass
    )
    assert list(record.placed(rec["date_start"], rec["date_end"], bins, "end")) == list(
        naive_counts(rec["date_end"], bins).mass
    )
