"""Argument maps: claims in layers under a reading's thesis, its claims table, its mix of claim kinds and attitudes."""

from __future__ import annotations

from collections import defaultdict, deque

import pandas as pd
import plotly.graph_objects as go

from . import figkit
from .data import Course

KINDS = ("fact", "interpretation", "prediction", "value", "recommendation")
ATTITUDES = ("favours", "opposes", "mixed", "none")
EXPECTATIONS = ("succeed", "fail", "not said")
RELATIONS = ("supports", "attacks")
# Colour AND line style tell the relations apart, so the map reads in greyscale and with any colour-vision deficiency.
RELATION_STYLE = {"supports": dict(color="#0072B2", dash="solid"), "attacks": dict(color="#D55E00", dash="dash")}
ATTITUDE_STYLE = {
    "favours": ("#009E73", "circle"),
    "opposes": ("#E69F00", "square"),
    "mixed": ("#CC79A7", "diamond"),
    "none": ("#999999", "triangle-up"),
}
ATTITUDE_PATTERN = {"favours": "", "opposes": "/", "mixed": "x", "none": "."}
UNLINKED = -1


def claims_of(course: Course, source_id: str) -> pd.DataFrame:
    """The claims of one reading, ordered by paragraph and id (raises KeyError for an unknown reading)."""
    if source_id not in set(course.sources.source_id):
        raise KeyError(f"no reading {source_id!r}; the readings are {', '.join(course.sources.source_id)}")
    df = course.claims[course.claims.source_id == source_id]
    return df.sort_values(["paragraph", "claim_id"]).reset_index(drop=True)


def links_of(course: Course, source_id: str, relation: str | None = None) -> pd.DataFrame:
    """One reading's claim links (from_claim, to_claim, relation), optionally only "supports" or "attacks"."""
    ids = set(claims_of(course, source_id).claim_id)
    df = course.claim_links[course.claim_links.from_claim.isin(ids) & course.claim_links.to_claim.isin(ids)]
    if relation is not None:
        if relation not in RELATIONS:
            raise ValueError(f"relation must be one of {', '.join(RELATIONS)}, not {relation!r}")
        df = df[df.relation == relation]
    return df[["from_claim", "to_claim", "relation"]].reset_index(drop=True)


def thesis_of(course: Course, source_id: str) -> pd.Series:
    """The one thesis claim of a reading (the validator guarantees there is exactly one)."""
    claims = claims_of(course, source_id)
    return claims[claims.is_thesis].iloc[0]


def short_id(claim_id: str) -> str:
    """'blog2007-c05' -> 'c05' (for labels on the map)."""
    return claim_id.rsplit("-", 1)[-1]


def layers(course: Course, source_id: str) -> dict[str, int]:
    """Each claim's layer: 0 for the thesis, else the fewest links from it to the thesis; -1 if no path leads there."""
    claims = claims_of(course, source_id)
    into = defaultdict(list)  # to_claim -> claims that link to it
    for link in links_of(course, source_id).itertuples():
        into[link.to_claim].append(link.from_claim)
    thesis = thesis_of(course, source_id).claim_id
    depth = {thesis: 0}
    queue = deque([thesis])
    while queue:
        node = queue.popleft()
        for child in sorted(into[node]):
            if child not in depth:
                depth[child] = depth[node] + 1
                queue.append(child)
    return {cid: depth.get(cid, UNLINKED) for cid in claims.claim_id}


def layout(course: Course, source_id: str) -> pd.DataFrame:
    """Positions: y = -layer (thesis top, unlinked claims bottom); x orders each layer under the claims it links to."""
    claims = claims_of(course, source_id).set_index("claim_id")
    layer = layers(course, source_id)
    deepest = max([v for v in layer.values() if v != UNLINKED], default=0)
    row = {cid: deepest + 1 if v == UNLINKED else v for cid, v in layer.items()}
    targets = defaultdict(list)
    for link in links_of(course, source_id).itertuples():
        targets[link.from_claim].append(link.to_claim)
    x: dict[str, float] = {}
    for level in range(0, max(row.values(), default=0) + 1):
        members = [c for c in claims.index if row[c] == level]
        placed = [x[t] for c in members for t in targets[c] if t in x]

        def key(c: str, placed: list[float] = placed) -> tuple[float, int, str]:
            above = [x[t] for t in targets[c] if t in x]
            return (
                sum(above) / len(above) if above else (max(placed) + 1 if placed else 0.0),
                int(claims.at[c, "paragraph"]),
                c,
            )

        for i, c in enumerate(sorted(members, key=key)):
            x[c] = i - (len(members) - 1) / 2
    out = pd.DataFrame({"claim_id": list(claims.index)})
    out["layer"] = [layer[c] for c in out.claim_id]
    out["row"] = [row[c] for c in out.claim_id]
    out["x"] = [x[c] for c in out.claim_id]
    out["y"] = -out["row"].astype(float)
    return out


def _links_text(course: Course, source_id: str) -> dict[str, str]:
    """For each claim, what it does and what is done to it, e.g. 'supports c15; attacked by c05'."""
    parts = defaultdict(list)
    for link in links_of(course, source_id).itertuples():
        passive = "supported by" if link.relation == "supports" else "attacked by"
        parts[link.from_claim].append(f"{link.relation} {short_id(link.to_claim)}")
        parts[link.to_claim].append(f"{passive} {short_id(link.from_claim)}")
    return {cid: "; ".join(p) for cid, p in parts.items()}


def claims_table(course: Course, source_id: str) -> pd.DataFrame:
    """A row per claim: id, ¶, layer, kind, attitude, expectation, links, paraphrase (a plain table pandas escapes)."""
    claims = claims_of(course, source_id)
    layer = layers(course, source_id)
    links = _links_text(course, source_id)
    return pd.DataFrame(
        {
            "claim": claims.claim_id,
            "¶": claims.paragraph,
            "layer": [
                ("thesis" if layer[c] == 0 else "not linked" if layer[c] == UNLINKED else str(layer[c]))
                for c in claims.claim_id
            ],
            "kind": claims.kind,
            "attitude": claims.attitude,
            "expectation": claims.expectation,
            "links": [links.get(c, "") for c in claims.claim_id],
            "paraphrase": claims.claim,
        }
    )


def map_summary(course: Course, source_id: str) -> dict:
    """Numbers the map's alt text and notebooks quote: claims, layers, links by relation, unlinked claims, thesis."""
    lay = layers(course, source_id)
    links = links_of(course, source_id)
    thesis = thesis_of(course, source_id)
    linked_layers = {v for v in lay.values() if v != UNLINKED}
    into_thesis = links[links.to_claim == thesis.claim_id]
    return {
        "source_id": source_id,
        "claims": len(lay),
        "layers": len(linked_layers),
        "supports": int((links.relation == "supports").sum()),
        "attacks": int((links.relation == "attacks").sum()),
        "unlinked": sum(v == UNLINKED for v in lay.values()),
        "direct": int(into_thesis.from_claim.nunique()),
        "thesis_id": thesis.claim_id,
        "thesis_paragraph": int(thesis.paragraph),
        "thesis": thesis.claim,
    }


def map_alt(course: Course, source_id: str) -> str:
    """One sentence describing the argument map, computed from the data."""
    s = map_summary(course, source_id)
    unlinked = f"; {_n(s['unlinked'], 'claim')} not linked to the thesis" if s["unlinked"] else ""
    return (
        f"The argument map of {source_id} has {_n(s['claims'], 'claim')} in {_n(s['layers'], 'layer')}: the thesis "
        f"({short_id(s['thesis_id'])}, ¶{s['thesis_paragraph']}) at the top, {s['direct']} directly linked to it; "
        f"{_n(s['supports'], 'link')} support and {s['attacks']} attack another claim{unlinked}."
    )


def _n(count: int, noun: str) -> str:
    """'1 claim', '3 claims'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _edge_trace(relation: str, links: pd.DataFrame, pos: pd.DataFrame) -> go.Scatter:
    """One relation's links as one trace: a line per link with an arrowhead halfway pointing at the claim it acts on."""
    xs, ys, sizes, hover = [], [], [], []
    for link in links.itertuples():
        x0, y0 = pos.at[link.from_claim, "x"], pos.at[link.from_claim, "y"]
        x1, y1 = pos.at[link.to_claim, "x"], pos.at[link.to_claim, "y"]
        label = f"{link.from_claim} {relation} {link.to_claim}"
        xs += [x0, (x0 + x1) / 2, x1, None]
        ys += [y0, (y0 + y1) / 2, y1, None]
        sizes += [0, 13, 0, 0]
        hover += [label, label, label, ""]
    style = RELATION_STYLE[relation]
    line_word = "solid" if style["dash"] == "solid" else "dashed"
    return go.Scatter(
        x=xs,
        y=ys,
        mode="lines+markers",
        name=f"{relation} ({len(links)}): {line_word} line",
        legendgroup=relation,
        meta={"relation": relation},
        line=dict(color=style["color"], dash=style["dash"], width=2),
        marker=dict(symbol="arrow", size=sizes, angleref="previous", color=style["color"]),
        hovertext=hover,
        hoverinfo="text",
    )


def argument_map(course: Course, source_id: str) -> go.Figure:
    """Argument map: thesis on top, claims layered by distance to it; supports solid blue, attacks dashed vermilion."""
    claims = claims_of(course, source_id).set_index("claim_id")
    pos = layout(course, source_id).set_index("claim_id")
    links = links_of(course, source_id)
    fig = go.Figure()
    for relation in RELATIONS:
        fig.add_trace(_edge_trace(relation, links[links.relation == relation], pos))
    for attitude in ATTITUDES:
        ids = [c for c in claims.index if claims.at[c, "attitude"] == attitude]
        if not ids:
            continue
        colour, symbol = ATTITUDE_STYLE[attitude]
        hover = [
            f"<b>{c}</b> · {source_id}"
            f" ¶{claims.at[c, 'paragraph']}{' · THESIS' if claims.at[c, 'is_thesis'] else ''}<br>kind:"
            f" {claims.at[c, 'kind']} · attitude: {attitude} · expects cooperation to:"
            f" {claims.at[c, 'expectation']}<br>{figkit.wrap_hover(claims.at[c, 'claim'], 60)}"
            for c in ids
        ]
        fig.add_trace(
            go.Scatter(
                x=[pos.at[c, "x"] for c in ids],
                y=[pos.at[c, "y"] for c in ids],
                mode="markers+text",
                name=f"claim, attitude: {attitude}",
                meta={"attitude": attitude},
                text=[short_id(c) + (" (thesis)" if claims.at[c, "is_thesis"] else "") for c in ids],
                textposition="top center",
                hovertext=hover,
                hoverinfo="text",
                marker=dict(
                    color=colour,
                    symbol=symbol,
                    size=[26 if claims.at[c, "is_thesis"] else 16 for c in ids],
                    line=dict(color="#000000", width=1),
                ),
            )
        )
    rows = int(pos["row"].max()) if len(pos) else 0
    fig.update_layout(
        height=max(380, 110 * (rows + 1) + 160), legend=dict(title="links and claims", orientation="v")
    )  # long entries: one a line
    fig.update_xaxes(showticklabels=False, ticks="", showgrid=False, zeroline=False, showline=False)
    fig.update_yaxes(
        showticklabels=False, ticks="", showgrid=False, zeroline=False, showline=False, range=[-rows - 0.5, 0.6]
    )
    return figkit.finish(
        fig,
        f"Argument map of {source_id}: thesis at the top, each claim placed by its distance to the thesis",
        "claims of each layer, side by side",
        "argument layers (thesis at top)",
        map_alt(course, source_id),
    )


def kind_attitude_mix(course: Course, source_id: str) -> pd.DataFrame:
    """Claims counted by kind (rows) and attitude (columns), every kind and attitude of the codebook included."""
    claims = claims_of(course, source_id)
    table = pd.crosstab(
        pd.Categorical(claims.kind, categories=KINDS),
        pd.Categorical(claims.attitude, categories=ATTITUDES),
        dropna=False,
    )
    table.index.name, table.columns.name = "kind", "attitude"
    return table.reindex(index=list(KINDS), columns=list(ATTITUDES), fill_value=0).astype(int)


def _top(counts: pd.Series) -> str:
    """'interpretation (7)', or 'fact and value (4 each)' when tied."""
    best = counts[counts == counts.max()]
    names = list(best.index)
    if len(names) == 1:
        return f"{names[0]} ({int(best.iloc[0])})"
    return f"{', '.join(names[:-1])} and {names[-1]} ({int(best.iloc[0])} each)"


def mix_alt(course: Course, source_id: str) -> str:
    """One sentence describing the kind-and-attitude chart, computed from the data."""
    table = kind_attitude_mix(course, source_id)
    total = int(table.values.sum())
    if total == 0:
        return f"{source_id} has no claims recorded yet."
    return (
        f"Of the {total} claims of {source_id}, the most common kind is {_top(table.sum(axis=1))} and the most common"
        f" attitude is {_top(table.sum(axis=0))}; {_absent(table)}."
    )


def _absent(table: pd.DataFrame) -> str:
    """'every kind of claim occurs' or 'no value or recommendation claims'."""
    missing = [k for k in table.index if table.loc[k].sum() == 0]
    if not missing:
        return "every kind of claim occurs"
    names = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " or " + missing[-1]
    return f"it makes no {names} claims"


def mix_figure(course: Course, source_id: str) -> go.Figure:
    """Bar chart of claim kinds, stacked by attitude to cooperation (colour and hatching both mark the attitude)."""
    table = kind_attitude_mix(course, source_id)
    fig = go.Figure()
    for attitude in ATTITUDES:
        fig.add_trace(
            go.Bar(
                x=list(table.index),
                y=table[attitude].tolist(),
                name=attitude,
                meta={"attitude": attitude},
                marker=dict(
                    color=ATTITUDE_STYLE[attitude][0],
                    pattern=dict(shape=ATTITUDE_PATTERN[attitude]),
                    line=dict(color="#000000", width=1),
                ),
                hovertemplate=(
                    f"{source_id}: %{{y}} %{{x}} claim(s), attitude to cooperation: {attitude}<extra></extra>"
                ),
            )
        )
    fig.update_layout(barmode="stack", legend=dict(title="attitude to cooperation"))
    fig.update_yaxes(
        dtick=1 if table.sum(axis=1).max() <= 8 else None
    )  # a tick per claim only while a phone has room for it
    return figkit.finish(
        fig,
        f"What kinds of claim does {source_id} make, and with what attitude to cooperation?",
        "kind of claim",
        "number of claims",
        mix_alt(course, source_id),
    )
