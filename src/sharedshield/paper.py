"""Notebook 09's assessment on paper: practice text, every task and option, ruled space, a record timeline; and its key.

Laid out for pen and paper: nothing in it asks the student to run code or search the data. The record timeline holds
every event the paper tasks need (the events the practice text dates, the ones a likely wrong answer points to, and the
events the readings mention in the same years), without saying which dates slip.
"""

from __future__ import annotations

import html
import re
from typing import Any

from . import assessment
from .data import Course
from .dates import describe_date
from .questions import all_questions, quiz_items, written_tasks
from .templates import render

QIDS = ("q9_1", "q9_2", "q9_3", "q9_4", "q9_5")
DISTRACTORS = (
    "E902",
    "E303",
    "E107",
    "E201",
    "E202",
    "E203",
)  # events a likely wrong answer names: on the sheet, so the choice is real
YEARS = (2001, 2012)  # the practice text's period: events the readings mention in these years join the sheet
LINE_WORDS = 12  # about how many handwritten words fit on one ruled line


def lines_for(words: int) -> int:
    """Ruled lines for an answer of about `words` words (handwriting, with room to cross out)."""
    return max(2, -(-words // LINE_WORDS) + 1)


def needed_events(course: Course) -> list[str]:
    """Every record event the paper assessment needs, in date order."""
    dated = {d.event_id for d in assessment.DATED}
    mentioned = set(course.mentions.event_id)
    ev = course.events[course.events.theme != "publication"]
    in_years = ev[
        (ev.date_start.dt.year >= YEARS[0]) & (ev.date_start.dt.year <= YEARS[1]) & ev.event_id.isin(mentioned)
    ]
    keep = dated | set(DISTRACTORS) | set(in_years.event_id)
    return list(ev[ev.event_id.isin(keep)].sort_values(["date_start", "event_id"]).event_id)


def checked_events(course: Course) -> set[str]:
    """Event ids a self-check's answer or the paper assessment needs (for the student pack's timeline worksheet)."""
    out = set(needed_events(course))
    for q in all_questions().values():
        try:
            value = q.expected(course)
        except Exception:  # noqa: BLE001  (an answer that needs the readings or a student's file names no event here)
            continue
        out |= {
            v
            for v in (value if isinstance(value, set | frozenset | list | tuple) else [value])
            if isinstance(v, str) and re.fullmatch(r"E\d{3}", v)
        }
    return out & set(course.events.event_id)


def record_rows(course: Course) -> list[tuple[str, str, str]]:
    """The record timeline for the paper assessment: (event id, record date, what happened), in date order."""
    ev = course.events.set_index("event_id")
    return [(e, describe_date(ev.loc[e, "date"]), ev.loc[e, "title"]) for e in needed_events(course)]


def quiz_options(item: dict) -> dict[str, str]:
    """A quiz item's answers, lettered in the order they are listed."""
    return {chr(ord("a") + i): a["answer"] for i, a in enumerate(item["answers"])}


def prompt(qid: str) -> str:
    """A question's prompt without its options (printed below it, one per line) and without any code advice."""
    text = re.split(r"\s\(a\)\s", all_questions()[qid].prompt)[0]
    return re.sub(r"\s*\(the options are printed above the cell\)", "", text)


def student_sheets(course: Course) -> list[tuple[str, str]]:
    """The paper assessment as (title, HTML body) sheets, in the order of notebook 09."""
    tasks = written_tasks()
    task1 = tasks["q9_w2"].prompt.replace("Task 1 (sourcing). ", "")
    prompts = {
        "q9_1": prompt("q9_1"),
        "q9_2": prompt("q9_2"),
        "q9_3": prompt("q9_3").replace("Answer as YYYY-MM.", "Write the year and the month."),
        "q9_4": prompt("q9_4").replace("Give a list of phrases copied from the text.", "Copy each phrase exactly."),
        "q9_5": prompt("q9_5").replace("Answer with one letter.", "Tick one."),
    }
    return [
        (
            "Assessment task · paper version",
            render(
                "paper_sourcing.html",
                title=assessment.TITLE,
                label=assessment.LABEL,
                presented_as=assessment.PRESENTED_AS,
                paragraphs=assessment.PARAGRAPHS,
                parts=[p for p in re.split(r"\s*(?=\b[123]\. )", task1) if p.strip()],
                lines=lines_for(40),
            ),
        ),
        (
            "Assessment · Part 2 · Dating the text against the record",
            render(
                "paper_dating.html",
                events=record_rows(course),
                prompts=prompts,
                task=tasks["q9_w3"].prompt.replace("Task 2. ", ""),
                lines=lines_for(70),
            ),
        ),
        (
            "Assessment · Part 3 · Language and perspective",
            render(
                "paper_language.html",
                prompts=prompts,
                letters=all_questions()["q9_5"].options,
                task=tasks["q9_w4"].prompt.replace("Task 3. ", ""),
                lines=lines_for(30),
            ),
        ),
        (
            "Assessment · Part 4 · Your claim",
            render("paper_claim.html", task=tasks["q9_w1"].prompt, lines=lines_for(300)),
        ),
        (
            "Assessment · Part 5 · Three last questions",
            render(
                "paper_closing.html",
                items=[(item["question"], quiz_options(item)) for item in quiz_items("09")],
            ),
        ),
    ]


def paper_text(course: Course) -> str:
    """All the words of the student's paper version, as plain text (what a test searches)."""
    return re.sub(r"<[^>]+>", " ", html.unescape("".join(t + " " + b for t, b in student_sheets(course))))


def expected(course: Course, qid: str) -> Any:
    """The course's answer to a self-check, for the key."""
    value = all_questions()[qid].expected(course)
    return ", ".join(sorted(value)) if isinstance(value, set | frozenset | list | tuple) else value


def key_sheets(course: Course) -> list[tuple[str, str]]:
    """The paper version's key for the teacher pack: answers, slips table, loaded terms, model answers, the quiz."""
    tasks = written_tasks()
    questions = all_questions()
    quiz = [
        next((k, a["answer"]) for k, a in zip(quiz_options(item), item["answers"], strict=True) if a["correct"])
        for item in quiz_items("09")
    ]
    body = render(
        "paper_key.html",
        answers=[(q, expected(course, q), questions[q].explain) for q in QIDS],
        slips=list(assessment.slips(course).itertuples()),
        loaded=assessment.LOADED,
        models=[(q, tasks[q].model) for q in ("q9_w2", "q9_w3", "q9_w4")],
        quiz=quiz,
    )
    return [("Key to the paper assessment (09)", body)]
