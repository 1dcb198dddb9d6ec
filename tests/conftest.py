"""Shared fixtures: a private copy of the small test dataset, and the real readings folder when set."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import nbformat
import pytest
from nbmake.nb_run import NotebookRun

from sharedshield import printing
from sharedshield.site import course_notebooks

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_configure(config: pytest.Config) -> None:
    """Point the per-user data folder (platformdirs honours XDG_DATA_HOME) at a new temporary folder for the whole run.

    Tests and the notebooks they execute then never read or write the real user's saved work or imported readings.
    """
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="sharedshield-test-userdata-")
    os.environ["SHAREDSHIELD_WORK_DIR"] = tempfile.mkdtemp(prefix="sharedshield-test-work-")  # saved work, on every OS
    # 08's copy of the data: the same folder for nbmake's kernels and the fixture's, so their runs are interchangeable
    os.environ["SHAREDSHIELD_MY_DATA"] = str(Path(tempfile.mkdtemp(prefix="sharedshield-test-mydata-")) / "my_data")
    config.stash[NBMAKE_RUNS] = {}
    keep_nbmake_runs(config.stash[NBMAKE_RUNS])


@pytest.fixture
def demo_data(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/data (a tiny consistent dataset)."""
    dest = tmp_path / "data"
    shutil.copytree(FIXTURES / "data", dest)
    return dest


@pytest.fixture
def demo_readings() -> Path:
    """The made-up reading that the tiny dataset cites."""
    return FIXTURES / "readings"


@pytest.fixture
def real_readings() -> Path:
    """The real readings folder from $SHAREDSHIELD_READINGS; skips with the reason when not set."""
    value = os.environ.get("SHAREDSHIELD_READINGS")
    if not value:
        pytest.skip(
            "SHAREDSHIELD_READINGS is not set: the readings are not part of the project (CI sets it to"
            " ../shared/readings)"
        )
    path = Path(value)
    if not path.is_dir():
        pytest.fail(f"SHAREDSHIELD_READINGS={value} is not a folder")
    return path


# A second reading for the tiny dataset (tests that need two readings add it with tables.add_row).
OTHER_SOURCE = dict(
    source_id="other",
    title="Another",
    author="B",
    outlet="O",
    genre="blog post",
    published="2008",
    published_basis="test",
    url="https://example.org/b",
    perspective="p",
    audience="a",
    purpose="p",
    reading_file="other.txt",
)


def tree_hash(folder: Path) -> str:
    """One hash over every file's name and bytes, to prove nothing was written."""
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


# --- every course notebook executed ONCE per test run ---------------------------------------------------------------
# The learning, export and determinism tests read these outputs instead of each running the notebooks again (issue 18
# §5). The reading site is built once per run too (tests/sitekit.py), but in its own environment: without the readings,
# whose paragraphs must never reach a published page, and with the site's chart renderer.


NBMAKE_RUNS = pytest.StashKey[dict[Path, nbformat.NotebookNode]]()


def keep_nbmake_runs(kept: dict[Path, nbformat.NotebookNode]) -> None:
    """Keep each notebook nbmake ran without error (`make test`: --nbmake), so the fixture below need not run it again.

    nbmake runs the notebooks first (pyproject's testpaths put notebooks/ before tests/), in the same environment as
    the fixture's runs; a notebook nbmake did not run, or ran into an error, is executed by the fixture itself.
    """
    if getattr(NotebookRun.execute, "keeps_runs", False):
        return
    run_notebook = NotebookRun.execute

    def execute(self: NotebookRun) -> object:
        result = run_notebook(self)
        if result.error is None:
            kept[Path(self.filename).resolve()] = result.nb
        return result

    execute.keeps_runs = True  # type: ignore[attr-defined]
    NotebookRun.execute = execute  # type: ignore[method-assign]


def notebook_environment(my_data: Path) -> dict[str, str]:
    """A course notebook's environment under the tests: this run's, no site renderer, 08's copy in `my_data`."""
    env = {k: v for k, v in os.environ.items() if k != "SHAREDSHIELD_SITE"}
    env["SHAREDSHIELD_MY_DATA"] = str(my_data)  # 08 copies the data here, never into the user's folder
    return env


def execute_notebook(path: Path, env: dict[str, str]) -> nbformat.NotebookNode:
    """A notebook run top to bottom in a new kernel from its folder; an error stays in its outputs (tests report it)."""
    return printing.execute(nbformat.read(path, as_version=4), path.parent, env=env, timeout=300, allow_errors=True)


@pytest.fixture(scope="module")
def browser():
    """The print route's Chromium (Debian's, via Playwright), one per module: one sync Playwright per thread at once."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = printing.launch(pw)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def notebook_env() -> dict[str, str]:
    """The environment of this run's notebook executions (shared, so a second run for the determinism test matches)."""
    return notebook_environment(Path(os.environ["SHAREDSHIELD_MY_DATA"]))


@pytest.fixture(scope="session")
def executed_notebooks(request, notebook_env) -> dict[str, nbformat.NotebookNode]:
    """Every course notebook executed once for the whole run (nbmake's run where there is one): {stem: notebook}."""
    kept = request.config.stash[NBMAKE_RUNS]
    return {path.stem: kept.get(path.resolve()) or execute_notebook(path, notebook_env) for path in course_notebooks()}


SLOW_FIXTURES = {
    "executed_notebooks",
    "built",
    "pages",
    "site",
    "site_url",
    "lab",
    "runs",
}  # each runs notebooks, Sphinx or JupyterLab


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `slow` every test that needs a notebook run, the site build or JupyterLab (`make test-quick` skips them)."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
