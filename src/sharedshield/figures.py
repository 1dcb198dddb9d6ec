"""Every chart of notebooks 01-03, 07 and 08: functions returning a finished plotly Figure with its one-sentence text alternative."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from . import density as dens
from . import tables
from .data import Course
from .dates import describe_date
from .figkit import OKABE_ITO, SOURCE_NAMES, colour_map, finish, wrap_hover

DAY_MS = 86_400_000
MAX_GROUPS = 7  # colours before the rest is lumped into "other"
COLOUR_BY = {"theme": "theme", "actor": "actor1_code"}
VERDICT_STYLE = {  # matches_record -> (colour, symbol, legend label); colour and shape both differ
    "yes": ("#009E73", "circle", "matches the record"),
    "partly": ("#E69F00", "diamond", "partly matches"),
    "no": ("#D55E00", "x", "contradicts the record"),
    "undated": ("#56B4E9", "circle-open", "gives no date"),
}
KIND_COLOURS = {"fact": "#0072B2", "interpretation": "#56B4E9", "value": "#CC79A7", "prediction": "#F0E442", "recommendation": "#000000"}
ATTITUDE_COLOURS = {"favours": "#009E73", "mixed": "#E69F00", "opposes": "#D55E00", "none": "#999999"}


def _day(ts: pd.Timestamp) -> str:
    """'7 Jun 2007'."""
    return f"{ts.day} {ts:%b %Y}"


def _iso(ts: pd.Timestamp) -> str:
    """An ISO date-time string plotly places on a date axis."""
    return pd.Timestamp(ts).isoformat()


def _name(source_id: str) -> str:
    """A reading's display name with its id, e.g. 'eir2013 · EIR timeline (2013)'."""
    return f"{source_id} · {SOURCE_NAMES[source_id]}" if source_id in SOURCE_NAMES else source_id


def _short(text: str, n: int = 42) -> str:
    """Shorten a title for an axis label."""
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


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
        return _empty("When each reading was written, and what period it covers", "date", "reading", "No reading mentions any event yet.")
    m = tables.mentions_with_events(course).sort_values("record_start")
    names = [_name(s) for s in spans["source_id"]]
    colours = colour_map(list(spans["source_id"]))
    fig = go.Figure()
    fig.add_trace(go.Bar(
        orientation="h", y=names, base=[_iso(t) for t in spans["first_event"]],
        x=[((b - a).days + 1) * DAY_MS for a, b in zip(spans["first_event"], spans["last_event"], strict=True)],
        marker=dict(color=[colours[s] for s in spans["source_id"]], opacity=0.35), name="span of the events it mentions",
        hovertext=[f"{s}: mentions {n} events, from {_day(a)} to {_day(b)} ({y} years)" for s, n, a, b, y in
                   zip(spans["source_id"], spans["events"], spans["first_event"], spans["last_event"], spans["years_covered"], strict=True)],
        hovertemplate="%{hovertext}<extra></extra>"))
    fig.add_trace(go.Scatter(
        x=[_iso(t) for t in m["record_start"]], y=[_name(s) for s in m["source_id"]], mode="markers", name="an event it mentions (record date)",
        marker=dict(symbol="line-ns-open", size=14, color=[colours.get(s, "#000000") for s in m["source_id"]], line=dict(width=2)),
        hovertext=[f"{s} ¶{p}: {e} {wrap_hover(t, 60)}<br>record date: {w}" for s, p, e, t, w in
                   zip(m["source_id"], m["paragraph"], m["event_id"], m["title"], m["record_words"], strict=True)],
        hovertemplate="%{hovertext}<extra></extra>"))
    fig.add_trace(go.Scatter(
        x=[_iso(t) for t in spans["published_start"]], y=names, mode="markers", name="publication date",
        marker=dict(symbol="diamond", size=14, color="#000000"),
        hovertext=[f"{s}: published {describe_date(p)}" for s, p in zip(spans["source_id"], spans["published"], strict=True)],
        hovertemplate="%{hovertext}<extra></extra>"))
    fig.update_yaxes(categoryorder="array", categoryarray=names[::-1])
    fig.update_xaxes(type="date")
    fig.update_layout(barmode="overlay", height=180 + 70 * len(spans), legend=dict(orientation="h", y=-0.3))
    longest = spans.loc[spans["years_covered"].idxmax()]
    shortest = spans.loc[spans["years_covered"].idxmin()]
    alt = (f"{longest.source_id} covers the longest span of events, {longest.years_covered} years from {_day(longest.first_event)} to {_day(longest.last_event)}, "
           f"and {shortest.source_id} the shortest, {shortest.years_covered} years from {_day(shortest.first_event)} to {_day(shortest.last_event)}; "
           f"the publication dates run from {_day(spans['published_start'].min())} to {_day(spans['published_start'].max())}.")
    return finish(fig, "When each reading was written, and what period it covers", "date (record dates of the events mentioned)", "reading", alt)


# --- 02 Timeline ----------------------------------------------------------------------------------------------------


def _groups(values: pd.Series, limit: int = MAX_GROUPS) -> pd.Series:
    """Keep the most frequent categories and lump the rest into 'other' (so colours stay distinguishable)."""
    counts = values.value_counts()
    keep = set(counts.index[:limit]) if len(counts) > limit + 1 else set(counts.index)
    return values.where(values.isin(keep), "other")


def timeline_frame(course: Course, colour_by: str = "theme", reading: str | None = None) -> pd.DataFrame:
    """The events a timeline draws, with group, label, span-or-point decision and hover text."""
    if colour_by not in COLOUR_BY:
        raise ValueError(f"colour_by must be one of {', '.join(COLOUR_BY)}, not {colour_by!r}")
    ev = course.events.copy()
    if reading is not None:
        known = set(course.sources["source_id"])
        if reading not in known:
            raise ValueError(f"no reading {reading!r}; the readings are {', '.join(sorted(known))}")
        ev = ev[ev["event_id"].isin(course.mentions.loc[course.mentions["source_id"] == reading, "event_id"])]
    ev = ev.sort_values(["date_start", "event_id"]).reset_index(drop=True)
    if ev.empty:
        return ev
    ev["group"] = _groups(ev[COLOUR_BY[colour_by]])
    ev["days"] = (ev["date_end"] - ev["date_start"]).dt.days + 1
    axis_days = ((ev["date_end"].max() - ev["date_start"].min()).days + 1)
    ev["point"] = (ev["precision"] == "day") | (ev["days"] < axis_days / 200)
    ev["label"] = [f"{e} · {_short(t, 34)}" + (" (bg)" if o == "background" else "") for e, t, o in zip(ev["event_id"], ev["title"], ev["origin"], strict=True)]
    said = tables.statements(course)
    hover = []
    for e in ev.itertuples():
        lines = [f"<b>{e.event_id}: {wrap_hover(e.title, 60)}</b>", wrap_hover(e.summary), f"Record date: {describe_date(e.date)} (confidence: {e.date_confidence})"]
        lines.append("As the readings state it:<br>" + "<br>".join(said[e.event_id]) if e.event_id in said else "Background event: no reading mentions it.")
        lines.append(f"{COLOUR_BY[colour_by]}: {getattr(e, COLOUR_BY[colour_by])}")
        hover.append("<br>".join(lines))
    ev["hover"] = hover
    return ev


def timeline(course: Course, colour_by: str = "theme", reading: str | None = None) -> go.Figure:
    """All events on one time axis: uncertain or long dates as bars, day-precise ones as markers; background events open/hatched."""
    title = "Timeline of events" + (f" mentioned by {reading}" if reading else "") + f", coloured by {colour_by}"
    ev = timeline_frame(course, colour_by, reading)
    if ev.empty:
        return _empty(title, "date", "event", f"No events to show{' for ' + reading if reading else ''}.")
    colours = colour_map([g for g in ev["group"].value_counts().index if g != "other"])
    colours["other"] = "#999999"
    background = ev["origin"] == "background"
    fig = go.Figure()
    for group in [*[g for g in colours if g != "other"], "other"]:
        part = ev[ev["group"] == group]
        if part.empty:
            continue
        spans, points = part[~part["point"]], part[part["point"]]
        if len(spans):
            bg = spans["origin"] == "background"
            fig.add_trace(go.Bar(
                orientation="h", y=list(spans["label"]), base=[_iso(t) for t in spans["date_start"]], x=[d * DAY_MS for d in spans["days"]],
                name=group, legendgroup=group, marker=dict(color=colours[group], line=dict(color=colours[group], width=1),
                                                           pattern=dict(shape=["/" if b else "" for b in bg])),
                opacity=0.85, hovertext=list(spans["hover"]), hovertemplate="%{hovertext}<extra></extra>"))
        if len(points):
            bg = points["origin"] == "background"
            mid = points["date_start"] + pd.to_timedelta(points["days"] * 12, unit="h")
            fig.add_trace(go.Scatter(
                x=[_iso(t) for t in mid], y=list(points["label"]), mode="markers", name=group, legendgroup=group, showlegend=spans.empty,
                marker=dict(color=colours[group], size=11, symbol=["circle-open" if b else "circle" for b in bg], line=dict(width=2, color=colours[group])),
                hovertext=list(points["hover"]), hovertemplate="%{hovertext}<extra></extra>"))
    if background.any():
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name="background event (open / hatched)",
                                 marker=dict(symbol="circle-open", size=11, color="#000000"), hoverinfo="skip"))
    fig.update_yaxes(categoryorder="array", categoryarray=list(ev["label"]), autorange="reversed", tickfont=dict(size=11))
    fig.update_xaxes(type="date")
    fig.update_layout(barmode="overlay", height=220 + 22 * len(ev), bargap=0.3,
                      legend=dict(title=colour_by, orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0))
    first, last = ev.iloc[0], ev.loc[ev["date_end"].idxmax()]
    years = Counter(ev["date_start"].dt.year)
    busiest, n_busiest = max(sorted(years.items()), key=lambda kv: kv[1])
    n_spans, n_background = int((~ev["point"]).sum()), int(background.sum())
    extent = (f"1 event, {first.event_id} ({first.title}), dated {describe_date(first.date)}" if len(ev) == 1 else
              f"{len(ev)} events from {describe_date(first.date)} ({first.event_id}, {first.title}) to {describe_date(last.date)} ({last.event_id}, {last.title})")
    alt = (f"{extent}; {n_spans} {'is' if n_spans == 1 else 'are'} drawn as spans because their dates are uncertain or long, "
           f"{n_background} {'is a background event' if n_background == 1 else 'are background events'}, and the most events start in {busiest} ({n_busiest}).")
    fig = finish(fig, title, "date (record)", "event (bg = background)", alt)
    return fig.update_layout(margin=dict(t=150))  # room for the legend above a tall chart, so the time axis keeps the page width


# --- 03 Event density -----------------------------------------------------------------------------------------------


def density_compare(course: Course, freq: dens.Freq = "year") -> go.Figure:
    """Naive count (all of an event in the bin of its first day) beside the precision-aware density (spread over its days)."""
    table = dens.density_table(course.events, freq)
    unit = {"year": "year", "quarter": "quarter", "month": "month"}[freq]
    fig = go.Figure()
    fig.add_trace(go.Bar(x=list(table["bin"]), y=list(table["naive"]), name="naive count (bin of date_start)", marker_color="#999999",
                         hovertemplate="%{x}: %{y:.0f} events start here<extra>naive count</extra>"))
    fig.add_trace(go.Bar(x=list(table["bin"]), y=list(table["density"]), name="precision-aware density (spread over the days)", marker_color=OKABE_ITO[4],
                         hovertemplate="%{x}: %{y:.2f} events' worth of days<extra>precision-aware</extra>"))
    fig.update_layout(barmode="group", legend=dict(orientation="h", y=-0.25))
    fig.update_xaxes(type="category", tickangle=-45, nticks=30)
    naive_peak, density_peak = dens.peak(table, "naive"), dens.peak(table, "density")
    moved = float((table["naive"] - table["density"]).abs().sum() / 2)
    alt = (f"The naive count peaks at {naive_peak[1]:.0f} events in {naive_peak[0]} and the precision-aware density at {density_peak[1]:.1f} in {density_peak[0]}; "
           f"both add up to {len(course.events)} events, and spreading uncertain dates moves {moved:.1f} events' worth between {unit}s.")
    return finish(fig, f"Events per {unit}: naive count and precision-aware density", unit, "events", alt)


def density_by(course: Course, by: str = "reading", freq: dens.Freq = "year") -> go.Figure:
    """Precision-aware density per reading (of its mentions, at the record dates), theme or actor: one line per group."""
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
    groups = list(df["group"].value_counts().index) if by != "reading" else [s for s in course.sources["source_id"] if s in set(df["group"])]
    colours = colour_map(groups)
    fig = go.Figure()
    edges_ = pd.to_datetime(bins).to_numpy()
    names = (df["source_id"] + " ¶" + df["paragraph"].astype(str)) if by == "reading" else df["event_id"]
    for g in groups:
        part = table[table["group"] == g]
        mine = (df["group"] == g).to_numpy()
        starts, ends, who = df["date_start"].to_numpy()[mine], df["date_end"].to_numpy()[mine], names.to_numpy()[mine]
        hover = []
        for k, (label, value) in enumerate(zip(part["bin"], part["density"], strict=True)):
            where = ", ".join(who[(starts < edges_[k + 1]) & (ends >= edges_[k])])  # numpy masks: a pandas filter per bin cost ~1 s a notebook
            hover.append(f"{g}, {label}: {value:.2f} {unit_word}" + (f"<br>{wrap_hover(where, 60)}" if where else ""))
        fig.add_trace(go.Scatter(x=list(part["bin"]), y=list(part["density"]), mode="lines+markers", name=str(g), line=dict(color=colours[g], width=2),
                                 marker=dict(size=7), hovertext=hover, hovertemplate="%{hovertext}<extra></extra>"))
    fig.update_xaxes(type="category", tickangle=-45, nticks=30)
    fig.update_layout(legend=dict(title=by))
    peaks = []
    for g in groups:
        label, value = dens.peak(table[table["group"] == g])
        peaks.append((value, g, label))
    peaks.sort(key=lambda p: -p[0])
    alt = "Peaks: " + "; ".join(f"{g} at {v:.1f} {unit_word} in {label}" for v, g, label in peaks[:5]) + (f"; and {len(peaks) - 5} more groups" if len(peaks) > 5 else "") + "."
    subtitle = " (each mention placed at its event's record date)" if by == "reading" else ""
    return finish(fig, f"Precision-aware density of {what} by {by}{subtitle}", freq, what, alt)


# --- 07 Corroboration -----------------------------------------------------------------------------------------------


def coverage_matrix(course: Course) -> go.Figure:
    """Readings x events dot matrix: who mentions what; colour and shape say whether the reading's date matches the record."""
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
        hover = [f"{s} ¶{p}: {e} {wrap_hover(t, 60)}<br>the reading says: {('“' + d + '”') if d else 'no date'}<br>the record says: {w}<br>{label}"
                 + (f"<br>{wrap_hover(x)}" if x else "") for s, p, e, t, d, w, x in
                 zip(part["source_id"], part["paragraph"], part["event_id"], part["title"], part["date_as_stated"], part["record_words"], part["discrepancy"], strict=True)]
        fig.add_trace(go.Scatter(x=[xlabel[e] for e in part["event_id"]], y=list(part["source_id"]), mode="markers", name=label,
                                 marker=dict(color=colour, symbol=symbol, size=12, line=dict(width=2, color=colour)),
                                 hovertext=hover, hovertemplate="%{hovertext}<extra></extra>"))
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=[xlabel[e] for e in order], tickangle=-90, tickfont=dict(size=10))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=readers[::-1])
    fig.update_layout(height=400, width=max(800, 16 * len(order) + 330), legend=dict(title="the reading's date"))
    per = m.groupby("source_id")["event_id"].nunique()
    shared = m.groupby("event_id")["source_id"].nunique()
    n_bad = int(m["matches_record"].isin(tables.MISMATCH).sum())
    alt = (f"{per.idxmax()} mentions the most events ({per.max()}) and {per.idxmin()} the fewest ({per.min()}); "
           f"{int((shared >= 2).sum())} of the {len(order)} mentioned events {'appears' if int((shared >= 2).sum()) == 1 else 'appear'} in two or more readings, "
           f"{int((shared == len(readers)).sum())} in all {len(readers)}, and {n_bad} of the {len(m)} mentions differ from the record in part or whole.")
    return finish(fig, "Which reading mentions which event, and does its date match the record?", "event (record order)", "reading", alt)


def claims_chart(course: Course) -> go.Figure:
    """The three arguments side by side: claims per reading by kind (left) and by attitude to cooperation (right)."""
    claims = course.claims
    if claims.empty:
        return _empty("What the readings claim", "claims", "reading", "No claims yet.")
    readers = [s for s in course.sources["source_id"] if s in set(claims["source_id"])]
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.06, subplot_titles=("by kind of claim", "by attitude to cooperation"))
    for col, (field, palette) in enumerate((("kind", KIND_COLOURS), ("attitude", ATTITUDE_COLOURS)), start=1):
        counts = tables.claim_counts(course, field)
        for value in [v for v in palette if v in counts.columns]:
            where = {s: ", ".join(f"¶{p}" for p in claims[(claims["source_id"] == s) & (claims[field] == value)]["paragraph"]) for s in readers}
            fig.add_trace(go.Bar(orientation="h", y=readers, x=[int(counts.loc[s, value]) for s in readers], name=value, marker_color=palette[value],
                                 legendgroup=field, legendgrouptitle_text=field,
                                 hovertext=[f"{s}: {int(counts.loc[s, value])} {value} claim(s)" + (f"<br>{wrap_hover(where[s], 60)}" if where[s] else "") for s in readers],
                                 hovertemplate="%{hovertext}<extra></extra>"), row=1, col=col)
    fig.update_layout(barmode="stack", height=200 + 60 * len(readers), legend=dict(groupclick="toggleitem", traceorder="grouped"))
    fig.update_yaxes(categoryorder="array", categoryarray=readers[::-1])
    total = claims.groupby("source_id").size()
    top_kind = {s: claims[claims["source_id"] == s]["kind"].value_counts() for s in readers}
    top_attitude = {s: claims[claims["source_id"] == s]["attitude"].value_counts() for s in readers}
    alt = (f"{total.idxmax()} makes the most claims ({total.max()}) and {total.idxmin()} the fewest ({total.min()}); "
           + "; ".join(f"{s}'s claims are mostly {top_kind[s].index[0]} ({top_kind[s].iloc[0]}) and most often of attitude {top_attitude[s].index[0]} ({top_attitude[s].iloc[0]})" for s in readers) + ".")
    fig = finish(fig, "Three arguments compared: what kind of claims, and which attitude to cooperation", "number of claims", "reading", alt)
    return fig.update_yaxes(title_text=None, row=1, col=2)


__all__ = ["claims_chart", "coverage_matrix", "density_by", "density_compare", "source_spans", "timeline", "timeline_frame"]
