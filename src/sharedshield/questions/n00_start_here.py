"""Self-checks for 00_start_here: sourcing questions on the three readings, answered from the sources table and the retrieval sheet."""

from ._model import Question, written


def _before_lisbon(course):
    """Readings published before the Lisbon NATO-Russia summit (E301) began: they could not know of the talks it opened."""
    start = course.events.set_index("event_id").loc["E301", "date_start"]
    early = course.sources[course.sources["date_end"] < start]["source_id"]
    return str(early.iloc[0]) if len(early) == 1 else set(early)


def _printed_date(course):
    """The reading whose publication day is known exactly (precision 'day'): the date printed on it."""
    day = course.sources[course.sources["precision"] == "day"]["source_id"]
    return str(day.iloc[0]) if len(day) == 1 else set(day)


QUESTIONS = [
    Question(
        "q0_1",
        "Which reading was written before NATO and Russia agreed, at their Lisbon summit of November 2010, to explore missile-defense cooperation? Give its source id.",
        _before_lisbon,
        "Its author wrote in June 2007: whatever it says about cooperation, it cannot tell us why the 2010-2011 talks ended. "
        "A text is evidence of what could be known when it was written.",
        wrong={
            "lukyanov2011": "Lukyanov wrote in June 2011, half a year after Lisbon: his column is about how those talks ended.",
            "eir2013": "The EIR timeline appeared in March 2013, after Lisbon: it could look back on the talks.",
        },
    ),
    Question(
        "q0_2",
        "Only one reading carries a printed publication date; the course had to infer the other two from evidence. Which one is dated on the page? Give its source id.",
        _printed_date,
        "A magazine issue prints its date, so the course can give a single day. The two web texts give no date: the course reasons "
        "from their addresses and from what they react to, and records a window of days (notebook 01 shows the evidence).",
        wrong={
            "blog2007": "The blog excerpt has no date at all: a single day would be a guess. Look at which `published` value is one day, not a window with a slash.",
            "lukyanov2011": "The republished column gives no date; the course infers a week from the meeting it calls 'this week's'. Which `published` value has no slash?",
        },
    ),
    Question(
        "q0_3",
        "The blog text is an excerpt that starts mid-article. Which of these can you NOT learn from it? "
        "(a) what the post argues in the paragraphs you have; (b) how the post began, and whether it printed a date; "
        "(c) which Russian offer the post discusses. Answer with one letter.",
        lambda course: "b",
        "The opening, and any date printed with it, are missing from the excerpt: that is why the course dates the post from its web "
        "address and from what it reacts to. What the excerpt does contain can be read and checked like any text.",
        wrong={
            "a": "The paragraphs you have can be read closely (notebook 04 does): an excerpt limits what you know about the rest, not about these.",
            "c": "The offers are discussed in the paragraphs the excerpt keeps; what is missing is the beginning of the post.",
        },
    ),
]

QUIZ = [
    {
        "question": "A cell shows [*] on its left. What does that mean?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "The cell is still running.", "correct": True, "feedback": "Right: wait for the star to turn into a number."},
            {"answer": "The cell has an error.", "correct": False, "feedback": "Errors are shown in red under the cell; the star means it is running."},
            {"answer": "The cell has been saved.", "correct": False, "feedback": "Saving does not change the brackets; the star means it is running."},
        ],
    },
    {
        "question": "The course quotes the readings only in short anchor phrases. Why?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "The readings are others' copyrighted work: the course cites and paraphrases them, and quotes just enough to find the place.", "correct": True,
             "feedback": "Right. If you install your own copy of the texts, the notebooks show each paragraph next to the analysis."},
            {"answer": "Short quotes are enough to prove what a text says.", "correct": False,
             "feedback": "An anchor only locates a place; to judge what the text says you read the whole paragraph. The reason for short quotes is copyright."},
            {"answer": "The texts are partisan, so the course avoids repeating them.", "correct": False,
             "feedback": "Partisan texts can be quoted and analysed; the course is built on doing that. The reason is copyright."},
        ],
    },
    {
        "question": "The course says the offers of cooperation date from 1992. Why not from 1993, when the EIR timeline starts its list?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "The record has an earlier offer (Yeltsin's proposal of January 1992) that the timeline does not list.", "correct": True,
             "feedback": "Right: where a reading's story starts is a choice, and the record can reach further back. Notebooks 02 and 07 come back to this."},
            {"answer": "The timeline's date for its first offer is wrong.", "correct": False,
             "feedback": "EIR dates its first entry correctly; it leaves out an earlier offer. Leaving out is not misdating."},
            {"answer": "Historians always round to the nearest year.", "correct": False,
             "feedback": "No: the course keeps dates as precise as the evidence allows; 1992 is simply when the record's first offer was made."},
        ],
    },
]

# Written tasks: the prompt printed beside each saved answer in the hand-in file, and the kind of feedback it gets.
WRITTEN = {
    'q0_w1': written('Written answer. Before you meet the authors in notebook 01: what would you want to know about an author before you trust the dates in their text? Write two or three sentences.'),
}
