"""One call at the top of every notebook: short messages for data problems, charts that render everywhere."""

from __future__ import annotations

import os
import sys
import warnings
from typing import Any

from .errors import CourseDataError, ReadingsUnavailable

SITE_ENV = "SHAREDSHIELD_SITE"  # set by `make site` (site/conf.py): charts then render for the static reading site
SITE_RENDERER = "sharedshield_site"


def _short_message(shell: Any, etype: type, evalue: BaseException, tb: Any, tb_offset: int | None = None) -> None:
    """Print a course error as its message only: no traceback wall for a student who edited a CSV."""
    print(f"{etype.__name__}: {evalue}", file=sys.stderr)


def setup() -> None:
    """Prepare the running notebook (safe to call twice; does nothing outside IPython)."""
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python
        return
    if os.environ.get("SHAREDSHIELD_STRICT") == "1":  # the test suite: any warning in a notebook fails it
        warnings.simplefilter("error")
    shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc((CourseDataError, ReadingsUnavailable), _short_message)
    if os.environ.get(SITE_ENV) == "1":
        use_site_renderer()  # the site's pages load plotly.js themselves (site/conf.py)
    elif shell is not None:
        from IPython.display import display

        display({"text/html": plotly_js_html()}, raw=True)


def plotly_js_html() -> str:
    """plotly.js from the installed plotly package, inline, once per notebook: exported HTML draws its charts offline."""
    from plotly.offline import get_plotlyjs

    # JupyterLab, Notebook 7 and VS Code draw charts with their own plotly; this output is for nbconvert's HTML/PDF.
    return ('<script type="text/javascript">window.PlotlyConfig = {MathJaxConfig: "local"};</script>\n'
            f'<script type="text/javascript" data-sharedshield="plotly.js">{get_plotlyjs()}</script>')


def site_renderer() -> Any:
    """A plotly renderer for the static site: a div and a Plotly.newPlot call as text/html, no plotly.js, no MathJax."""
    from plotly.io import to_html
    from plotly.io.base_renderers import MimetypeRenderer

    class SiteRenderer(MimetypeRenderer):
        """text/html that expects plotly.js to be loaded once by the page (site/conf.py html_js_files)."""

        def to_mimebundle(self, fig_dict: dict) -> dict[str, str]:
            html = to_html(fig_dict, include_plotlyjs=False, include_mathjax=False, full_html=False, validate=False,
                           config={"displaylogo": False, "responsive": True}, default_width="100%", default_height=480)
            return {"text/html": html}

    return SiteRenderer()


def use_site_renderer() -> None:
    """Make fig.show() emit the site's text/html (JupyterLab, without SHAREDSHIELD_SITE=1, keeps plotly's default)."""
    import plotly.io as pio

    if SITE_RENDERER not in pio.renderers:
        pio.renderers[SITE_RENDERER] = site_renderer()
    pio.renderers.default = SITE_RENDERER
