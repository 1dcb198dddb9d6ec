"""Self-checks for 03_event_density."""

from ..checks import Question
from ..density import density_table
from ..tables import mentions_with_events


def _peak_years(table, column):
    """Every year with the largest value of the column (ties all count)."""
    totals = table.groupby("bin")[column].sum()
    return frozenset(int(b) for b, v in totals.items() if abs(v - totals.max()) < 1e-9)


def _year_in(answer, expected):
    """True when the answer is one of the (tied) peak years."""
    try:
        return int(str(answer).strip()) in expected
    except ValueError:
        return False


def _eir_table(course):
    """Yearly density of eir2013's mentions at their events' record dates."""
    m = mentions_with_events(course)
    m = m[m["source_id"] == "eir2013"].drop(columns=["date_start", "date_end"]).rename(columns={"record_start": "date_start", "record_end": "date_end"})
    return density_table(m, "year")


QUESTIONS = [
    Question(
        "q3_1",
        "In which year do the most events start (the naive count)? Give the year as a number, e.g. 2001.",
        lambda course: _peak_years(density_table(course.events, "year"), "naive"),
        "Find the tallest grey bar, or `table.sort_values(\"naive\").tail(1)`.",
        hints=(lambda a, e: "Give a year such as 2001 (a number), not a count of events." if isinstance(a, int) and a < 1900 else None,),
        compare=_year_in,
    ),
    Question(
        "q3_2",
        "In which year is the precision-aware density highest? Give the year as a number.",
        lambda course: _peak_years(density_table(course.events, "year"), "density"),
        "Find the tallest blue bar, or `table.sort_values(\"density\").tail(1)`. Compare it with your answer to q3_1.",
        hints=(lambda a, e: "Use the density column, not the naive count." if isinstance(a, int) and a > 1900 else None,),
        compare=_year_in,
    ),
    Question(
        "q3_3",
        "What is the sum of the whole density column of the yearly table, rounded to a whole number?",
        lambda course: len(course.events),
        "Spreading moves mass between years but never creates or loses it: the total is the number of events.",
        hints=(lambda a, e: "Add up the whole density column: `table.density.sum()`. Spreading moves mass between years; it never creates or loses any." if isinstance(a, int | float) else None,),
        compare=lambda a, e: isinstance(a, int | float) and round(a) == e,
    ),
    Question(
        "q3_4",
        "In which year do the events eir2013 mentions peak (precision-aware, at their record dates)? Give the year as a number.",
        lambda course: _peak_years(_eir_table(course), "density"),
        "Read the eir2013 line of the density-by-reading chart at its highest point.",
        hints=(lambda a, e: "Look at the eir2013 line only, not the total." if isinstance(a, int) else None,),
        compare=_year_in,
    ),
]

QUIZ = [
    {
        "question": "An event known only as \"2008\" is counted in the precision-aware density as…",
        "type": "multiple_choice",
        "answers": [
            {"answer": "1/366 of an event on each day of 2008, so each quarter gets about a quarter of it.", "correct": True,
             "feedback": "Right: its mass of 1 is spread evenly over the days it could have happened on (2008 is a leap year)."},
            {"answer": "one whole event on 1 January 2008.", "correct": False, "feedback": "That is what the naive count does: it puts all the mass in the bin of date_start."},
            {"answer": "it is left out.", "correct": False, "feedback": "No event is dropped: the total mass equals the number of events."},
        ],
    },
    {
        "question": "One reading's mentions peak sharply in one year. What can you conclude?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "That the reading chose to list many events from that year, which says something about its focus, not about how much happened.", "correct": True,
             "feedback": "Right. A density of mentions measures a source's selection."},
            {"answer": "That more happened in that year than in any other.", "correct": False, "feedback": "Mentions reflect what the author chose to list, not how much happened."},
            {"answer": "That the reading is biased.", "correct": False, "feedback": "Focus is not bias by itself; ask why the author chose those events."},
        ],
    },
    {
        "question": "The naive count and the precision-aware density differ most when…",
        "type": "multiple_choice",
        "answers": [
            {"answer": "many events have uncertain or long dates that cross bin edges.", "correct": True, "feedback": "Right: day-precise events fall in one bin either way."},
            {"answer": "all events are known to the day.", "correct": False, "feedback": "Then the two are identical."},
            {"answer": "the bins are years rather than quarters.", "correct": False, "feedback": "Smaller bins cut more spans, so quarters usually show larger differences."},
        ],
    },
]
