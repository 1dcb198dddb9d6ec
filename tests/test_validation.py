"""Every validation rule, with a bad-input case each: the message names file, row and column; nothing is written."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conftest import tree_hash
from sharedshield import CourseDataError, load_course
from sharedshield.tables import copy_data


def replace(path: Path, old: str, new: str) -> None:
    """Replace one exact snippet in a file (the test fails loudly if the snippet is not there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture snippet {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_for(data: Path, readings: Path | None) -> list[str]:
    """The lines of the CourseDataError raised for this data (and prove the files were not touched)."""
    before = tree_hash(data)
    with pytest.raises(CourseDataError) as info:
        load_course(data, readings)
    assert tree_hash(data) == before
    assert len(info.value.problems) >= 1
    message = str(info.value)
    assert message.count("\n") == len(info.value.problems)
    return [str(p) for p in info.value.problems]


def test_fixture_loads_cleanly(demo_data, demo_readings):
    course = load_course(demo_data, demo_readings)
    assert list(course.events.event_id) == ["E001", "E002", "E003"]
    assert course.events.loc[0, "precision"] == "range"
    assert str(course.events.date_start.dtype) == "datetime64[ns]"
    assert course.mentions.loc[0, "date_start"].month == 5


CASES = [
    # (file, old, new, expected fragment of one message)
    (
        "events.csv",
        "2006,medium",
        "2007-13,medium",
        "events.csv row 3, column date: '2007-13' is not an EDTF date — write e.g.",
    ),
    (
        "events.csv",
        "2006,medium",
        "2007-07-02/2007-07-01,medium",
        "events.csv row 3, column date: '2007-07-02/2007-07-01' ends before it starts",
    ),
    (
        "events.csv",
        "2006,medium",
        "2006/..,medium",
        "events.csv row 3, column date: '2006/..' is an open-ended interval",
    ),
    (
        "events.csv",
        "2006,medium",
        "2006,certain",
        "events.csv row 3, column date_confidence: 'certain' is not an allowed value — use one of: high, medium, low",
    ),
    (
        "events.csv",
        "E002,Memo signed",
        "E001,Memo signed",
        "events.csv row 3, column event_id: 'E001' is used already in row 2",
    ),
    (
        "events.csv",
        "E002,Memo signed",
        "E2,Memo signed",
        "events.csv row 3, column event_id: 'E2' does not have the expected form — write E followed by three digits",
    ),
    ("events.csv", "E002,Memo signed,", "E002,,", "events.csv row 3, column title: is empty but required"),
    (
        "events.csv",
        "USA,057,verbal cooperation",
        "USA,190,verbal cooperation",
        (
            "events.csv row 3, column event_class: 'verbal cooperation' does not match CAMEO code 190, which is"
            " material conflict"
        ),
    ),
    (
        "events.csv",
        "USA,057,verbal cooperation",
        "USA,,verbal cooperation",
        "events.csv row 3, column cameo_code: is empty but event_class is 'verbal cooperation'",
    ),
    (
        "events.csv",
        "USA,057,verbal cooperation",
        "USA,2501,verbal cooperation",
        "events.csv row 3, column cameo_code: '2501' does not start with a CAMEO root code",
    ),
    (
        "events.csv",
        "arms control,reading",
        "arms control,background",
        "events.csv row 3, column origin: E002 is marked 'background' but demo mentions it",
    ),
    (
        "events.csv",
        "arms control,background",
        "arms control,reading",
        "events.csv row 4, column origin: E003 is marked 'reading' but no row of mentions.csv mentions it",
    ),
    ("events.csv", "Memo signed", "<script>alert(1)</script>", "events.csv row 3, column title: contains HTML markup"),
    (
        "events.csv",
        "Both sides sign a memo.",
        "x" * 3000,
        "events.csv row 3, column summary: is 3,000 characters long; the limit is 2,000",
    ),
    ("mentions.csv", "E002,demo", "E099,demo", "mentions.csv row 3, column event_id: 'E099' is not in events.csv"),
    (
        "mentions.csv",
        "E002,demo",
        "E002,nosuch",
        "mentions.csv row 3, column source_id: 'nosuch' is not in sources.csv",
    ),
    (
        "mentions.csv",
        "E002,demo,2",
        "E002,demo,two",
        "mentions.csv row 3, column paragraph: 'two' is not a integer — write a whole number",
    ),
    (
        "mentions.csv",
        "E002,demo,2",
        "E002,demo,9",
        "mentions.csv row 3, column paragraph: demo has no paragraph 9 (it has 1-3)",
    ),
    (
        "mentions.csv",
        "both sides signed a memo in 2006",
        "both parties signed a memo in 2006",
        "mentions.csv row 3, column anchor: 'both parties signed a memo in 2006' is not verbatim in demo paragraph 2",
    ),
    (
        "mentions.csv",
        "both sides signed a memo in 2006",
        "the two ministers met in Geneva",
        "it appears in paragraph 1",
    ),
    (
        "mentions.csv",
        "both sides signed a memo in 2006",
        "a b c d e f g h i j k l m",
        "mentions.csv row 3, column anchor: has 13 words; the limit is 12",
    ),
    (
        "mentions.csv",
        "2006,both sides signed a memo in 2006,yes",
        "2006,both sides signed a memo in 2006,no",
        "mentions.csv row 3, column discrepancy: is empty but matches_record is 'no'",
    ),
    (
        "mentions.csv",
        "in 2006,2006,both sides signed a memo in 2006,yes",
        "in 2006,2006,both sides signed a memo in 2006,undated",
        "mentions.csv row 3, column matches_record: is 'undated' but date_as_stated gives a date",
    ),
    (
        "mentions.csv",
        "in 2006,2006",
        ",2006",
        "mentions.csv row 3, column date_as_stated: is empty but date_as_stated_edtf is filled",
    ),
    (
        "mentions.csv",
        "in 2006,2006",
        "in 2006,2006-14",
        "mentions.csv row 3, column date_as_stated_edtf: '2006-14' is not an EDTF date",
    ),
    (
        "mentions.csv",
        "E002,demo,2,in 2006",
        "E001,demo,1,in 2006",
        "mentions.csv row 3, column event_id, source_id, paragraph: the combination ('E001', 'demo', 1) repeats row 2",
    ),
    (
        "claims.csv",
        "succeed,false,offered",
        "succeed,true,offered",
        "claims.csv row 3, column is_thesis: demo has 2 thesis claims (rows 2, 3)",
    ),
    (
        "claims.csv",
        "succeed,true,cooperation",
        "succeed,false,cooperation",
        "claims.csv column is_thesis: demo has no thesis claim",
    ),
    (
        "claims.csv",
        "succeed,false,offered",
        "succeed,maybe,offered",
        "claims.csv row 3, column is_thesis: 'maybe' is not a boolean — write true or false",
    ),
    (
        "claims.csv",
        "demo-c03,demo",
        "other-c03,demo",
        "claims.csv row 4, column claim_id: 'other-c03' does not start with its source id 'demo'",
    ),
    (
        "claims.csv",
        "interpretation,opposes",
        "opinion,opposes",
        "claims.csv row 4, column kind: 'opinion' is not an allowed value",
    ),
    (
        "claim_links.csv",
        "demo-c03,demo-c01",
        "demo-c03,demo-c09",
        "claim_links.csv row 3, column to_claim: 'demo-c09' is not in claims.csv",
    ),
    (
        "claim_links.csv",
        "demo-c03,demo-c01,attacks",
        "demo-c03,demo-c03,attacks",
        "claim_links.csv row 3, column to_claim: demo-c03 links to itself",
    ),
    (
        "claim_links.csv",
        "demo-c03,demo-c01,attacks",
        "demo-c01,demo-c03,attacks",
        "claim_links.csv row 3, column from_claim: demo-c01 is a thesis",
    ),
    (
        "claim_links.csv",
        "demo-c03,demo-c01,attacks",
        "demo-c03,demo-c01,attacks\ndemo-c01,demo-c02,supports\n",
        "these links make a cycle: demo-c01 → demo-c02 → demo-c01",
    ),
    (
        "claim_links.csv",
        "attacks",
        "refutes",
        "claim_links.csv row 3, column relation: 'refutes' is not an allowed value — use one of: supports, attacks",
    ),
    (
        "loaded_terms.csv",
        "doomed fantasy,",
        "doomed fantasy — yet both sides signed,",
        "loaded_terms.csv row 2, column phrase: has 7 words; the limit is 6",
    ),
    (
        "loaded_terms.csv",
        "negative",
        "sarcastic",
        "loaded_terms.csv row 2, column connotation: 'sarcastic' is not an allowed value",
    ),
    (
        "glossary.csv",
        "02_timeline",
        "timeline",
        "glossary.csv row 2, column first_notebook: 'timeline' does not have the expected form — write a notebook name",
    ),
    ("sources.csv", "2007-21,", "spring 2007,", "sources.csv row 2, column published: 'spring 2007'"),
    (
        "sources.csv",
        "https://example.org/demo",
        "example.org",
        "sources.csv row 2, column url: 'example.org' does not have the expected form — write a full web address",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), CASES, ids=[f"{c[0]}:{c[3][:50]}" for c in CASES])
def test_each_rule_names_file_row_and_column(demo_data, demo_readings, file, old, new, expected):
    replace(demo_data / file, old, new)
    problems = problems_for(demo_data, demo_readings)
    assert any(expected in p for p in problems), "\n".join(problems)


def test_all_problems_are_reported_at_once(demo_data, demo_readings):
    replace(demo_data / "events.csv", "2006,medium", "2007-13,certain")
    replace(demo_data / "mentions.csv", "E002,demo", "E099,demo")
    replace(demo_data / "loaded_terms.csv", "negative", "sarcastic")
    problems = problems_for(demo_data, demo_readings)
    assert any("column date_confidence" in p for p in problems)
    assert any("mentions.csv row 3, column event_id" in p for p in problems)
    assert any("loaded_terms.csv row 2, column connotation" in p for p in problems)


def test_quotes_are_only_checked_against_readings_that_are_available(demo_data, demo_readings, monkeypatch):
    replace(demo_data / "mentions.csv", "both sides signed a memo in 2006", "words that are in no reading")
    monkeypatch.delenv("SHAREDSHIELD_READINGS", raising=False)
    assert len(load_course(demo_data).mentions) == 2
    assert any("not verbatim" in p for p in problems_for(demo_data, demo_readings))


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: (d / "events.csv").write_text(""),
            "events.csv: the file is empty — it needs at least the header row: event_id,title",
        ),
        (lambda d: (d / "glossary.csv").unlink(), "glossary.csv: the file is missing from"),
        (
            lambda d: (d / "sources.csv").write_bytes((d / "sources.csv").read_text().replace(",", ";").encode()),
            "sources.csv row 1: the columns seem to be separated by ';', not commas",
        ),
        (
            lambda d: replace(d / "events.csv", "date_confidence,", ""),
            "events.csv row 1, column date_confidence: this required column is missing from the header",
        ),
        (
            lambda d: replace(d / "glossary.csv", "first_notebook", "first_notebook,level"),
            "glossary.csv row 1, column level: this column is not in the table's schema",
        ),
        (
            lambda d: (d / "events.csv").write_bytes(
                (d / "events.csv").read_text().replace("Geneva", "Genève").encode("latin-1")
            ),
            "events.csv row 2: byte 0xe8 is not UTF-8 text (line 2 of the file) — save the file as 'CSV UTF-8'",
        ),
        (
            lambda d: replace(d / "mentions.csv", "Presented as a success.", '"Presented as a success.'),
            "a quoted field is never closed",
        ),
        (
            lambda d: replace(d / "glossary.csv", "uncertain dates.,", "uncertain dates.,extra,"),
            "glossary.csv row 2: the row has 4 values but the header has 3 columns",
        ),
    ],
    ids=["empty", "missing", "semicolons", "missing-column", "extra-column", "latin1", "open-quote", "extra-comma"],
)
def test_file_level_problems(demo_data, demo_readings, mutate, expected):
    mutate(demo_data)
    problems = problems_for(demo_data, demo_readings)
    assert any(expected in p for p in problems), "\n".join(problems)


def test_bom_and_windows_line_endings_load_fine(demo_data, demo_readings):
    for f in demo_data.glob("*.csv"):
        f.write_bytes(b"\xef\xbb\xbf" + f.read_bytes().replace(b"\n", b"\r\n"))
    course = load_course(demo_data, demo_readings)
    assert len(course.events) == 3 and course.sources.columns[0] == "source_id"


def test_error_message_is_one_line_per_problem_without_traceback_text(demo_data, demo_readings):
    replace(demo_data / "events.csv", "2006,medium", "2007-13,medium")
    with pytest.raises(CourseDataError) as info:
        load_course(demo_data, demo_readings)
    text = str(info.value)
    assert text.startswith("The course data has 1 problem")
    assert "Traceback" not in text and "edtf" not in text.lower().replace("not an edtf date", "")
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_paragraph_coding_must_use_listed_phrases_and_the_thesis_paragraph(demo_data, demo_readings):
    replace(demo_data / "paragraph_coding.csv", "fail,doomed fantasy,false", "fail,doomed fantasy; rosy dream,true")
    with pytest.raises(CourseDataError) as err:
        load_course(demo_data, demo_readings)
    text = str(err.value)
    assert "paragraph_coding.csv row 2, column loaded: 'rosy dream' is not a loaded phrase of demo paragraph 2" in text
    assert "paragraph_coding.csv row 3, column is_thesis_paragraph: demo has 2 thesis paragraphs" in text
    assert text.count("\n  - ") == 2


def set_field(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell of a CSV file (row 1 is the first data row), keeping every other value."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows[row - 1][column] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_a_required_field_left_empty_gets_its_whole_description_as_the_fix(tmp_path):
    data = copy_data(tmp_path / "data")
    set_field(data / "sources.csv", 1, "archive_url", "")
    set_field(data / "events.csv", 1, "actor1_code", "")
    problems = problems_for(data, None)
    archive = next(p for p in problems if "sources.csv row 2, column archive_url: is empty but required" in p)
    assert archive.endswith(
        "fill in the Wayback Machine's list of captures of `url` in the year of publication"
        " (web.archive.org/web/YYYY*/URL), for when the page moves or disappears; pick a capture close to the"
        " publication date"
    )
    assert any(
        p.endswith(
            "column actor1_code: is empty but required — fill in ISO 3166 alpha-3 code or an organisation code (NATO,"
            " UN, ...)"
        )
        for p in problems
    ), problems


def test_a_reading_needs_a_palette_colour_of_its_own(tmp_path):
    data = copy_data(tmp_path / "data")
    set_field(data / "sources.csv", 2, "colour", "#E69F00")
    set_field(data / "sources.csv", 3, "colour", "#000000")
    problems = problems_for(data, None)
    assert any("sources.csv row 3, column colour: '#E69F00' is used already in row 2" in p for p in problems), problems
    assert any(
        "sources.csv row 4, column colour: '#000000' is not an allowed value — use one of: #E69F00" in p
        for p in problems
    ), problems
