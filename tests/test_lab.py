"""`make lab` starts JupyterLab wherever the course runs, as root too (containers): the Makefile's command, for real."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

import chartfit
from conftest import ROOT
from sharedshield import printing

NO_BROWSER = "--no-browser --port=0 --ServerApp.port_retries=0"


def lab_command() -> list[str]:
    """The command `make lab` runs, as the Makefile builds it, with no browser and a free port."""
    out = subprocess.run(
        ["make", "-s", "--no-print-directory", "lab-command", f"LAB_ARGS={NO_BROWSER}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return shlex.split(out.stdout.strip())


SERVING = re.compile(r"(http://(?:127\.0\.0\.1|localhost):\d+)/")


@contextmanager
def running_lab(args: list[str], tmp_path: Path, env: dict[str, str] | None = None) -> Iterator[list[str]]:
    """Run `make lab`'s command with `args`; yield its log lines once it serves (or after 90 s); stop it after."""
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), **(env or {}))
    own_root = any(a.startswith("--ServerApp.root_dir=") for a in args)  # a probe's own folder replaces the course root
    command = [w for w in lab_command() if not (own_root and w.startswith("--ServerApp.root_dir="))]
    proc = subprocess.Popen(
        [*command, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:  # the server exited
                break
            lines.append(line.rstrip())
            if SERVING.search(line):
                break
        yield lines
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.mark.skipif(
    sys.platform == "win32", reason="make and id are the Unix route; Windows follows README's plain-pip steps"
)
def test_make_lab_runs_the_same_command_and_allows_root_only_as_root():
    command = lab_command()
    jupyter = next(i for i, word in enumerate(command) if word.endswith("jupyter"))
    assert command[0] == "env" and command[jupyter + 1] == "lab", command
    settings = dict(word.split("=", 1) for word in command[1:jupyter])
    assert settings["PATH"].startswith(str(ROOT / ".venv" / "bin")), (
        "JupyterLab's terminals need the course's environment first on PATH"
    )
    assert (
        Path(settings["JUPYTER_CONFIG_PATH"]) / "jupyter_server_config.json"
    ).is_file() and "--ServerApp.root_dir=." in command
    assert ("--allow-root" in command) == (os.getuid() == 0), (
        f"--allow-root must be there exactly when running as root: {command}"
    )
    dry = (
        subprocess.run(
            ["make", "-n", "--no-print-directory", "lab", f"LAB_ARGS={NO_BROWSER}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        .stdout.strip()
        .splitlines()
    )
    assert shlex.split(os.path.expandvars(dry[-1])) == [
        *command,
        "notebooks/00_start_here.ipynb",
    ], "make lab runs something other than lab-command"


@pytest.mark.slow  # starts JupyterLab
@pytest.mark.skipif(sys.platform == "win32", reason="make and id are the Unix route")
def test_make_lab_command_starts_jupyterlab_as_the_current_user(tmp_path):
    with running_lab(["notebooks/00_start_here.ipynb"], tmp_path) as lines:
        pass
    log = "\n".join(lines[-15:])
    assert any("is running at" in line for line in lines), f"JupyterLab did not start:\n{log}"
    assert not any("Running as root is not recommended" in line for line in lines)


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """One JupyterLab for this module's browser tests (`make lab`'s command), serving a scratch folder: (url, folder).

    Its notebook setting renders every cell at once (no windowing), so every chart of a notebook is in the page to
    measure.
    """
    if sys.platform == "win32":
        pytest.skip("make and id are the Unix route")
    folder = tmp_path_factory.mktemp("lab")
    settings = folder / ".settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}', encoding="utf-8")
    with running_lab(
        ["--ServerApp.token=probe", f"--ServerApp.root_dir={folder}"],
        folder,
        env={"JUPYTERLAB_SETTINGS_DIR": str(folder / ".settings")},
    ) as lines:
        url = next((found[1] for found in map(SERVING.search, lines) if found), None)
        assert url, "JupyterLab did not start:\n" + "\n".join(lines[-15:])
        yield url, folder


@pytest.mark.browser
@pytest.mark.slow
def test_jupyterlab_draws_each_chart_once_with_plotlys_own_renderer(lab, browser):
    """In JupyterLab plotly's mimetype beats the chart's HTML, even in a trusted notebook whose setup ran plotly.js."""
    url, folder = lab
    cells = [
        new_code_cell("import sharedshield as ss\nss.setup()"),
        new_code_cell(
            "import plotly.graph_objects as go\nfrom sharedshield import figkit\n"
            "ss.show(figkit.finish(go.Figure(go.Bar(x=[1, 2], y=[3, 4])), 'Probe', 'x', 'y', 'Two bars.'))"
        ),
    ]
    nb = new_notebook(
        cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )
    path = folder / "probe.ipynb"
    nbformat.write(printing.execute(nb, folder), path)
    subprocess.run(
        [next(w for w in lab_command() if w.endswith("jupyter")), "trust", str(path)],
        check=True,
        capture_output=True,
        timeout=60,
    )  # scripts in outputs may run
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    try:
        page.goto(f"{url}/lab/tree/probe.ipynb?token=probe")
        page.wait_for_function(
            "() => document.querySelectorAll('.js-plotly-plot svg.main-svg').length > 0", timeout=60_000
        )
        page.wait_for_timeout(1500)  # time for a second drawing, if there were one
        counts = page.evaluate(
            """() => ({
                plotly: document.querySelectorAll(
                    '.jp-RenderedPlotly.js-plotly-plot, .jp-RenderedPlotly .js-plotly-plot'
                ).length,
                all: document.querySelectorAll('.js-plotly-plot').length,
                html: document.querySelectorAll('.sharedshield-chart').length,
                alt: document.body.innerText.includes('Two bars.'),
            })"""
        )
    finally:
        page.close()
    assert counts == {"plotly": 1, "all": 1, "html": 0, "alt": True}, counts


KERNEL_START = """
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name="python3")
kc.execute_interactive("import logging; logging.getLogger('IPKernelApp').warning('a real warning stays')", timeout=60)
kc.stop_channels(); km.shutdown_kernel()
"""


def test_kernels_of_the_course_environment_keep_warnings_but_not_the_local_tcp_one():
    """nbmake, the site build and the print route use TCP kernels: the venv's kernel config drops just that warning."""
    installed = ROOT / ".venv" / "etc" / "ipython" / "ipython_kernel_config.py"
    assert (
        installed.is_file() and installed.read_text() == (ROOT / "lab-config" / "ipython_kernel_config.py").read_text()
    ), "run make: the kernel config is not installed"
    out = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-c", KERNEL_START], capture_output=True, text=True, timeout=120
    )
    said = out.stdout + out.stderr
    assert out.returncode == 0, said[-2000:]
    assert "without encryption" not in said, said[-2000:]
    assert "a real warning stays" in said, f"the kernel's other warnings must still show:\n{said[-2000:]}"


def test_make_labs_jupyterlab_neither_asks_about_news_nor_checks_for_updates(tmp_path):
    """A student's first JupyterLab shows no 'official Jupyter news?' pop-up: lab-config/overrides.json overrides it."""
    import json
    import urllib.request

    with running_lab(["--ServerApp.token=probe"], tmp_path) as lines:
        url = next((found[1] for found in map(SERVING.search, lines) if found), None)
        assert url, "JupyterLab did not start:\n" + "\n".join(lines[-15:])
        address = (
            f"{url.replace('localhost', '127.0.0.1')}/lab/api/settings"
            "/@jupyterlab/apputils-extension:notification?token=probe"
        )
        for _ in range(30):  # the log line can come a moment before the port accepts
            try:
                with urllib.request.urlopen(address, timeout=30) as reply:
                    props = json.load(reply)["schema"]["properties"]  # overrides.json lands in the schema's defaults
                settings = {key: props[key].get("default") for key in ("fetchNews", "checkForUpdates")}
                break
            except OSError:
                time.sleep(1)
        else:
            pytest.fail(f"JupyterLab's settings did not answer at {address}")
    assert settings.get("fetchNews") == "false" and settings.get("checkForUpdates") is False, settings


@pytest.mark.browser
@pytest.mark.parametrize("stem", ["03_event_density", "07_corroboration"])
def test_charts_fit_their_cell_in_jupyterlab_at_laptop_size(lab, browser, executed_notebooks, stem):
    """Density charts and the corroboration matrix in JupyterLab at 1366x768: width, tick labels and legend apart."""
    url, folder = lab
    nb = executed_notebooks[stem]
    expected = sum(
        "application/vnd.plotly.v1+json" in out.get("data", {}) for cell in nb.cells for out in cell.get("outputs", [])
    )
    assert expected, f"{stem} shows no chart"
    path = folder / f"{stem}.ipynb"
    nbformat.write(nb, path)
    subprocess.run(
        [next(w for w in lab_command() if w.endswith("jupyter")), "trust", str(path)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        page.goto(
            f"{url}/lab/workspaces/fit-{stem}/tree/{stem}.ipynb?token=probe&reset"
        )  # a workspace of its own: no other tab restored
        shown = (  # the notebook in front; JupyterLab keeps other tabs in the page
            ".jp-NotebookPanel:not(.lm-mod-hidden) .js-plotly-plot"
        )
        drawn = (
            "([sel, n]) => Array.from(document.querySelectorAll(sel)).filter(gd => gd.querySelector('svg.main-svg"
            " g.cartesianlayer')).length >= n"
        )
        page.wait_for_function(drawn, arg=[shown, expected], timeout=120_000)
        page.wait_for_timeout(1000)
        charts = page.evaluate(chartfit.MEASURE_JS, shown)
    finally:
        page.close()
    assert len(charts) == expected, f"{stem}: {len(charts)} charts drawn, {expected} in the notebook"
    assert all(chart["width"] > 0 and chart["axes"] for chart in charts), (
        f"{stem}: a chart was measured before it was drawn: "
        + str([(c["title"], c["width"], len(c["axes"])) for c in charts])
    )
    problems = [p for chart in charts for p in chartfit.problems(chart, f"JupyterLab, {stem} at 1366x768")]
    assert not problems, "\n".join(problems)
