"""Determinism: a notebook run twice in fresh kernels gives identical outputs (figure JSON, tables, printed text)."""

from __future__ import annotations

import difflib
import json
import re
from typing import Any

import pytest

from conftest import ROOT, execute_notebook

NOTEBOOKS = ["02_timeline.ipynb", "03_event_density.ipynb"]

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def outputs(nb: Any) -> list[tuple[int, list[dict]]]:
    """Every code cell's outputs without execution metadata (execution_count, timings)."""
    out = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        kept = []
        for o in cell.get("outputs", []):
            o = {k: v for k, v in o.items() if k not in ("execution_count", "transient")}
            o["metadata"] = {k: v for k, v in o.get("metadata", {}).items() if k != "execution"}
            kept.append(json.loads(json.dumps(o, sort_keys=True)))
        out.append((index, kept))
    return out


def first_difference(a: list, b: list) -> str:
    """A readable diff of the first cell whose outputs differ."""
    for (i, x), (_, y) in zip(a, b, strict=True):
        if x != y:
            left, right = (
                json.dumps(x, indent=1, sort_keys=True).splitlines(),
                json.dumps(y, indent=1, sort_keys=True).splitlines(),
            )
            return f"cell {i}:\n" + "\n".join(
                list(difflib.unified_diff(left, right, "run 1", "run 2", lineterm=""))[:40]
            )
    return ""


@pytest.fixture(scope="module")
def runs(executed_notebooks, notebook_env) -> dict[tuple[str, int], list]:
    """Outputs of two runs of each notebook in fresh kernels: the run's shared execution, and one more here."""
    out = {}
    for name in NOTEBOOKS:
        out[name, 1] = outputs(executed_notebooks[name.removesuffix(".ipynb")])
        out[name, 2] = outputs(execute_notebook(ROOT / "notebooks" / name, notebook_env))
    return out


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_outputs_are_identical_run_to_run(runs, name):
    first, second = runs[name, 1], runs[name, 2]
    assert any(o for _, o in first), f"{name} produced no output at all"
    assert first == second, f"{name} gives different outputs on a second run:\n{first_difference(first, second)}"


def test_site_renderer_is_a_function_of_the_figure_apart_from_the_div_id():
    """`make site` charts use notebook.site_renderer: same figure JSON, same HTML, except plotly's random div id.

    (Plain-mode figure JSON is compared run to run above, so this is enough for the site's charts.)"""
    import plotly.graph_objects as go

    from sharedshield.notebook import site_renderer

    fig = go.Figure(go.Bar(x=["2007", "2011"], y=[3, 5], hovertext=["eir2013 ¶4", "blog2007 ¶2"])).to_dict()
    first, second = site_renderer().to_mimebundle(fig)["text/html"], site_renderer().to_mimebundle(fig)["text/html"]
    assert "plotly-graph-div" in first
    assert UUID.sub("<uuid>", first) == UUID.sub("<uuid>", second)


def test_the_record_tables_do_not_depend_on_row_order():
    """on_record, silences, recency, selection and robust_peaks give the same tables whatever the CSV rows' order."""
    import dataclasses

    import pandas as pd

    from sharedshield import load_course, record

    course = load_course()
    shuffled = dataclasses.replace(
        course,
        events=course.events.sample(frac=1, random_state=1),
        listings=course.listings.sample(frac=1, random_state=2),
        mentions=course.mentions.sample(frac=1, random_state=3),
    )
    for f in (
        record.on_record,
        record.recency,
        lambda c: record.selection(c, "quarter"),
        lambda c: record.robust_peaks(c, "quarter"),
        lambda c: pd.concat([record.silences(c, s, include_after=True) for s in c.sources["source_id"]]),
    ):
        pd.testing.assert_frame_equal(f(course).reset_index(drop=True), f(shuffled).reset_index(drop=True))
