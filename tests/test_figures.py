"""Every chart: the right marks, a title, labelled axes, hover naming the reading, alt text naming the real extremes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import plotly.graph_objects as go
import pytest

from conftest import OTHER_SOURCE
from sharedshield import figures, load_course
from sharedshield.figkit import describe
from sharedshield.tables import add_row

pytestmark = pytest.mark.filterwarnings("error")

EVENT = dict(
    date_confidence="medium",
    date_reference="Test reference",
    actor1="NATO",
    actor1_code="NATO",
    cameo_code="",
    event_class="other",
    notes="",
)


@pytest.fixture
def course(demo_data: Path, demo_readings: Path):
    """Demo course plus two background events: a span across New Year 2006 and a day in 2006; E002 partly matches."""
    add_row(
        demo_data,
        "events",
        event_id="E004",
        title="Winter talks",
        summary="Talks over the winter.",
        date="2005-12-01/2006-01-30",
        theme="alliance politics",
        origin="background",
        **EVENT,
    )
    add_row(
        demo_data,
        "events",
        event_id="E005",
        title="Autumn meeting",
        summary="A one-day meeting.",
        date="2006-09-01",
        theme="alliance politics",
        origin="background",
        **EVENT,
    )
    path = demo_data / "mentions.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "in 2006,yes,Presented as a success.,", "in 2006,partly,Presented as a success.,The record has 2007."
        ),
        encoding="utf-8",
    )
    return load_course(demo_data, demo_readings)


def assert_finished(fig: go.Figure) -> str:
    """Title, both axis labels and a one-sentence alt text; returns the alt text."""
    assert isinstance(fig, go.Figure)
    assert fig.layout.title.text
    axes = fig.layout.to_plotly_json()
    assert any(v.get("title", {}).get("text") for k, v in axes.items() if k.startswith("xaxis")), "no x-axis title"
    assert any(v.get("title", {}).get("text") for k, v in axes.items() if k.startswith("yaxis")), "no y-axis title"
    alt = describe(fig)
    assert alt.endswith(".") and "\n" not in alt and alt.count(". ") == 0, alt
    return alt


def assert_legend_below(fig: go.Figure) -> None:
    """The legend runs across the figure's foot (it wraps on a phone, never covers the plot) and no width is fixed."""
    legend = fig.layout.legend
    assert (legend.orientation, legend.yref, legend.y, legend.yanchor) == ("h", "container", 0, "bottom")
    assert fig.layout.width is None and fig.layout.autosize


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


def test_timeline_lanes_spans_points_and_background(course):
    fig = figures.timeline(course, colour_by="theme")
    alt = assert_finished(fig)
    assert list(fig.layout.yaxis.ticktext) == ["on the record<br>(chronologies)", "demo", "background<br>(course)"]
    bars = [t for t in fig.data if isinstance(t, go.Bar)]
    points = [t for t in fig.data if isinstance(t, go.Scatter) and t.x != (None,)]
    # E001 is listed (record lane) and mentioned (demo lane); E002 (a year) is a bar in the demo lane;
    # E003-E005 are background
    assert sorted(round(y) for t in bars for y in t.y) == [1, 2]  # E002 in demo, E004 (two months) in background
    assert sorted(round(y) for t in points for y in t.y) == [0, 1, 2, 2]
    assert [s for t in points for s, y in zip(t.marker.symbol, t.y, strict=True) if round(y) == 2] == [
        "circle-open",
        "circle-open",
    ]
    assert "5 events in 3 lanes (record 1, demo 2, background 3)" in alt and "13 Jun 2002 (E003)" in alt
    assert "dashed lines mark when demo was published (spring 2007)" in alt
    text = hovers(fig)
    assert (
        "demo ¶1: “In May 2005”" in text
        and "Record date: 10–11 May 2005" in text
        and "listed by 1 chronology: demo_chron" in text
    )
    assert "added by the course for context" in text
    horizon = [sh for sh in fig.layout.shapes if sh.yref == "paper"]
    assert len(horizon) == 1 and horizon[0].x0.startswith("2007-03-01")
    assert fig.layout.xaxis.rangeslider.visible
    assert_legend_below(fig)


def test_timeline_opens_on_a_window_and_says_what_lies_before_it(course):
    fig = figures.timeline(course, window=("2005-01-01", None))
    start = fig.layout.xaxis.range[0]
    assert "2004-1" in start  # the window minus a small margin
    notes = [a for a in fig.layout.annotations if "before" in a.text]
    assert [a.text for a in notes] == ["◀ 1 event before 1 Jan 2005<br>(2002–2002): on the slider below"]
    assert (
        notes[0].xref == "x" and notes[0].x == start
    )  # pinned to the view's first day: it leaves when the slider moves past it
    assert "with 1 earlier event on the range slider" in describe(fig)
    assert not [a for a in figures.timeline(course, window=None).layout.annotations if "before" in a.text]


def test_timeline_filters_by_lane_theme_and_actor(course):
    fig = figures.timeline(course, colour_by="actor", reading="demo")
    assert_finished(fig)
    assert list(fig.layout.yaxis.ticktext) == ["on the record<br>(chronologies)", "demo"]
    assert {t.name for t in fig.data if t.x != (None,)} == {"RUS (Russia)"}  # actor codes are spelled out in the legend
    only = figures.timeline(course, lanes=["background"], themes=["alliance politics"])
    assert "2 events in 1 lane (background 2)" in describe(only)
    assert "1 event in 1 lane" in describe(figures.timeline(course, actors=["USA"], lanes=["background"]))
    assert "No events" in describe(figures.timeline(course, actors=["CHN"]))
    with pytest.raises(ValueError, match="no reading"):
        figures.timeline(course, reading="nosuch")
    with pytest.raises(ValueError, match="no lane 'blog'"):
        figures.timeline(course, lanes=["blog"])
    with pytest.raises(ValueError, match="colour_by"):
        figures.timeline(course, colour_by="colour")


def test_timeline_colours_stay_the_same_under_a_filter(course):
    full = {t.name: t.marker.color for t in figures.timeline(course).data if t.x != (None,)}
    part = {t.name: t.marker.color for t in figures.timeline(course, themes=["arms control"]).data if t.x != (None,)}
    assert part and all(full[k] == v for k, v in part.items())


def test_density_compare(course):
    fig = figures.density_compare(course, "year")
    alt = assert_finished(fig)
    assert kinds(fig) == ["Bar", "Bar"]
    assert sum(fig.data[0].y) == 5 and sum(fig.data[1].y) == pytest.approx(5)
    assert "2 events in 2005" in alt and "2.5 in 2006" in alt and "5 events" in alt
    quarters = figures.density_compare(course, "quarter")
    assert "quarter" in quarters.layout.xaxis.title.text and len(quarters.data[0].x) == 19
    # quarters: the density drawn inside the naive count's full-width bar (no hairlines);
    # hovering anywhere over a bin names it
    assert (
        quarters.layout.barmode == "overlay"
        and quarters.data[0].width > quarters.data[1].width > 0.5 * 91 * figures.DAY_MS
    )
    assert quarters.layout.hovermode == "x" and quarters.layout.xaxis.type == "date"
    assert_legend_below(quarters)


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


def test_record_selection_panels_shares_and_horizon(course):
    fig = figures.record_selection(course, "year")
    alt = assert_finished(fig)
    assert kinds(fig) == ["Bar", "Scatter", "Bar"]
    record_share, demo_share = fig.data[0], fig.data[1]
    assert sum(record_share.y) == pytest.approx(1.0) and sum(v for v in demo_share.y if v == v) == pytest.approx(1.0)
    assert not fig.layout.shapes  # the data ends in 2006, before demo was published: nothing to shade
    assert "demo gives 2006 50% of its mentions against the record's 0%" in alt and "record of 1 listed event" in alt
    assert "the record (chronologies), 2005: 1.0 of its events" in hovers(fig)


def test_robust_peaks_chart_marks_the_peaks_that_survive(course):
    fig = figures.robust_peaks(course, "year", source_id="demo", top=1)
    alt = assert_finished(fig)
    assert [t.name for t in fig.data][:3] == [
        "each uncertain date spread over its days",
        "each uncertain date at its first possible day",
        "each uncertain date at its last possible day",
    ]
    assert kinds(fig) == ["Bar", "Scatter", "Scatter", "Scatter"]
    assert list(fig.data[1].y) == [1, 1] and list(fig.data[2].y) == [
        1,
        1,
    ]  # E001 (two days in May 2005) and E002 (2006) stay in their years
    assert [x[:10] for x in fig.data[3].x] == ["2005-07-02", "2006-07-02"]  # the middle of each year on a date axis
    assert fig.layout.xaxis.type == "date" and fig.layout.hovermode == "x"
    assert alt == "For demo, per year: 2005 and 2006 are peaks however the uncertain dates are placed."


def test_coverage_matrix(course):
    fig = figures.coverage_matrix(course)
    alt = assert_finished(fig)
    assert kinds(fig) == ["Scatter", "Scatter"]
    assert [t.name for t in fig.data] == ["matches the record", "partly matches"]
    assert "demo mentions the most events (2)" in alt and "1 of the 2 mentions differ" in alt
    assert "demo ¶2" in hovers(fig) and "The record has 2007." in hovers(fig)
    # events run down the side, one row each, so the matrix grows in height and never in width
    assert fig.layout.yaxis.type == "category" and len(fig.layout.yaxis.categoryarray) == 2 and fig.layout.width is None
    assert_legend_below(fig)


def test_claims_chart(course):
    fig = figures.claims_chart(course)
    alt = assert_finished(fig)
    assert kinds(fig) == ["Bar"] * 4
    assert {t.name for t in fig.data} == {"fact", "interpretation", "favours", "opposes"}
    assert "mostly interpretation (2)" in alt and "most often of attitude favours (2)" in alt
    assert "demo: 2 interpretation claim(s)" in hovers(fig)


def test_every_figure_builds_on_the_course_data():
    course = load_course()
    for fig in (
        figures.source_spans(course),
        figures.timeline(course),
        figures.timeline(course, "actor", "eir2013"),
        figures.record_selection(course),
        figures.robust_peaks(course),
        figures.robust_peaks(course, "quarter", source_id="eir2013"),
        figures.density_compare(course),
        figures.density_compare(course, "quarter"),
        figures.density_by(course, "reading"),
        figures.density_by(course, "theme"),
        figures.coverage_matrix(course),
        figures.claims_chart(course),
    ):
        assert_finished(fig)


def test_timeline_of_one_event_and_of_none(demo_data, demo_readings):
    add_row(demo_data, "sources", **OTHER_SOURCE)
    add_row(
        demo_data,
        "mentions",
        event_id="E002",
        source_id="other",
        paragraph=4,
        anchor="the memo",
        matches_record="undated",
        framing="A memo.",
    )
    course = load_course(demo_data, demo_readings)
    alt = assert_finished(figures.timeline(course, lanes=["other"]))
    assert (
        alt.startswith("1 event in 1 lane (other 1) from 2006 (E002) to 2006 (E002)")
        and "1 mark is a bar because its date is uncertain or long" in alt
    )
    assert "dashed lines mark when other was published (2008)" in alt
    assert "other ¶4: no date given" in hovers(figures.timeline(course, reading="other"))
    empty = dataclasses.replace(course, mentions=course.mentions.iloc[0:0])
    fig = figures.timeline(empty, lanes=["other"])
    assert fig.data == () and "No events to show for other" in describe(fig)
    assert "No mentions" in describe(figures.coverage_matrix(empty))


def test_reading_colours_and_names_come_from_sources_csv():
    course = load_course()
    course.sources.loc[course.sources["source_id"] == "blog2007", ["colour", "short_name"]] = [
        "#56B4E9",
        "A renamed blog",
    ]
    fig = figures.source_spans(course)
    assert "#56B4E9" in list(fig.data[0].marker.color)
    assert "blog2007 · A renamed blog" in list(fig.data[0].y)
    lanes = figures.timeline(course).layout.yaxis.ticktext
    assert any("A renamed blog" in t for t in lanes)
