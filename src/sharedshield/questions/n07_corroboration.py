"""Self-checks for 07_corroboration: corroborate an event, read a silence, find the record that contradicts a claim."""

from ..corroborate import GRID_EVENTS, course_grid
from ._model import Question, written


def _best_corroborated(course):
    """Grid events that two or more readings report in agreement with the record."""
    grid = course_grid(course, GRID_EVENTS)
    ids = [e for e, cells in grid.items() if sum(v == "agrees" for v in cells.values()) >= 2]
    return ids[0] if len(ids) == 1 else set(ids)


def _too_early(course, event_id: str):
    """Readings silent about an event because they were published before it."""
    grid = course_grid(course, (event_id,))[event_id]
    ids = [s for s, v in grid.items() if v == "too early"]
    return ids[0] if len(ids) == 1 else set(ids)


def _contradicts_lukyanov(course):
    """The record event contradicting lukyanov2011 ¶3 (no Kremlin leadership had considered joint missile defense)."""
    ev = course.events
    src = course.sources.set_index("source_id").loc["lukyanov2011", "date_start"]
    hit = ev[
        (ev["theme"] == "missile defense")
        & (ev["actor1_code"] == "RUS")
        & (ev["date_end"] < "1999-01-01")
        & (ev["date_end"] < src)
    ]
    return str(hit["event_id"].iloc[0]) if len(hit) == 1 else set(hit["event_id"])


QUESTIONS = [
    Question(
        "q7_1",
        "Of the four events in your grid, which one do two readings report in agreement with the record? Give its event"
        ' id (or "none", if in your grid no event has two).',
        _best_corroborated,
        "Two readings and the record agree on it. Agreement is strongest when the sources are independent: a Moscow"
        " column and a US movement's magazine are unlikely to share one source, but both could rely on the same news"
        " reports. The column's agreement rests on reading a relative span ('the past two and a half years', counted"
        " back from June 2011) as the reset; a reader who codes that span 'undated' finds no event with two, which is"
        " defensible too.",
        wrong={
            "E200": (
                "Two readings mention the Gabala offer, but they do not both match the record: one gives no date, the"
                " other folds it into a later meeting."
            ),
            "E303": (
                "Two readings mention Medvedev's proposal, but one gives no date and the other's account differs from"
                " the record in part."
            ),
            "E112": "Only one reading mentions the Munich speech: one witness is not corroboration.",
        },
        defensible={
            answer: (
                "If you coded Lukyanov ¶11 'undated' ('the past two and a half years' gives a span, not a date), no"
                " event in the grid has two readings that agree with the record, and 'none' follows from your grid. The"
                " course reads the span, counted back from June 2011, as reaching to about the start of the Obama"
                " administration and the reset (E120), which EIR dates to March 2009 (¶11), so its answer is E120. When"
                " you use this agreement as corroboration, say how you read the column's span."
            )
            for answer in ("none", "no event", "no one", "nothing", "neither", "none of them")
        },
    ),
    Question(
        "q7_2",
        "In your grid, which reading's silence about the 2009 'reset' (E120) tells you nothing about its author's"
        " choices? Give its source id.",
        lambda course: _too_early(course, "E120"),
        "It was published before the event: its silence is one of timing, not of choice. Ask 'could the author have"
        " known?' before 'why did they leave it out?'.",
        wrong={
            "lukyanov2011": (
                "The column mentions the reset (the 'past two and a half years'); it is not silent about it."
            ),
            "eir2013": "EIR mentions the reset with its month; it is not silent about it.",
        },
    ),
    Question(
        "q7_3",
        "Lukyanov's column (¶3) says no earlier Kremlin leadership, not even in the pro-Western early 1990s, had"
        " considered anything like Medvedev's proposal. Which event on the course's record contradicts that? Search the"
        " events and give its event id.",
        _contradicts_lukyanov,
        "Yeltsin's proposal of a jointly operated global missile-defense system (January 1992), dated by a newspaper"
        " report of the next day. The course marks the column's mention 'partly' and explains why: it does not silently"
        " correct the column.",
        wrong={
            "E304": (
                "That is the period of the pro-Western course itself, the column's own frame. Look for a specific"
                " proposal made in it."
            ),
            "E100": (
                "The Vancouver summit of 1993 was about economic aid; EIR presents it as a first offer, but the record"
                " has an earlier one."
            ),
            "E108": (
                "Reagan's SDI announcement of 1983 was American, and before there was a Kremlin leadership of Russia as"
                " such."
            ),
        },
    ),
]

QUIZ = [
    {
        "question": "Two readings give the same date for an event. Does that prove the date?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "Yes, if the two readings come from opposite sides, since opponents would not agree on a date by"
                    " chance."
                ),
                "correct": False,
                "feedback": (
                    "Opposed authors can still copy the same wire report. Ask where each got the date, and check the"
                    " record's reference."
                ),
            },
            {
                "answer": (
                    "Not by itself: they may share a source or repeat the same mistake, so check the record and the"
                    " reference it gives."
                ),
                "correct": True,
                "feedback": "Right. Corroboration needs independent sources.",
            },
            {
                "answer": (
                    "Yes, if one of them is a chronology, since a chronology's whole purpose is to get the dates right."
                ),
                "correct": False,
                "feedback": "A chronology can be wrong like any text (notebook 06 found partial matches in EIR).",
            },
        ],
    },
    {
        "question": (
            "A reading says nothing about an event that the others treat as central. What is the best first step?"
        ),
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "See whether it was written before the event; only then ask why its author might leave it out."
                ),
                "correct": True,
                "feedback": "Right: first could it know, then why might it be silent.",
            },
            {
                "answer": (
                    "Conclude that the author left it out on purpose, because it did not fit the story the text tells."
                ),
                "correct": False,
                "feedback": "Maybe, but the event might be later than the text, or outside its topic.",
            },
            {
                "answer": (
                    "Record it as a factual error in the reading, since a complete account would have had to"
                    " include it."
                ),
                "correct": False,
                "feedback": "A silence is not an error of fact; it needs explaining (timing, topic, purpose).",
            },
        ],
    },
    {
        "question": (
            "In the course's table of silences, an event listed by many of the published chronologies (high salience)"
            " is one that…"
        ),
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "…mattered more than the others, since many independent archives agreed that it was worth listing."
                ),
                "correct": False,
                "feedback": (
                    "Salience counts listings; a NATO archive lists NATO meetings. Importance is an argument you make."
                ),
            },
            {
                "answer": (
                    "…a later reading must have known about, so its silence about the event can only be a deliberate"
                    " choice."
                ),
                "correct": False,
                "feedback": (
                    "Check the date first (could_have_known), and then the topic: a reading can be silent for reasons"
                    " other than choice."
                ),
            },
            {
                "answer": (
                    "…many archives chose to list: a silence about it is more striking, but salience is not importance."
                ),
                "correct": True,
                "feedback": (
                    "Right: salience measures what chronologies chose to list, and each chronology has its own"
                    " perspective."
                ),
            },
        ],
    },
]

# Written tasks: the prompt printed beside each saved answer in the hand-in file, and the kind of feedback it gets.
WRITTEN = {
    "q7_w1": written(
        "Task 1. Before you count: from the chart, are the readings mostly telling the same story, or mostly different"
        " stories? What would that mean for corroboration? Write two sentences."
    ),
    "q7_w2": written(
        "Task 2. Pick one shared event. In two sentences, describe how each reading frames it. Then say whether they"
        " disagree about facts or only about meaning."
    ),
    "q7_w3": written(
        "Task 3 (before the table). Choose one reading. Which event would you expect it to mention, given its purpose,"
        " and why? Write it down, then compare with the table."
    ),
    "q7_w4": written(
        "Task 4. Write a short corroboration paragraph (4-5 sentences) on the question of the course: Could Russia and"
        " the West share a missile shield, and why did the offers fail? Use at least one point where the readings"
        " agree, one where one of them is silent (and could have known), and one where a reading differs from the"
        " record. Cite each point as reading id + ¶.",
        kind="claim",
    ),
}
