"""TimelineJS export: valid TimelineJS3 structure, dates only as precise as known, every text HTML-escaped."""

from __future__ import annotations

import json

from sharedshield import load_course
from sharedshield.tables import add_row
from sharedshield.timelinejs import timelinejs, write_timelinejs


def test_structure_and_dates(demo_data, demo_readings):
    course = load_course(demo_data, demo_readings)
    data = timelinejs(course)
    assert set(data) == {"title", "events"} and data["title"]["text"]["headline"]
    assert [e["unique_id"] for e in data["events"]] == ["E003", "E001", "E002"]  # by date
    for slide in data["events"]:
        assert {"start_date", "text", "group", "display_date"} <= set(slide)
        assert isinstance(slide["start_date"]["year"], int)
        assert slide["text"]["headline"] and slide["text"]["text"].startswith("<p>")
    by_id = {e["unique_id"]: e for e in data["events"]}
    assert by_id["E003"]["start_date"] == {"year": 2002, "month": 6, "day": 13} and "end_date" not in by_id["E003"]
    assert by_id["E001"]["end_date"] == {"year": 2005, "month": 5, "day": 11}
    assert by_id["E002"]["start_date"] == {"year": 2006} and "end_date" not in by_id["E002"]  # a year stays a year
    assert by_id["E002"]["display_date"] == "2006"
    assert "demo ¶2: “in 2006”" in by_id["E002"]["text"]["text"]
    assert "Background event" in by_id["E003"]["text"]["text"]
    assert by_id["E001"]["group"] == "missile defense"


def test_text_is_escaped(demo_data, demo_readings):
    add_row(
        demo_data,
        "events",
        event_id="E004",
        title="Talks on A < B & “C”",
        summary="He said 'x > y' & left.",
        date="2006-21",
        date_confidence="low",
        date_reference="Ref <- here",
        actor1="NATO",
        actor1_code="NATO",
        event_class="other",
        theme="arms control",
        origin="background",
    )
    slide = next(e for e in timelinejs(load_course(demo_data, demo_readings))["events"] if e["unique_id"] == "E004")
    assert slide["text"]["headline"] == "Talks on A &lt; B &amp; “C”"
    body = slide["text"]["text"]
    assert "x &gt; y&#39; &amp; left" in body and "Ref &lt;- here" in body and "'" not in body
    assert slide["start_date"] == {"year": 2006, "month": 3} and slide["end_date"] == {"year": 2006, "month": 5}
    assert slide["display_date"] == "spring 2006"


def test_write_round_trips(demo_data, demo_readings, tmp_path):
    course = load_course(demo_data, demo_readings)
    path = write_timelinejs(course, tmp_path / "timeline.json")
    assert json.loads(path.read_text(encoding="utf-8")) == timelinejs(course)


def test_course_data_exports():
    course = load_course()
    assert len(timelinejs(course)["events"]) == len(course.events)
