"""Self-checks for 03_event_density: the record beside each reading's selection, recency, what a peak does not show."""

from __future__ import annotations

from ..data import Course
from ..record import recency
from ._choice import choice
from ._model import Question


def most_recent_reading(course: Course) -> str:
    """The reading that gives the largest share of its mentions to the two years before its publication."""
    r = recency(course).dropna(subset=["share"])
    return str(r.loc[r["share"].idxmax(), "source_id"])


def dwells(course: Course, source_id: str = "lukyanov2011") -> str:
    """'more' if the reading's recent share is above the record's over the same window, else 'less'."""
    r = recency(course).set_index("source_id")
    return "more" if r.loc[source_id, "share"] > r.loc[source_id, "record_share"] else "less"


QUESTIONS = [
    Question(
        "q3_1",
        "In the chart of the record beside each reading, which reading gives the largest share of its mentions to the"
        " two years just before its own publication? Give its id.",
        most_recent_reading,
        "The blog post's line stands almost entirely on the last year or two before its shading: it reacts to the news"
        " of its own weeks. A chronology written to show a pattern spreads its line over decades.",
        wrong={
            "eir2013": (
                "eir2013's line is spread over three decades, from the 1980s to 2013: only a part of it stands in its"
                " last two years."
            ),
            "lukyanov2011": (
                "Close: the column dwells on 2010-2011 too, but part of its line goes back to the early 1990s and 2003."
                " Compare the last two points of each line."
            ),
        },
        hints=(lambda a, e: 'Give a reading id as text, e.g. "eir2013".' if not isinstance(a, str) else None,),
    ),
    choice(
        "q3_2",
        "The record's grey bars are tallest in a few years. Which conclusion does the chart support? Answer with one"
        " letter.",
        {
            "a": (
                "Those were the most important years of the missile-defence story, the years in which its main"
                " decisions were taken."
            ),
            "b": (
                "Little happened in the years with short bars, so a reading that passes over those years leaves out"
                " little of the story."
            ),
            "c": (
                "A reading whose line stays low in those years is biased, since it passes over the very years that the"
                " record shows were busiest."
            ),
            "d": (
                "The chronologies in the data list more events from those years, which depends on what each archive"
                " records, and from when."
            ),
        },
        "d",
        "(d). A count of listings measures what archives chose to record: NATO's archive lists NATO meetings, the"
        " Kremlin's English archive starts in 2000, a US agency lists its own tests. A peak is a question to ask of the"
        " archives, not a measure of importance.",
        {
            "a": (
                "Importance is not a count: one treaty can matter more than ten communiqués, and a year can fill up"
                " because one archive lists every meeting."
            ),
            "b": (
                "Short bars mean the chronologies in the data list little then; events they do not list (or list only"
                " in Russian) are not counted."
            ),
            "c": (
                "Passing over a period is a choice that needs explaining (topic, length, purpose), not proof of bias."
                " Notebook 07 asks which silences matter."
            ),
        },
    ),
    choice(
        "q3_3",
        "A quarter is a peak when uncertain dates are placed at their first possible day, but not when they are spread"
        " or placed at their last day. What explains that? Answer with one letter.",
        {
            "a": (
                "The chart rounds the counts differently for each placement, so that small differences within one"
                " quarter can look like a peak."
            ),
            "b": (
                "Some events there have a window of dates that runs over the edge into the next quarter, so each"
                " placement moves them."
            ),
            "c": (
                "The readings give dates that differ from the record in that quarter, and the chart switches to the"
                " readings' dates."
            ),
            "d": (
                "More chronologies list events in that quarter, and an event that many chronologies list is counted"
                " more than once."
            ),
        },
        "b",
        "(b). An event known only as 'some day between mid-September and early October' lands wholly in Q3 at its"
        " start, wholly in Q4 at its end, and is shared when spread. A peak that survives all three placements is a"
        " property of the record; one that does not is a property of how we drew the uncertain dates.",
        {
            "a": "Nothing is rounded: each placement keeps every event's mass of 1, and only moves it between bins.",
            "c": "All three placements use the record date; the reading's stated date is not used here.",
            "d": "Salience is not used in this chart: every event counts once, whichever chronologies list it.",
        },
    ),
    Question(
        "q3_4",
        "Compare lukyanov2011's line with the grey bars in its panel over the two years before its shading. Does the"
        ' column dwell on its own present more or less than the record does? Answer "more" or "less".',
        dwells,
        "Compare the shares, not the heights of single points: recency = the share of the reading's mentions in its"
        " last two years, against the record's share over the same window (both counted from 1983). The table after"
        " this check gives both numbers.",
        wrong={
            "more": (
                "Look again at the last two bars before the shading and the line above them: the record puts at least"
                " as large a share there."
            ),
            "less": (
                "Look again: the column's line over its last two years stands above the grey bars of the same years,"
                " taken together."
            ),
        },
        hints=(
            lambda a, e: (
                'Answer with the word "more" or "less".' if str(a).strip().casefold() not in ("more", "less") else None
            ),
        ),
    ),
]

QUIZ = [
    {
        "question": (
            "The grey bars are shares of the record's events, the coloured line a share of one reading's mentions. Why"
            " shares and not counts?"
        ),
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "Counts would claim a false precision: the dates are uncertain, so the chart rounds them into"
                    " shares of the whole."
                ),
                "correct": False,
                "feedback": (
                    "Counts are as precise as shares; uncertain dates are spread over their days either way. Counts"
                    " just cannot be compared across sources of different size."
                ),
            },
            {
                "answer": (
                    "The record holds far more events than a short text: shares put both on one scale, so you see where"
                    " each looks."
                ),
                "correct": True,
                "feedback": "Right. A blog post of a dozen events would be invisible beside hundreds of record events.",
            },
            {
                "answer": (
                    "Shares leave out the events with uncertain dates, which would otherwise blur the comparison."
                ),
                "correct": False,
                "feedback": "Uncertain dates are still spread over their days; shares only rescale.",
            },
        ],
    },
    {
        "question": "One reading's mentions peak sharply in one year. What can you conclude?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "That more happened in that year than in any other, so the author had more events to report"
                    " from it."
                ),
                "correct": False,
                "feedback": (
                    "Mentions reflect what the author chose to mention, not how much happened: compare the record's"
                    " bars."
                ),
            },
            {
                "answer": (
                    "That the text is biased towards that year, since a balanced text spreads its mentions evenly over"
                    " the years."
                ),
                "correct": False,
                "feedback": (
                    "Focus is not bias by itself: a column written in 2011 is expected to dwell on 2011. Ask why the"
                    " author chose those events."
                ),
            },
            {
                "answer": (
                    "That the author chose to write about many events of that year: it shows the text's focus, not the"
                    " world's."
                ),
                "correct": True,
                "feedback": (
                    "Right. A density of mentions measures a source's selection; compare it with the record's bars."
                ),
            },
        ],
    },
    {
        "question": "The naive count and the precision-aware density differ most when…",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "…every event is known to the day, because a day-precise date is spread over more bins than a"
                    " month is."
                ),
                "correct": False,
                "feedback": (
                    "A day falls in one bin whichever way it is counted: with every event known to the day, the two are"
                    " identical."
                ),
            },
            {
                "answer": "…many events have uncertain or long dates whose windows cross the edges of the bins.",
                "correct": True,
                "feedback": (
                    "Right: day-precise events fall in one bin either way; a window that crosses an edge is split only"
                    " by the density."
                ),
            },
            {
                "answer": (
                    "…the bins are years rather than quarters, because a year holds more events with uncertain dates."
                ),
                "correct": False,
                "feedback": "Smaller bins cut more windows, so quarters usually show larger differences than years.",
            },
        ],
    },
]
