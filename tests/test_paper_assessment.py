"""Paper assessment (09): no code instruction, every option, needed events, room to write; key in the teacher pack."""

from __future__ import annotations

import re
from html import unescape

import pytest

from sharedshield import assessment, handouts, paper
from sharedshield.data import load_course
from sharedshield.questions import all_questions, quiz_items, written_tasks


@pytest.fixture(scope="module")
def course():
    return load_course()


@pytest.fixture(scope="module")
def text(course) -> str:
    return " ".join(paper.paper_text(course).split())


@pytest.fixture(scope="module")
def section(course) -> str:
    return handouts.assessment_section(handouts.ROOT, course)


def plain(html: str) -> str:
    """HTML as one line of text."""
    return " ".join(re.sub(r"<[^>]+>", " ", unescape(html)).split())


def test_the_paper_version_has_no_code_instruction(text, section):
    for words in (text, plain(section)):
        assert not re.search(r"(?<![A-Za-z])ss\.", words), "an `ss.` call on paper"
        for phrase in ("run the cell", "find_events", "replace the `...`", "assessment.", "ss.answer", "ss.check"):
            assert phrase.casefold() not in words.casefold(), phrase


def test_every_option_and_the_practice_text_are_printed(text):
    for paragraph in assessment.PARAGRAPHS:
        assert " ".join(paragraph.split()) in text
    for letter, option in all_questions()["q9_5"].options.items():
        assert f"{letter}. {' '.join(option.split())}" in text, option
    for item in quiz_items("09"):
        assert " ".join(item["question"].split()) in text
        for a in item["answers"]:
            assert " ".join(a["answer"].split()) in text, a["answer"]
    for qid in ("q9_w1", "q9_w3", "q9_w4"):
        assert " ".join(re.sub(r"^Task \d\. ", "", written_tasks()[qid].prompt).split()) in text, qid


def test_the_record_sheet_holds_every_event_the_tasks_need(course, section):
    needed = {d.event_id for d in assessment.DATED} | set(paper.DISTRACTORS) | assessment.slipped_events(course)
    needed |= {all_questions()["q9_1"].expected(course)}
    shown = set(re.findall(r"<td class='eid'>(E\d{3})</td>", section))
    assert needed <= shown, f"missing from the paper's record sheet: {sorted(needed - shown)}"
    assert {"E903", "E902"} <= shown


def test_the_pack_timeline_holds_every_event_a_self_check_names(course):
    sheet = handouts.timeline_sheet(course)
    for event_id in ("E900", "E903", "E106", "E113", "E301"):
        assert f">{event_id}<" in sheet, event_id


def test_writing_space_is_sized_to_each_task(section):
    parts = section.split("<section")
    claim = next(p for p in parts if "Your claim" in p)
    task1 = next(p for p in parts if "Task 1 (sourcing" in p)
    assert claim.count("class='line'") >= 300 // paper.LINE_WORDS, "room for 300 handwritten words"
    assert task1.count("class='line'") >= 3 * 4, "four lines for each of Task 1's three questions"
    rewrite = next(p for p in parts if "Language and perspective" in p)
    assert "Neutral alternative" in rewrite and rewrite.count("class='tick'") == len(all_questions()["q9_5"].options)


def test_no_model_answer_on_paper_and_the_key_is_in_the_teacher_pack(course, section, text):
    teacher = handouts.teacher_pack(course)
    for qid in ("q9_w2", "q9_w3", "q9_w4"):
        model = " ".join(written_tasks()[qid].model.split())[:60]
        assert model not in text and model not in plain(section)
        assert model in plain(teacher), qid
    key = plain(teacher)
    assert "Key to the paper assessment (09)" in key
    for qid in paper.QIDS:
        assert str(paper.expected(course, qid)) in key, qid
