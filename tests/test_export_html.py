"""Charts survive export: each executed notebook's nbconvert HTML (lab, classic) draws all charts offline; one PDF."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import nbformat
import pytest

from sharedshield import printing
from sharedshield.figkit import PLOTLY_MIME

pytestmark = pytest.mark.browser

DRAWN_JS = (
    "() => Array.from(document.querySelectorAll('.js-plotly-plot')).filter(gd =>"
    " gd.querySelector('svg.main-svg')).length"
)
NOT_DRAWN = "Chart not drawn"


@pytest.fixture(scope="session")
def executed(executed_notebooks) -> dict[str, nbformat.NotebookNode]:
    """Every course notebook executed once for the whole run (conftest.executed_notebooks), reused by each test here."""
    return executed_notebooks


def charts(nb: nbformat.NotebookNode) -> list[dict]:
    """The chart outputs of an executed notebook (plotly's mimetype), in order."""
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if PLOTLY_MIME in o.get("data", {})]


def titles(nb: nbformat.NotebookNode) -> list[str]:
    """Each chart's title, as plotly draws it into the SVG."""
    return [o["data"][PLOTLY_MIME]["layout"]["title"]["text"] for o in charts(nb)]


def test_the_course_has_charts_and_each_keeps_both_forms_and_its_text_alternative(executed):
    total = 0
    for stem, nb in executed.items():
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            for i, out in enumerate(cell.outputs):
                data = out.get("data", {})
                if PLOTLY_MIME in data:
                    total += 1
                    assert "text/html" in data and "window.Plotly" in data["text/html"], (
                        f"{stem}: a chart has no HTML form for exports"
                    )
                    assert "<script src" not in data["text/html"] and "cdn" not in data["text/html"].lower()
                    after = (
                        cell.outputs[i + 1].get("data", {}).get("text/markdown", "")
                        if i + 1 < len(cell.outputs)
                        else ""
                    )
                    assert after.startswith("*Text alternative:*"), (
                        f"{stem}: a chart without its text alternative under it"
                    )
    assert total >= 10, f"only {total} charts in the whole course"


def test_plotly_js_is_in_each_notebook_exactly_once(executed):
    for stem, nb in executed.items():
        html_outputs = [
            o["data"]["text/html"]
            for c in nb.cells
            if c.cell_type == "code"
            for o in c.outputs
            if "text/html" in o.get("data", {})
        ]
        copies = sum(h.count('data-sharedshield="plotly.js"') for h in html_outputs)
        assert copies == 1, f"{stem}: plotly.js {copies} times (ss.setup() puts it once at the top)"
        assert sum(h.count("window.Plotly = Plotly") for h in html_outputs) == 1, (
            f"{stem}: plotly.js inlined more than once"
        )


@pytest.mark.parametrize("template", ["lab", "classic"])
def test_exported_html_draws_every_chart_offline(executed, browser, tmp_path, template):
    drawn_total = charts_total = 0
    for stem, nb in executed.items():
        page_file = tmp_path / f"{stem}.html"
        page_file.write_text(printing.export_html(nb, template), encoding="utf-8")
        expected = len(charts(nb))
        context = browser.new_context(viewport={"width": 1100, "height": 900})
        blocked = printing.offline(context)  # every request outside the file fails: no CDN can draw anything
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
        try:
            page.goto(page_file.as_uri(), wait_until="load")
            page.wait_for_function(f"() => ({DRAWN_JS})() >= {expected}", timeout=30_000)
            page.wait_for_timeout(200)
            drawn = page.evaluate(DRAWN_JS)
            text = page.inner_text("body")
        finally:
            context.close()
        assert drawn == expected, f"{stem} ({template}): {drawn} of {expected} charts drawn"
        assert NOT_DRAWN not in text, f"{stem} ({template}): a chart says plotly.js is missing"
        assert text.count("Text alternative:") >= expected, (
            f"{stem} ({template}): a chart lost its text alternative in the export"
        )
        assert not [e for e in errors if "Plotly" in e], f"{stem} ({template}): {errors}"
        assert all(not u.startswith("file:") for u in blocked)
        drawn_total += drawn
        charts_total += expected
    assert charts_total and drawn_total == charts_total


def _coloured_share(pdf: Path, page_no: int) -> float:
    """Share of clearly coloured pixels on one PDF page (pdftoppm at 30 dpi; plotly's Okabe-Ito marks are colour)."""
    ppm = subprocess.run(
        ["pdftoppm", "-f", str(page_no), "-l", str(page_no), "-r", "30", str(pdf)], capture_output=True, check=True
    ).stdout
    parts = ppm.split(maxsplit=4)  # P6, width, height, maxval, pixels
    width, height, pixels = int(parts[1]), int(parts[2]), parts[4]
    coloured = sum(1 for i in range(0, len(pixels) - 2, 3) if max(pixels[i : i + 3]) - min(pixels[i : i + 3]) > 60)
    return coloured / (width * height)


def test_one_notebook_prints_to_pdf_with_its_charts_drawn(executed, browser, tmp_path):
    stem = max(executed, key=lambda s: len(charts(executed[s])))  # the notebook with the most charts
    nb = executed[stem]
    page_file, pdf = tmp_path / f"{stem}.html", tmp_path / f"{stem}.pdf"
    page_file.write_text(printing.export_html(nb), encoding="utf-8")
    counts = printing.print_html(browser, page_file, pdf)
    assert counts["charts"] == counts["drawn"] == len(charts(nb))
    pages = int(
        re.search(
            r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        )[1]
    )
    assert pages > 1
    texts = [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, pages + 1)
    ]
    for title in titles(nb):
        words = " ".join(
            re.sub(r"<[^>]+>", " ", title).split()[:4]
        )  # plotly draws the title into the SVG: text in the PDF
        on = [n + 1 for n, t in enumerate(texts) if words in " ".join(t.split())]
        assert on, f"{stem}: the chart titled {title!r} is not in the PDF"
        # axes and text are black or grey: any clearly coloured pixel is a drawn mark (thin bars give few of them)
        assert _coloured_share(pdf, on[0]) > 0.0001, f"{stem}: page {on[0]} has the chart's title but no coloured marks"
    for n in range(1, pages + 1):
        assert texts[n - 1].strip(), f"{stem}: page {n} of the PDF is blank"


def test_print_command_says_what_is_wrong_and_writes_nothing(tmp_path, capsys):
    from sharedshield.__main__ import main

    out = tmp_path / "out.pdf"
    assert main(["print", "notebooks/02_timeline.ipynb"]) == 2
    assert main(["print", "notebooks/02_timeline.ipynb", str(tmp_path / "out.txt")]) == 2
    assert main(["print", str(tmp_path / "missing.ipynb"), str(out)]) == 1
    (tmp_path / "broken.ipynb").write_text("{not json", encoding="utf-8")
    assert main(["print", str(tmp_path / "broken.ipynb"), str(out)]) == 1
    err = capsys.readouterr().err
    assert (
        "required: OUT.pdf" in err
        and "must be a .pdf" in err
        and "no such file" in err
        and "not a readable notebook" in err
    )
    assert "Traceback" not in err and not out.exists()
