"""Class report in Debian's Chromium, network blocked: every chart is drawn, axe-core finds no WCAG A/AA violation."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import axe_playwright_python
import pytest
from playwright.sync_api import sync_playwright

from sharedshield import cli, democlass, printing

pytestmark = pytest.mark.browser
AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A report of a class of 6, the same anonymous, one feedback page and one student's hand-in."""
    folder = tmp_path_factory.mktemp("browser")
    with contextlib.redirect_stdout(io.StringIO()):
        democlass.build_class(folder / "handins", 6, seed=3)
        assert (
            cli.main(
                [
                    "class",
                    "report",
                    str(folder / "handins"),
                    "--out",
                    str(folder / "r.html"),
                    "--marks",
                    str(folder / "m.csv"),
                ]
            )
            == 0
        )
        assert (
            cli.main(["class", "report", str(folder / "handins"), "--out", str(folder / "a.html"), "--anonymous"]) == 0
        )
        assert cli.main(["class", "feedback", str(folder / "m.csv"), "--out", str(folder / "fb")]) == 0
    return {
        "report": folder / "r.html",
        "anonymous": folder / "a.html",
        "feedback": next((folder / "fb").glob("*.html")),
        "handin": next((folder / "handins").glob("*.html")),
    }


@pytest.mark.parametrize("which", ["report", "anonymous", "feedback", "handin"])
def test_offline_charts_drawn_and_no_axe_violation(pages, which):
    with sync_playwright() as pw:
        browser = printing.launch(pw)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        blocked = printing.offline(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(pages[which].as_uri())
        page.wait_for_load_state("load")
        specs = page.locator("script.plot-spec").count()
        drawn = page.locator(".plot .main-svg").count()
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        browser.close()
    assert blocked == [] and errors == []
    if which in ("report", "anonymous"):
        assert specs >= 3 and page_drawn(drawn, specs)
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []


def page_drawn(drawn: int, specs: int) -> bool:
    """Every chart spec became a drawn plotly chart (plotly draws at least one main svg per chart)."""
    return drawn >= specs
