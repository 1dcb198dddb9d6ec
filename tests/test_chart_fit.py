"""Every chart of every page of the reading site fits a laptop, a small laptop and a phone (issue 15 §5).

At 1366, 1024 and 390 px wide, in Debian's Chromium: each chart is no wider than its column, no two tick labels of an
axis overlap, and the legend neither covers a plot area nor is cut off. Screenshots go to _build/screenshots/fit/ for
a person to look at: of every chart on a page with a problem, and of every chart at every width when
SHAREDSHIELD_SHOTS=1 (they cost about half of this test's time, so an ordinary run takes none of a page that fits).
"""

from __future__ import annotations

import os

import pytest

import chartfit
import sitekit
from conftest import ROOT

pytestmark = pytest.mark.browser

WIDTHS = {1366: 768, 1024: 768, 390: 844}  # a laptop, a small laptop or tablet, a phone (CSS px)
SHOTS = ROOT / "_build" / "screenshots" / "fit"
ALL_SHOTS = os.environ.get("SHAREDSHIELD_SHOTS") == "1"
DRAWN_JS = """() => document.readyState === 'complete' &&
    Array.from(document.querySelectorAll('.js-plotly-plot')).every(gd => gd.querySelector('svg.main-svg'))"""


@pytest.fixture(scope="module")
def site():
    """The built site (once per test process, shared with test_site.py), served on 127.0.0.1: (folder, url)."""
    folder = sitekit.built_site()
    with sitekit.serve(folder) as url:
        yield folder, url


def measure_page(browser, url: str, width: int, shots: str | None = None) -> list[dict]:
    """Open a page at `width` px and measure each chart; screenshot each chart when `shots` names a file prefix."""
    context = browser.new_context(viewport={"width": width, "height": WIDTHS[width]}, device_scale_factor=1)
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_function(DRAWN_JS, timeout=30_000)
        page.wait_for_timeout(300)
        charts = page.evaluate(chartfit.MEASURE_JS, ".js-plotly-plot")
        if shots:
            for k, handle in enumerate(page.locator(".js-plotly-plot").all(), start=1):
                handle.scroll_into_view_if_needed()
                page.wait_for_timeout(100)
                handle.screenshot(path=f"{shots}-{k}.png")
        return charts
    finally:
        context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_chart_fits_its_column_with_ticks_and_legend_apart(browser, site, width):
    folder, url = site
    SHOTS.mkdir(parents=True, exist_ok=True)
    found, problems, tally = 0, [], []
    # only pages that hold a chart: the rest have nothing to fit, and each page load parses plotly.js (about 1 s)
    pages = [p for p in sitekit.site_pages(folder) if "plotly-graph-div" in (folder / p).read_text(encoding="utf-8")]
    for page in pages:
        stem = page.removesuffix(".html").replace("/", "_")
        shots = str(SHOTS / f"{width}-{stem}")
        charts = measure_page(browser, url + page, width, shots if ALL_SHOTS else None)
        found += len(charts)
        here = [p for chart in charts for p in chartfit.problems(chart, f"{page} at {width} px")]
        if here and not ALL_SHOTS:
            measure_page(browser, url + page, width, shots)  # pictures of the page that failed, to look at
        problems += here
        if charts:
            tally.append(chartfit.tally(page, width, charts))
    print(
        "\n" + "\n".join(tally)
    )  # per page: charts, overlapping tick-label pairs, legends over a plot, charts wider than the column
    assert found >= 10, f"only {found} charts on the whole site"
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_the_measures_catch_what_they_are_for():
    """Overlap of tilted labels is judged on drawn rectangles; a legend on the plot or a chart too wide is reported."""

    def tilted(x: float) -> list[list[float]]:  # a 40 x 12 label rotated -45 degrees, anchored at (x, 100)
        return [[x, 100], [x + 28.3, 71.7], [x + 36.8, 80.2], [x + 8.5, 108.5]]

    assert chartfit.polygons_overlap(tilted(0), tilted(10)) and not chartfit.polygons_overlap(tilted(0), tilted(20))
    plot = {"x0": 50, "y0": 50, "x1": 500, "y1": 300}
    chart = {
        "index": 0,
        "id": "c",
        "title": "t",
        "width": 900,
        "left": 0,
        "columnWidth": 800,
        "columnLeft": 0,
        "svgBox": {"x0": 0, "y0": 0, "x1": 900, "y1": 400},
        "plots": [plot],
        "legend": {"x0": 400, "y0": 60, "x1": 600, "y1": 120},
        "axes": {"x": [{"text": "2007", "corners": tilted(0)}, {"text": "2008", "corners": tilted(10)}]},
    }
    said = " ".join(chartfit.problems(chart, "p"))
    assert (
        "900 px wide in a 800 px column" in said
        and "1 overlapping tick-label pair" in said
        and "covers the plot area" in said
    )
    chart |= {
        "width": 800,
        "legend": {"x0": 60, "y0": 320, "x1": 300, "y1": 380},
        "axes": {"x": [{"text": "2007", "corners": tilted(0)}]},
    }
    assert chartfit.problems(chart, "p") == []
