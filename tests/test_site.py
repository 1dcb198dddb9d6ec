"""The reading site in Debian's Chromium via Playwright: pages load clean, charts are live, nothing leaves 127.0.0.1."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

import sitekit
from conftest import ROOT
from sharedshield import printing
from sharedshield.site import course_notebooks, reference_pages

pytestmark = pytest.mark.browser

NOTEBOOKS = [p.stem for p in course_notebooks()]
PAGES = (
    ["index.html", "glossary.html", "search.html"]
    + [f"notebooks/{n}.html" for n in NOTEBOOKS]
    + [r.removesuffix(".md") + ".html" for r in reference_pages()]
)
SCREENSHOTS = ROOT / "_build" / "screenshots"  # never inside _site: a later `make site` replaces only a folder it built


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session (never `playwright install`: the system's /usr/bin/chromium)."""
    if not printing.CHROMIUM.is_file():
        pytest.fail("Chromium is missing: install it with `apt-get install -y chromium` (.ci/run does)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = printing.launch(pw)  # the same Chromium and flags the print route uses
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_url():
    """The site built once from the current notebooks, served on 127.0.0.1."""
    with sitekit.serve(sitekit.built_site()) as url:
        yield url


READY_JS = """() => document.readyState === 'complete' &&
    Array.from(document.querySelectorAll('.plotly-graph-div')).every(gd => gd.querySelector('svg.main-svg'))"""


class Watched:
    """A page whose console errors, uncaught errors, failed requests and requests to other hosts are recorded."""

    def __init__(self, browser, base: str):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.foreign: list[str] = []
        self.dialogs: list[str] = []
        host = urlparse(base).hostname
        page = self.page

        def route(r):
            url = urlparse(r.request.url)
            if (
                url.scheme in ("data", "blob", "about")
                or (url.scheme == "file" and base.startswith("file:"))
                or url.hostname == host
            ):
                r.continue_()
            else:
                self.foreign.append(r.request.url)
                r.abort()

        self.context.route("**/*", route)
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.problems.append(f"uncaught: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed request: {r.url} ({r.failure})"))
        page.on("response", lambda r: self.problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, url: str):
        """Load a page and wait until its charts have drawn (Chromium's 'networkidle' event is not reliable here)."""
        self.page.goto(url, wait_until="load")
        self.page.wait_for_function(READY_JS, timeout=20_000)
        self.page.wait_for_timeout(200)
        return self.page

    def assert_clean(self, what: str) -> None:
        """No error, no failed request, nothing fetched from elsewhere."""
        assert not self.foreign, f"{what}: requests to other hosts: {self.foreign}"
        assert not self.problems, f"{what}: " + "\n".join(self.problems)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser, site_url):
    w = Watched(browser, site_url)
    yield w
    w.close()


FIGURES_JS = """() => Array.from(document.querySelectorAll('.plotly-graph-div')).map(gd => ({
    id: gd.id,
    svg: !!gd.querySelector('svg.main-svg'),
    traces: (gd._fullData || []).length,
    marks: gd.querySelectorAll('.plot .trace, .barlayer .point, .scatterlayer .point').length,
    alt: (gd.closest('.cell_output') || document.body).innerText.includes('Text alternative:'),
}))"""

HEADINGS_JS = """() => Array.from(document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6'))
    .filter(h => h.offsetParent !== null).map(h => [Number(h.tagName[1]), h.innerText.trim()])"""


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_clean_with_live_charts_and_accessible_structure(watched, site_url, page):
    p = watched.open(site_url + page)
    figures = p.evaluate(FIGURES_JS)
    for fig in figures:
        assert fig["svg"] and fig["traces"] > 0 and fig["marks"] > 0, f"{page}: chart {fig['id']} did not render: {fig}"
        assert fig["alt"], f"{page}: chart {fig['id']} has no 'Text alternative:' under it"
    headings = p.evaluate(HEADINGS_JS)
    assert headings and headings[0][0] == 1, f"{page}: the page should start with one h1: {headings[:3]}"
    for (prev, _), (level, text) in zip(headings, headings[1:], strict=False):
        assert level <= prev + 1, f"{page}: heading {text!r} jumps from h{prev} to h{level}"
    no_alt = p.evaluate("() => Array.from(document.images).filter(i => !i.hasAttribute('alt')).map(i => i.src)")
    assert not no_alt, f"{page}: images without alt text: {no_alt}"
    assert p.evaluate("() => window.__xss === undefined")
    watched.assert_clean(page)


def test_plotly_js_is_loaded_once_from_the_site(watched, site_url):
    scripts: list[str] = []
    watched.page.on("request", lambda r: scripts.append(r.url) if "plotly" in r.url else None)
    page = watched.open(site_url + f"notebooks/{NOTEBOOKS[0]}.html")
    assert [urlparse(u).path for u in scripts] == ["/_static/plotly.min.js"]
    assert page.evaluate("() => typeof Plotly === 'object' && typeof Plotly.newPlot === 'function'")
    watched.assert_clean("plotly.js")


def _page_with_chart(watched, site_url, stem: str):
    assert stem in NOTEBOOKS, f"notebooks/{stem}.ipynb is not in the course"
    page = watched.open(site_url + f"notebooks/{stem}.html")
    if not page.evaluate(FIGURES_JS):
        pytest.fail(f"{stem} has no chart on the site")
    return page


HOVER_TARGETS = ".scatterlayer .point, .barlayer .point path, .barlayer .point, .scatterlayer .trace path.js-line"


def test_timeline_hover_shows_a_tooltip_and_legend_toggles(watched, site_url):
    page = _page_with_chart(watched, site_url, "02_timeline")
    chart = page.locator(".plotly-graph-div").first
    chart.scroll_into_view_if_needed()
    shown = ""
    for point in chart.locator(HOVER_TARGETS).all()[:40]:
        box = point.bounding_box()
        if not box or box["width"] * box["height"] == 0:
            continue
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(150)
        shown = " ".join(chart.locator(".hoverlayer text").all_text_contents()).strip()
        if shown:
            break
    assert shown, "hovering the timeline's points showed no tooltip"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "02_timeline.png"), full_page=False)  # with the tooltip showing
    legend = chart.locator(".legend .traces .legendtoggle")
    if legend.count() > 1:
        legend.first.click()
        page.wait_for_function(
            "id => document.getElementById(id)._fullData.some(t => t.visible === 'legendonly')",
            arg=chart.get_attribute("id"),
            timeout=3000,
        )  # clicking a legend entry hides its trace
    watched.assert_clean("timeline hover")


def test_density_chart_zooms_and_is_screenshotted(watched, site_url):
    page = _page_with_chart(watched, site_url, "03_event_density")
    chart = page.locator(".plotly-graph-div").first
    chart.scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "03_event_density.png"), full_page=False)  # before the zoom
    gd = chart.get_attribute("id")
    before = page.evaluate("id => JSON.stringify(document.getElementById(id)._fullLayout.xaxis.range)", gd)
    box = chart.locator(".nsewdrag").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.5)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.5, steps=8)
    page.mouse.up()
    page.wait_for_timeout(300)
    after = page.evaluate("id => JSON.stringify(document.getElementById(id)._fullLayout.xaxis.range)", gd)
    assert after != before, "dragging across the chart did not zoom it"
    watched.assert_clean("density zoom")


def test_quiz_answer_click_shows_feedback(watched, site_url):
    page = watched.open(site_url + f"notebooks/{NOTEBOOKS[0]}.html")
    quiz = page.locator(".Quiz").first
    quiz.scroll_into_view_if_needed()
    quiz.locator(".MCButton").first.click()
    feedback = quiz.locator(".Feedback").first
    feedback.wait_for(state="visible")
    assert feedback.inner_text().strip(), "clicking an answer showed no feedback"
    watched.assert_clean("quiz")


def test_search_finds_a_glossary_term(watched, site_url):
    from sharedshield import load_course

    term = load_course().glossary.term.iloc[0].split(" ")[0]
    page = watched.open(site_url + f"search.html?q={term}")
    results = page.locator("#search-results li")
    results.first.wait_for(timeout=10_000)
    assert results.count() > 0, f"searching for {term!r} found nothing"
    watched.assert_clean("search")


def test_tab_reaches_the_site_navigation(watched, site_url):
    page = watched.open(site_url + "index.html")
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
                const a = document.activeElement;
                const inNav = a && a.tagName === 'A' && !!a.closest('nav, .bd-sidebar-primary');
                return inNav ? a.getAttribute('href') : null;
            }"""
        )
        if info:
            reached.append(info)
        if any("notebooks/" in h for h in reached):
            break
    assert any("notebooks/" in h for h in reached), f"Tab never reached a notebook link in the navigation: {reached}"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/notebooks/" in page.url
    watched.assert_clean("keyboard navigation")


CONTRAST_JS = """sel => { const el = document.querySelector(sel); if (!el) return null;
    const bg = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
        if (c && !c.endsWith(', 0)') && c !== 'transparent') return c; } return 'rgb(255, 255, 255)'; };
    return [getComputedStyle(el).color, bg(el)]; }"""


def _luminance(css: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"[\d.]+", css)[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio of two CSS rgb() colours."""
    hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_of_text_and_links(watched, site_url):
    page = watched.open(site_url + f"notebooks/{NOTEBOOKS[0]}.html")
    for what, sel in [
        ("body text", "article p"),
        ("link in text", "article a.reference"),
        ("navigation link", ".bd-sidebar-primary a"),
        ("heading", "article h1"),
        ("code output", ".cell_output pre"),
    ]:
        colours = page.evaluate(CONTRAST_JS, sel)
        if colours is None:
            continue
        ratio = contrast(*colours)
        assert ratio >= 4.5, (
            f"{what} ({sel}) has contrast {ratio:.2f}:1 ({colours[0]} on {colours[1]}); WCAG AA needs 4.5:1"
        )
    watched.assert_clean("contrast")


@pytest.mark.slow  # the site build
def test_a_notebook_page_works_from_file_url(browser):
    folder = sitekit.built_site()
    w = Watched(browser, folder.as_uri() + "/")
    try:
        page = w.open((folder / "notebooks" / f"{NOTEBOOKS[0]}.html").as_uri())
        for fig in page.evaluate(FIGURES_JS):
            assert fig["svg"] and fig["traces"] > 0
        page.locator(".Quiz .MCButton").first.click()
        assert page.locator(".Quiz .Feedback").first.inner_text().strip()
        w.assert_clean("file://")
    finally:
        w.close()


@pytest.mark.slow  # builds a probe site
def test_html_in_the_data_is_shown_as_text_and_never_runs(browser):
    folder = sitekit.probe_site()
    with sitekit.serve(folder) as url:
        w = Watched(browser, url)
        try:
            for page_name in ("notebooks/99_probe.html", "glossary.html"):
                page = w.open(url + page_name)
                page.wait_for_timeout(300)
                assert page.evaluate("() => window.__xss === undefined"), f"{page_name}: injected script ran"
                assert not w.dialogs
                text = page.locator("article").inner_text()
                assert text.count('<img src=x onerror="window.__xss=1" alt="">') >= (
                    3 if "probe" in page_name else 2
                ), f"{page_name}: the injected value is not shown as text"
                assert page.locator("article img[src='x'], article b:text('bold')").count() == 0, (
                    f"{page_name}: injected tags became elements"
                )
            page = w.open(url + "notebooks/99_probe.html")
            chart = page.locator(".plotly-graph-div").first
            chart.scroll_into_view_if_needed()
            box = chart.locator(".scatterlayer .point").first.bounding_box()
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_timeout(200)
            assert chart.locator(".hoverlayer text").count() > 0
            assert page.locator(".hoverlayer image, .hoverlayer img").count() == 0
            assert page.evaluate("() => window.__xss === undefined"), "hovering the injected point ran its script"
            w.assert_clean("probe")
        finally:
            w.close()
