"""The real course data: the package validates with Frictionless, loads, and every quote is verbatim."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT
from sharedshield import load_course
from sharedshield.readings import readings

DATA = ROOT / "data"


def test_datapackage_validates_with_frictionless():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(DATA / "datapackage.json"))
    errors = [f"{task.name}: {e.message}" for task in report.tasks for e in task.errors] + [
        e.message for e in report.errors
    ]
    assert report.valid, "\n".join(errors[:20])


def test_real_data_loads_without_readings(monkeypatch):
    monkeypatch.delenv("SHAREDSHIELD_READINGS", raising=False)
    course = load_course(DATA)
    assert set(course.sources.source_id) == {"blog2007", "lukyanov2011", "eir2013"}
    assert course.events.date_start.notna().all() and (course.events.date_start <= course.events.date_end).all()


def test_every_quote_is_verbatim_in_its_paragraph(real_readings: Path):
    texts = readings(real_readings)
    course = load_course(DATA, real_readings)
    checked = 0
    for table, col in (("mentions", "anchor"), ("claims", "anchor"), ("loaded_terms", "phrase")):
        for row in course.table(table).itertuples():
            paragraph = texts[row.source_id][row.paragraph]
            assert getattr(row, col) in paragraph, (
                f"{table}.csv row {row.row}: {getattr(row, col)!r} not in {row.source_id} ¶{row.paragraph}"
            )
            checked += 1
    rows_on_disk = sum(
        len(pd.read_csv(DATA / f"{table}.csv", dtype=str)) for table in ("mentions", "claims", "loaded_terms")
    )
    assert checked == rows_on_disk, (
        f"{checked} quotes checked, but the CSV files hold {rows_on_disk} rows: the loader dropped some"
    )


def test_sources_point_at_reading_files_that_exist(real_readings: Path):
    course = load_course(DATA, real_readings)
    for row in course.sources.itertuples():
        assert (real_readings / row.reading_file).is_file(), row.reading_file
        assert row.source_id in readings(real_readings)
