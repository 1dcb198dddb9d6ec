"""Self-checks for 02_timeline: reading horizons and lanes, writing an honest uncertain date, stated vs record dates."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..data import Course
from ..dates import DateError, parse_date
from ._choice import choice
from ._model import Question

NEW_START = "E904"  # New START treaty signed in Prague (on the record)
OCTOBER_2009 = (pd.Timestamp("2009-10-01"), pd.Timestamp("2009-10-31"))


def _as_set(answer: Any) -> set[str]:
    """An answer given as one id or a list of ids, as a set of lower-case ids."""
    items = (
        [answer]
        if isinstance(answer, str)
        else list(answer)
        if isinstance(answer, list | tuple | set | frozenset)
        else []
    )
    return {str(a).strip().casefold() for a in items}


def could_know(course: Course, event_id: str) -> frozenset[str]:
    """The readings published (first day) after the event's last possible day."""
    end = course.events.loc[course.events["event_id"] == event_id, "date_end"]
    if end.empty:
        return frozenset()
    return frozenset(course.sources.loc[course.sources["date_start"] > end.iloc[0], "source_id"])


def crossing_bars(course: Course, source_id: str = "lukyanov2011") -> frozenset[str]:
    """Events a reading mentions whose record date starts before its publication and may end after it."""
    pub = course.sources.set_index("source_id").loc[source_id]
    ids = course.mentions.loc[course.mentions["source_id"] == source_id, "event_id"]
    ev = course.events[course.events["event_id"].isin(ids)]
    return frozenset(ev.loc[(ev["date_start"] < pub["date_start"]) & (ev["date_end"] > pub["date_end"]), "event_id"])


def _edtf_october_2009_unsure(answer: Any, expected: Any) -> bool:
    """True for an EDTF string covering exactly October 2009 and marked uncertain (? or %)."""
    if not isinstance(answer, str):
        return False
    try:
        p = parse_date(answer.strip())
    except DateError:
        return False
    return (p.start, p.end) == OCTOBER_2009 and p.uncertain


def _not_edtf(answer: Any, expected: Any) -> str | None:
    """Feedback for text that is not EDTF at all, or covers the wrong period."""
    if not isinstance(answer, str):
        return 'Give the date as text in quotes, e.g. "2012-04-26?" is an EDTF day the record is unsure of.'
    try:
        p = parse_date(answer.strip())
    except DateError:
        return "That is not EDTF: write year-month (YYYY-MM) and put the sign for 'uncertain' right after it."
    if (p.start, p.end) != OCTOBER_2009:
        return (
            f"Your date covers {p.start:%d %b %Y} to {p.end:%d %b %Y}; the memoir gives a month, October 2009, no more"
            " and no less."
        )
    return None


def _horizon_hint(answer: Any, expected: Any) -> str | None:
    """Feedback for a list of readings that is not the right one."""
    given, right = _as_set(answer), {x.casefold() for x in expected}
    if not given:
        return 'Give a list of reading ids, e.g. ["blog2007"].'
    if given - right:
        return (
            f"{', '.join(sorted(given - right))}: its dashed line lies to the left of the treaty's mark, so it was"
            " written before the treaty. A reading cannot report what came after it."
        )
    if right - given:
        return (
            "Each reading you named could have known, but one more dashed line lies to the right of the treaty's mark."
        )
    return None


QUESTIONS = [
    Question(
        "q2_1",
        "Find the record's event 'New START treaty signed in Prague' in the record lane (hover). Which readings were"
        " published after it, so that they could have known of it? Give a list of reading ids.",
        lambda course: could_know(course, NEW_START),
        "Both dashed lines of the later readings lie to the right of the treaty's mark: the column and the chronology"
        " could have known of it. Whether they chose to mention it is a different question (notebook 07 asks it with"
        " `ss.record.silences`).",
        compare=lambda a, e: _as_set(a) == {x.casefold() for x in e},
        hints=(_horizon_hint,),
        wrong={
            "blog2007": (
                "The blog post's dashed line lies to the left of the treaty's mark: it was written years before the"
                " treaty. Look for the lines to the right of it."
            ),
            "eir2013": (
                "eir2013 could, but it is not the only one: which other dashed line lies to the right of the treaty's"
                " mark?"
            ),
            "lukyanov2011": (
                "lukyanov2011 could, but it is not the only one: which other dashed line lies to the right of the"
                " treaty's mark?"
            ),
        },
    ),
    Question(
        "q2_2",
        "In the lukyanov2011 lane, a bar starts before the column's dashed line and runs past it. Hover over it: give"
        " its event id (either, if there are two).",
        lambda course: crossing_bars(course, "lukyanov2011"),
        "A bar that crosses the horizon is a process under way when the column was written (or a date we know only as a"
        " window): the record knows how it ended; the author did not. Read the hover and the event's notes before"
        " judging what the column says about it.",
        compare=lambda a, e: isinstance(a, str) and a.strip().casefold() in {x.casefold() for x in e},
        wrong={
            "E302": (
                "That window (late May to the column's own week) is short enough to be drawn as a dot, and it ends"
                " within the publication week. Look for a bar that continues well to the right of the dashed line."
            ),
            "E951": (
                "That is the column's own publication week, in the background lane. The question asks about the"
                " lukyanov2011 lane."
            ),
            "E300": "That event is known to the day, so it is a dot, not a bar.",
        },
        hints=(lambda a, e: 'Give the id as text in quotes, e.g. "E100".' if not isinstance(a, str) else None,),
    ),
    Question(
        "q2_3",
        "A diplomat's memoir says a meeting took place 'in October 2009, I think'. Write the record date in EDTF, as"
        " text.",
        lambda course: "2009-10?",
        '"2009-10?": the month is as precise as the memoir, and ? says the memoir itself is unsure. The record would'
        " add a confidence (low, from one memoir) and keep looking for a second source.",
        compare=_edtf_october_2009_unsure,
        wrong={
            "2009-10": (
                "Right month, but this claims more certainty than the memoir has: EDTF marks an uncertain date with ?"
                " after it."
            ),
            "2009-10~": (
                "~ means approximate (about October, perhaps late September). The memoir does not doubt how long the"
                " month is; it doubts its own memory: that is 'uncertain', ?."
            ),
            "2009-10-01": "That invents a day nobody gave: a false precision. Give the month only, and mark the doubt.",
            "2009-10-01?": (
                "That invents a day nobody gave: a false precision. Give the month only, and mark the doubt."
            ),
            "2009?": "That throws away the month the memoir does give. Keep the month and mark the doubt.",
            "2009-10-01/2009-10-31": (
                "That says 'some day in October', with no doubt about the month; the memoir is unsure even of that."
                " Mark it with ?."
            ),
        },
        hints=(_not_edtf,),
    ),
    choice(
        "q2_4",
        "A reading says an agreement came 'in June 1993'; the record, with two State Department fact sheets as its"
        " reference, dates it to April 1993. What should the course's data do? Answer with one letter.",
        {
            "a": (
                "Change the reading's date to April, so that the data holds only the date that the fact sheets support."
            ),
            "b": "Change the record to June, since the reading is a source too and its author may have known better.",
            "c": (
                "Keep the reading's words in mentions.csv and the record date in events.csv; mark the mention 'no' and"
                " say what differs."
            ),
            "d": "Drop the mention as unreliable, so that a reading's wrong date cannot mislead a user of the data.",
        },
        "c",
        "(c). The reading's words are evidence of what its author believed or wanted to say; the record date is a"
        " separate claim with its own reference. Keeping both, side by side, lets a reader judge the difference, which"
        " may be a slip, a different source, or a choice.",
        {
            "a": (
                "Changing the reading's words silently 'fixes' the source: the reader would no longer see what the"
                " author wrote."
            ),
            "b": (
                "A reading written for an argument does not outweigh documents dated at the event: the record cites"
                " fact sheets a reader can check. If a better source gave June, the record's reference and confidence"
                " would change, not silently its date."
            ),
            "d": "A difference is evidence too: dropping the mention hides exactly what a historian wants to examine.",
        },
    ),
]

QUIZ = [
    {
        "question": "An event is drawn as a long bar on the timeline. What does the bar mean?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": "The event mattered more than those drawn as dots, so the chart gives it more room.",
                "correct": False,
                "feedback": "Length shows time, not importance: a treaty signed in one day is a dot.",
            },
            {
                "answer": "We know only a window of days for it, or it lasted that long: the hover says which.",
                "correct": True,
                "feedback": (
                    "Right. The bar shows the honest uncertainty or duration; the hover and the notes say which."
                ),
            },
            {
                "answer": "Several chronologies list the event, and the bar grows with each one that lists it.",
                "correct": False,
                "feedback": (
                    "The bar's length comes from the record date alone; in the record lane, a larger dot means more"
                    " chronologies."
                ),
            },
        ],
    },
    {
        "question": "In the record lane, one event's dot is larger than the others. What does that tell you?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "The three readings mention it more often than any other event, so the chart draws it larger."
                ),
                "correct": False,
                "feedback": (
                    "The record lane counts chronologies, not the readings; the readings' own lanes show what they"
                    " mention."
                ),
            },
            {
                "answer": (
                    "It was among the most important events of the period, a turning point that every account of it"
                    " includes."
                ),
                "correct": False,
                "feedback": (
                    "Salience counts listings, not importance; one treaty can matter more than ten communiqués."
                ),
            },
            {
                "answer": (
                    "More of the published chronologies in the data list it: a measure of what archives chose to list."
                ),
                "correct": True,
                "feedback": (
                    "Right: that is its salience, and it measures what archives chose to list: a NATO archive lists"
                    " NATO meetings, a Kremlin archive Russian statements."
                ),
            },
        ],
    },
    {
        "question": "Why does the timeline open on 1999-2013 and not on 1972-2013?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "So the crowded years of the readings stay readable; the earlier events sit on the range slider,"
                    " and a note counts them."
                ),
                "correct": True,
                "feedback": "Right. Nothing is hidden: drag the slider's handles to see the early events.",
            },
            {
                "answer": (
                    "Because the dates of events before 1999 are less certain, and the chart first shows only"
                    " well-referenced dates."
                ),
                "correct": False,
                "feedback": "The early dates are as well referenced as any; the window is about space on the screen.",
            },
            {
                "answer": (
                    "Because the early events, such as the ABM Treaty of 1972, are background that none of the three"
                    " readings discusses at all."
                ),
                "correct": False,
                "feedback": (
                    "EIR ¶4 names the 1972 ABM Treaty, and the treaty is the background of the whole debate; it is one"
                    " slider drag away."
                ),
            },
        ],
    },
]
