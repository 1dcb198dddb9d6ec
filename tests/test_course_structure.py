"""The course as a teacher sees it: README matches the notebooks; notebooks are stripped and well-formed."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT
from sharedshield.lessons import COURSE_MAP

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_readme_course_map_matches_course_map_and_notebooks():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for lesson in COURSE_MAP:
        row = f"| {lesson.notebook[:2]} | [{lesson.title}](notebooks/{lesson.notebook}.ipynb) | {lesson.minutes} |"
        assert row in readme, f"README course map lacks: {row}"
    existing = {p.stem for p in NOTEBOOKS}
    assert existing <= {lesson.notebook for lesson in COURSE_MAP}, (
        f"notebooks missing from the course map: {existing - {lesson.notebook for lesson in COURSE_MAP}}"
    )


def test_readme_quick_start_has_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make lab" in readme and "make test" in readme and "python -m venv .venv" in readme


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_stripped_and_structured(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = nb["cells"]
    for cell in cells:
        if cell["cell_type"] == "code":
            assert not cell.get("outputs") and not cell.get("execution_count"), (
                f"{path.name}: outputs are committed — run `make strip`"
            )
            lines = "".join(cell["source"]).splitlines()
            assert len(lines) <= 15, (
                f"{path.name}: a code cell has {len(lines)} lines; move the logic into sharedshield"
            )
    first = "".join(cells[0]["source"])
    for word in ("Time", "Prerequisites", "minutes"):
        assert word in first, f"{path.name}: the first cell must state {word}"
    text = "\n".join("".join(c["source"]) for c in cells)
    for heading in ("## Key points", "## Self-check", "## Discussion prompts"):
        assert heading in text, f"{path.name}: missing {heading!r}"
    order = [text.index(h) for h in ("## Self-check", "## Key points", "## Discussion prompts")]
    assert order == sorted(order), (
        f"{path.name}: the order must be self-checks, then key points, then discussion prompts (key points restate"
        " answers)"
    )
    assert re.search(r'ss\.check\("q\d+_\d+"', text) and "ss.quiz(" in text, (
        f"{path.name}: needs computed checks and a quiz"
    )
    minutes = next(lesson.minutes for lesson in COURSE_MAP if lesson.notebook == path.stem)
    assert f"{minutes} minutes" in first, (
        f"{path.name}: the first cell should say {minutes} minutes, as the course map does"
    )


def _guide_lesson_tables() -> dict[str, list[tuple[str, int]]]:
    """Each '### Lesson …' table of teacher/guide.md as (time, minutes) rows, read from the Markdown a teacher reads."""
    text = (ROOT / "teacher" / "guide.md").read_text(encoding="utf-8")
    tables: dict[str, list[tuple[str, int]]] = {}
    current = None
    for line in text.splitlines():
        if line.startswith("### Lesson "):
            current = line[4:]
            tables[current] = []
        elif line.startswith("#"):
            current = None
        elif current and (row := re.match(r"^\| (\d\d-\d\d) \| (\d+) \|", line)):
            tables[current].append((row[1], int(row[2])))
    return tables


def test_every_lesson_in_the_guide_fits_in_50_minutes_and_its_clock_adds_up():
    from sharedshield.lessons import LESSON_MINUTES

    tables = _guide_lesson_tables()
    assert len(tables) >= 4 and all(tables.values()), f"teacher/guide.md should have four lesson tables: {list(tables)}"
    for title, rows in tables.items():
        total, clock = sum(m for _, m in rows), 0
        assert total <= LESSON_MINUTES, f"{title}: {total} minutes in a {LESSON_MINUTES}-minute lesson"
        for span, minutes in rows:
            start, end = map(int, span.split("-"))
            assert (start, end - start) == (
                clock,
                minutes,
            ), f"{title}: row {span} says {minutes} min but starts at {clock}"
            clock = end


def test_course_plan_minutes_fit_and_guide_and_readme_come_from_course_py():
    from sharedshield.lessons import (
        LESSON_MINUTES,
        LESSON_PLAN,
        MAP_END,
        MAP_START,
        PLAN_END,
        PLAN_START,
        between,
        course_map_markdown,
        lesson_plan_markdown,
    )

    assert all(lesson.minutes <= LESSON_MINUTES for lesson in LESSON_PLAN)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = (ROOT / "teacher" / "guide.md").read_text(encoding="utf-8")
    assert between(readme, MAP_START, MAP_END) == course_map_markdown(), (
        "README's course map differs from lessons.py: run `make docs`"
    )
    assert between(guide, PLAN_START, PLAN_END) == lesson_plan_markdown(), (
        "the guide's lesson plan differs from lessons.py: run `make docs`"
    )
