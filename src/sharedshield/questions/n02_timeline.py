"""Self-checks for 02_timeline: reading horizons and lanes, writing an honest uncertain date, stated versus record dates."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..data import Course
from ..dates import DateError, parse_date
from ._model import Question

NEW_START = "E904"  # New START treaty signed in Prague (on the record)
OCTOBER_2009 = (pd.Timestamp("2009-10-01"), pd.Timestamp("2009-10-31"))


def _as_set(answer: Any) -> set[str]:
    """An answer given as one id or a list of ids, as a set of lower-case ids."""
    items = [answer] if isinstance(answer, str) else list(answer) if isinstance(answer, list | tuple | set | frozenset) else []
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
        return "Give the date as text in quotes, e.g. \"2012-04-26?\" is an EDTF day the record is unsure of."
    try:
        p = parse_date(answer.strip())
    except DateError:
        return "That is not EDTF: write year-month (YYYY-MM) and put the sign for 'uncertain' right after it."
    if (p.start, p.end) != OCTOBER_2009:
        return f"Your date covers {p.start:%d %b %Y} to {p.end:%d %b %Y}; the memoir gives a month, October 2009, no more and no less."
    return None


def _horizon_hint(answer: Any, expected: Any) -> str | None:
    """Feedback for a list of readings that is not the right one."""
    given, right = _as_set(answer), {x.casefold() for x in expected}
    if not given:
        return "Give a list of reading ids, e.g. [\"blog2007\"]."
    if given - right:
        return (f"{', '.join(sorted(given - right))}: its dashed line lies to the left of the treaty's mark, so it was written before the treaty. "
                "A reading cannot report what came after it.")
    if right - given:
        return "Each reading you named could have known, but one more dashed line lies to the right of the treaty's mark."
    return None


QUESTIONS = [
    Question(
        "q2_1",
        "Find the record's event 'New START treaty signed in Prague' in the record lane (hover). Which readings were published after it, "
        "so that they could have known of it? Give a list of reading ids.",
        lambda course: could_know(course, NEW_START),
        "Both dashed lines of the later readings lie to the right of the treaty's mark: the column and the chronology could have known of it. "
        "Whether they chose to mention it is a different question (notebook 07 asks it with `ss.record.silences`).",
        compare=lambda a, e: _as_set(a) == {x.casefold() for x in e},
        hints=(_horizon_hint,),
        wrong={
            "blog2007": "The blog post's dashed line lies to the left of the treaty's mark: it was written years before the treaty. Look for the lines to the right of it.",
            "eir2013": "eir2013 could, but it is not the only one: which other dashed line lies to the right of the treaty's mark?",
            "lukyanov2011": "lukyanov2011 could, but it is not the only one: which other dashed line lies to the right of the treaty's mark?",
        },
    ),
    Question(
        "q2_2",
        "In the lukyanov2011 lane, a bar starts before the column's dashed line and runs past it. Hover over it: give its event id (either, if there are two).",
        lambda course: crossing_bars(course, "lukyanov2011"),
        "A bar that crosses the horizon is a process under way when the column was written (or a date we know only as a window): "
        "the record knows how it ended; the author did not. Read the hover and the event's notes before judging what the column says about it.",
        compare=lambda a, e: isinstance(a, str) and a.strip().casefold() in {x.casefold() for x in e},
        wrong={
            "E302": "That window (late May to the column's own week) is short enough to be drawn as a dot, and it ends within the publication week. "
                    "Look for a bar that continues well to the right of the dashed line.",
            "E951": "That is the column's own publication week, in the background lane. The question asks about the lukyanov2011 lane.",
            "E300": "That event is known to the day, so it is a dot, not a bar.",
        },
        hints=(lambda a, e: "Give the id as text in quotes, e.g. \"E100\"." if not isinstance(a, str) else None,),
    ),
    Question(
        "q2_3",
        "A diplomat's memoir says a meeting took place 'in October 2009, I think'. Write the record date in EDTF, as text.",
        lambda course: "2009-10?",
        "\"2009-10?\": the month is as precise as the memoir, and ? says the memoir itself is unsure. The record would add a confidence "
        "(low, from one memoir) and keep looking for a second source.",
        compare=_edtf_october_2009_unsure,
        wrong={
            "2009-10": "Right month, but this claims more certainty than the memoir has: EDTF marks an uncertain date with ? after it.",
            "2009-10~": "~ means approximate (about October, perhaps late September). The memoir does not doubt how long the month is; it doubts "
                        "its own memory: that is 'uncertain', ?.",
            "2009-10-01": "That invents a day nobody gave: a false precision. Give the month only, and mark the doubt.",
            "2009-10-01?": "That invents a day nobody gave: a false precision. Give the month only, and mark the doubt.",
            "2009?": "That throws away the month the memoir does give. Keep the month and mark the doubt.",
            "2009-10-01/2009-10-31": "That says 'some day in October', with no doubt about the month; the memoir is unsure even of that. Mark it with ?.",
        },
        hints=(_not_edtf,),
    ),
    Question(
        "q2_4",
        "A reading says an agreement came 'in June 1993'; the record, with two State Department fact sheets as its reference, dates it to April 1993. "
        "What should the course's data do? (a) change the reading's date to April; (b) keep the reading's words in mentions.csv, the record date in "
        "events.csv, mark the mention 'no' and say what differs; (c) drop the mention as unreliable; (d) change the record to June, since the reading "
        "was written closer to the events. Answer with one letter.",
        lambda course: "b",
        "(b). The reading's words are evidence of what its author believed or wanted to say; the record date is a separate claim with its own reference. "
        "Keeping both, side by side, lets a reader judge the difference, which may be a slip, a different source, or a choice.",
        wrong={
            "a": "Changing the reading's words silently 'fixes' the source: the reader would no longer see what the author wrote.",
            "c": "A difference is evidence too: dropping the mention hides exactly what a historian wants to examine.",
            "d": "Closeness in time does not outweigh documents dated at the event: the record cites fact sheets a reader can check. "
                 "If a better source gave June, the record's reference and confidence would change, not silently its date.",
        },
        hints=(lambda a, e: "Answer with one letter, a, b, c or d, as text." if not isinstance(a, str) else None,),
    ),
]

QUIZ = [
    {
        "question": "An event is drawn as a long bar on the timeline. What does the bar mean?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "We know only that it happened somewhere in that window (or that it lasted that long), not on one exact day.", "correct": True,
             "feedback": "Right. The bar shows the honest uncertainty or duration; the hover and the notes say which."},
            {"answer": "The event was more important.", "correct": False, "feedback": "Length shows time, not importance."},
            {"answer": "Several chronologies list it.", "correct": False, "feedback": "The bar's length comes from the record date alone; in the record lane, a larger dot means more chronologies."},
        ],
    },
    {
        "question": "In the record lane, one event's dot is larger than the others. What does that tell you?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "More of the chronologies in the data list it (its salience).", "correct": True,
             "feedback": "Right, and salience measures what archives chose to list: a NATO archive lists NATO meetings, a Kremlin archive Russian statements."},
            {"answer": "It was the most important event.", "correct": False, "feedback": "Salience counts listings, not importance; one treaty can matter more than ten communiqués."},
            {"answer": "The readings mention it most.", "correct": False, "feedback": "The record lane counts chronologies; the readings' own lanes show what they mention."},
        ],
    },
    {
        "question": "Why does the timeline open on 1999-2013 and not on 1972-2013?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "So the crowded years of the readings stay readable; the earlier context is on the range slider, and a note says how many events lie there.",
             "correct": True, "feedback": "Right. Nothing is hidden: drag the slider's handles to see the early events."},
            {"answer": "Because events before 1999 are less certain.", "correct": False, "feedback": "Their dates are as well referenced as any; the window is about space on the screen."},
            {"answer": "Because the early events do not matter.", "correct": False, "feedback": "The ABM Treaty of 1972 is the background of the whole debate; it is one slider drag away."},
        ],
    },
]
