"""EDTF parsing: every form the course uses, and clear refusals for the rest."""

import pandas as pd
import pytest

from sharedshield.dates import DateError, describe_date, is_open_ended, parse_date

T = pd.Timestamp


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("2007-06-07", "2007-06-07", "2007-06-07", "day"),
        ("2007-06", "2007-06-01", "2007-06-30", "month"),
        ("2008-02", "2008-02-01", "2008-02-29", "month"),
        ("2007", "2007-01-01", "2007-12-31", "year"),
        ("1993-21", "1993-03-01", "1993-05-31", "season"),
        ("2001-23", "2001-09-01", "2001-11-30", "season"),
        ("2007-07-01/2007-07-02", "2007-07-01", "2007-07-02", "range"),
        ("1999/2000", "1999-01-01", "2000-12-31", "range"),
        ("2011-06/2011-07-15", "2011-06-01", "2011-07-15", "range"),
        ("2007-XX", "2007-01-01", "2007-12-31", "year"),
    ],
)
def test_bounds_and_precision(text, start, end, precision):
    p = parse_date(text)
    assert (p.start, p.end, p.precision) == (T(start), T(end), precision)
    assert p.start <= p.end


def test_season_covers_three_months():
    assert parse_date("1993-21").days == 31 + 30 + 31


def test_approximate_and_uncertain_keep_their_span_and_flag():
    approx, unsure = parse_date("2011~"), parse_date("2011-06?")
    assert (approx.start, approx.end, approx.precision, approx.approximate) == (
        T("2011-01-01"),
        T("2011-12-31"),
        "year",
        True,
    )
    assert (unsure.start, unsure.end, unsure.precision, unsure.uncertain, unsure.approximate) == (
        T("2011-06-01"),
        T("2011-06-30"),
        "month",
        True,
        False,
    )


@pytest.mark.parametrize("text", ["2007-06-08/..", "../2007-06-08", "2007-06-08/"])
def test_open_ended_intervals_are_recognised_and_refused_with_a_fix(text):
    assert is_open_ended(text)
    with pytest.raises(DateError, match="open-ended.*give the last possible date"):
        parse_date(text)


def test_closed_interval_is_not_open_ended():
    assert not is_open_ended("2007-06-08/2007-06-09")
    assert not is_open_ended("2007-06-08")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2007-13", "not an EDTF date"),
        ("2007-02-30", "not an EDTF date"),
        ("June 2007", "not an EDTF date"),
        ("07/06/2007", "not an EDTF date"),
        ("", "empty"),
        ("2007-07-02/2007-07-01", "ends before it starts"),
        ("[2007, 2008]", "not a form this course uses"),
        ("2007-06-07T10:00:00", "not a form this course uses"),
        ("0999", "outside 1000-2999"),
    ],
)
def test_invalid_dates_raise_date_error_with_a_hint(text, message):
    with pytest.raises(DateError, match=message) as info:
        parse_date(text)
    assert (
        "write e.g." in str(info.value)
        or "put the earlier date first" in str(info.value)
        or "check the year" in str(info.value)
    )


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2007-06-07", "7 Jun 2007"),
        ("2007-06", "Jun 2007"),
        ("1993-21", "spring 1993"),
        ("2011~", "about 2011"),
        ("2007-07-01/2007-07-02", "1–2 Jul 2007"),
        ("2007-06-30/2007-07-02", "30 Jun – 2 Jul 2007"),
        ("1999/2000", "1 Jan 1999 – 31 Dec 2000"),
        ("2011-06?", "Jun 2011 (uncertain)"),
    ],
)
def test_describe_date_reads_naturally(text, label):
    assert describe_date(text) == label


def test_fast_path_agrees_with_the_edtf_grammar():
    """The quick parser for common forms gives the edtf library's bounds, and defers to it for everything else."""
    from edtf import parse_edtf, struct_time_to_date

    from sharedshield.dates import _fast

    checked = 0
    for year in (2000, 2011):  # a leap year and a common year
        for month in [*range(0, 14), 21, 22, 23, 25]:
            for qual in ("", "%"):
                for day in (None, 0, 1, 29, 30, 31, 32):
                    if day is not None and month > 12:
                        continue
                    text = f"{year}-{month:02d}" + (f"-{day:02d}" if day is not None else "") + qual
                    quick = _fast(text)
                    if quick is None:
                        continue
                    obj = parse_edtf(text)
                    assert (quick[0], quick[1]) == (
                        struct_time_to_date(obj.lower_strict()),
                        struct_time_to_date(obj.upper_strict()),
                    ), text
                    checked += 1
    assert checked > 100


def test_winter_runs_december_to_february():
    p = parse_date("2012-24")
    assert (p.start, p.end, p.precision) == (T("2012-12-01"), T("2013-02-28"), "season")
    assert describe_date("2012-24") == "winter 2012"
