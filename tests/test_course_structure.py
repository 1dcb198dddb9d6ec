"""The course as a teacher sees it: README matches the notebooks; notebooks are stripped and well-formed."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT
from sharedshield.course import COURSE_MAP

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_readme_course_map_matches_course_map_and_notebooks():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for lesson in COURSE_MAP:
        row = f"| {lesson.notebook[:2]} | [{lesson.title}](notebooks/{lesson.notebook}.ipynb) | {lesson.minutes} |"
        assert row in readme, f"README course map lacks: {row}"
    existing = {p.stem for p in NOTEBOOKS}
    assert existing <= {lesson.notebook for lesson in COURSE_MAP}, f"notebooks missing from the course map: {existing - {lesson.notebook for lesson in COURSE_MAP}}"


def test_readme_quick_start_has_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make lab" in readme and "make test" in readme and "python -m venv .venv" in readme


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_stripped_and_structured(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = nb["cells"]
    for cell in cells:
        if cell["cell_type"] == "code":
            assert not cell.get("outputs") and not cell.get("execution_count"), f"{path.name}: outputs are committed — run `make strip`"
            lines = "".join(cell["source"]).splitlines()
            assert len(lines) <= 15, f"{path.name}: a code cell has {len(lines)} lines; move the logic into sharedshield"
    first = "".join(cells[0]["source"])
    for word in ("Time", "Prerequisites", "minutes"):
        assert word in first, f"{path.name}: the first cell must state {word}"
    text = "\n".join("".join(c["source"]) for c in cells)
    for heading in ("## Key points", "## Self-check", "## Discussion prompts"):
        assert heading in text, f"{path.name}: missing {heading!r}"
    assert text.index("## Key points") > text.index("## Self-check") - 10_000
    assert re.search(r'ss\.check\("q\d+_\d+"', text) and "ss.quiz(" in text, f"{path.name}: needs computed checks and a quiz"
    minutes = next(lesson.minutes for lesson in COURSE_MAP if lesson.notebook == path.stem)
    assert f"{minutes} minutes" in first, f"{path.name}: the first cell should say {minutes} minutes, as the course map does"
