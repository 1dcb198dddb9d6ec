"""The teacher guide's answer key matches the answers computed from the data today."""

from __future__ import annotations

import html
import re

from conftest import ROOT
from sharedshield import load_course
from sharedshield.answerkey import GUIDE_END, GUIDE_START, entries, guide_section
from sharedshield.checks import all_questions
from sharedshield.handouts import answer_key
from sharedshield.lessons import between


def _rows() -> dict[str, str]:
    """The answer cell (last column) of every self-check row in teacher/guide.md."""
    text = (ROOT / "teacher" / "guide.md").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        m = re.match(r"^\| (q\d+_\d+) \|.*\| ([^|]+) \|\s*$", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def test_every_question_has_an_answer_in_the_guide():
    missing = sorted(set(all_questions()) - set(_rows()))
    assert not missing, f"teacher/guide.md has no answer row for {missing}"


def test_answer_key_matches_the_data():
    course = load_course()
    rows = _rows()
    stale = []
    for qid, question in all_questions().items():
        expected = question.expected(course)
        values = expected if isinstance(expected, set | frozenset) else [expected]
        shown = [str(round(v, 2)) if isinstance(v, float) else str(v) for v in values]
        if not any(re.search(rf"(?<![\w.]){re.escape(v)}(?![\w])", rows.get(qid, "")) for v in shown):
            stale.append(f"{qid}: guide says {rows.get(qid)!r}, data gives {sorted(shown)}")
    assert not stale, "the teacher guide's answer key is stale:\n" + "\n".join(stale)


def test_guide_answers_are_made_from_the_registry_and_the_data():
    text = (ROOT / "teacher" / "guide.md").read_text(encoding="utf-8")
    made = between(text, GUIDE_START, GUIDE_END)
    assert made is not None, "teacher/guide.md lost its answer-key markers"
    assert made.strip() == guide_section(load_course()).strip(), (
        "section 5 of teacher/guide.md is stale: run `make docs`"
    )


def test_guide_and_teacher_pack_print_the_same_answers():
    course = load_course()
    pack = answer_key(course)
    for entry in entries(course):
        if entry.answer is not None:
            assert html.escape(entry.answer, quote=False) in pack or html.escape(entry.answer) in pack, entry.qid
            assert f"| {entry.qid} |" in guide_section(course)
