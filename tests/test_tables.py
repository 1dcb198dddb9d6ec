"""Data-shaping helpers: joined tables, comparisons, sourcing cards, and editing a copy of the data (never data/)."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import OTHER_SOURCE, ROOT, tree_hash
from sharedshield import handouts, load_course, tables


@pytest.fixture
def course(demo_data, demo_readings):
    path = demo_data / "mentions.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "in 2006,yes,Presented as a success.,", "in 2006,no,Presented as a success.,The record has 2007."
        ),
        encoding="utf-8",
    )
    return load_course(demo_data, demo_readings)


def test_mentions_with_events_and_statements(course):
    m = tables.mentions_with_events(course)
    assert len(m) == len(course.mentions)
    assert list(m["record_words"]) == ["10–11 May 2005", "2006"]
    assert tables.statements(course) == {
        "E001": ["demo ¶1: “In May 2005” (matches the record: yes)"],
        "E002": ["demo ¶2: “in 2006” (matches the record: no)"],
    }


def test_discrepancies_lists_only_no_and_partly(course):
    d = tables.discrepancies(course)
    assert list(d["event"]) == ["E002"] and d.loc[0, "reading ¶"] == "demo ¶2"
    assert d.loc[0, "the record says"] == "2006" and d.loc[0, "what differs"] == "The record has 2007."
    assert d.loc[0, "reference for the record date"] == "Test reference B"


def test_source_spans(course):
    s = tables.source_spans(course).iloc[0]
    assert s["first_event"] == pd.Timestamp("2005-05-10") and s["last_event"] == pd.Timestamp("2006-12-31")
    assert s["events"] == 2 and s["mentions"] == 2 and s["years_covered"] == 1.6


def test_coverage_and_claim_counts(course):
    cov = tables.coverage(course)
    assert list(cov.index) == ["E003", "E001", "E002"]
    assert list(cov["demo"]) == ["", "yes", "no"] and list(cov["readings"]) == [0, 1, 1]
    kinds = tables.claim_counts(course, "kind")
    assert kinds.loc["demo", "interpretation"] == 2 and kinds.loc["demo", "fact"] == 1
    attitudes = tables.claim_counts(course, "attitude")
    assert attitudes.loc["demo", "favours"] == 2 and attitudes.loc["demo", "opposes"] == 1
    expectations = tables.claim_counts(course, "expectation")
    assert expectations.loc["demo", "succeed"] == 2 and expectations.loc["demo", "fail"] == 1
    with pytest.raises(ValueError, match="attitude"):
        tables.claim_counts(course, "stance")


def test_shared_events_and_disagreements_with_a_second_reading(demo_data, demo_readings):
    tables.add_row(demo_data, "sources", **OTHER_SOURCE)
    tables.add_row(
        demo_data,
        "mentions",
        event_id="E001",
        source_id="other",
        paragraph=4,
        date_as_stated="in 2004",
        date_as_stated_edtf="2004",
        anchor="the meeting",
        matches_record="no",
        framing="Presented as a failure.",
        discrepancy="The record has 2005.",
    )
    course = load_course(demo_data, demo_readings)
    both = tables.shared_events(course, "demo", "other")
    assert list(both["event"]) == ["E001"]
    assert (
        both.loc[0, "other: date"] == "¶4: in 2004 (no)"
        and both.loc[0, "demo: framing"] == "Presented as a friendly meeting."
    )
    dis = tables.disagreements(course)
    assert list(dis["event"]) == ["E001"] and "other: The record has 2005." in dis.loc[0, "what differs"]


def test_the_course_sourcing_cards_escape_every_value(demo_data, demo_readings):
    path = demo_data / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Testers.", "Testers & <3 friends."), encoding="utf-8")
    key = handouts.sourcing_key(load_course(demo_data, demo_readings))
    assert "Testers &amp; &lt;3 friends." in key and "<3" not in key
    assert "spring 2007 (EDTF 2007-21)" in key and "How the date was established" in key


def test_copy_data_add_row_and_try_load(tmp_path, capsys):
    before = tree_hash(ROOT / "data")
    copy = tables.copy_data(tmp_path / "mine")
    assert (copy / "events.csv").is_file() and not (copy / "drafts").exists()
    tables.add_row(
        copy,
        "events",
        event_id="E999",
        title="My event",
        summary="Something happened.",
        date="2012-13",
        date_confidence="low",
        date_reference="my notes",
        actor1="Russia",
        actor1_code="RUS",
        event_class="other",
        theme="arms control",
        origin="background",
    )
    assert tables.try_load(copy) is None
    out = capsys.readouterr().out
    assert "events.csv row" in out and "'2012-13' is not an EDTF date" in out
    text = (copy / "events.csv").read_text(encoding="utf-8").replace("2012-13,low", "2012-11,low")
    (copy / "events.csv").write_text(text, encoding="utf-8")
    course = tables.try_load(copy)
    assert course is not None and "E999" in set(course.events["event_id"])
    assert tree_hash(ROOT / "data") == before


def test_copy_data_refuses_to_write_into_data(tmp_path):
    with pytest.raises(ValueError, match="inside"):
        tables.copy_data(ROOT / "data" / "mine")
    with pytest.raises(ValueError, match="copy"):
        tables.add_row(ROOT / "data", "events", event_id="E999")
    copy = tables.copy_data(tmp_path / "a")
    with pytest.raises(FileExistsError):
        tables.copy_data(copy)
    with pytest.raises(KeyError, match="no column"):
        tables.add_row(copy, "events", colour="red")


def test_verdicts_counts_and_shares(course):
    v = tables.verdicts(course)
    assert list(v.columns) == ["no", "yes", "no (share)", "yes (share)"]
    assert v.loc["demo", "no"] == 1 and v.loc["demo", "yes (share)"] == 0.5
