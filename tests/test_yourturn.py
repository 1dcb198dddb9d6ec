"""Your turn (08): the form adds a row to a copy only when it validates; the spreadsheet copy is kept and reloads."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT
from sharedshield import load_course
from sharedshield import yourturn as yt
from sharedshield.corroborate import VERDICTS, compare_grid, course_grid
from sharedshield.retrieval import archive_search, find_events, retrieval_sheet

FORM = {
    "title": "New START treaty enters into force",
    "summary": "The instruments of ratification were exchanged in Munich.",
    "date": "2011-02-05",
    "date_confidence": "high",
    "date_reference": "U.S. Department of State, 5 February 2011",
    "actor1": "United States",
    "actor1_code": "USA",
    "actor2": "Russia",
    "actor2_code": "RUS",
    "event_class": "other",
    "cameo_code": ...,
    "theme": "arms control",
}


def _digest(folder: Path) -> str:
    """A fingerprint of every CSV in a folder."""
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(folder.glob("*.csv")))).hexdigest()


@pytest.fixture
def copy(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv(yt.MY_DATA_ENV, str(tmp_path / "mine"))
    return yt.my_copy()


def test_field_help_comes_from_the_codebook():
    help_ = yt.field_help().set_index("field")
    assert list(help_.index) == list(yt.FORM_FIELDS)
    assert help_.loc["date_confidence", "allowed values"] == "high, medium, low"
    assert help_.loc["title", "required"] == "yes" and help_.loc["actor2", "required"] == "no"
    assert "EDTF" in help_.loc["date", "what it holds"]
    assert "120 characters" in help_.loc["title", "allowed values"]
    assert help_.loc["date_confidence", "example from the course data"] in ("high", "medium", "low")
    assert help_.loc["cameo_code", "example from the course data"].isdigit()  # read as text: leading zeros kept


def test_a_filled_form_adds_one_row_to_the_copy_and_never_to_data(copy, capsys):
    before = _digest(ROOT / "data")
    n = len(load_course(copy).events)
    course = yt.add_event(FORM, copy)
    assert course is not None and len(course.events) == n + 1
    row = course.events.iloc[-1]
    assert row["origin"] == "background" and row["date"] == "2011-02-05"
    assert "Added E" in capsys.readouterr().out
    again = yt.add_event(FORM, copy)  # running the cell twice adds nothing
    assert len(again.events) == n + 1 and "already has this event" in capsys.readouterr().out
    assert _digest(ROOT / "data") == before


def test_an_empty_form_says_so_once_and_changes_nothing(copy, capsys):
    before = _digest(copy)
    assert yt.add_event({k: ... for k in yt.FORM_FIELDS}, copy) is None
    out = capsys.readouterr().out
    assert out.count("\n  - ") == 1 and "form is empty" in out
    assert _digest(copy) == before


def test_missing_and_unknown_fields_are_listed_all_at_once(copy, capsys):
    form = {**FORM, "title": ..., "colour": "red"}
    assert yt.add_event(form, copy) is None
    out = capsys.readouterr().out
    assert "'title' is not filled in" in out and "'colour' is not a field" in out


def test_a_form_the_validator_refuses_leaves_the_copy_untouched(copy, capsys):
    before = _digest(copy)
    assert yt.add_event({**FORM, "date": "2012-13"}, copy) is None
    out = capsys.readouterr().out
    assert "events.csv row" in out and "column date" in out and "not an EDTF date" in out
    assert _digest(copy) == before


def test_my_copy_keeps_an_existing_copy_and_fresh_makes_a_new_one(copy):
    assert yt.my_copy() == copy
    fresh = yt.my_copy(fresh=True)
    assert fresh != copy and fresh.name == f"{copy.name}-2" and (fresh / "events.csv").is_file()
    assert load_course(fresh) is not None


def test_my_data_is_git_ignored():
    assert "my_data/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_spreadsheet_steps_name_the_folder_and_the_reload(tmp_path):
    text = yt.spreadsheet_steps(tmp_path)
    assert str(tmp_path) in text and "events.csv" in text and "load_course" in text


def test_retrieval_sheet_has_address_and_archive_copy_and_tolerates_archive_url():
    course = load_course()
    sheet = retrieval_sheet(course).set_index("reading")
    for sid, row in course.sources.set_index("source_id").iterrows():
        assert sheet.loc[sid, "web address"] == row["url"]
        assert sheet.loc[sid, "archive copy"] == row["archive_url"]  # the data's own archive address wins
    del course.sources["archive_url"]
    sheet = retrieval_sheet(course).set_index("reading")
    for sid, url in course.sources.set_index("source_id")["url"].items():
        assert sheet.loc[sid, "archive copy"] == archive_search(url) == f"https://web.archive.org/web/*/{url}"
    assert "mid-article" in sheet.loc["blog2007", "note"]
    course.sources["archive_url"] = ["https://web.archive.org/web/2007/x", None, ""]
    sheet = retrieval_sheet(course).set_index("reading")
    assert sheet.loc["blog2007", "archive copy"] == "https://web.archive.org/web/2007/x"
    assert sheet.loc["lukyanov2011", "archive copy"].startswith("https://web.archive.org/web/*/")


def test_find_events_matches_whole_words_and_keeps_full_titles():
    course = load_course()
    hits = find_events(course, "Maine")
    assert isinstance(hits, pd.DataFrame) and len(hits) >= 1
    text = (
        hits["title"] + " " + course.events.set_index("event_id").loc[hits["event_id"], "summary"].fillna("").to_numpy()
    )
    assert text.str.contains(r"\bMaine\b").all()  # never "remained"
    assert set(hits["title"]) <= set(course.events["title"])  # titles in full, as in the data
    substring = (
        course.events["title"]
        .str.cat(course.events["summary"].fillna(""), sep=" ")
        .str.casefold()
        .str.contains("maine")
    )
    assert substring.sum() > len(hits)  # a substring search would also find "remained"


def test_find_events_needs_every_word():
    course = load_course()
    assert isinstance(find_events(course, ...), str)
    hits = find_events(course, "NATO-Russia Council Brussels")
    assert "E300" in list(hits["event_id"]) and "E901" not in list(
        hits["event_id"]
    )  # E901 (Rome) does not mention Brussels
    assert isinstance(find_events(course, "zzzz nothing"), str)


def test_course_grid_uses_every_verdict_and_compare_marks_agreement():
    course = load_course()
    grid = course_grid(course)
    assert {v for cells in grid.values() for v in cells.values()} == set(VERDICTS)
    table = compare_grid(course, {e: dict(cells) for e, cells in grid.items()})
    assert (table["same"] == "✓").all()
    blank = compare_grid(course, {"E120": {"blog2007": ...}})
    assert blank.empty  # no row filled: nothing of the course's grid is shown
    half = compare_grid(course, {"E120": {"blog2007": "silent", "lukyanov2011": ...}, "E112": dict(grid["E112"])})
    assert set(half["event"]) == {"E112"}  # a row filled in part keeps the course's verdicts hidden


def test_the_course_grid_stays_hidden_until_a_row_is_filled(monkeypatch):
    from sharedshield import corroborate

    shown: list[str] = []
    monkeypatch.setattr(corroborate, "show", lambda text: shown.append(str(text)))
    monkeypatch.setattr(corroborate, "show_table", lambda table: shown.append(table.to_string()))
    course = load_course()
    grid = corroborate.blank_grid(course)
    corroborate.show_comparison(course, grid)
    assert len(shown) == 1 and "stays hidden" in shown[0] and "E112" not in shown[0]
    shown.clear()
    grid["E112"] = dict(course_grid(course)["E112"])
    corroborate.show_comparison(course, grid)
    assert "E112" in shown[0] and "E200" not in shown[0]
    assert "Still hidden until you fill their rows: E200, E120, E303" in shown[1]
