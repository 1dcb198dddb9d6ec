"""All charts of notebooks 01-03, 07 and 08: functions returning a finished plotly Figure with one-sentence alt text."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from . import density as dens
from . import record, tables
from .data import Course
from .dates import describe_date
from .figkit import OKABE_ITO, RECORD_COLOUR, colour_map, finish, source_colours, source_names, wrap_hover

DAY_MS = 86_400_000
MAX_GROUPS = 7  # colours before the rest is lumped into "other"
COLOUR_BY = {"theme": "theme", "actor": "actor1_code"}
VERDICT_STYLE = {  # matches_record -> (colour, symbol, legend label); colour and shape both differ
    "yes": ("#009E73", "circle", "matches the record"),
    "partly": ("#E69F00", "diamond", "partly matches"),
    "no": ("#D55E00", "x", "contradicts the record"),
    "undated": ("#56B4E9", "circle-open", "gives no date"),
}
# Actor codes are ISO 3166 alpha-3 codes or organisation codes (data/README.md, "Event codes"): legends spell them out.
ACTOR_NAMES = {
    "USA": "United States",
    "RUS": "Russia",
    "SUN": "Soviet Union",
    "NATO": "NATO",
    "NRC": "NATO-Russia Council",
    "PRK": "North Korea",
    "DEU": "Germany",
    "CZE": "Czech Republic",
    "ROU": "Romania",
    "JPN": "Japan",
    "UN": "United Nations",
    "GBR": "United Kingdom",
    "POL": "Poland",
    "IRN": "Iran",
    "TUR": "Turkey",
    "ESP": "Spain",
    "ALQAEDA": "al-Qaeda",
    "G8": "Group of Eight",
    "AZE": "Azerbaijan",
    "CHN": "China",
    "UKR": "Ukraine",
    "FRA": "France",
    "EU": "European Union",
}
KIND_COLOURS = {
    "fact": "#0072B2",
    "interpretation": "#56B4E9",
    "value": "#CC79A7",
    "prediction": "#F0E442",
    "recommendation": "#000000",
}
ATTITUDE_COLOURS = {"favours": "#009E73", "mixed": "#E69F00", "opposes": "#D55E00", "none": "#999999"}


def _day(ts: pd.Timestamp) -> str:
    """'7 Jun 2007'."""
    return f"{ts.day} {ts:%b %Y}"


def _iso(ts: pd.Timestamp) -> str:
    """An ISO date-time string plotly places on a date axis."""
    return pd.Timestamp(ts).isoformat()


STEP = {"year": pd.DateOffset(years=1), "quarter": pd.DateOffset(months=3), "month": pd.DateOffset(months=1)}
HOVER_FORMAT = {
    "year": "%Y",
    "quarter": "%Y Q%q",
    "month": "%b %Y",
}  # the bin a hovered date falls in, as its label reads


def _mid(starts: object, freq: dens.Freq) -> list[str]:
    """The middle of each bin that starts at `starts`, as dates plotly places on a date axis."""
    first = pd.to_datetime(pd.Series(list(starts)))
    return [_iso(a + (a + STEP[freq] - a) / 2) for a in first]


def _period_axis(fig: go.Figure, freq: dens.Freq) -> go.Figure:
    """A date axis for bins (years, quarters, months): plotly thins tick labels to fit; hover finds the nearest bin."""
    fig.update_xaxes(type="date", hoverformat=HOVER_FORMAT[freq], ticklabelmode="instant", showgrid=False)
    return fig.update_layout(hovermode="x", hoverdistance=-1)


def _name(course: Course, source_id: str) -> str:
    """A reading's display name with its id, e.g. 'eir2013 · EIR timeline (2013)' (the short name from sources.csv)."""
    names = source_names(course.sources)
    return f"{source_id} · {names[source_id]}" if source_id in names else source_id


def _empty(title: str, x: str, y: str, what: str) -> go.Figure:
    """A figure with no marks and a text alternative that says so."""
    fig = go.Figure()
    fig.add_annotation(text=what, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    return finish(fig, title, x, y, what)


# --- 01 Meet the sources --------------------------------------------------------------------------------------------


def source_spans(course: Course) -> go.Figure:
    """Each reading's publication date against the span of events it mentions (earliest to latest record day)."""
    spans = tables.source_spans(course).dropna(subset=["first_event"])
    if spans.empty:
        return _empty(
            "When each reading was written, and what period it covers",
            "date",
            "reading",
            "No reading mentions any event yet.",
        )
    m = tables.mentions_with_events(course).sort_values("record_start")
    names = [_name(course, s) for s in spans["source_id"]]
    colours = colour_map(list(spans["source_id"]), source_colours(course.sources))
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            orientation="h",
            y=names,
            base=[_iso(t) for t in spans["first_event"]],
            x=[((b - a).days + 1) * DAY_MS for a, b in zip(spans["first_event"], spans["last_event"], strict=True)],
            marker=dict(color=[colours[s] for s in spans["source_id"]], opacity=0.35),
            name="span of the events it mentions",
            hovertext=[
                f"{s}: mentions {n} events, from {_day(a)} to {_day(b)} ({y} years)"
                for s, n, a, b, y in zip(
                    spans["source_id"],
                    spans["events"],
                    spans["first_event"],
                    spans["last_event"],
                    spans["years_covered"],
                    strict=True,
                )
            ],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[_iso(t) for t in m["record_start"]],
            y=[_name(course, s) for s in m["source_id"]],
            mode="markers",
            name="an event it mentions (record date)",
            marker=dict(
                symbol="line-ns-open",
                size=14,
                color=[colours.get(s, "#000000") for s in m["source_id"]],
                line=dict(width=2),
            ),
            hovertext=[
                f"{s} ¶{p}: {e} {wrap_hover(t, 60)}<br>record date: {w}"
                for s, p, e, t, w in zip(
                    m["source_id"], m["paragraph"], m["event_id"], m["title"], m["record_words"], strict=True
                )
            ],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[_iso(t) for t in spans["published_start"]],
            y=names,
            mode="markers",
            name="publication date",
            marker=dict(symbol="diamond", size=14, color="#000000"),
            hovertext=[
                f"{s}: published {describe_date(p)}"
                for s, p in zip(spans["source_id"], spans["published"], strict=True)
            ],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    fig.update_yaxes(categoryorder="array", categoryarray=names[::-1])
    fig.update_xaxes(type="date")
    fig.update_layout(barmode="overlay", height=230 + 70 * len(spans))
    longest = spans.loc[spans["years_covered"].idxmax()]
    shortest = spans.loc[spans["years_covered"].idxmin()]
    alt = (
        f"{longest.source_id} covers the longest span of events, {longest.years_covered} years from"
        f" {_day(longest.first_event)} to {_day(longest.last_event)}, and {shortest.source_id} the shortest,"
        f" {shortest.years_covered} years from {_day(shortest.first_event)} to {_day(shortest.last_event)}; the"
        f" publication dates run from {_day(spans['published_start'].min())} to {_day(spans['published_start'].max())}."
    )
    return finish(
        fig,
        "When each reading was written, and what period it covers",
        "date (record dates of the events mentioned)",
        "reading",
        alt,
    )


# --- 02 Timeline ----------------------------------------------------------------------------------------------------

RECORD_LANE, BACKGROUND_LANE = "record", "background"
DEFAULT_WINDOW = ("1999-01-01", None)  # the view opens here; earlier context stays on the range slider
JITTER = (
    -0.27,
    -0.09,
    0.09,
    0.27,
)  # vertical offsets inside a lane, so events on nearby days do not hide each other (7 rows when crowded)


def _groups(values: pd.Series, limit: int = MAX_GROUPS) -> pd.Series:
    """Keep the most frequent categories and lump the rest into 'other' (so colours stay distinguishable)."""
    counts = values.value_counts()
    keep = set(counts.index[:limit]) if len(counts) > limit + 1 else set(counts.index)
    return values.where(values.isin(keep), "other")


def legend_name(group: object, colour_by: str) -> str:
    """A group's legend entry: an actor code with its name ('SUN (Soviet Union)'), anything else as it is."""
    code = str(group)
    if colour_by == "actor" and code in ACTOR_NAMES and ACTOR_NAMES[code] != code:
        return f"{code} ({ACTOR_NAMES[code]})"
    return code


def lane_name(lane: str, names: dict[str, str]) -> str:
    """A lane's label on the y-axis."""
    if lane == RECORD_LANE:
        return "on the record<br>(chronologies)"
    if lane == BACKGROUND_LANE:
        return "background<br>(course)"
    return f"{lane}<br>{names[lane]}" if lane in names else lane  # two short lines leave the plot its width


def timeline_frame(
    course: Course,
    colour_by: str = "theme",
    reading: str | None = None,
    *,
    lanes: list[str] | None = None,
    themes: list[str] | None = None,
    actors: list[str] | None = None,
) -> pd.DataFrame:
    """A row per event and lane (record, each reading mentioning it, or background), with group, position, hover."""
    if colour_by not in COLOUR_BY:
        raise ValueError(f"colour_by must be one of {', '.join(COLOUR_BY)}, not {colour_by!r}")
    readers = list(course.sources["source_id"])
    known = [RECORD_LANE, *readers, BACKGROUND_LANE]
    if reading is not None and reading not in readers:
        raise ValueError(f"no reading {reading!r}; the readings are {', '.join(readers)}")
    wanted = list(lanes) if lanes is not None else ([RECORD_LANE, reading] if reading is not None else known)
    bad = [x for x in wanted if x not in known]
    if bad:
        raise ValueError(f"no lane {', '.join(map(repr, bad))}; the lanes are {', '.join(known)}")
    ev = course.events[course.events["date_start"].notna()].copy()
    if themes is not None:
        ev = ev[ev["theme"].isin(list(themes))]
    if actors is not None:
        ev = ev[ev["actor1_code"].isin(list(actors)) | ev["actor2_code"].isin(list(actors))]
    listed = record.on_record(course).set_index("event_id")[["salience", "chronologies"]]
    m = course.mentions[["event_id", "source_id"]].drop_duplicates()
    rows = [m.rename(columns={"source_id": "lane"}), pd.DataFrame({"event_id": listed.index, "lane": RECORD_LANE})]
    rows.append(
        pd.DataFrame(
            {
                "event_id": ev.loc[~ev["event_id"].isin(set(m["event_id"]) | set(listed.index)), "event_id"],
                "lane": BACKGROUND_LANE,
            }
        )
    )
    pairs = pd.concat(rows, ignore_index=True)
    pairs = pairs[pairs["lane"].isin(wanted)]
    out = pairs.merge(ev, on="event_id", how="inner")
    if out.empty:
        return out
    order = [x for x in known if x in wanted]
    out["lane_index"] = out["lane"].map({x: i for i, x in enumerate(order)})
    out = out.sort_values(["lane_index", "date_start", "event_id"]).reset_index(drop=True)
    every = course.events[COLOUR_BY[colour_by]]
    out["group"] = out[COLOUR_BY[colour_by]].map(
        dict(zip(every, _groups(every), strict=True))
    )  # groups of the whole course: filters keep colours
    out["days"] = (out["date_end"] - out["date_start"]).dt.days + 1
    out["point"] = out["days"] <= 31  # a month or less is a marker at any zoom that shows years; longer dates are bars
    rank, size = out.groupby("lane").cumcount().to_numpy(), out.groupby("lane")["event_id"].transform("size").to_numpy()
    levels = np.where(size > 60, 7, len(JITTER))  # a crowded lane gets more rows
    out["y"] = out["lane_index"] + (rank % levels - (levels - 1) / 2) * (0.72 / (levels - 1)) * np.where(
        size > 60, 1, 0.75
    )
    out["salience"] = out["event_id"].map(listed["salience"]).fillna(0).astype(int)
    said = tables.statements(course)
    hover = []
    for e in out.itertuples():
        lines = [
            f"<b>{e.event_id}: {wrap_hover(e.title, 60)}</b>",
            f"Record date: {describe_date(e.date)} (confidence: {e.date_confidence}; precision: {e.precision})",
        ]
        if e.lane == RECORD_LANE:
            lines.append(
                f"Source: listed by {e.salience} chronolog{'y' if e.salience == 1 else 'ies'}:"
                f" {listed.at[e.event_id, 'chronologies']}"
            )
        elif e.lane == BACKGROUND_LANE:
            lines.append(
                "Source: added by the course for context (no reading mentions it, no chronology in the data lists it)"
            )
        else:
            lines.append("Source: " + "<br>".join(s for s in said.get(e.event_id, []) if s.startswith(f"{e.lane} ¶")))
        lines.append(f"{COLOUR_BY[colour_by]}: {getattr(e, COLOUR_BY[colour_by])}")
        hover.append("<br>".join(lines))
    out["hover"] = hover
    return out


def _window(
    ev: pd.DataFrame, horizons: pd.Series, window: tuple[str | None, str | None] | None
) -> tuple[pd.Timestamp, pd.Timestamp, pd.Timestamp, pd.Timestamp]:
    """Opening x range (with margin), then without margin: the window clipped to the data and publication dates."""
    lo, hi = (
        ev["date_start"].min(),
        max(ev["date_end"].max(), horizons.max() if len(horizons) else ev["date_end"].max()),
    )
    if window is not None and window[0] is not None:
        lo = max(lo, pd.Timestamp(window[0]))
    if window is not None and window[1] is not None:
        hi = min(hi, pd.Timestamp(window[1]))
    pad = pd.Timedelta(days=max(30, int((hi - lo).days * 0.02)))
    return lo - pad, hi + pad, lo, hi


def _bars_said(n: int) -> str:
    """How many timeline marks are bars, in words that agree with the number."""
    if n == 0:
        return "every mark is a point because every date is short and certain"
    return (
        f"{n} mark{' is a bar because its date is' if n == 1 else 's are bars because their dates are'} uncertain or"
        " long"
    )


def timeline(
    course: Course,
    colour_by: str = "theme",
    reading: str | None = None,
    *,
    lanes: list[str] | None = None,
    themes: list[str] | None = None,
    actors: list[str] | None = None,
    window: tuple[str | None, str | None] | None = DEFAULT_WINDOW,
) -> go.Figure:
    """Lanes for the record and each reading (publication as horizon); opens on `window`, the range slider shows all."""
    ev = timeline_frame(course, colour_by, reading, lanes=lanes, themes=themes, actors=actors)
    shown = (
        list(dict.fromkeys(ev["lane"]))
        if not ev.empty
        else (list(lanes) if lanes is not None else [RECORD_LANE, reading] if reading else [])
    )
    what = (
        "the record and the readings"
        if lanes is None and reading is None
        else " and ".join(x if x != RECORD_LANE else "the record" for x in shown) or "these lanes"
    )
    title = f"Timeline: {what}, by {colour_by}"  # short enough for a printed page (about 600 px)
    if ev.empty:
        return _empty(title, "date (record)", "lane", f"No events to show for {what} with these filters.")
    order = list(dict.fromkeys(ev.sort_values("lane_index")["lane"]))
    every = _groups(course.events[COLOUR_BY[colour_by]])
    colours = colour_map([g for g in every.value_counts().index if g != "other"], source_colours(course.sources))
    colours["other"] = "#999999"
    fig = go.Figure()
    for group in [*[g for g in colours if g != "other"], "other"]:
        part = ev[ev["group"] == group]
        if part.empty:
            continue
        spans, points = part[~part["point"]], part[part["point"]]
        if len(spans):
            fig.add_trace(
                go.Bar(
                    orientation="h",
                    y=list(spans["y"]),
                    base=[_iso(t) for t in spans["date_start"]],
                    x=[d * DAY_MS for d in spans["days"]],
                    width=0.14,
                    name=legend_name(group, colour_by),
                    legendgroup=str(group),
                    marker=dict(color=colours[group], line=dict(width=0)),
                    opacity=0.75,
                    hovertext=list(spans["hover"]),
                    hovertemplate="%{hovertext}<extra></extra>",
                    showlegend=points.empty,
                )
            )
        if len(points):
            mid = points["date_start"] + pd.to_timedelta(points["days"] * 12, unit="h")
            size = np.where(points["lane"] == RECORD_LANE, 7 + 2 * np.minimum(points["salience"], 5), 9)
            fig.add_trace(
                go.Scatter(
                    x=[_iso(t) for t in mid],
                    y=list(points["y"]),
                    mode="markers",
                    name=legend_name(group, colour_by),
                    legendgroup=str(group),
                    marker=dict(
                        color=colours[group],
                        size=size,
                        symbol=["circle-open" if b else "circle" for b in points["lane"] == BACKGROUND_LANE],
                        line=dict(width=1.5, color=colours[group]),
                    ),
                    hovertext=list(points["hover"]),
                    hovertemplate="%{hovertext}<extra></extra>",
                )
            )
    shapes = [
        dict(
            type="line", xref="paper", x0=0, x1=1, yref="y", y0=k - 0.5, y1=k - 0.5, line=dict(color="#DDDDDD", width=1)
        )
        for k in range(1, len(order))
    ]
    horizons = (
        course.sources[course.sources["source_id"].isin(order)] if reading or lanes is not None else course.sources
    )
    shapes += [
        dict(
            type="line",
            xref="x",
            x0=_iso(t),
            x1=_iso(t),
            yref="paper",
            y0=0,
            y1=1,
            line=dict(color=source_colours(course.sources).get(sid, RECORD_COLOUR), width=2, dash="dash"),
        )
        for sid, t in zip(horizons["source_id"], horizons["date_start"], strict=True)
    ]
    fig.update_layout(shapes=shapes)  # one layout update: add_hline/add_vline cost ~40 ms each
    for level, s in enumerate(horizons.sort_values("date_start").itertuples()):
        fig.add_annotation(
            x=_iso(s.date_start),
            y=1,
            yref="paper",
            yanchor="bottom",
            yshift=2 + 17 * (level % 3),
            showarrow=False,
            text=f"{s.source_id} published ▾",
            font=dict(size=12, color=source_colours(course.sources).get(s.source_id, RECORD_COLOUR)),
            xanchor="right",
            hovertext=(
                f"{_name(course, s.source_id)}: published {describe_date(s.published)}; it could report only what came"
                " before this line"
            ),
        )
    fig.add_trace(
        go.Scatter(
            x=[None],
            y=[None],
            mode="lines",
            name="a reading's publication (its horizon)",
            line=dict(color="#000000", dash="dash"),
            hoverinfo="skip",
        )
    )
    lo, hi, first_day, last_day = _window(ev, horizons["date_start"], window)
    earlier = ev.drop_duplicates("event_id")
    earlier = earlier[earlier["date_end"] < lo]
    if len(
        earlier
    ):  # pinned to the first day of the opening view: it moves with the dates and leaves when that day does
        fig.add_annotation(
            x=_iso(lo),
            xref="x",
            y=1,
            yref="paper",
            yanchor="bottom",
            yshift=2 + 17 * min(len(horizons), 3),
            xanchor="left",
            showarrow=False,
            text=(
                f"◀ {len(earlier)} event{'s' if len(earlier) != 1 else ''} before"
                f" {_day(first_day)}<br>({earlier['date_start'].dt.year.min()}–{earlier['date_end'].dt.year.max()}): on"
                " the slider below"
            ),
            font=dict(size=12, color="#444444"),
        )
    fig.update_yaxes(
        tickvals=list(range(len(order))),
        ticktext=[lane_name(x, source_names(course.sources)) for x in order],
        range=[len(order) - 0.5, -0.5],
        showgrid=False,
        zeroline=False,
    )
    fig.update_xaxes(
        type="date",
        range=[_iso(lo), _iso(hi)],
        rangeslider=dict(visible=True, thickness=0.07),
        showgrid=True,
        gridcolor="#EEEEEE",
    )
    entries = len([t for t in fig.data if t.showlegend is not False])  # one legend row each on a phone
    height, top = 300 + 95 * len(order) + 24 * entries, 80 + 17 * min(len(horizons) + 2, 5)
    fig.update_layout(
        barmode="overlay", height=height, legend=dict(title=colour_by)
    )  # finish() puts the legend under the slider
    n_events = ev["event_id"].nunique()
    per_lane = ev.groupby("lane")["event_id"].nunique()
    first, last = ev.loc[ev["date_start"].idxmin()], ev.loc[ev["date_end"].idxmax()]
    lanes_said = ", ".join(f"{x} {per_lane[x]}" for x in order)
    alt = (
        f"{n_events} event{'s' if n_events != 1 else ''} in {len(order)} lane{'s' if len(order) != 1 else ''}"
        f" ({lanes_said}) from {describe_date(first.date)} ({first.event_id}) to {describe_date(last.date)}"
        f" ({last.event_id}); the view opens on {first_day.year}–{last_day.year}"
        + (
            f" with {len(earlier)} earlier event{'s' if len(earlier) != 1 else ''} on the range slider"
            if len(earlier)
            else ""
        )
        + f"; {_bars_said(int((~ev['point']).sum()))}; dashed lines mark when "
        + ", ".join(
            f"{s.source_id} was published ({describe_date(s.published)})"
            for s in horizons.sort_values("date_start").itertuples()
        )
        + "."
    )
    fig.update_layout(margin=dict(t=top))  # room for the publication notes over the plot; finish() adds the title's
    return finish(fig, title, "date (record)", "lane", alt)


# --- 03 Event density -----------------------------------------------------------------------------------------------


def density_compare(course: Course, freq: dens.Freq = "year") -> go.Figure:
    """Naive count (an event all in the bin of its first day) beside precision-aware density (spread over its days)."""
    table = dens.density_table(course.events, freq)
    unit = {"year": "year", "quarter": "quarter", "month": "month"}[freq]
    fig = go.Figure()
    x, period = _mid(table["bin_start"], freq), {"year": 365.25, "quarter": 91.3, "month": 30.4}[freq] * DAY_MS
    # years: the two bars side by side; quarters and months: the density drawn inside the naive count's full-width bar,
    # so neither is a hairline, and hovering anywhere above a bin (hovermode x) names both
    wide = freq == "year"
    fig.add_trace(
        go.Bar(
            x=x,
            y=list(table["naive"]),
            name="naive count (all in the bin of date_start)",
            marker_color="#999999",
            width=None if wide else period * 0.95,
            hovertext=[
                f"{b}: {v:.0f} events start here (naive count)"
                for b, v in zip(table["bin"], table["naive"], strict=True)
            ],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Bar(
            x=x,
            y=list(table["density"]),
            name="precision-aware density (spread over its days)",
            marker_color=OKABE_ITO[4],
            width=None if wide else period * 0.55,
            hovertext=[
                f"{b}: {v:.2f} events' worth of days (precision-aware)"
                for b, v in zip(table["bin"], table["density"], strict=True)
            ],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    fig.update_layout(barmode="group" if wide else "overlay", bargap=0.15, bargroupgap=0)
    _period_axis(fig, freq)
    naive_peak, density_peak = dens.peak(table, "naive"), dens.peak(table, "density")
    moved = float((table["naive"] - table["density"]).abs().sum() / 2)
    alt = (
        f"The naive count peaks at {naive_peak[1]:.0f} events in {naive_peak[0]} and the precision-aware density at"
        f" {density_peak[1]:.1f} in {density_peak[0]}; both add up to {len(course.events)} events, and spreading"
        f" uncertain dates moves {moved:.1f} events' worth between {unit}s."
    )
    return finish(fig, f"Events per {unit}: naive count and precision-aware density", unit, "events", alt)


def density_by(course: Course, by: str = "reading", freq: dens.Freq = "year") -> go.Figure:
    """Precision-aware density per reading (of its mentions, at record dates), theme or actor: one line per group."""
    if by == "reading":
        m = tables.mentions_with_events(course).rename(columns={"date_start": "stated_start", "date_end": "stated_end"})
        df = m.rename(columns={"record_start": "date_start", "record_end": "date_end"}).assign(group=m["source_id"])
        what, unit_word = "mentions", "mentions"
    elif by in COLOUR_BY:
        df = course.events.assign(group=_groups(course.events[COLOUR_BY[by]]))
        what, unit_word = "events", "events"
    else:
        raise ValueError(f"by must be reading, theme or actor, not {by!r}")
    if df.empty:
        return _empty(f"Density of {what} by {by}", freq, what, f"No {what} to show.")
    bins = dens.edges(df["date_start"], df["date_end"], freq)
    table = dens.density_table(df, freq, by="group", bins=bins)
    groups = (
        list(df["group"].value_counts().index)
        if by != "reading"
        else [s for s in course.sources["source_id"] if s in set(df["group"])]
    )
    colours = colour_map(groups, source_colours(course.sources))
    fig = go.Figure()
    edges_ = pd.to_datetime(bins).to_numpy()
    names = (df["source_id"] + " ¶" + df["paragraph"].astype(str)) if by == "reading" else df["event_id"]
    for g in groups:
        part = table[table["group"] == g]
        mine = (df["group"] == g).to_numpy()
        starts, ends, who = df["date_start"].to_numpy()[mine], df["date_end"].to_numpy()[mine], names.to_numpy()[mine]
        hover = []
        for k, (label, value) in enumerate(zip(part["bin"], part["density"], strict=True)):
            where = ", ".join(
                who[(starts < edges_[k + 1]) & (ends >= edges_[k])]
            )  # numpy masks: a pandas filter per bin cost ~1 s a notebook
            hover.append(f"{g}, {label}: {value:.2f} {unit_word}" + (f"<br>{wrap_hover(where, 60)}" if where else ""))
        fig.add_trace(
            go.Scatter(
                x=_mid(part["bin_start"], freq),
                y=list(part["density"]),
                mode="lines+markers",
                name=legend_name(g, by),
                line=dict(color=colours[g], width=2),
                marker=dict(size=7),
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    _period_axis(fig, freq)
    fig.update_layout(legend=dict(title=by))
    peaks = []
    for g in groups:
        label, value = dens.peak(table[table["group"] == g])
        peaks.append((value, g, label))
    peaks.sort(key=lambda p: -p[0])
    alt = (
        "Peaks: "
        + "; ".join(f"{g} at {v:.1f} {unit_word} in {label}" for v, g, label in peaks[:5])
        + (f"; and {len(peaks) - 5} more groups" if len(peaks) > 5 else "")
        + "."
    )
    subtitle = " (each mention placed at its event's record date)" if by == "reading" else ""
    return finish(fig, f"Precision-aware density of {what} by {by}{subtitle}", freq, what, alt)


def record_selection(course: Course, freq: dens.Freq = "year") -> go.Figure:
    """A panel per reading: record's share of events per bin (bars), the reading's share of mentions (line), horizon."""
    sel = record.selection(course, freq)
    readers = list(course.sources["source_id"])
    title = "Where the record has its events, and where each reading looks"
    if sel.empty or not readers:
        return _empty(title, freq, "share of events", "No readings to compare.")
    fig = make_subplots(
        rows=len(readers),
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.08,
        subplot_titles=[_name(course, s) for s in readers],
    )
    n_record = len(record.on_record(course))
    lines = []
    for row, sid in enumerate(readers, start=1):
        part = sel[sel["source_id"] == sid]
        before = ~part["after_publication"]
        x = _mid(part["bin_start"], freq)
        fig.add_trace(
            go.Bar(
                x=x,
                y=list(part["record_share"].where(before, 0)),
                name="the record (share of its events)",
                marker_color="#999999",
                legendgroup="record",
                showlegend=row == 1,
                hovertext=[
                    f"the record (chronologies), {b}: {r:.1f} of its events ({s:.0%} of those before {sid} was"
                    f" published); {sid} mentions {m:.1f} of them"
                    for b, r, s, m in zip(
                        part["bin"], part["record"], part["record_share"], part["mentioned"], strict=True
                    )
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            ),
            row=row,
            col=1,
        )
        fig.add_trace(
            go.Scatter(
                x=x,
                y=list(part["reading_share"].where(before)),
                mode="lines+markers",
                name=f"{sid} (share of its mentions)",
                line=dict(color=source_colours(course.sources).get(sid, OKABE_ITO[4]), width=2.5),
                marker=dict(size=6),
                hovertext=[
                    f"{sid}, {b}: {n:.1f} of the events it mentions ({s:.0%})"
                    for b, n, s in zip(part["bin"], part["reading_events"], part["reading_share"], strict=True)
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            ),
            row=row,
            col=1,
        )
        after = np.flatnonzero(part["after_publication"].to_numpy())
        if after.size:  # from the first bin after publication to the end of the last bin
            fig.add_vrect(
                x0=_iso(part["bin_start"].iloc[after[0]]),
                x1=_iso(part["bin_start"].iloc[-1] + STEP[freq]),
                fillcolor="#DDDDDD",
                opacity=0.5,
                line_width=0,
                row=row,
                col=1,
            )
        crowd = part[before].assign(gap=part["reading_share"] - part["record_share"])
        if len(crowd) and crowd["gap"].abs().max() > 0:
            most, least = crowd.loc[crowd["gap"].idxmax()], crowd.loc[crowd["gap"].idxmin()]
            lines.append(
                f"{sid} gives {most.bin} {most.reading_share:.0%} of its mentions against the record's"
                f" {most.record_share:.0%}, and {least.bin} {least.reading_share:.0%} against {least.record_share:.0%}"
            )
    fig.add_trace(
        go.Bar(
            x=[None],
            y=[None],
            name="after the reading was published (shaded: it could not know)",
            marker_color="#DDDDDD",
            hoverinfo="skip",
        )
    )
    first, last = sel["bin_start"].min(), sel["bin_start"].max() + STEP[freq]
    _period_axis(fig, freq)
    fig.update_xaxes(range=[_iso(first), _iso(last)])
    fig.update_yaxes(tickformat=".0%", rangemode="tozero")
    fig.update_layout(height=260 + 170 * len(readers), bargap=0.15)
    alt = (
        f"Shares per {freq} before each reading's publication, beside the record of {n_record} listed"
        f" event{'s' if n_record != 1 else ''}: " + "; ".join(lines) + "."
    )
    fig = finish(fig, title, freq, "share of events", alt)
    for row in range(1, len(readers)):
        fig.update_xaxes(title_text=None, row=row, col=1)
    fig.update_yaxes(title_text=None)
    fig.update_yaxes(title_text="share of events", row=(len(readers) + 1) // 2, col=1)
    return fig


def robust_peaks(course: Course, freq: dens.Freq = "year", source_id: str | None = None, top: int = 3) -> go.Figure:
    """Record (or one reading's) events per bin, uncertain dates at start, spread, and at end; robust peaks marked."""
    peaks = record.robust_peaks(course, freq, source_id=source_id, top=top)
    whose = source_id or "the record"
    title = f"Do the peaks of {whose} survive where uncertain dates are placed?"
    if peaks[["start", "spread", "end"]].to_numpy().sum() == 0:
        return _empty(title, freq, "events", f"No events of {whose} to count.")
    styles = {
        "spread": ("spread over its days", "#56B4E9", "square"),
        "start": ("at its first possible day", "#E69F00", "triangle-left"),
        "end": ("at its last possible day", "#D55E00", "triangle-right"),
    }
    fig = go.Figure()
    for how, (label, colour, symbol) in styles.items():
        hover = [
            f"{whose}, {b}: {v:.1f} events with each uncertain date {label}"
            + (f" (one of the top {top} bins)" if p else "")
            for b, v, p in zip(peaks["bin"], peaks[how], peaks[f"peak_{how}"], strict=True)
        ]
        if (
            how == "spread"
        ):  # bars for the density; the two extreme placements as markers, so a gap between them shows at once
            fig.add_trace(
                go.Bar(
                    x=_mid(peaks["bin_start"], freq),
                    y=list(peaks[how]),
                    name=f"each uncertain date {label}",
                    marker_color=colour,
                    hovertext=hover,
                    hovertemplate="%{hovertext}<extra></extra>",
                )
            )
            continue
        shown = (peaks[how] > 0) | (peaks["spread"] > 0)
        fig.add_trace(
            go.Scatter(
                x=_mid(peaks.loc[shown, "bin_start"], freq),
                y=list(peaks.loc[shown, how]),
                mode="markers",
                name=f"each uncertain date {label}",
                marker=dict(color=colour, symbol=symbol, size=10, line=dict(width=1, color="#000000")),
                hovertext=[h for h, k in zip(hover, shown, strict=True) if k],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    robust = peaks[peaks["robust"]]
    top_y = peaks[["start", "spread", "end"]].max(axis=1)
    fig.add_trace(
        go.Scatter(
            x=_mid(robust["bin_start"], freq),
            y=list(top_y[peaks["robust"]] * 1.08 + 0.1),
            mode="markers",
            name=f"robust peak (top {top} under all three)",
            marker=dict(symbol="star", size=14, color="#000000"),
            hovertext=[
                f"{whose}, {b}: among the top {top} bins however its uncertain dates are placed" for b in robust["bin"]
            ],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    _period_axis(fig, freq)
    fig.update_yaxes(rangemode="tozero")
    fig.update_layout(height=500, bargap=0.1)
    alt = f"For {whose}, per {freq}: " + record.robust_summary(peaks)
    return finish(fig, title, freq, "events", alt)


# --- 07 Corroboration -----------------------------------------------------------------------------------------------


def coverage_matrix(course: Course) -> go.Figure:
    """Readings x events dot matrix: who mentions what; colour, shape say if the reading's date matches the record."""
    m = tables.mentions_with_events(course).sort_values(["record_start", "event_id", "paragraph"])
    if m.empty:
        return _empty("Which reading mentions which event", "event", "reading", "No mentions yet.")
    order = list(dict.fromkeys(m["event_id"]))
    year = dict(zip(m["event_id"], m["record_start"].dt.year, strict=True))
    xlabel = {e: f"{e} ({year[e]})" for e in order}
    readers = [s for s in course.sources["source_id"] if s in set(m["source_id"])]
    fig = go.Figure()
    for verdict, (colour, symbol, label) in VERDICT_STYLE.items():
        part = m[m["matches_record"] == verdict]
        if part.empty:
            continue
        hover = [
            f"{s} ¶{p}: {e} {wrap_hover(t, 60)}<br>the reading says: {('“' + d + '”') if d else 'no date'}<br>the"
            f" record says: {w}<br>{label}" + (f"<br>{wrap_hover(x)}" if x else "")
            for s, p, e, t, d, w, x in zip(
                part["source_id"],
                part["paragraph"],
                part["event_id"],
                part["title"],
                part["date_as_stated"],
                part["record_words"],
                part["discrepancy"],
                strict=True,
            )
        ]
        fig.add_trace(
            go.Scatter(
                y=[xlabel[e] for e in part["event_id"]],
                x=list(part["source_id"]),
                mode="markers",
                name=label,
                marker=dict(color=colour, symbol=symbol, size=12, line=dict(width=2, color=colour)),
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    # events run down the side (one row each, in record order) and the readings across: the matrix grows in height,
    # which a page can scroll, never in width, which a phone cannot show
    fig.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=[xlabel[e] for e in order][::-1],
        tickfont=dict(size=11),
        showgrid=True,
        gridcolor="#EEEEEE",
    )
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=readers, side="top")
    fig.update_layout(
        height=260 + 18 * len(order), legend=dict(title="the reading's date"), hovermode="closest", margin=dict(t=140)
    )
    per = m.groupby("source_id")["event_id"].nunique()
    shared = m.groupby("event_id")["source_id"].nunique()
    n_bad = int(m["matches_record"].isin(tables.MISMATCH).sum())
    alt = (
        f"{per.idxmax()} mentions the most events ({per.max()}) and {per.idxmin()} the fewest ({per.min()});"
        f" {int((shared >= 2).sum())} of the {len(order)} mentioned events"
        f" {'appears' if int((shared >= 2).sum()) == 1 else 'appear'} in two or more readings,"
        f" {int((shared == len(readers)).sum())} in all {len(readers)}, and {n_bad} of the {len(m)} mentions differ"
        " from the record in part or whole."
    )
    return finish(
        fig,
        "Which reading mentions which event, and does its date match the record?",
        "reading",
        "event (record order)",
        alt,
    )


def claims_chart(course: Course) -> go.Figure:
    """The three arguments side by side: claims per reading by kind (left) and by attitude to cooperation (right)."""
    claims = course.claims
    if claims.empty:
        return _empty("What the readings claim", "claims", "reading", "No claims yet.")
    readers = [s for s in course.sources["source_id"] if s in set(claims["source_id"])]
    fig = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        horizontal_spacing=0.06,
        subplot_titles=("by kind of claim", "by attitude to cooperation"),
    )
    for col, (field, palette) in enumerate((("kind", KIND_COLOURS), ("attitude", ATTITUDE_COLOURS)), start=1):
        counts = tables.claim_counts(course, field)
        for value in [v for v in palette if v in counts.columns]:
            where = {
                s: ", ".join(
                    f"¶{p}" for p in claims[(claims["source_id"] == s) & (claims[field] == value)]["paragraph"]
                )
                for s in readers
            }
            fig.add_trace(
                go.Bar(
                    orientation="h",
                    y=readers,
                    x=[int(counts.loc[s, value]) for s in readers],
                    name=value,
                    marker_color=palette[value],
                    legendgroup=field,
                    legendgrouptitle_text=field,
                    hovertext=[
                        f"{s}: {int(counts.loc[s, value])} {value} claim(s)"
                        + (f"<br>{wrap_hover(where[s], 60)}" if where[s] else "")
                        for s in readers
                    ],
                    hovertemplate="%{hovertext}<extra></extra>",
                ),
                row=1,
                col=col,
            )
    fig.update_layout(
        barmode="stack", height=200 + 60 * len(readers), legend=dict(groupclick="toggleitem", traceorder="grouped")
    )
    fig.update_yaxes(categoryorder="array", categoryarray=readers[::-1])
    total = claims.groupby("source_id").size()
    top_kind = {s: claims[claims["source_id"] == s]["kind"].value_counts() for s in readers}
    top_attitude = {s: claims[claims["source_id"] == s]["attitude"].value_counts() for s in readers}
    alt = (
        f"{total.idxmax()} makes the most claims ({total.max()}) and {total.idxmin()} the fewest ({total.min()}); "
        + "; ".join(
            f"{s}'s claims are mostly {top_kind[s].index[0]} ({top_kind[s].iloc[0]}) and most often of attitude"
            f" {top_attitude[s].index[0]} ({top_attitude[s].iloc[0]})"
            for s in readers
        )
        + "."
    )
    fig = finish(
        fig,
        "Three arguments compared: what kind of claims, and which attitude to cooperation",
        "number of claims",
        "reading",
        alt,
    )
    return fig.update_yaxes(title_text=None, row=1, col=2)


__all__ = [
    "claims_chart",
    "coverage_matrix",
    "density_by",
    "density_compare",
    "lane_name",
    "record_selection",
    "robust_peaks",
    "source_spans",
    "timeline",
    "timeline_frame",
]
