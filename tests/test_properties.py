"""Property tests (hypothesis): EDTF parsing, the CSV reader on arbitrary bytes, and the precision-aware density."""

from __future__ import annotations

import calendar
import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sharedshield import density
from sharedshield.dates import DateError, ParsedDate, describe_date, parse_date
from sharedshield.errors import Problem
from sharedshield.validate import check_table, read_csv_rows

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PARSE = settings(
    FAST, max_examples=100
)  # forms outside the fast path (XX, intervals) take the edtf grammar, 5-25 ms a parse
SEASON_MONTHS = {
    21: (3, 5),
    22: (6, 8),
    23: (9, 11),
    24: (12, 2),
}  # northern seasons; winter runs December to February of the next year

years = st.integers(1000, 2998)
months = st.integers(1, 12)


@st.composite
def single(draw) -> tuple[str, dt.date, dt.date, str, bool, bool]:
    """A valid EDTF date this course uses, with its expected first and last day, precision and qualifiers."""
    y = draw(years)
    form = draw(st.sampled_from(["day", "month", "season", "year", "day-X", "month-X", "month-day-X"]))
    if form == "day":
        m = draw(months)
        d = draw(st.integers(1, calendar.monthrange(y, m)[1]))
        text, start, end, precision = f"{y:04d}-{m:02d}-{d:02d}", dt.date(y, m, d), dt.date(y, m, d), "day"
    elif form in ("month", "day-X"):
        m = draw(months)
        text = f"{y:04d}-{m:02d}" + ("-XX" if form == "day-X" else "")
        start, end, precision = dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), "month"
    elif form == "season":
        s = draw(st.sampled_from(sorted(SEASON_MONTHS)))
        m1, m2 = SEASON_MONTHS[s]
        y2 = y + 1 if s == 24 else y
        text, start, end, precision = (
            f"{y:04d}-{s}",
            dt.date(y, m1, 1),
            dt.date(y2, m2, calendar.monthrange(y2, m2)[1]),
            "season",
        )
    else:
        text = f"{y:04d}" + {"year": "", "month-X": "-XX", "month-day-X": "-XX-XX"}[form]
        start, end, precision = dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    qualifier = (
        "" if form == "season" else draw(st.sampled_from(["", "", "~", "?", "%"]))
    )  # the edtf library refuses qualified seasons
    return (
        text + qualifier,
        start,
        end,
        precision,
        qualifier in "~%" and qualifier != "",
        qualifier in "?%" and qualifier != "",
    )


def _check_single(
    p: ParsedDate, start: dt.date, end: dt.date, precision: str, approximate: bool, uncertain: bool
) -> None:
    assert (p.start.date(), p.end.date(), p.precision, p.approximate, p.uncertain) == (
        start,
        end,
        precision,
        approximate,
        uncertain,
    )


@FAST
@given(single())
def test_single_dates_have_ordered_bounds_and_the_precision_of_their_form(case):
    text, start, end, precision, approximate, uncertain = case
    p = parse_date(text)
    _check_single(p, start, end, precision, approximate, uncertain)
    assert p.start <= p.end and p.days == (end - start).days + 1
    if precision == "day":
        assert p.days == 1
    elif precision == "month":
        assert p.start.day == 1 and (p.end + pd.Timedelta(days=1)).day == 1 and p.start.month == p.end.month
    elif precision == "year":
        assert (p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31)
    elif precision == "season":
        assert 89 <= p.days <= 92 and p.start.day == 1 and (p.end + pd.Timedelta(days=1)).day == 1
    assert describe_date(text)


@PARSE
@given(single(), single())
def test_intervals_span_from_the_first_start_to_the_last_end_or_are_refused(a, b):
    text = f"{a[0]}/{b[0]}"
    if b[2] < a[1]:
        with pytest.raises(DateError, match="ends before it starts"):
            parse_date(text)
        return
    p = parse_date(text)
    assert (p.start.date(), p.end.date(), p.precision) == (a[1], b[2], "range")
    assert p.start <= p.end
    assert p.approximate == (a[4] or b[4]) and p.uncertain == (a[5] or b[5])
    assert describe_date(text)


@PARSE
@given(st.one_of(single().map(lambda c: c[0]), st.tuples(single(), single()).map(lambda ab: f"{ab[0][0]}/{ab[1][0]}")))
def test_parsing_is_deterministic(text):
    uncached = parse_date.__wrapped__
    try:
        first = uncached(text)
    except DateError as err:
        with pytest.raises(DateError) as again:
            uncached(text)
        assert str(again.value) == str(err)
        return
    assert uncached(text) == first == parse_date(text)
    assert describe_date(text) == describe_date(text)


@FAST
@given(st.text(alphabet="0123456789-/~?%X.[]{},:T ", max_size=25) | st.text(max_size=25))
def test_any_text_gives_a_date_or_a_date_error_never_another_exception(text):
    try:
        p = parse_date.__wrapped__(text)
    except DateError as err:
        assert "—" in str(err)  # what is wrong — how to fix it
        return
    assert p.start <= p.end and p.precision in ("day", "month", "season", "year", "range")
    assert 1000 <= p.start.year and p.end.year <= 2999


# ---- the CSV reader never raises on arbitrary bytes ------------------------------------------------------------------

GLOSSARY = {
    "fields": [
        {"name": "term", "constraints": {"required": True, "unique": True}},
        {"name": "definition", "constraints": {"required": True}},
        {"name": "first_notebook", "constraints": {"required": True, "pattern": "^[0-9]{2}_[a-z0-9_]+$"}},
    ],
    "primaryKey": ["term"],
}
HEADER = b"term,definition,first_notebook\n"
csv_bytes = st.lists(
    st.sampled_from(
        [b",", b'"', b"\n", b"\r", b"\r\n", b"\x00", b"\xef\xbb\xbf", b"\xe9", b"a", b"01_x", b" ", b";", b"\t", b"<b>"]
    ),
    max_size=40,
).map(b"".join)


@FAST
@given(csv_bytes, st.booleans())
def test_arbitrary_bytes_give_problems_never_an_exception(body, with_header):
    raw = (HEADER if with_header else b"") + body
    problems: list[Problem] = []
    rows = read_csv_rows("glossary.csv", raw, ["term", "definition", "first_notebook"], problems)
    numbers = [n for n, _ in rows]
    assert numbers == sorted(set(numbers)) and all(n >= 2 for n in numbers)
    good = check_table("glossary.csv", GLOSSARY, rows, problems)
    assert all(isinstance(p, Problem) and (p.row is None or p.row >= 1) for p in problems)
    assert all("\x00" not in v and "<b>" not in v for _, r in good for v in r.values())


# ---- density (skipped until src/sharedshield/density.py exists) ------------------------------------------------------

DAY0 = np.datetime64("1990-01-01", "D")


@st.composite
def events(draw, max_size: int = 40) -> tuple[np.ndarray, np.ndarray]:
    """Start and inclusive end days of events of mixed precision: day, month, three-month season, year, or any span."""
    items = draw(
        st.lists(
            st.tuples(
                st.integers(0, 9000), st.sampled_from(["day", "month", "season", "year", "range"]), st.integers(0, 800)
            ),
            max_size=max_size,
        )
    )
    starts, ends = [], []
    for offset, kind, span in items:
        day = DAY0 + offset
        if kind in ("month", "season"):
            m = day.astype("datetime64[M]")
            first, last = m.astype("datetime64[D]"), (m + (1 if kind == "month" else 3)).astype("datetime64[D]") - 1
        elif kind == "year":
            y = day.astype("datetime64[Y]")
            first, last = y.astype("datetime64[D]"), (y + 1).astype("datetime64[D]") - 1
        else:
            first, last = day, day + (0 if kind == "day" else span)
        starts.append(first)
        ends.append(last)
    return np.array(starts, dtype="datetime64[D]"), np.array(ends, dtype="datetime64[D]")


def _density():
    return density


def _covering(draw, lo: np.datetime64, hi: np.datetime64) -> np.ndarray:
    """Random strictly increasing bin edges with the first <= lo and the last > hi."""
    span = int((hi - lo).astype(int)) + 1
    cuts = draw(st.lists(st.integers(1, max(1, span - 1)), max_size=30, unique=True)) if span > 1 else []
    first = lo - draw(st.integers(0, 400))
    last = hi + 1 + draw(st.integers(0, 400))
    return np.array([first, *sorted(lo + c for c in cuts), last], dtype="datetime64[D]")


@FAST
@given(events(), st.sampled_from(["year", "quarter", "month"]))
def test_density_mass_equals_event_count_over_covering_bins(ev, freq):
    density = _density()
    s, e = ev
    assume(s.size > 0)
    d = density.spread(s, e, density.edges(s, e, freq))
    assert d.outside == 0
    assert d.mass.sum() == pytest.approx(s.size, rel=1e-9)
    assert (d.mass >= -1e-9).all()


@FAST
@given(events(), st.data())
def test_density_mass_equals_event_count_over_any_covering_bins(ev, data):
    density = _density()
    s, e = ev
    assume(s.size > 0)
    bins = _covering(data.draw, s.min(), e.max())
    d = density.spread(s, e, bins)
    assert d.mass.sum() == pytest.approx(s.size, rel=1e-9) and d.outside == pytest.approx(0, abs=1e-9)
    assert d.total == pytest.approx(s.size, rel=1e-9)


@FAST
@given(events(), st.data())
def test_density_keeps_mass_outside_partial_bins(ev, data):
    density = _density()
    s, e = ev
    assume(s.size > 0)
    a = DAY0 + data.draw(st.integers(0, 9000))
    bins = np.array([a, a + data.draw(st.integers(1, 2000))], dtype="datetime64[D]")
    d = density.spread(s, e, bins)
    assert d.mass.sum() + d.outside == pytest.approx(s.size, rel=1e-9, abs=1e-9)
    assert -1e-9 <= d.mass.sum() <= s.size + 1e-9


@FAST
@given(st.integers(0, 9000), st.data())
def test_a_day_precision_event_puts_all_its_mass_in_one_bin(offset, data):
    density = _density()
    day = DAY0 + offset
    bins = _covering(data.draw, day, day)
    d = density.spread(np.array([day]), np.array([day]), bins)
    k = int(np.searchsorted(bins, day, side="right")) - 1
    assert d.mass[k] == pytest.approx(1.0) and np.count_nonzero(d.mass) == 1
    daily = np.arange(day - 3, day + 4, dtype="datetime64[D]")
    assert list(density.spread(np.array([day]), np.array([day]), daily).mass) == [0, 0, 0, 1, 0, 0]


@FAST
@given(events(max_size=20), events(max_size=20), st.sampled_from(["year", "quarter", "month"]))
def test_merging_two_event_sets_adds_their_densities(a, b, freq):
    density = _density()
    s, e = np.concatenate([a[0], b[0]]), np.concatenate([a[1], b[1]])
    assume(s.size > 0)
    bins = density.edges(s, e, freq)
    both = density.spread(s, e, bins)
    one, two = density.spread(*a, bins), density.spread(*b, bins)
    np.testing.assert_allclose(both.mass, one.mass + two.mass, rtol=1e-9, atol=1e-9)
    assert both.outside == pytest.approx(one.outside + two.outside, abs=1e-9)


@FAST
@given(events(max_size=12), st.data())
def test_density_matches_a_day_by_day_reference(ev, data):
    """Each event gives 1/n of its mass to each of its n days: compare with a plain loop over days."""
    density = _density()
    s, e = ev
    assume(s.size > 0)
    bins = _covering(data.draw, s.min(), e.max())
    expected = np.zeros(bins.size - 1)
    for start, end in zip(s, e, strict=True):
        days = np.arange(start, end + 1, dtype="datetime64[D]")
        k = np.searchsorted(bins, days, side="right") - 1
        np.add.at(expected, k, 1.0 / days.size)
    np.testing.assert_allclose(density.spread(s, e, bins).mass, expected, rtol=1e-9, atol=1e-9)


# --- the record: placements of uncertain dates ----------------------------------------------------------------------


@FAST
@given(events(), st.sampled_from(["year", "quarter", "month"]))
def test_every_placement_keeps_every_event(ev, freq):
    from sharedshield.density import edges
    from sharedshield.record import PLACEMENTS, placed

    s, e = ev
    assume(s.size > 0)
    bins = edges(s, e, freq)
    totals = [placed(pd.Series(s), pd.Series(e), bins, how).sum() for how in PLACEMENTS]
    assert totals == pytest.approx([s.size] * 3, rel=1e-9)


@settings(FAST, max_examples=60)
@given(events(), st.integers(1, 4))
def test_a_robust_peak_is_a_peak_under_each_placement_and_day_dates_need_no_test(ev, top):
    from sharedshield import record

    s, e = ev
    assume(s.size > 0)
    course = _record_course(s, e)
    p = record.robust_peaks(course, "year", top=top, since=None)
    assert (p["robust"] == (p["peak_start"] & p["peak_spread"] & p["peak_end"])).all()
    assert p[["start", "spread", "end"]].sum().tolist() == pytest.approx([s.size] * 3)
    days = _record_course(s, s)  # the same events known to the day: all placements agree
    q = record.robust_peaks(days, "year", top=top, since=None)
    assert (q["robust"] == q["peak_start"]).all() and q["robust"].any()


def _record_course(s: np.ndarray, e: np.ndarray):
    """A course whose every event (first and last day given) is listed once and mentioned by no reading."""
    from pathlib import Path

    from sharedshield.data import Course

    ids = [f"E{i}" for i in range(s.size)]
    ev = pd.DataFrame(
        {
            "event_id": ids,
            "title": ids,
            "date": [str(d) for d in s],
            "theme": "x",  # date only labels; the bounds are given "origin": "record", "actor1_code": "X",
            "date_start": pd.to_datetime(s),
            "date_end": pd.to_datetime(e),
            "precision": "range",
        }
    )
    empty = pd.DataFrame()
    return Course(
        sources=pd.DataFrame(
            {
                "source_id": ["r"],
                "published": ["2030"],
                "date_start": [pd.Timestamp("2030-01-01")],
                "date_end": [pd.Timestamp("2030-12-31")],
            }
        ),
        events=ev,
        mentions=pd.DataFrame(columns=["event_id", "source_id"]),
        claims=empty,
        claim_links=empty,
        paragraph_coding=empty,
        loaded_terms=empty,
        chronologies=pd.DataFrame({"chronology_id": ["a"]}),
        listings=pd.DataFrame({"event_id": ids, "chronology_id": "a"}),
        glossary=empty,
        data_dir=Path("."),
    )
