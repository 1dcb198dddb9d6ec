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
FORBIDDEN = (
    "ss.",
    "run the cell",
    "find_events",
    "replace the `...`",
    "in quotes",
)  # code instructions a paper version must not carry


def esc(value: object) -> str:
    """Text made safe for HTML."""
    return html.escape("" if value is None else str(value))


def ruled(lines: int) -> str:
    """Ruled writing space of `lines` lines."""
    return "<div class='ruled'>" + "<div class='line'></div>" * lines + "</div>"


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


def record_sheet(course: Course) -> str:
    """The record timeline for the paper assessment: event id, record date and what happened, in date order."""
    ev = course.events.set_index("event_id")
    rows = "".join(
        f"<tr><td class='eid'>{esc(e)}</td><td"
        f" class='date'>{esc(describe_date(ev.loc[e, 'date']))}</td><td>{esc(ev.loc[e, 'title'])}</td></tr>"
        for e in needed_events(course)
    )
    return (
        "<h3>The record: a timeline for Part 2</h3><p class='how'>Events from the course's record, in date order, with"
        " the record date. Find each event the op-ed dates, and compare its date with the op-ed's.</p><table"
        " class='grid record'><thead><tr><th class='eid'>Event</th><th class='date'>Record date</th><th>What"
        f" happened</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def options(letters: dict[str, str]) -> str:
    """A letter question's options, every one printed, each with a box to tick."""
    return (
        "<ol class='options'>"
        + "".join(f"<li><span class='tick'></span><b>{esc(k)}.</b> {esc(v)}</li>" for k, v in letters.items())
        + "</ol>"
    )


def quiz_options(item: dict) -> dict[str, str]:
    """A quiz item's answers, lettered in the order they are listed."""
    return {chr(ord("a") + i): a["answer"] for i, a in enumerate(item["answers"])}


def prompt(qid: str) -> str:
    """A question's prompt without its options (printed below it, one per line) and without any code advice."""
    text = re.split(r"\s\(a\)\s", all_questions()[qid].prompt)[0]
    return re.sub(r"\s*\(the options are printed above the cell\)", "", text)


def question(number: str, text: str, body: str) -> str:
    """One numbered question of the paper."""
    return f"<div class='question'><p><b>{esc(number)}</b> {esc(text)}</p>{body}</div>"


def practice_text() -> str:
    """The practice text, its label and its numbered paragraphs."""
    paras = "".join(f"<p><span class='num'>[{i}]</span> {esc(p)}</p>" for i, p in enumerate(assessment.PARAGRAPHS, 1))
    return (
        f"<div class='practice'><h3>{esc(assessment.TITLE)}</h3><p class='label'>{esc(assessment.LABEL)}</p>"
        f"<p><i>Presented as {esc(assessment.PRESENTED_AS)}.</i></p>{paras}</div>"
    )


def student_sheets(course: Course) -> list[tuple[str, str]]:
    """The paper assessment as (title, HTML body) sheets, in the order of notebook 09."""
    tasks = written_tasks()
    quiz = quiz_items("09")
    letters = all_questions()["q9_5"].options
    task1 = tasks["q9_w2"].prompt.replace("Task 1 (sourcing). ", "")
    parts = re.split(r"\s*(?=\b[123]\. )", task1)
    sourcing = "".join(f"<p class='sub'>{esc(p)}</p>{ruled(lines_for(40))}" for p in parts if p.strip())
    intro = (
        "<p class='how'>35 minutes. Work on your own, with pen and paper. You may use this booklet, the course's"
        " readings and your notes. Read the practice text twice: once for its argument, then with a pencil, marking"
        " every date and every word that tells you what to think. Write your answers in the ruled spaces.</p>"
    )
    return [
        (
            "Assessment task · paper version",
            intro
            + practice_text()
            + question(
                "Part 1 · Task 1 (sourcing, 5 minutes).", "Before checking any fact, source the text.", sourcing
            ),
        ),
        (
            "Assessment · Part 2 · Dating the text against the record",
            record_sheet(course)
            + "<p class='how'>A month (\"In June 2007\") covers the whole month, a season the whole season. A stated"
            " date <b>slips</b> when it does not overlap the record date at all.</p>"
            + question("q9_1.", prompt("q9_1"), "<p class='answer-box'>Event id: <span></span></p>")
            + question("q9_2.", prompt("q9_2"), "<p class='answer-box'>Event ids: <span class='wide'></span></p>")
            + question(
                "q9_3.",
                prompt("q9_3").replace("Answer as YYYY-MM.", "Write the year and the month."),
                "<p class='answer-box'>Year and month: <span></span></p>",
            )
            + question("Task 2.", tasks["q9_w3"].prompt.replace("Task 2. ", ""), ruled(lines_for(70))),
        ),
        (
            "Assessment · Part 3 · Language and perspective",
            question(
                "q9_4.",
                prompt("q9_4").replace("Give a list of phrases copied from the text.", "Copy each phrase exactly."),
                ruled(3),
            )
            + question("q9_5.", prompt("q9_5").replace("Answer with one letter.", "Tick one."), options(letters))
            + question(
                "Task 3.",
                tasks["q9_w4"].prompt.replace("Task 3. ", ""),
                "<table class='grid rewrite'><thead><tr><th>Loaded phrase</th><th>Neutral"
                " alternative</th></tr></thead><tbody>"
                + "<tr><td></td><td></td></tr>" * 2
                + f"</tbody></table><p class='sub'>What the argument loses:</p>{ruled(lines_for(30))}",
            ),
        ),
        (
            "Assessment · Part 4 · Your claim",
            question(
                "Claim.",
                tasks["q9_w1"].prompt,
                "<p class='how'>Cite readings as id + ¶ (e.g. eir2013 ¶10) and the record by event id "
                "(e.g. E301). Attribute each reading's view to it, and say what the evidence does not settle.</p>"
                + ruled(lines_for(300)),
            ),
        ),
        (
            "Assessment · Part 5 · Three last questions",
            "<p class='how'>Tick one answer for each. They are the closing questions of notebook 09; the third asks"
            " about the feedback the notebook gives on a typed claim.</p>"
            + "".join(
                question(f"{i}.", item["question"], options(quiz_options(item))) for i, item in enumerate(quiz, 1)
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
    answers = "".join(
        f"<tr><td>{esc(q)}</td><td>{esc(expected(course, q))}</td><td>{esc(questions[q].explain)}</td></tr>"
        for q in QIDS
    )
    slips = assessment.slips(course)
    slip_rows = "".join(
        f"<tr><td>¶{r.paragraph}</td><td>{esc(r.event_id)}</td><td>{esc(r.stated)}</td><td>{esc(r.record_in_words)}</td>"
        f"<td>{'slips' if r.slips else 'overlaps'}</td></tr>"
        for r in slips.itertuples()
    )
    loaded = "".join(
        f"<tr><td>¶{t.paragraph}</td><td>{esc(t.phrase)}</td><td>{esc(t.judgement)}</td><td>{esc(t.neutral)}</td></tr>"
        for t in assessment.LOADED
    )
    models = "".join(f"<p><b>{esc(q)}</b> {esc(tasks[q].model)}</p>" for q in ("q9_w2", "q9_w3", "q9_w4"))
    quiz = "".join(
        f"<p><b>{i}.</b>"
        f" {esc(next(k for k, a in zip(quiz_options(item), item['answers'], strict=True) if a['correct']))}:"
        f" {esc(next(a['answer'] for a in item['answers'] if a['correct']))}</p>"
        for i, item in enumerate(quiz_items("09"), 1)
    )
    body = (
        "<p class='how'>Computed from the course data when this pack was built, so it matches notebook 09. On paper a"
        " student has one attempt: mark the first answer; the answer key to the self-checks gives the feedback for"
        " each likely wrong answer.</p><table class='grid"
        " key'><thead><tr><th>question</th><th>answer</th><th>why</th></tr></thead>"
        f"<tbody>{answers}</tbody></table><h3>The"
        " op-ed's dates against the record (q9_2)</h3><table class='grid"
        " key'><thead><tr><th>¶</th><th>event</th><th>op-ed"
        f" says</th><th>record</th><th>verdict</th></tr></thead><tbody>{slip_rows}</tbody></table><h3>Loaded terms"
        " (q9_4: any three; Task 3)</h3><table class='grid"
        " key'><thead><tr><th>¶</th><th>phrase</th><th>judgement</th><th>neutral"
        f" alternative</th></tr></thead><tbody>{loaded}</tbody></table><h3>What a good answer covers (Tasks"
        f" 1-3)</h3>{models}<h3>Part 5</h3>{quiz}<p class='how'>Part 4, the claim: read it with the rubric (the last"
        " section of this pack).</p>"
    )
    return [("Key to the paper assessment (09)", body)]
