"""Helpers for the site tests: build the reading site once per session, serve it on 127.0.0.1, build a probe site."""

from __future__ import annotations

import atexit
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from sharedshield import site

ROOT = Path(__file__).resolve().parents[1]
REUSE_ENV = "SHAREDSHIELD_TEST_SITE"  # point at an already built site to skip the build while working on the tests
# What a value of the data would do if it ever reached the page as HTML: each sets a flag the tests look for.
EVIL = '<img src=x onerror="window.__xss=1" alt=""><script>window.__xss=2</script><b>bold</b>'


def _scratch(prefix: str) -> Path:
    """A temporary folder removed when the test process ends."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, path, True)
    return path


@functools.cache
def built_site() -> Path:
    """The reading site built from the current notebooks and data (once per test process)."""
    if os.environ.get(REUSE_ENV):
        return Path(os.environ[REUSE_ENV]).resolve()
    tmp = _scratch("sharedshield-site-")
    site.build(tmp / "site", work=tmp / "work")
    return tmp / "site"


def site_pages(folder: Path) -> list[str]:
    """Every page of a built site, as URL paths relative to its root."""
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*.html")
        if not p.relative_to(folder).parts[0].startswith("_") and p.parent.name != "screenshots"
    )


def probe_notebook() -> nbformat.NotebookNode:
    """A notebook that puts HTML-looking text into the data AFTER validation, then shows it the ways the course does."""
    setup = (
        f"import sharedshield as ss\nss.setup()\ncourse = ss.load_course()\nEVIL = {EVIL!r}\n"
        "course.events.loc[course.events.index[0], 'summary'] = EVIL\ncourse.events[['event_id', 'summary']].head(2)"
    )
    chart = (
        "import plotly.graph_objects as go\nfrom sharedshield import figkit\nfig = go.Figure(go.Scatter(x=[1, 2], y=[1,"
        " 2], mode='markers', marker_size=30, text=[EVIL, 'plain'], name=EVIL,\n                          "
        " hovertemplate='%{text}<extra></extra>'))\nfigkit.show(figkit.finish(fig, 'Probe chart', 'x', 'y', 'Alt ' +"
        " EVIL))"
    )
    cells = [
        new_markdown_cell("# Probe\n\nData that looks like HTML must reach the page as text."),
        new_code_cell(setup),
        new_code_cell("ss.show('Summary: ' + EVIL)"),
        new_code_cell(chart),
        new_code_cell("ss.check('q0_1', EVIL)"),
    ]
    return new_notebook(
        cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )


def evil_glossary(glossary):
    """The real, validated glossary with one definition and one term replaced AFTER validation."""
    glossary = glossary.copy()
    glossary.loc[glossary.index[0], "definition"] = EVIL
    glossary.loc[glossary.index[-1], "term"] = "Term " + EVIL
    return glossary


def _build_probe(src: str, out: str, work: str) -> int:
    """Run in a fresh interpreter: build the probe site with the injected glossary (the validator would reject it)."""
    from sphinx.cmd.build import build_main

    real_load = site.load_glossary
    site.load_glossary = lambda data_dir: evil_glossary(real_load(data_dir))
    return build_main(site.sphinx_args(Path(src), Path(out), Path(work), jobs="1"))


@functools.cache
def probe_site() -> Path:
    """A one-notebook site whose glossary and notebook outputs carry HTML/script text injected after validation."""
    tmp = _scratch("sharedshield-probe-")
    nb_path = tmp / "99_probe.ipynb"
    nbformat.write(probe_notebook(), nb_path)
    src = site.stage(tmp / "work" / "src", notebooks=[nb_path])
    code = (
        f"import sitekit, sys; sys.exit(sitekit._build_probe({str(src)!r}, {str(tmp / 'site')!r},"
        f" {str(tmp / 'work')!r}))"
    )
    env = site.site_environment() | {"PYTHONPATH": str(Path(__file__).parent)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    return tmp / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without logging every request to the test output."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 at a free port, in a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
