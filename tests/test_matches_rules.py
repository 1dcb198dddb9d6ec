"""The matches_record coding rules (data/README.md, "Coding matches_record") hold for every mention.

A program can check the date half of each rule: it compares the stated span (date_as_stated_edtf) with
the event's record span (events.date) in days. The account half (office, place, sequence, attribution)
is a judgement written in `discrepancy`; here it is only required to be present where the code needs it.
"""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import ROOT
from sharedshield import load_course

NEAR_MISS_DAYS = 3  # a date that misses the record by 1-3 days is a near miss (partly); more is a wrong date (no)


def gap_days(
    stated_start: pd.Timestamp, stated_end: pd.Timestamp, record_start: pd.Timestamp, record_end: pd.Timestamp
) -> int:
    """Days between a stated span and a record span (both inclusive); 0 when they overlap."""
    return max(0, (stated_start - record_end).days, (record_start - stated_end).days)


def rule_violations(mentions: pd.DataFrame, events: pd.DataFrame) -> list[str]:
    """Every mention that breaks a checkable matches_record rule, one message each."""
    rec = events.set_index("event_id")[["date", "date_start", "date_end"]]
    out: list[str] = []
    for _, m in mentions.iterrows():
        where = f"{m.event_id} {m.source_id} ¶{m.paragraph} ({m.matches_record})"
        code, dated = m.matches_record, bool(m.date_as_stated_edtf)
        if bool(m.date_as_stated) != dated:
            out.append(f"{where}: date_as_stated and date_as_stated_edtf must both be filled or both be empty")
        if code == "undated":
            if dated or m.date_as_stated:
                out.append(f"{where}: 'undated' but the reading's date is recorded")
            if m.discrepancy:
                out.append(
                    f"{where}: 'undated' means nothing to correct, but discrepancy is filled (code it partly or no)"
                )
            continue
        if code in ("no", "partly") and not m.discrepancy:
            out.append(f"{where}: needs a discrepancy")
        if code == "yes":
            if not dated:
                out.append(f"{where}: 'yes' needs a stated date (a mention with no date is 'undated')")
            if m.discrepancy:
                out.append(f"{where}: 'yes' but discrepancy is filled")
        if not dated:
            continue
        r = rec.loc[m.event_id]
        gap = gap_days(m.date_start, m.date_end, r.date_start, r.date_end)
        if code == "yes" and gap:
            out.append(
                f"{where}: 'yes' but the stated date {m.date_as_stated_edtf} misses the record {r.date} by {gap} days"
            )
        if 1 <= gap <= NEAR_MISS_DAYS and code != "partly":
            out.append(f"{where}: a {gap}-day slip ({m.date_as_stated_edtf} vs {r.date}) is coded 'partly' everywhere")
        if gap > NEAR_MISS_DAYS and code != "no":
            out.append(
                f"{where}: the stated date {m.date_as_stated_edtf} misses the record {r.date} by {gap} days, which is"
                " 'no'"
            )
        if code == "no" and gap <= NEAR_MISS_DAYS:
            out.append(
                f"{where}: 'no' with a stated date within {NEAR_MISS_DAYS} days of the record {r.date} (gap {gap}); a"
                " dated 'no' is a wrong date"
            )
    return out


@pytest.fixture(scope="module")
def course():
    return load_course(ROOT / "data")


def test_every_mention_follows_the_matches_record_rules(course):
    problems = rule_violations(course.mentions, course.events)
    assert not problems, "\n".join(problems)


def test_every_code_is_in_use_and_one_day_slips_exist(course):
    """The rules are exercised by the real data, not vacuously true."""
    assert set(course.mentions.matches_record) == {"yes", "no", "partly", "undated"}
    rec = course.events.set_index("event_id")
    dated = course.mentions[course.mentions.date_as_stated_edtf != ""]
    gaps = [
        gap_days(m.date_start, m.date_end, rec.loc[m.event_id].date_start, rec.loc[m.event_id].date_end)
        for _, m in dated.iterrows()
    ]
    assert sum(g == 1 for g in gaps) >= 2, "expected several one-day slips in the EIR timeline"


def _mutated(course, event_id: str, source_id: str, **changes) -> pd.DataFrame:
    m = course.mentions.copy()
    idx = m.index[(m.event_id == event_id) & (m.source_id == source_id)][0]
    for col, val in changes.items():
        m.loc[idx, col] = val
    return m


@pytest.mark.parametrize(
    ("event_id", "source_id", "changes", "expected"),
    [
        # a one-day slip (EIR's 26 Aug 2009 for 25 Aug) coded 'no' breaks the one-day-slip rule
        ("E124", "eir2013", {"matches_record": "no"}, "1-day slip"),
        # the same slip coded 'yes' is caught twice: yes with a gap, yes with a discrepancy
        ("E124", "eir2013", {"matches_record": "yes"}, "'yes' but the stated date"),
        # a right date coded 'no'
        ("E109", "eir2013", {"matches_record": "no", "discrepancy": "x"}, "'no' with a stated date within"),
        # an undated mention that carries a correction
        ("E101", "eir2013", {"discrepancy": "x"}, "'undated' means nothing to correct"),
        # a partly with no explanation
        ("E105", "eir2013", {"discrepancy": ""}, "needs a discrepancy"),
        # a stated date a month off coded partly
        ("E200", "eir2013", {"matches_record": "partly"}, "which is 'no'"),
    ],
)
def test_the_rules_catch_a_miscoded_row(course, event_id, source_id, changes, expected):
    problems = rule_violations(_mutated(course, event_id, source_id, **changes), course.events)
    assert any(expected in p and event_id in p for p in problems), problems


def test_gap_days_counts_inclusive_spans():
    day = pd.Timestamp
    assert gap_days(day("2009-08-26"), day("2009-08-26"), day("2009-08-25"), day("2009-08-25")) == 1
    assert gap_days(day("2007-07-01"), day("2007-07-31"), day("2007-06-07"), day("2007-06-07")) == 24
    assert gap_days(day("2001-01-01"), day("2001-12-31"), day("2001-09-11"), day("2001-09-11")) == 0
