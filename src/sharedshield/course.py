"""The course map: the one list of notebooks, their minutes and what each teaches (README and 00 show it)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Lesson:
    """One notebook of the course."""

    notebook: str
    title: str
    minutes: int
    question: str


COURSE_MAP: tuple[Lesson, ...] = (
    Lesson("00_start_here", "Start here", 15, "What does this course ask, and how do notebooks and self-checks work?"),
    Lesson("01_meet_the_sources", "Meet the sources", 25, "Who wrote each reading, when, for whom, and why?"),
    Lesson("02_timeline", "The timeline: the record beside the readings", 30, "What happened when, how sure can we be of each date, and what could each reading have known when it was written?"),
    Lesson("03_event_density", "Event density: the record beside the readings", 25, "Where in time does each reading look, compared with the record, and what does a peak not show?"),
    Lesson("04_blog_2007", "Close reading: the 2007 blog post", 25, "What does the blog argue, with what evidence and which words?"),
    Lesson("05_lukyanov_2011", "Close reading: Lukyanov's 2011 column", 25, "How does the column explain the failure of joint missile defense?"),
    Lesson("06_eir_2013", "Close reading: the 2013 EIR timeline", 25, "What story does the timeline tell, and what does it leave out?"),
    Lesson("07_corroboration", "Corroboration", 30, "Where do the readings agree, stay silent or contradict each other and the record?"),
    Lesson("08_your_turn", "Your turn", 30, "Add an event or a source, and see the validator and the charts respond."),
    Lesson("09_assessment", "Assessment: source, date and argue", 35, "Can you source and date a new text against the record, and argue an answer to the course question with evidence?"),
)


def course_map() -> pd.DataFrame:
    """The course map as a table (notebook, title, minutes, question)."""
    return pd.DataFrame([vars(lesson) for lesson in COURSE_MAP])


def total_minutes() -> int:
    """Minutes for the whole course."""
    return sum(lesson.minutes for lesson in COURSE_MAP)
