"""Argument maps: thesis alone on top, every claim placed, supports drawn unlike attacks, alt text from real counts."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conftest import ROOT
from sharedshield import load_course
from sharedshield.argmap import (
    RELATIONS,
    UNLINKED,
    argument_map,
    claims_table,
    kind_attitude_mix,
    layers,
    layout,
    links_of,
    map_alt,
    mix_figure,
)

READINGS = ("blog2007", "lukyanov2011", "eir2013")


def append_rows(path: Path, rows: list[dict]) -> None:
    """Add rows to one CSV of a copied dataset, keeping its header."""
    with path.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    with path.open("a", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writerows(rows)


@pytest.fixture
def deeper(demo_data: Path, demo_readings: Path):
    """The demo dataset plus a layer-2 claim (c04 supports c02) and a claim no link reaches (c05)."""
    append_rows(
        demo_data / "claims.csv",
        [
            dict(
                claim_id="demo-c04",
                source_id="demo",
                paragraph=2,
                claim="Both sides signed a memo.",
                kind="fact",
                attitude="favours",
                expectation="succeed",
                is_thesis="false",
                anchor="both sides signed a memo in 2006",
            ),
            dict(
                claim_id="demo-c05",
                source_id="demo",
                paragraph=1,
                claim="The ministers met in Geneva.",
                kind="fact",
                attitude="none",
                expectation="not said",
                is_thesis="false",
                anchor="the two ministers met in Geneva",
            ),
        ],
    )
    append_rows(demo_data / "claim_links.csv", [dict(from_claim="demo-c04", to_claim="demo-c02", relation="supports")])
    return load_course(demo_data, demo_readings)


@pytest.fixture(scope="module")
def real():
    """The real course data (loaded once)."""
    return load_course(ROOT / "data")


def _thesis(course, sid):
    c = course.claims
    return c[(c.source_id == sid) & c.is_thesis].claim_id.iloc[0]


def test_layers_count_links_to_the_thesis(deeper):
    assert layers(deeper, "demo") == {"demo-c02": 1, "demo-c03": 1, "demo-c04": 2, "demo-c05": UNLINKED, "demo-c01": 0}


def test_thesis_alone_on_top_and_every_claim_placed(deeper):
    pos = layout(deeper, "demo").set_index("claim_id")
    assert set(pos.index) == {"demo-c01", "demo-c02", "demo-c03", "demo-c04", "demo-c05"}
    assert pos["y"].notna().all() and pos["x"].notna().all()
    top = pos[pos.y == pos.y.max()]
    assert list(top.index) == ["demo-c01"], "the thesis must be alone in the top layer"
    assert pos.at["demo-c05", "y"] == pos.y.min() and pos.at["demo-c05", "y"] < pos.at["demo-c04", "y"], (
        "unlinked claims go below the deepest layer"
    )
    for _, group in pos.groupby("y"):
        assert group.x.is_unique, "claims of one layer must not sit on top of each other"


@pytest.mark.parametrize("sid", READINGS)
def test_real_maps_put_the_thesis_alone_on_top(real, sid):
    pos = layout(real, sid)
    top = pos[pos.y == pos.y.max()]
    assert list(top.claim_id) == [_thesis(real, sid)]
    assert len(pos) == (real.claims.source_id == sid).sum()
    lay = dict(zip(pos.claim_id, pos.layer, strict=True))
    for link in links_of(real, sid).itertuples():  # a claim sits at most one layer below any claim it links to
        assert lay[link.from_claim] <= lay[link.to_claim] + 1 or lay[link.to_claim] == UNLINKED


def test_one_trace_per_relation_styled_apart(deeper):
    fig = argument_map(deeper, "demo")
    edges = [t for t in fig.data if isinstance(t.meta, dict) and "relation" in t.meta]
    assert sorted(t.meta["relation"] for t in edges) == sorted(RELATIONS), "exactly one trace per relation kind"
    by = {t.meta["relation"]: t for t in edges}
    assert by["supports"].line.dash != by["attacks"].line.dash, "line style must differ (greyscale)"
    assert by["supports"].line.color != by["attacks"].line.color, "colour must differ"
    assert by["attacks"].line.dash in ("dash", "dot", "dashdot")
    links = links_of(deeper, "demo")
    for relation, trace in by.items():
        assert list(trace.x).count(None) == (links.relation == relation).sum(), f"one segment per {relation} link"
        assert str((links.relation == relation).sum()) in trace.name


def test_node_hover_names_id_paragraph_kind_attitude_expectation_and_paraphrase(deeper):
    fig = argument_map(deeper, "demo")
    hover = " ".join(h for t in fig.data if isinstance(t.meta, dict) and "attitude" in t.meta for h in t.hovertext)
    for row in deeper.claims.itertuples():
        assert row.claim_id in hover and f"demo ¶{row.paragraph}" in hover
        assert row.claim.split()[0] in hover
    assert "kind: interpretation" in hover and "attitude: opposes" in hover and "THESIS" in hover
    assert "expects cooperation to: fail" in hover and "expects cooperation to: not said" in hover


def test_marker_shape_and_colour_show_the_attitude(deeper):
    fig = argument_map(deeper, "demo")
    nodes = {t.meta["attitude"]: t for t in fig.data if isinstance(t.meta, dict) and "attitude" in t.meta}
    assert set(nodes) == {"favours", "opposes", "none"}, "one trace per attitude present in the data"
    assert len({t.marker.symbol for t in nodes.values()}) == 3 and len({t.marker.color for t in nodes.values()}) == 3
    assert "demo-c03" in " ".join(nodes["opposes"].hovertext)


def test_axes_hide_ticks_but_keep_titles(deeper):
    fig = argument_map(deeper, "demo")
    for axis in (fig.layout.xaxis, fig.layout.yaxis):
        assert axis.showticklabels is False
        assert axis.title.text and axis.title.text.strip()
    assert "thesis at top" in fig.layout.yaxis.title.text
    assert fig.layout.title.text


def test_alt_text_reports_real_counts(deeper):
    alt = map_alt(deeper, "demo")
    assert alt == argument_map(deeper, "demo").layout.meta["alt"]
    assert "5 claims" in alt and "3 layers" in alt and "2 links support and 1 attack" in alt
    assert "1 claim not linked" in alt and "¶3" in alt


@pytest.mark.parametrize("sid", READINGS)
def test_real_alt_text_counts_from_the_csv(real, sid):
    with (ROOT / "data" / "claim_links.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["from_claim"].startswith(sid + "-")]
    n_claims = sum(
        1 for r in csv.DictReader((ROOT / "data" / "claims.csv").open(encoding="utf-8")) if r["source_id"] == sid
    )
    alt = map_alt(real, sid)
    supports = sum(r["relation"] == "supports" for r in rows)
    attacks = sum(r["relation"] == "attacks" for r in rows)
    assert f"has {n_claims} claims" in alt
    assert f"{supports} link{'' if supports == 1 else 's'} support and {attacks} attack" in alt


def test_claims_table_columns_and_thesis(deeper):
    t = claims_table(deeper, "demo")
    assert list(t.columns) == ["claim", "¶", "layer", "kind", "attitude", "expectation", "links", "paraphrase"]
    assert t.set_index("claim").at["demo-c01", "layer"] == "thesis"
    assert t.set_index("claim").at["demo-c05", "layer"] == "not linked"
    assert "attacks c01" in t.set_index("claim").at["demo-c03", "links"]
    assert "attacked by c03" in t.set_index("claim").at["demo-c01", "links"]
    assert list(t["¶"]) == sorted(t["¶"])


def test_unknown_reading_is_a_clear_error(deeper):
    with pytest.raises(KeyError, match="no reading 'nope'"):
        argument_map(deeper, "nope")


def test_kind_attitude_mix_counts_every_claim(deeper):
    mix = kind_attitude_mix(deeper, "demo")
    assert mix.values.sum() == 5
    assert mix.at["fact", "favours"] == 2 and mix.at["interpretation", "opposes"] == 1 and mix.at["fact", "none"] == 1
    assert list(mix.index) == ["fact", "interpretation", "prediction", "value", "recommendation"]
    fig = mix_figure(deeper, "demo")
    assert len(fig.data) == 4 and fig.layout.barmode == "stack"
    patterns = {t.marker.pattern.shape for t in fig.data}
    assert len(patterns) == 4, "each attitude needs its own hatching for greyscale"
    alt = fig.layout.meta["alt"]
    assert (
        "Of the 5 claims of demo" in alt
        and "fact (3)" in alt
        and "no prediction, value or recommendation claims" in alt
    )
    assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text


def test_links_of_keeps_only_the_relation_asked_for(deeper):
    every = links_of(deeper, "demo")
    attacks = links_of(deeper, "demo", relation="attacks")
    assert len(attacks) == (every.relation == "attacks").sum() > 0
    assert set(attacks.relation) == {"attacks"}
    with pytest.raises(ValueError, match="supports"):
        links_of(deeper, "demo", relation="rebuts")
