"""All a learner sees goes through `show(obj)`: Markdown text, a plotly figure with its text alternative, a table.

Charts: plotly's own mimetype for JupyterLab, Notebook 7 and VS Code, plus text/html drawn by the plotly.js that
`ss.setup()` puts once at the top of a notebook (so exported HTML and PDF draw them offline), or the static site's HTML.
"""

from __future__ import annotations

import hashlib
import html
import os
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from IPython import get_ipython
from IPython.display import Markdown, display
from plotly.io import to_html
from plotly.io.base_renderers import MimetypeRenderer, PlotlyRenderer
from plotly.io.json import to_json_plotly

from .tables import show_table
from .templates import render, script_safe

SITE_ENV = "SHAREDSHIELD_SITE"  # set by `make site` (site/conf.py): charts then render for the static reading site
SITE_RENDERER = "sharedshield_site"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
CHART_HEIGHT = 480  # px, when the figure sets none (plotly's own default is 450)


class SiteRenderer(MimetypeRenderer):
    """text/html that expects plotly.js to be loaded once by the page (site/conf.py html_js_files)."""

    def to_mimebundle(self, fig_dict: dict) -> dict[str, str]:
        """A div and a Plotly.newPlot call, no plotly.js, no MathJax."""
        out = to_html(
            fig_dict,
            include_plotlyjs=False,
            include_mathjax=False,
            full_html=False,
            validate=False,
            config={"displaylogo": False, "responsive": True},
            default_width="100%",
            default_height=CHART_HEIGHT,
        )
        return {"text/html": out}


def site_renderer() -> SiteRenderer:
    """A plotly renderer for the static site."""
    return SiteRenderer()


def describe(fig: go.Figure) -> str:
    """The figure's one-sentence text alternative, computed from its data when it was built."""
    meta = fig.layout.meta
    if isinstance(meta, dict) and meta.get("alt"):
        return str(meta["alt"])
    raise ValueError("this figure has no text alternative: build it with a sharedshield.figures function")


def mimebundle(fig: go.Figure) -> dict:
    """The figure's display bundle: plotly's mimetype for live front-ends, plus text/html for exports (or site HTML)."""
    if os.environ.get(SITE_ENV) == "1":
        return site_renderer().to_mimebundle(fig.to_dict())
    # fig.show() would first import nbformat (and jsonschema's format checkers): ~2 s per kernel for nothing
    fig_dict = fig.to_dict()
    bundle = PlotlyRenderer(config={"displaylogo": False}).to_mimebundle(fig_dict)
    # JupyterLab, Notebook 7 and VS Code prefer the plotly mimetype (rank 2 beats text/html's 50); nbconvert's HTML
    # exports keep text/html, drawn by the plotly.js that ss.setup() put once at the top of the notebook.
    bundle["text/html"] = chart_html(fig_dict)
    return bundle


def chart_html(fig_dict: dict) -> str:
    """A div and a script that draws the figure once `window.Plotly` exists (no plotly.js, no CDN, a stable id)."""
    spec = to_json_plotly(
        {
            "data": fig_dict.get("data", []),
            "layout": fig_dict.get("layout", {}),
            "config": {"displaylogo": False, "responsive": True},
        }
    )
    ident = "sharedshield-chart-" + hashlib.sha1(f"{_cell_number()}:{spec}".encode()).hexdigest()[:12]
    height = (fig_dict.get("layout") or {}).get("height") or CHART_HEIGHT
    # the JSON is made safe for a <script> element (no '<', '>' or '&' left), so the template takes it as markup
    return render("chart_script.html", ident=ident, height=int(height), spec=script_safe(spec))


def _cell_number() -> int:
    """The running IPython cell's number (0 outside IPython): two cells showing one figure still get distinct ids."""
    shell = get_ipython()
    return int(getattr(shell, "execution_count", 0) or 0) if shell is not None else 0


def show(obj: Any) -> None:
    """Show Markdown, a plotly figure (its text alternative under it) or a table (in full, escaped) in the notebook."""
    if isinstance(obj, go.Figure):
        display(mimebundle(obj), raw=True)
        display(Markdown(f"*Text alternative:* {html.escape(describe(obj), quote=False)}"))
    elif isinstance(obj, pd.DataFrame):
        show_table(obj)
    elif obj is None:
        return
    else:
        display(Markdown(str(obj)))
