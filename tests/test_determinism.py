"""Determinism: running a notebook twice in fresh kernels gives identical outputs (figure JSON, tables, printed text)."""

from __future__ import annotations

import asyncio
import difflib
import json
import os
import re
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOKS = ["02_timeline.ipynb", "03_event_density.ipynb"]
PRESENT = [n for n in NOTEBOOKS if (ROOT / "notebooks" / n).is_file()]
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


async def _execute(path: Path, env: dict[str, str]) -> Any:
    """The notebook executed top to bottom in a fresh python3 kernel, from its own folder, with this environment."""
    nb = nbformat.read(path, as_version=4)
    await NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).async_execute(env=env)
    return nb


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
            left, right = json.dumps(x, indent=1, sort_keys=True).splitlines(), json.dumps(y, indent=1, sort_keys=True).splitlines()
            return f"cell {i}:\n" + "\n".join(list(difflib.unified_diff(left, right, "run 1", "run 2", lineterm=""))[:40])
    return ""


pytestmark = pytest.mark.skipif(not PRESENT, reason=f"none of {', '.join(NOTEBOOKS)} is written yet")


@pytest.fixture(scope="module")
def runs() -> dict[tuple[str, str, int], list]:
    """Outputs of every run (each notebook twice, as `make test` runs it), all kernels at once to keep the suite quick."""
    plain = {k: v for k, v in os.environ.items() if k != "SHAREDSHIELD_SITE"}
    jobs = [(name, "plain", run, plain) for name in PRESENT for run in (1, 2)]

    async def all_runs() -> list:
        return await asyncio.gather(*(_execute(ROOT / "notebooks" / name, env) for name, _, _, env in jobs))

    return {job[:3]: outputs(nb) for job, nb in zip(jobs, asyncio.run(all_runs()), strict=True)}


@pytest.mark.parametrize("name", PRESENT or ["(none)"])
def test_notebook_outputs_are_identical_run_to_run(runs, name):
    first, second = runs[name, "plain", 1], runs[name, "plain", 2]
    assert any(o for _, o in first), f"{name} produced no output at all"
    assert first == second, f"{name} gives different outputs on a second run:\n{first_difference(first, second)}"


def test_site_renderer_is_a_function_of_the_figure_apart_from_the_div_id():
    """`make site` renders charts with notebook.site_renderer: same figure JSON, same HTML, except plotly's random div id.

    (Plain-mode figure JSON is compared run to run above, so this is enough for the site's charts.)"""
    import plotly.graph_objects as go

    from sharedshield.notebook import site_renderer

    fig = go.Figure(go.Bar(x=["2007", "2011"], y=[3, 5], hovertext=["eir2013 ¶4", "blog2007 ¶2"])).to_dict()
    first, second = site_renderer().to_mimebundle(fig)["text/html"], site_renderer().to_mimebundle(fig)["text/html"]
    assert "plotly-graph-div" in first
    assert UUID.sub("<uuid>", first) == UUID.sub("<uuid>", second)


def test_the_record_tables_do_not_depend_on_row_order():
    """on_record, silences, recency, selection and robust_peaks give the same tables whatever order the CSV rows come in."""
    import dataclasses

    import pandas as pd

    from sharedshield import load_course, record

    course = load_course()
    shuffled = dataclasses.replace(course, events=course.events.sample(frac=1, random_state=1), listings=course.listings.sample(frac=1, random_state=2),
                                   mentions=course.mentions.sample(frac=1, random_state=3))
    for f in (record.on_record, record.recency, lambda c: record.selection(c, "quarter"), lambda c: record.robust_peaks(c, "quarter"),
              lambda c: pd.concat([record.silences(c, s, include_after=True) for s in c.sources["source_id"]])):
        pd.testing.assert_frame_equal(f(course).reset_index(drop=True), f(shuffled).reset_index(drop=True))
