"""The hand-in file: readable by people (prompts, coding table, first/final answers) and programs (checksummed JSON)."""

from __future__ import annotations

import contextlib
import io
import json
import re

import pytest

from sharedshield import coding, feedback, handin, learner, store
from sharedshield.checks import all_questions, check
from sharedshield.data import load_course


@pytest.fixture
def work_dir(tmp_path, monkeypatch):
    """A private saved-work folder for one test."""
    folder = tmp_path / "work"
    monkeypatch.setenv(store.ENV, str(folder))
    monkeypatch.delenv("SHAREDSHIELD_SITE", raising=False)
    return folder


def _data(page: str) -> dict:
    """The JSON data block of a hand-in page."""
    found = re.search(rf'<script type="application/json" id="{handin.DATA_ID}">(.*?)</script>', page, re.S)
    assert found, "the hand-in carries no data block"
    return json.loads(found.group(1))


def test_handin_shows_prompts_first_and_final_answers_and_a_readable_coding_table(work_dir):
    with contextlib.redirect_stdout(io.StringIO()):
        learner.whoami("Ada Lovelace & Alan Turing")
        feedback.answer("q0_w1", "Who they are and when they wrote.")
        course = load_course()
        check("q4_1", "a")
        check("q4_1", "b")
        check("q4_1", "c")  # two wrong options, then the right one
        for qid in ("q4_2", "q4_3", "q4_4", "q4_5"):
            check(qid, "a")
        coding.compare(
            course,
            "blog2007",
            {
                p: dict(kind="fact", attitude=..., expectation="fail", loaded=["offer"])
                for p in coding.coded_paragraphs(course, "blog2007")[:2]
            },
        )
        page = handin.export_html(store.load_work(), learner.whoami())
    data = _data(page)
    assert (
        data["schema"] == handin.SCHEMA
        and data["students"] == ["Ada Lovelace", "Alan Turing"]
        and data["course_version"] == handin.course_version()
    )
    w = next(x for x in data["written"] if x["qid"] == "q0_w1")
    assert "before you trust the dates" in w["prompt"] and "no prompt text" not in page
    first = data["first_attempts"]["q4_1"]
    assert (first["first_answer"], first["attempts"], first["final_answer"], first["final_verdict"]) == (
        "a",
        3,
        "c",
        "correct",
    )
    assert re.search(r"<td>q4_1</td><td[^>]*>a \(not yet\)</td>\s*<td>3</td><td[^>]*>c \(correct\)</td>", page)
    table = data["coding"]["blog2007"]
    assert table["qid"] == "q4_code" and "Ellipsis" not in page
    p = table["paragraphs"][0]["fields"]
    assert (
        p["kind"]["mine"] == "fact"
        and p["kind"]["verdict"] in ("agree", "defensible", "different")
        and p["attitude"]["verdict"] == "not coded yet"
    )
    assert re.search(r"<th scope=\"row\">¶\d+</th>\s*<td>fact / ", page) and "(not coded)" in page
    row04 = next(r for r in data["progress"] if r["notebook"] == "04")
    assert row04["attempted"] <= row04["questions"] == sum(q.startswith("q4_") for q in all_questions())
    assert data["checksum"]["value"] == handin.checksum(data)


def test_checksum_detects_a_change_by_hand():
    data = handin.handin_data([], "Ada", created="2026-01-01T00:00:00+00:00")
    assert data["checksum"]["value"] == handin.checksum(data)
    data["name"] = "Someone Else"
    assert data["checksum"]["value"] != handin.checksum(data)


def test_every_written_task_of_the_notebooks_has_a_prompt():
    prompts = handin.all_prompts()
    asked = set()
    for nb in sorted(handin.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        asked |= set(re.findall(r'ss\.answer\(\\?"(q\d+_w\w+)', nb.read_text(encoding="utf-8")))
    assert asked and not [q for q in sorted(asked) if len(prompts.get(q, "")) < 20]


def test_saved_coding_reads_the_repr_that_older_saves_hold():
    saved = handin.saved_coding(
        "{'coding': {4: {'kind': 'fact', 'attitude': Ellipsis, 'loaded': [...]}}, 'thesis': None}"
    )
    assert saved == {"coding": {"4": {"kind": "fact", "attitude": None, "loaded": [None]}}, "thesis": None}
    assert handin.saved_coding("not a dict(") == {"coding": {}, "thesis": None}
