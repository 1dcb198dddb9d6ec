"""Every chart: the right marks, a title, labelled axes, hover naming the reading, and alt text that names the real extremes."""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
import pytest

from sharedshield import figures, load_course
from sharedshield.figkit import describe
from sharedshield.tables import add_row

pytestmark = pytest.mark.filterwarnings("error")

EVENT = dict(date_confidence="medium", date_reference="Test reference", actor1="NATO", actor1_code="NATO", cameo_code="", event_class="other", notes="")


@pytest.fixture
def course(demo_data: Path, demo_readings: Path):
    """The demo course plus two background events: a span straddling New Year 2006 and a day in 2006; E002 partly matches."""
    add_row(demo_data, "events", event_id="E004", title="Winter talks", summary="Talks over the winter.", date="2005-12-01/2006-01-30",
            theme="alliance politics", origin="background", **EVENT)
    add_row(demo_data, "events", event_id="E005", title="Autumn meeting", summary="A one-day meeting.", date="2006-09-01",
            theme="alliance politics", origin="background", **EVENT)
    path = demo_data / "mentions.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("in 2006,yes,Presented as a success.,", "in 2006,partly,Presented as a success.,The record has 2007."), encoding="utf-8")
    return load_course(demo_data, demo_readings)


def assert_finished(fig: go.Figure) -> str:
    """Title, both axis labels and a one-sentence alt text; returns the alt text."""
    assert isinstance(fig, go.Figure)
    assert fig.layout.title.text
    assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text
    alt = describe(fig)
    assert alt.endswith(".") and "\n" not in alt and alt.count(". ") == 0, alt
    return alt


def hovers(fig: go.Figure) -> str:
    """All hover text of a figure, joined."""
    return "\n".join("\n".join(map(str, t.hovertext)) for t in fig.data if t.hovertext is not None)


def kinds(fig: go.Figure) -> list[str]:
    return [type(t).__name__ for t in fig.data]


def test_source_spans(course):
    fig = figures.source_spans(course)
    alt = assert_finished(fig)
    assert kinds(fig) == ["Bar", "Scatter", "Scatter"]
    assert len(fig.data[1].x) == len(course.mentions)
    assert "10 May 2005" in alt and "31 Dec 2006" in alt and "1 Mar 2007" in alt
    assert "demo ¶1" in hovers(fig) and "demo ¶2" in hovers(fig)


def test_timeline_spans_points_and_background(course):
    fig = figures.timeline(course, colour_by="theme")
    alt = assert_finished(fig)
    bars = [t for t in fig.data if isinstance(t, go.Bar)]
    points = [t for t in fig.data if isinstance(t, go.Scatter) and t.x != (None,)]
    assert sorted(y for t in bars for y in t.y) == ["E002 · Memo signed", "E004 · Winter talks (bg)"]
    assert sum(len(t.x) for t in points) == 3  # E001 (two days on a four-year axis), E003, E005
    assert any(t.name.startswith("background") for t in fig.data)
    symbols = [s for t in points for s in t.marker.symbol]
    assert symbols.count("circle-open") == 2
    assert "E003" in alt and "13 Jun 2002" in alt and "E002" in alt and "2006" in alt
    assert "2 are drawn as spans" in alt and "3 are background events" in alt
    text = hovers(fig)
    assert "demo ¶1: “In May 2005”" in text and "Record date: 10–11 May 2005" in text and "Background event" in text


def test_timeline_colour_by_actor_and_filter_by_reading(course):
    fig = figures.timeline(course, colour_by="actor", reading="demo")
    assert_finished(fig)
    labels = {y for t in fig.data if t.y is not None for y in t.y if y}
    assert labels == {"E001 · Ministers meet in Geneva", "E002 · Memo signed"}
    assert {t.name for t in fig.data} == {"RUS"}
    with pytest.raises(ValueError, match="no reading"):
        figures.timeline(course, reading="nosuch")
    with pytest.raises(ValueError, match="colour_by"):
        figures.timeline(course, colour_by="colour")


def test_density_compare(course):
    fig = figures.density_compare(course, "year")
    alt = assert_finished(fig)
    assert kinds(fig) == ["Bar", "Bar"]
    assert sum(fig.data[0].y) == 5 and sum(fig.data[1].y) == pytest.approx(5)
    assert "2 events in 2005" in alt and "2.5 in 2006" in alt and "5 events" in alt
    quarters = figures.density_compare(course, "quarter")
    assert "quarter" in quarters.layout.xaxis.title.text and len(quarters.data[0].x) == 19


def test_density_by_reading_theme_and_actor(course):
    fig = figures.density_by(course, "reading")
    alt = assert_finished(fig)
    assert kinds(fig) == ["Scatter"] and fig.data[0].name == "demo"
    assert "demo ¶1" in hovers(fig) and "demo at 1.0 mentions in 2005" in alt
    themes = figures.density_by(course, "theme")
    assert_finished(themes)
    assert {t.name for t in themes.data} == set(course.events["theme"])
    assert "alliance politics at 1.5 events in 2006" in describe(themes)
    assert len(figures.density_by(course, "actor", "quarter").data) == course.events["actor1_code"].nunique()
    with pytest.raises(ValueError):
        figures.density_by(course, "colour")


def test_coverage_matrix(course):
    fig = figures.coverage_matrix(course)
    alt = assert_finished(fig)
    assert kinds(fig) == ["Scatter", "Scatter"]
    assert [t.name for t in fig.data] == ["matches the record", "partly matches"]
    assert "demo mentions the most events (2)" in alt and "1 of the 2 mentions differ" in alt
    assert "demo ¶2" in hovers(fig) and "The record has 2007." in hovers(fig)


def test_claims_chart(course):
    fig = figures.claims_chart(course)
    alt = assert_finished(fig)
    assert kinds(fig) == ["Bar"] * 4
    assert {t.name for t in fig.data} == {"fact", "interpretation", "favours", "opposes"}
    assert "mostly interpretation (2)" in alt and "most often of attitude favours (2)" in alt
    assert "demo: 2 interpretation claim(s)" in hovers(fig)


def test_every_figure_builds_on_the_course_data():
    course = load_course()
    for fig in (figures.source_spans(course), figures.timeline(course), figures.timeline(course, "actor", "eir2013"),
                figures.density_compare(course), figures.density_compare(course, "quarter"), figures.density_by(course, "reading"),
                figures.density_by(course, "theme"), figures.coverage_matrix(course), figures.claims_chart(course)):
        assert_finished(fig)



def test_timeline_of_one_event_and_of_none(demo_data, demo_readings):
    add_row(demo_data, "sources", source_id="other", title="Another", author="B", outlet="O", genre="blog post", published="2008",
            published_basis="test", url="https://example.org/b", perspective="p", audience="a", purpose="p", reading_file="other.txt")
    add_row(demo_data, "mentions", event_id="E002", source_id="other", paragraph=4, anchor="the memo", matches_record="undated", framing="A memo.")
    course = load_course(demo_data, demo_readings)
    alt = assert_finished(figures.timeline(course, reading="other"))
    assert alt.startswith("1 event, E002 (Memo signed), dated 2006; 1 is drawn as spans") and "0 are background events" in alt
    assert "other ¶4: no date given" in hovers(figures.timeline(course, reading="other"))
    empty = course.__class__(**{**{f: getattr(course, f) for f in ("sources", "events", "claims", "claim_links", "paragraph_coding", "loaded_terms", "chronologies", "listings", "glossary", "data_dir")},
                                "mentions": course.mentions.iloc[0:0]})
    fig = figures.timeline(empty, reading="other")
    assert fig.data == () and "No events" in describe(fig)
    assert "No mentions" in describe(figures.coverage_matrix(empty))
