"""Self-checks for 00_start_here: sourcing the three readings, answered from the sources table and retrieval sheet."""

from ._choice import choice
from ._model import Question, written


def _before_lisbon(course):
    """Readings published before the Lisbon NATO-Russia summit (E301) began: they could not know of talks it opened."""
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
        "Which reading was written before NATO and Russia agreed, at their Lisbon summit of November 2010, to explore"
        " missile-defense cooperation? Give its source id.",
        _before_lisbon,
        "Its author wrote in June 2007: whatever it says about cooperation, it cannot tell us why the 2010-2011 talks"
        " ended. A text is evidence of what could be known when it was written.",
        wrong={
            "lukyanov2011": (
                "Lukyanov wrote in June 2011, half a year after Lisbon: his column is about how those talks ended."
            ),
            "eir2013": "The EIR timeline appeared in March 2013, after Lisbon: it could look back on the talks.",
        },
    ),
    Question(
        "q0_2",
        "Only one reading carries a printed publication date; the course had to infer the other two from evidence."
        " Which one is dated on the page? Give its source id.",
        _printed_date,
        "A magazine issue prints its date, so the course can give a single day. The two web texts give no date: the"
        " course reasons from their addresses and from what they react to, and records a window of days (notebook 01"
        " shows the evidence).",
        wrong={
            "blog2007": (
                "The blog excerpt has no date at all: a single day would be a guess. Look at which `published` value is"
                " one day, not a window with a slash."
            ),
            "lukyanov2011": (
                "The republished column gives no date; the course infers a week from the meeting it calls 'this"
                " week's'. Which `published` value has no slash?"
            ),
        },
    ),
    choice(
        "q0_3",
        "The blog text is an excerpt that starts mid-article. Which of these can you NOT learn from the excerpt itself?"
        " Answer with one letter.",
        {
            "a": (
                "Which Russian offer the post discusses, and on what condition, since a post names its subject in its"
                " opening lines."
            ),
            "b": (
                "What the post argues in the paragraphs you have, since an argument cut off from its opening cannot be"
                " read fairly."
            ),
            "c": "How the post began, and whether a date was printed with it: both stood in the part that is missing.",
        },
        "c",
        "The opening, and any date printed with it, are missing from the excerpt: that is why the course dates the post"
        " from its web address and from what it reacts to. What the excerpt does contain can be read and checked like"
        " any text.",
        {
            "a": (
                "¶1 names the offer (an Azerbaijani radar site) and its condition (that the US cancel the European"
                " interceptors): the excerpt keeps them. What is missing is the beginning of the post."
            ),
            "b": (
                "The paragraphs you have can be read closely (notebook 04 does): an excerpt limits what you know about"
                " the rest, not about these."
            ),
        },
    ),
]

QUIZ = [
    {
        "question": "A cell shows [*] on its left. What does that mean?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": "The cell stopped with an error, and the message is waiting further down.",
                "correct": False,
                "feedback": (
                    "An error shows at once, in red under the cell, and the brackets then get a number. The star means"
                    " the cell has not finished."
                ),
            },
            {
                "answer": "It is still running, or waiting its turn: wait until the star turns into a number.",
                "correct": True,
                "feedback": "Right: wait for the star to turn into a number before you run the next cell.",
            },
            {
                "answer": "The cell was changed since it last ran, and needs to be run again.",
                "correct": False,
                "feedback": (
                    "Editing a cell does not change its brackets: they keep the number of the last run. The star means"
                    " it is running now."
                ),
            },
        ],
    },
    {
        "question": "The course quotes the readings only in short anchor phrases. Why?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "A few words are all the evidence a historian needs: quoting whole paragraphs would add nothing to"
                    " the analysis of a text."
                ),
                "correct": False,
                "feedback": (
                    "An anchor only locates a place; to judge what the text says you read the whole paragraph in your"
                    " own copy. The reason for short quotes is copyright."
                ),
            },
            {
                "answer": (
                    "The readings are partisan, and repeating them at length would spread their views as if the course"
                    " shared them."
                ),
                "correct": False,
                "feedback": (
                    "Partisan texts can be quoted and analysed; the course is built on doing that, with every view"
                    " attributed. The reason is copyright."
                ),
            },
            {
                "answer": (
                    "They are others' copyrighted work: the course cites and paraphrases them, quoting just enough to"
                    " find the place."
                ),
                "correct": True,
                "feedback": (
                    "Right. If you install your own copy of the texts, the notebooks show each paragraph next to the"
                    " analysis."
                ),
            },
        ],
    },
    {
        "question": (
            "The EIR timeline begins its list of offers with Yeltsin at Vancouver in spring 1993. What does the"
            " course's record add to that starting point?"
        ),
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "Earlier offers that the timeline does not list, such as Yeltsin's proposal of January 1992 and"
                    " Reagan's letter of 1986."
                ),
                "correct": True,
                "feedback": (
                    "Right: where a reading's story starts is a choice, and the record reaches further back, to offers"
                    " from both sides. Notebooks 02 and 07 come back to this."
                ),
            },
            {
                "answer": (
                    "A correction of the date: the record shows that the Vancouver summit was held in 1992, not in the"
                    " spring of 1993."
                ),
                "correct": False,
                "feedback": (
                    "The record dates Vancouver to 3-4 April 1993 (E100), within EIR's spring of 1993. What the record"
                    " adds is earlier offers the timeline leaves out; leaving out is not misdating."
                ),
            },
            {
                "answer": (
                    "Nothing: 1993 is where the story starts, since no offer to share missile defence could come before"
                    " the Soviet Union ended."
                ),
                "correct": False,
                "feedback": (
                    "The record holds an offer from before 1991: Reagan's 1986 letter proposing to share the benefits"
                    " of strategic defences (E407). And Yeltsin proposed a joint global system in January 1992 (E900)."
                ),
            },
        ],
    },
]

# Written tasks: the prompt printed beside each saved answer in the hand-in file, and the kind of feedback it gets.
WRITTEN = {
    "q0_w1": written(
        "Written answer. Before you meet the authors in notebook 01: what would you want to know about an author before"
        " you trust the dates in their text? Write two or three sentences."
    ),
}
