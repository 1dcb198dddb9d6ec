"""One call atop every notebook: short messages on data problems and unquoted answers, charts that render everywhere."""

from __future__ import annotations

import os
import re
import sys
import warnings
from typing import Any

import pandas as pd
import plotly.io as pio
from IPython import get_ipython
from IPython.display import display
from markupsafe import Markup
from plotly.offline import get_plotlyjs

from .argmap import ATTITUDES, EXPECTATIONS, KINDS
from .data import load_course
from .display import SITE_ENV, SITE_RENDERER, site_renderer
from .errors import CourseDataError, ReadingsUnavailable
from .templates import render

__all__ = ["SITE_ENV", "SITE_RENDERER", "answer_like", "plotly_js_html", "setup", "site_renderer", "use_site_renderer"]

ANSWER_SHAPES = (r"E\d{3}", r"[A-Ea-e]", r"q\d+_\w+")  # event ids, option letters, question ids


def _reading_ids() -> set[str]:
    """The course's reading ids (empty when the data cannot be loaded)."""
    try:
        return set(load_course().sources["source_id"])
    except (CourseDataError, ReadingsUnavailable, OSError):
        return set()


def answer_like(name: str) -> bool:
    """True for a name that looks like a course answer typed without quotes (reading id, event id, letter, code)."""
    codes = {v.replace(" ", "_") for v in (*KINDS, *ATTITUDES, *EXPECTATIONS)}
    return (
        any(re.fullmatch(shape, name) for shape in ANSWER_SHAPES)
        or name.casefold() in codes
        or name in _reading_ids()
        or bool(re.fullmatch(r"[a-z]+\d{4}", name))
    )


def unquoted_message(name: str) -> str:
    """The one line shown for a name that is not defined."""
    if answer_like(name):
        return f'Put your answer in quotes: "{name}" (without quotes, Python looks for a variable called {name}).'
    return (
        f"Python does not know the name {name!r}. Check its spelling, or run the cells above this one first "
        "(Run > Run All Above); if it is an answer, put it in quotes."
    )


def _short_message(shell: Any, etype: type, evalue: BaseException, tb: Any, tb_offset: int | None = None) -> None:
    """One line instead of a traceback wall: a course error's message, or what to do about an undefined name."""
    if isinstance(evalue, NameError):
        name = getattr(evalue, "name", None) or (re.findall(r"'([^']+)'", str(evalue)) or [""])[0]
        print(unquoted_message(name), file=sys.stderr)
        return
    print(f"{etype.__name__}: {evalue}", file=sys.stderr)


def setup() -> None:
    """Prepare the running notebook (safe to call twice; does nothing outside IPython)."""
    if os.environ.get("SHAREDSHIELD_STRICT") == "1":  # the test suite: any warning in a notebook fails it
        warnings.simplefilter("error")
    pd.set_option("display.max_colwidth", None)  # tables show titles and notes in full, never cut at 50 characters
    shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc((CourseDataError, ReadingsUnavailable, NameError), _short_message)
    if os.environ.get(SITE_ENV) == "1":
        use_site_renderer()  # the site's pages load plotly.js themselves (site/conf.py)
    elif shell is not None:
        display({"text/html": plotly_js_html()}, raw=True)


def plotly_js_html() -> str:
    """plotly.js from the installed plotly package, inline, once per notebook: exported HTML draws charts offline."""
    # JupyterLab, Notebook 7 and VS Code draw charts with their own plotly; this output is for nbconvert's HTML/PDF.
    return render("plotly_js.html", plotlyjs=Markup(get_plotlyjs()))  # plotly's own script, inlined as it is


def use_site_renderer() -> None:
    """Make fig.show() emit the site's text/html (JupyterLab, without SHAREDSHIELD_SITE=1, keeps plotly's default)."""
    if SITE_RENDERER not in pio.renderers:
        pio.renderers[SITE_RENDERER] = site_renderer()
    pio.renderers.default = SITE_RENDERER
