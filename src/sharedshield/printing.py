"""`python -m sharedshield print NOTEBOOK.ipynb OUT.pdf`: run a notebook, export with nbconvert, print with Chromium."""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

import nbformat
from jupyter_client.manager import KernelManager
from jupyter_core.paths import jupyter_runtime_dir
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAPER = {"a4": ("A4", 210), "letter": ("Letter", 216)}  # Chromium's format name, page width in mm
MARGIN_MM = 12
CHARTS_JS = "() => document.querySelectorAll('.sharedshield-chart, .plotly-graph-div').length"
DRAWN_JS = (
    "() => Array.from(document.querySelectorAll('.sharedshield-chart, .plotly-graph-div'))"
    ".filter(gd => gd.querySelector('svg.main-svg')).length"
)
READY_JS = f"() => document.readyState === 'complete' && ({CHARTS_JS})() === ({DRAWN_JS})()"
# Printed pages: a chart, a table row or a code cell is never cut in two; the lab template's screen padding is trimmed.
PRINT_CSS = """
@page { margin: 12mm; }
.jp-Cell, .jp-OutputArea-child, .sharedshield-chart, .plotly-graph-div, tr, img, svg { break-inside: avoid; }
h1, h2, h3 { break-after: avoid; }
body { padding: 0 !important; }
pre { white-space: pre-wrap !important; overflow-wrap: anywhere; }
"""


class PrintError(Exception):
    """A problem the user can fix: the message says what and how."""


def kernel_manager(kernel_name: str = "python3") -> Any:
    """A kernel manager on local IPC sockets: nothing listens on TCP, so the kernel has no unencrypted-TCP warning."""
    if sys.platform == "win32":  # Windows has no Unix-domain sockets for ZeroMQ: TCP on localhost, as Jupyter does
        return KernelManager(kernel_name=kernel_name)
    runtime = Path(jupyter_runtime_dir())
    runtime.mkdir(parents=True, exist_ok=True)
    # an absolute socket prefix: the kernel runs in the notebook's folder, the client here; a relative one would differ
    return KernelManager(kernel_name=kernel_name, transport="ipc", ip=str(runtime / f"ss-{uuid.uuid4().hex[:12]}"))


def has_outputs(nb: Any) -> bool:
    """True when some code cell of the notebook carries an output (it was run and saved)."""
    return any(cell.get("outputs") for cell in nb.cells if cell.cell_type == "code")


def execute(
    nb: Any, folder: Path, env: dict[str, str] | None = None, timeout: int = 600, allow_errors: bool = False
) -> Any:
    """Run the notebook in a fresh kernel in `folder`; returns it with outputs, errors kept with allow_errors."""
    km = kernel_manager(nb.metadata.get("kernelspec", {}).get("name", "python3"))
    client = NotebookClient(
        nb, km=km, timeout=timeout, allow_errors=allow_errors, resources={"metadata": {"path": str(folder)}}
    )
    environment = dict(os.environ if env is None else env)
    environment.pop("SHAREDSHIELD_SITE", None)  # the site's chart HTML expects the site's page to load plotly.js
    try:
        client.execute(env=environment)
    finally:  # the client shuts down only kernels it started itself; this one also leaves socket files behind
        if client.kc is not None:
            client.kc.stop_channels()
            client.kc = None
        if km.has_kernel:
            km.shutdown_kernel(now=True)
        km.cleanup_resources()
    return nb


def export_html(nb: Any, template: str = "lab") -> str:
    """The notebook as one HTML page with nbconvert (JupyterLab's `lab` template, or `classic`)."""
    body, _ = HTMLExporter(template_name=template).from_notebook_node(nb)
    return body


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless (never a downloaded browser)."""
    if not CHROMIUM.is_file():
        raise PrintError(
            f"Chromium is missing at {CHROMIUM}: install it (Debian/Ubuntu: `apt-get install -y chromium`)"
        )
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)


def offline(context: Any) -> list[str]:
    """Block every request that is not a local file or inline data; returns the list of blocked addresses."""
    blocked: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.split(":", 1)[0] in ("file", "data", "blob", "about"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return blocked


def page_width_px(paper: str) -> int:
    """The printable width of the paper in CSS pixels (96 per inch), margins taken off."""
    return int((PAPER[paper][1] - 2 * MARGIN_MM) / 25.4 * 96)


def print_html(
    browser: Any, html_file: Path, pdf: Path, paper: str = "a4", css: str = PRINT_CSS, timeout_ms: int = 60_000
) -> dict[str, int]:
    """Open a local HTML file offline at paper width, wait until all charts are drawn, print it; return chart counts."""
    context = browser.new_context(viewport={"width": page_width_px(paper), "height": 1000})
    offline(context)
    page = context.new_page()
    try:
        page.emulate_media(media="print")
        page.goto(html_file.resolve().as_uri(), wait_until="load")
        page.add_style_tag(content=css)
        try:
            page.wait_for_function(READY_JS, timeout=timeout_ms)
        except Exception as err:  # playwright's TimeoutError
            raise PrintError(
                f"{html_file.name}: {page.evaluate(DRAWN_JS)} of {page.evaluate(CHARTS_JS)} charts were drawn after "
                f"{timeout_ms // 1000} s; was the notebook run with ss.setup() in its first code cell?"
            ) from err
        page.wait_for_timeout(300)  # plotly finishes its last layout pass after the svg appears
        counts = {"charts": page.evaluate(CHARTS_JS), "drawn": page.evaluate(DRAWN_JS)}
        page.pdf(
            path=str(pdf),
            format=PAPER[paper][0],
            print_background=True,
            margin={side: f"{MARGIN_MM}mm" for side in ("top", "right", "bottom", "left")},
        )
        return counts
    finally:
        context.close()


def print_notebook(
    notebook: Path, pdf: Path, paper: str = "a4", force_execute: bool = False, template: str = "lab"
) -> dict[str, int]:
    """Run (if needed), export and print one notebook to PDF; returns the number of charts and how many were drawn."""
    try:
        nb = nbformat.read(notebook, as_version=4)
    except FileNotFoundError as err:
        raise PrintError(f"{notebook}: no such file; give the path of a notebook (.ipynb)") from err
    except Exception as err:  # nbformat's read errors are many kinds of JSON and schema errors
        raise PrintError(
            f"{notebook}: not a readable notebook ({err.__class__.__name__}); open it in JupyterLab and save it again"
        ) from err
    if force_execute or not has_outputs(nb):
        try:
            execute(nb, notebook.resolve().parent)
        except Exception as err:  # nbclient's CellExecutionError carries the cell and the error's name
            raise PrintError(
                f"{notebook}: the notebook stopped with an error while running, so nothing was printed:\n{err}"
            ) from err
    with tempfile.TemporaryDirectory(prefix="sharedshield-print-") as tmp:
        html_file = Path(tmp) / (notebook.stem + ".html")
        html_file.write_text(export_html(nb, template), encoding="utf-8")
        with sync_playwright() as pw:
            browser = launch(pw)
            try:
                return print_html(browser, html_file, pdf, paper)
            finally:
                browser.close()
