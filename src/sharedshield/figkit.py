"""What every chart shares: a colour-blind-safe palette, labelled axes, hover naming the source, and alt text."""

from __future__ import annotations

import hashlib
import html
import os
import textwrap

import plotly.graph_objects as go
from IPython.display import Markdown, display

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
SOURCE_COLOURS = {"blog2007": "#E69F00", "lukyanov2011": "#0072B2", "eir2013": "#CC79A7", "record": "#000000"}
SOURCE_NAMES = {"blog2007": "Blog post (2007)", "lukyanov2011": "Lukyanov column (2011)", "eir2013": "EIR timeline (2013)"}
FONT = dict(family="Arial, Helvetica, sans-serif", size=13)


def wrap_hover(text: object, width: int = 70) -> str:
    """Wrap plain text for a hover box (plotly hover labels do not wrap by themselves; they understand <br>)."""
    return "<br>".join(textwrap.wrap(str(text), width)) if text else ""


def colour_map(values: list[str]) -> dict[str, str]:
    """A stable colour for each category (sources get their fixed colours; others cycle through Okabe-Ito)."""
    out, i = {}, 0
    for v in values:
        if v in SOURCE_COLOURS:
            out[v] = SOURCE_COLOURS[v]
        else:
            out[v] = OKABE_ITO[i % len(OKABE_ITO)]
            i += 1
    return out


def finish(fig: go.Figure, title: str, x_title: str, y_title: str, alt: str) -> go.Figure:
    """Give a figure its title, axis labels, plain template, and its one-sentence text alternative."""
    fig.update_layout(title=dict(text=title, x=0.01), template="simple_white", font=FONT,
                      hoverlabel=dict(font=FONT, align="left"), margin=dict(l=60, r=20, t=60, b=60),
                      meta={"alt": alt})
    fig.update_xaxes(title_text=x_title)
    fig.update_yaxes(title_text=y_title)
    return fig


def describe(fig: go.Figure) -> str:
    """The figure's one-sentence text alternative, computed from its data when it was built."""
    meta = fig.layout.meta
    if isinstance(meta, dict) and meta.get("alt"):
        return str(meta["alt"])
    raise ValueError("this figure has no text alternative: build it with a sharedshield.figures function")


PLOTLY_MIME = "application/vnd.plotly.v1+json"
CHART_HEIGHT = 480  # px, when the figure sets none (plotly's own default is 450)
# Inside <script>, JSON must not be able to close the tag or open a comment: escape the three characters that could.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def mimebundle(fig: go.Figure) -> dict:
    """The figure's display bundle: plotly's mimetype for live front-ends, plus text/html for exports (or the site's HTML)."""
    from .notebook import SITE_ENV, site_renderer

    if os.environ.get(SITE_ENV) == "1":
        return site_renderer().to_mimebundle(fig.to_dict())
    from plotly.io.base_renderers import PlotlyRenderer

    # fig.show() would first import nbformat (and jsonschema's format checkers): ~2 s per kernel for nothing
    fig_dict = fig.to_dict()
    bundle = PlotlyRenderer(config={"displaylogo": False}).to_mimebundle(fig_dict)
    # JupyterLab, Notebook 7 and VS Code prefer the plotly mimetype (rank 2 beats text/html's 50); nbconvert's HTML
    # exports keep text/html, drawn by the plotly.js that ss.setup() put once at the top of the notebook.
    bundle["text/html"] = chart_html(fig_dict)
    return bundle


def chart_html(fig_dict: dict) -> str:
    """A div and a script that draws the figure once `window.Plotly` exists (no plotly.js, no CDN, a stable id)."""
    from plotly.io.json import to_json_plotly

    spec = to_json_plotly({"data": fig_dict.get("data", []), "layout": fig_dict.get("layout", {}),
                           "config": {"displaylogo": False, "responsive": True}})
    ident = "sharedshield-chart-" + hashlib.sha1(f"{_cell_number()}:{spec}".encode()).hexdigest()[:12]
    height = (fig_dict.get("layout") or {}).get("height") or CHART_HEIGHT
    return (f'<div id="{ident}" class="sharedshield-chart" style="width:100%;height:{int(height)}px;"></div>\n'
            '<script type="text/javascript">\n'
            f"(function () {{\n  var spec = {spec.translate(_SCRIPT_SAFE)}, id = \"{ident}\", tries = 0;\n"
            "  function draw() {\n    var gd = document.getElementById(id);\n    if (!gd) { return; }\n"
            "    if (window.Plotly) { window.Plotly.newPlot(gd, spec.data, spec.layout, spec.config); return; }\n"
            "    if (++tries < 400) { setTimeout(draw, 50); return; }\n"
            "    gd.textContent = \"(Chart not drawn: plotly.js is missing. Run the notebook's first code cell, "
            "which calls ss.setup(), then this cell again. The text alternative below describes the chart.)\";\n"
            "  }\n  draw();\n})();\n</script>")


def _cell_number() -> int:
    """The running IPython cell's number (0 outside IPython): two cells showing one figure still get distinct ids."""
    try:
        from IPython import get_ipython
    except ImportError:
        return 0
    shell = get_ipython()
    return int(getattr(shell, "execution_count", 0) or 0) if shell is not None else 0


def show(fig: go.Figure) -> None:
    """Display a figure and, under it, its text alternative (for screen readers, printouts and the site)."""
    display(mimebundle(fig), raw=True)
    display(Markdown(f"*Text alternative:* {html.escape(describe(fig), quote=False)}"))
