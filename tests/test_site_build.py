"""The reading site's build: the site's plotly renderer, staging in course order, the built HTML (offline, escaped)."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
import pytest

import sitekit
from conftest import ROOT
from sharedshield import notebook, site
from sharedshield.lessons import COURSE_MAP

# --- the plotly renderer --------------------------------------------------------------------------------------


def test_site_renderer_emits_html_that_draws_with_the_pages_plotly_js(monkeypatch):
    monkeypatch.setattr(pio.renderers, "default", pio.renderers.default)  # restored after the test
    notebook.use_site_renderer()
    assert pio.renderers.default == notebook.SITE_RENDERER
    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4], text=["</script><b>x</b>", "y"]))
    bundle = pio.renderers._build_mime_bundle(fig.to_dict())
    assert list(bundle) == ["text/html"], "myst-nb keeps text/html; plotly's own mimetype would be dropped"
    out = bundle["text/html"]
    assert "Plotly.newPlot" in out and 'class="plotly-graph-div"' in out
    assert len(out) < 20_000, "plotly.js itself must not be inlined: the site loads it once"
    assert "<script src" not in out and "cdn" not in out.lower() and "mathjax" not in out.lower()
    assert "</script><b>" not in out, "figure data is escaped inside the script"


def test_setup_switches_renderer_only_on_the_site(monkeypatch):
    monkeypatch.setattr(pio.renderers, "default", "plotly_mimetype")
    monkeypatch.delenv("SHAREDSHIELD_STRICT", raising=False)  # setup() would turn warnings into errors for the session
    monkeypatch.delenv(notebook.SITE_ENV, raising=False)
    notebook.setup()
    assert pio.renderers.default == "plotly_mimetype", "JupyterLab keeps plotly's own renderer"
    monkeypatch.setenv(notebook.SITE_ENV, "1")
    notebook.setup()
    notebook.setup()  # twice is fine
    assert pio.renderers.default == notebook.SITE_RENDERER


# --- staging -------------------------------------------------------------------------------------------------


def _fake_repo(tmp_path: Path, stems: list[str], references: bool) -> Path:
    (tmp_path / "notebooks").mkdir(parents=True)
    (tmp_path / "data").mkdir()
    for stem in stems:
        (tmp_path / "notebooks" / f"{stem}.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "data" / "events.csv").write_text("x\n", encoding="utf-8")
    if references:
        (tmp_path / "teacher").mkdir()
        (tmp_path / "teacher" / "guide.md").write_text("# Guide\n", encoding="utf-8")
        (tmp_path / "data" / "README.md").write_text("# Codebook\n", encoding="utf-8")
    return tmp_path


def test_stage_follows_the_course_map_and_picks_up_every_notebook(tmp_path):
    stems = [COURSE_MAP[3].notebook, COURSE_MAP[0].notebook, "99_extra", COURSE_MAP[1].notebook]
    repo = _fake_repo(tmp_path / "repo", stems, references=True)
    src = site.stage(tmp_path / "src", repo)
    index = (src / "index.md").read_text(encoding="utf-8")
    toc = index[index.index(":caption: Course") :]
    order = [
        toc.index(f"notebooks/{s}\n")
        for s in (COURSE_MAP[0].notebook, COURSE_MAP[1].notebook, COURSE_MAP[3].notebook, "99_extra")
    ]
    assert order == sorted(order), "the navigation follows the course map; notebooks outside it come last"
    for stem in stems:
        assert (src / "notebooks" / f"{stem}.ipynb").is_file()
        assert f"{{download}}`{stem}.ipynb <notebooks/{stem}.ipynb>`" in index, "each notebook has a download link"
    assert "teacher/guide\n" in index and "data/README\n" in index and "glossary\n" in index
    assert (src / "data" / "events.csv").is_file() and (src / "glossary.md").is_file()


def test_stage_leaves_out_reference_pages_that_do_not_exist_yet(tmp_path):
    repo = _fake_repo(tmp_path / "repo", [COURSE_MAP[0].notebook], references=False)
    index = (site.stage(tmp_path / "src", repo) / "index.md").read_text(encoding="utf-8")
    assert "teacher/guide" not in index and "data/README" not in index


def test_build_environment_never_carries_the_readings(monkeypatch):
    monkeypatch.setenv("SHAREDSHIELD_READINGS", "/somewhere")
    env = site.site_environment()
    assert "SHAREDSHIELD_READINGS" not in env and env["SHAREDSHIELD_SITE"] == "1"


def test_index_page_escapes_titles():
    text = site.index_page("intro", [Path("notebooks/99_<i>x.ipynb")], [])
    row = next(line for line in text.splitlines() if line.startswith("| 99 |"))
    assert "[99_&lt;i&gt;x]" in row


# --- the built site --------------------------------------------------------------------------------------------


class _Tags(html.parser.HTMLParser):
    """Collects the tags of a page that load something, its headings and its images."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[tuple[str, str]] = []
        self.images: list[dict] = []
        self.inline_scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "script":
            self._in_script = "src" not in a
            if "src" in a:
                self.loads.append((tag, a["src"] or ""))
        elif tag == "link" and a.get("rel") in (
            "stylesheet",
            "preload",
            "icon",
            "shortcut icon",
            "modulepreload",
            "preconnect",
            "dns-prefetch",
        ):
            self.loads.append((tag, a.get("href") or ""))
        elif tag in ("img", "iframe", "source", "video", "audio", "embed"):
            self.loads.append((tag, a.get("src") or ""))
            if tag == "img":
                self.images.append(a)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.inline_scripts.append(data)


@pytest.fixture(scope="module")
def built() -> Path:
    return sitekit.built_site()


@pytest.fixture(scope="module")
def pages(built) -> dict[str, str]:
    return {name: (built / name).read_text(encoding="utf-8") for name in sitekit.site_pages(built)}


def test_every_notebook_and_reference_page_is_built(built):
    for nb in site.course_notebooks():
        assert (built / "notebooks" / f"{nb.stem}.html").is_file(), f"no page for {nb.name}"
        assert (built / "_sources" / "notebooks" / nb.name).read_bytes() == nb.read_bytes(), (
            f"no .ipynb download for {nb.name}"
        )
        page = (built / "notebooks" / f"{nb.stem}.html").read_text(encoding="utf-8")
        assert f'href="../_sources/notebooks/{nb.name}"' in page, (
            f"{nb.stem}: the page has no download button for its notebook"
        )
    for ref in site.reference_pages():
        assert (built / ref.replace(".md", ".html")).is_file()
    for name in ("index.html", "glossary.html", "search.html", "searchindex.js", "_static/plotly.min.js"):
        assert (built / name).is_file(), f"{name} is missing"


# jupyterquiz's script fetches MathJax 3 from a CDN only when the page already defines MathJax without typeset();
# the site never loads MathJax (checked below), so that branch never runs; the browser tests watch every request.
QUIZ_MATHJAX_FALLBACK = "script.src = 'https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-svg.js';"


def test_nothing_is_loaded_from_another_host(pages):
    for name, text in pages.items():
        text = text.replace(QUIZ_MATHJAX_FALLBACK, "")
        tags = _Tags()
        tags.feed(text)
        for tag, url in tags.loads:
            assert url and not re.match(r"^(https?:)?//", url), f"{name}: <{tag}> loads {url!r} from another host"
        for script in tags.inline_scripts:
            assert not re.search(
                r"""(import\s*\(?\s*['"]https?:|src\s*=\s*['"]https?:|fetch\(\s*['"]https?:)""", script
            ), f"{name}: an inline script loads from another host"
        assert not re.search(
            r"fonts\.(googleapis|gstatic)\.com|cdn\.jsdelivr|cdnjs\.|unpkg\.com|cdn\.plot\.ly|require\.min\.js",
            text,
            re.I,
        ), f"{name}: references a CDN"
        assert not any("mathjax" in url.lower() for _, url in tags.loads), f"{name}: loads MathJax"


def test_stylesheets_load_no_remote_fonts(built):
    for css in (built / "_static").rglob("*.css"):
        assert not re.search(
            r"@import\s+url\(\s*['\"]?https?:|url\(\s*['\"]?https?://",
            css.read_text(encoding="utf-8", errors="replace"),
        ), f"{css.name} pulls something from another host"


def test_plotly_js_ships_once_and_no_page_inlines_it(built, pages):
    shipped = built / "_static" / "plotly.min.js"
    assert shipped.read_bytes() == site.plotly_js_path().read_bytes()
    assert [p for p in built.rglob("plotly*.js")] == [shipped]
    marker = shipped.read_text(encoding="utf-8")[:200].split("\n")[1]  # the banner line naming the plotly.js version
    for name, text in pages.items():
        assert marker not in text and len(text) < 2_000_000, f"{name} inlines plotly.js"
        assert text.count("_static/plotly.min.js") == 1, f"{name} must load plotly.min.js exactly once"


def test_every_chart_has_its_text_alternative_and_images_have_alt(pages):
    charts = 0
    for name, text in pages.items():
        parts = text.split('class="plotly-graph-div"')
        charts += len(parts) - 1
        for after in parts[1:]:
            nxt = after.split('class="plotly-graph-div"')[0]
            assert "Text alternative:" in nxt, f"{name}: a chart has no text alternative after it"
        tags = _Tags()
        tags.feed(text)
        for img in tags.images:
            assert "alt" in img, f"{name}: image {img.get('src')} has no alt text"
    if any(f"notebooks/{s}.html" in pages for s in ("02_timeline", "03_event_density")):
        assert charts > 0, "the course's charts are missing from the site"


def _headings(text: str) -> list[int]:
    main = text[text.find("<main") : text.find("</main>")]
    main = re.sub(r'<div id="print-main-content">.*?</div>\s*</div>', "", main, flags=re.S)  # the print-only header
    return [int(n) for n in re.findall(r"<h([1-6])[\s>]", main)]


def test_headings_do_not_skip_levels(pages):
    for name, text in pages.items():
        levels = _headings(text)
        if not levels:
            continue
        assert levels[0] == 1, f"{name}: starts with h{levels[0]}"
        for a, b in zip(levels, levels[1:], strict=False):
            assert b <= a + 1, f"{name}: heading jumps from h{a} to h{b}"


def test_quizzes_are_kept_as_html_and_script(pages):
    for lesson in COURSE_MAP:
        text = pages.get(f"notebooks/{lesson.notebook}.html")
        if text is None:
            continue
        assert '<script type="application/javascript">' in text and "var questions" in text, (
            f"{lesson.notebook}: the quiz's script was dropped"
        )
        assert 'class="Quiz"' in text or "quizWrap" in text or "jupyterquiz" in text.lower(), (
            f"{lesson.notebook}: the quiz's container is missing"
        )


def test_glossary_page_lists_every_term_escaped(built):
    from sharedshield import load_course

    text = (built / "glossary.html").read_text(encoding="utf-8")
    for term in load_course().glossary.term:
        assert html_escape(term) in text, f"glossary page lacks {term!r}"
    search = (built / "searchindex.js").read_text(encoding="utf-8")
    assert "glossari" in search.lower(), "the glossary is in the search index"


def html_escape(value: str) -> str:
    import html

    return html.escape(value, quote=True).replace("&#x27;", "'")


def test_probe_values_reach_the_html_escaped():
    probe = sitekit.probe_site()
    for name in ("notebooks/99_probe.html", "glossary.html"):
        text = (probe / name).read_text(encoding="utf-8")
        assert "<img src=x" not in text and "<script>window.__xss" not in text and "<b>bold</b>" not in text, (
            f"{name}: injected HTML is live"
        )
        assert "&lt;img src=x onerror=" in text, f"{name}: the injected value is not shown at all"


def test_site_is_small_enough(built):
    sizes = {p: p.stat().st_size for p in built.rglob("*.html")}
    biggest = max(sizes, key=sizes.get)
    assert sizes[biggest] < 1_500_000, f"{biggest.name} is {sizes[biggest] / 1e6:.1f} MB"
    total = sum(p.stat().st_size for p in built.rglob("*") if p.is_file())
    assert total < 40_000_000, f"the site is {total / 1e6:.0f} MB"


def test_make_site_target_builds_with_sharedshield_site():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = makefile[makefile.index("\nsite:") :].split("\n\n")[0]
    assert "sharedshield.site" in target
    assert "_site/" in (ROOT / ".gitignore").read_text(encoding="utf-8")


def test_build_never_nests_the_site_in_or_deletes_a_folder_it_did_not_build(tmp_path, monkeypatch):
    from sharedshield import site

    def fake_sphinx(args, **kwargs):
        out = Path(args[-1])
        (out / "_static").mkdir(parents=True)
        (out / "index.html").write_text("<html></html>", encoding="utf-8")

    monkeypatch.setattr(site.subprocess, "run", fake_sphinx)
    monkeypatch.setattr(site, "stage", lambda dest, root: dest)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SystemExit, match="is not a site built by this command"):
        site.build(mine, work=tmp_path / "work")
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    out = tmp_path / "out"
    site.build(out, work=tmp_path / "work")
    site.build(out, work=tmp_path / "work")  # a second build replaces the first, never nests it
    assert sorted(p.name for p in out.iterdir()) == ["_static", "index.html"]


def test_stage_ships_the_pictures_a_reference_page_shows(tmp_path):
    repo = _fake_repo(tmp_path / "repo", [COURSE_MAP[0].notebook], references=True)
    (repo / "teacher" / "guide.md").write_text("# Guide\n\n![A report page](report.png)\n", encoding="utf-8")
    (repo / "teacher" / "report.png").write_bytes(b"\x89PNG\r\n")
    (repo / "teacher" / "unused.png").write_bytes(b"\x89PNG\r\n")
    src = site.stage(tmp_path / "src", repo)
    assert (src / "teacher" / "report.png").read_bytes() == b"\x89PNG\r\n"
    assert not (src / "teacher" / "unused.png").exists(), "only pictures the page shows are shipped"
