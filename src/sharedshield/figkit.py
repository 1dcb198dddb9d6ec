"""What every chart shares: a colour-blind-safe palette, labelled axes, hover naming the source, and alt text."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

# Re-exported from sharedshield.display: teacher/class_report.ipynb calls figkit.show.
from .display import PLOTLY_MIME, describe, show  # noqa: F401

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
RECORD_COLOUR = (  # the record's lane and lines; each reading's colour and short name come from data/sources.csv
    "#000000"
)
FONT = dict(family="Arial, Helvetica, sans-serif", size=13)
TITLE_CHARS = 40  # a title wraps to lines a phone's width can hold (about 340 px at plotly's 17 px title font)


def wrap_hover(text: object, width: int = 70) -> str:
    """Wrap plain text for a hover box (plotly hover labels do not wrap by themselves; they understand <br>)."""
    return "<br>".join(textwrap.wrap(str(text), width)) if text else ""


def source_colours(sources: pd.DataFrame) -> dict[str, str]:
    """Each reading's colour from sources.csv (its `colour` column), and the record's black."""
    if "colour" not in sources:
        return {"record": RECORD_COLOUR}
    rows = sources[sources["colour"].fillna("").astype(str).str.len() > 0]
    return {**dict(zip(rows["source_id"], rows["colour"], strict=True)), "record": RECORD_COLOUR}


def source_names(sources: pd.DataFrame) -> dict[str, str]:
    """Each reading's short display name from sources.csv (its `short_name` column)."""
    if "short_name" not in sources:
        return {}
    rows = sources[sources["short_name"].fillna("").astype(str).str.len() > 0]
    return dict(zip(rows["source_id"], rows["short_name"], strict=True))


def colour_map(values: list[str], fixed: dict[str, str] | None = None) -> dict[str, str]:
    """A stable colour per category (`fixed` ones, e.g. the readings, keep theirs; others cycle through Okabe-Ito)."""
    fixed = fixed or {}
    out, i = {}, 0
    for v in values:
        if v in fixed:
            out[v] = fixed[v]
        else:
            out[v] = OKABE_ITO[i % len(OKABE_ITO)]
            i += 1
    return out


def legend_below(rows: int = 1) -> dict:
    """A horizontal legend at the figure's foot: it wraps on a narrow screen instead of covering the plot."""
    return dict(orientation="h", x=0, xanchor="left", yref="container", y=0, yanchor="bottom", font=dict(size=12))


def finish(fig: go.Figure, title: str, x_title: str, y_title: str, alt: str) -> go.Figure:
    """Give a figure its title, axis labels, plain template, a layout fitting any width and its one-sentence alt text.

    The figure takes its column's width (no fixed width), its legend goes under the plot (`legend_below`), axis labels
    push the margins they need (automargin) and hovering picks the nearest mark along x when the chart does not say
    otherwise.
    """
    legend = fig.layout.legend.to_plotly_json() if fig.layout.legend else {}
    lines = textwrap.wrap(title, TITLE_CHARS) or [""]
    top = max(fig.layout.margin.t or 0, 40 + 22 * len(lines)) + 22 * (len(lines) - 1) * bool(fig.layout.margin.t)
    fig.update_layout(
        title=dict(
            text="<br>".join(lines),
            x=0.01,
            xanchor="left",
            y=1,
            yref="container",
            yanchor="top",
            pad=dict(t=8 + 22 * (len(lines) - 1)),
        ),  # plotly sets a wrapped title a line too high
        template="simple_white",
        font=FONT,
        hoverlabel=dict(font=FONT, align="left"),
        margin=dict(l=60, r=20, t=top, b=60),
        autosize=True,
        width=None,
        legend={
            **legend_below(),
            **{k: v for k, v in legend.items() if k in ("title", "groupclick", "traceorder", "orientation")},
        },
        meta={"alt": alt},
    )
    fig.update_xaxes(title_text=x_title, automargin=True)
    fig.update_yaxes(title_text=y_title, automargin=True)
    return fig
