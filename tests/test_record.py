"""The record beside the readings: silences, recency, selection, robust peaks on made-up courses with known answers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sharedshield import load_course, record
from sharedshield.data import Course, _add_dates

pytestmark = pytest.mark.filterwarnings("error")


def make_course(
    events: list[tuple[str, str, str]],  # (id, EDTF date, theme)
    mentions: list[tuple[str, str]],  # (event, reading)
    sources: list[tuple[str, str]],  # (id, EDTF published)
    listings: list[tuple[str, str]],  # (event, chronology)
) -> Course:
    """A Course built in memory from lists of row tuples (each argument's fields are noted beside it)."""
    ev = pd.DataFrame(
        [
            {"event_id": e, "title": f"Event {e}", "date": d, "theme": t, "origin": "record", "actor1_code": "USA"}
            for e, d, t in events
        ]
    )
    src = pd.DataFrame([{"source_id": s, "published": p} for s, p in sources])
    m = pd.DataFrame(mentions, columns=["event_id", "source_id"]).assign(paragraph=1)
    ls = pd.DataFrame(listings, columns=["event_id", "chronology_id"]).assign(locator="entry")
    chron = pd.DataFrame({"chronology_id": sorted(set(ls["chronology_id"]))})
    empty = pd.DataFrame()
    return Course(
        sources=_add_dates(src, "published"),
        events=_add_dates(ev, "date"),
        mentions=m,
        claims=empty,
        claim_links=empty,
        paragraph_coding=empty,
        loaded_terms=empty,
        chronologies=chron,
        listings=ls,
        glossary=empty,
        data_dir=Path("."),
    )


@pytest.fixture
def small() -> Course:
    """Two readings (2005, 2010) and six record events, one of them known only as a 2004-2006 range."""
    events = [
        ("E1", "1999-05-01", "arms control"),
        ("E2", "2003-02-10", "missile defense"),
        ("E3", "2004/2006", "missile defense"),
        ("E4", "2008-07-01", "alliance politics"),
        ("E5", "2009-03-03", "missile defense"),
        ("E6", "2009-11-11", "missile defense"),
        ("E7", "2004-06-01", "missile defense"),
    ]  # E7 is not on the record
    listings = [
        ("E1", "a"),
        ("E1", "b"),
        ("E1", "c"),
        ("E2", "a"),
        ("E3", "b"),
        ("E4", "a"),
        ("E4", "c"),
        ("E5", "a"),
        ("E6", "b"),
    ]
    mentions = [("E2", "early"), ("E7", "early"), ("E4", "late"), ("E5", "late"), ("E6", "late"), ("E2", "late")]
    return make_course(events, mentions, [("early", "2005-06-01"), ("late", "2010-01-15")], listings)


def test_on_record_counts_chronologies_and_leaves_unlisted_events_out(small):
    rec = record.on_record(small)
    assert list(rec["event_id"]) == ["E1", "E2", "E3", "E4", "E5", "E6"]
    assert dict(zip(rec["event_id"], rec["salience"], strict=True)) == {
        "E1": 3,
        "E2": 1,
        "E3": 1,
        "E4": 2,
        "E5": 1,
        "E6": 1,
    }
    assert rec.loc[rec["event_id"] == "E1", "chronologies"].item() == "a, b, c"


def test_a_duplicate_listing_does_not_raise_salience():
    c = make_course([("E1", "2001", "x")], [], [("r", "2005")], [("E1", "a"), ("E1", "a"), ("E1", "b")])
    assert record.on_record(c)["salience"].tolist() == [2]


def test_silences_are_the_unmentioned_record_events_before_publication(small):
    s = record.silences(small, "early")
    assert list(s.columns) == [
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
    assert list(s["event_id"]) == ["E1", "E3"]  # salience 3 first; E2 is mentioned; E4-E6 come later
    assert s["could_have_known"].tolist() == [True, False]  # E3 may have happened after June 2005
    assert s.loc[s["event_id"] == "E1", "mentioned_by"].item() == ""


def test_silences_name_the_other_readings_and_filter(small):
    s = record.silences(small, "late")
    assert list(s["event_id"]) == ["E1", "E3"]
    s_all = record.silences(small, "early", include_after=True)
    assert list(s_all["event_id"]) == ["E1", "E4", "E3", "E5", "E6"]  # salience desc, then date
    assert s_all.set_index("event_id")["mentioned_by"].to_dict() == {
        "E1": "",
        "E3": "",
        "E4": "late",
        "E5": "late",
        "E6": "late",
    }
    assert not s_all.set_index("event_id").loc[["E4", "E5", "E6"], "could_have_known"].any()
    assert list(record.silences(small, "early", min_salience=2)["event_id"]) == ["E1"]
    assert list(record.silences(small, "early", themes=["missile defense"])["event_id"]) == ["E3"]
    with pytest.raises(ValueError, match="no reading 'nosuch'; the readings are early, late"):
        record.silences(small, "nosuch")


def test_recency_compares_the_last_two_years_with_the_record(small):
    r = record.recency(small).set_index("source_id")
    # late (Jan 2010) mentions E2 (2003), E4, E5, E6 (2008-09): 3 of 4 in the two years before publication
    assert r.loc["late", "share"] == pytest.approx(0.75)
    # the record since 1983 up to Jan 2010 holds all six events, three of them (E4, E5, E6) in the window
    assert r.loc["late", "record_share"] == pytest.approx(0.5) and r.loc["late", "dwell"] == pytest.approx(1.5)
    # early (June 2005) mentions E2 (2003, outside) and E7 (2004, inside);
    # the record has E3's 2004-06 to 2005-06 days inside
    assert r.loc["early", "share"] == pytest.approx(0.5)
    inside = (
        pd.Timestamp("2005-06-02") - pd.Timestamp("2004-01-01")
    ).days / 1096  # the window (June 2003 - June 2005) holds only E3's days
    assert r.loc["early", "record_share"] == pytest.approx(inside / (2 + inside))  # E1 and E2 lie before the window


def test_recency_of_a_reading_with_no_record_in_its_window_is_nan_not_an_error():
    c = make_course(
        [("E1", "1990-01-01", "x"), ("E2", "2004-01-01", "x")], [("E2", "r")], [("r", "2005")], [("E1", "a")]
    )
    r = record.recency(c).iloc[0]
    assert r["share"] == 1.0 and r["record_share"] == 0.0 and np.isnan(r["dwell"])


def test_selection_counts_record_events_and_the_mentioned_ones(small):
    sel = record.selection(small, "year", since="1999-01-01")
    late = sel[sel["source_id"] == "late"].set_index("bin")
    assert (
        late.loc["2009", "record"] == pytest.approx(2)
        and late.loc["2009", "mentioned"] == pytest.approx(2)
        and late.loc["2009", "ratio"] == 1.0
    )
    assert late.loc["2003", "ratio"] == 1.0 and late.loc["1999", "ratio"] == 0.0
    assert np.isnan(late.loc["2000", "ratio"])  # nothing on the record in 2000
    early = sel[sel["source_id"] == "early"].set_index("bin")
    assert (
        early.loc["2004", "record"] == pytest.approx(366 / 1096) and early.loc["2004", "reading_events"] == 1.0
    )  # E7 is not on the record
    assert early.loc["2004", "mentioned"] == 0.0
    assert early["after_publication"].tolist() == [b >= "2006" for b in early.index]
    assert early.loc[early.index < "2006", "reading_share"].sum() == pytest.approx(1.0)
    assert sel.groupby("source_id")["record"].sum().tolist() == pytest.approx([6, 6])


def test_robust_peaks_keep_only_bins_that_top_every_placement():
    # 2001 holds two day-precise events; a 2001-12/2002-01 event moves its mass between 2001 and 2002;
    # a 2003/2005 range lands in 2003 at its start, in 2005 at its end
    c = make_course(
        [
            ("A", "2001-03-01", "x"),
            ("B", "2001-04-01", "x"),
            ("C", "2001-12-01/2002-01-31", "x"),
            ("D", "2003/2005", "x"),
            ("F", "2004-05-05", "x"),
        ],
        [],
        [("r", "2013")],
        [(e, "a") for e in "ABCDF"],
    )
    p = record.robust_peaks(c, "year", top=1).set_index("bin")
    assert (
        p.loc["2001", "start"] == 3
        and p.loc["2001", "end"] == 2
        and p.loc["2001", "spread"] == pytest.approx(2 + 31 / 62)
    )
    assert p["robust"].tolist() == [True, False, False, False, False]
    top2 = record.robust_peaks(c, "year", top=2).set_index("bin")
    # second place: ties at 1 event under start (2003, 2004) and end (2002, 2004, 2005);
    # spread puts F and a third of D in 2004
    assert list(top2.index[top2["robust"]]) == ["2001", "2004"]
    assert top2.loc["2003", "peak_start"] and not top2.loc["2003", "peak_spread"] and not top2.loc["2003", "peak_end"]
    assert (
        record.robust_summary(top2.reset_index()) == "2001 and 2004 are peaks however the uncertain dates are placed; "
        "2002, 2003 and 2005 are peaks only under some placements."
    )


def test_robust_peaks_of_one_reading_and_placement_errors(small):
    p = record.robust_peaks(small, "year", source_id="late", top=1)
    assert list(p.loc[p["robust"], "bin"]) == ["2009"]
    with pytest.raises(ValueError, match="how must be"):
        record.placed(
            pd.Series([pd.Timestamp("2001-01-01")]),
            pd.Series([pd.Timestamp("2001-01-01")]),
            np.array(["2001-01-01", "2002-01-01"], dtype="datetime64[D]"),
            "middle",
        )


def test_the_record_scales_to_hundreds_of_events_and_listings():
    rng = np.random.default_rng(7)
    n = 250
    days = rng.integers(0, 30 * 365, n)
    dates = [str(np.datetime64("1983-01-01") + int(d)) for d in days]
    events = [
        (f"E{i}", d if i % 5 else d[:4], "missile defense" if i % 2 else "arms control") for i, d in enumerate(dates)
    ]
    listings = [(f"E{i}", ch) for i in range(n) for ch in "abcd"[: 1 + i % 3]]
    mentions = [(f"E{i}", r) for i in range(0, n, 7) for r in ("r1", "r2")]
    c = make_course(events, mentions, [("r1", "2007-06-08"), ("r2", "2013-03-22")], listings)
    rec = record.on_record(c)
    assert len(rec) == n and rec["salience"].sum() == len(listings)
    s = record.silences(c, "r1", include_after=True)
    assert len(s) == n - len({e for e, r in mentions if r == "r1"}) and s["salience"].is_monotonic_decreasing
    sel = record.selection(c, "year")
    assert sel.groupby("source_id")["record"].sum().tolist() == pytest.approx([n, n])
    assert record.robust_peaks(c, "quarter")["robust"].any()


def test_on_the_course_data():
    course = load_course()
    rec = record.on_record(course)
    assert set(rec["event_id"]) == set(course.listings["event_id"])
    for sid in course.sources["source_id"]:
        s = record.silences(course, sid)
        said = set(course.mentions.loc[course.mentions["source_id"] == sid, "event_id"])
        assert not set(s["event_id"]) & said
    assert set(record.recency(course)["source_id"]) == set(course.sources["source_id"])
