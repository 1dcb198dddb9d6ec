"""Self-checks for 01_meet_the_sources: could the author have known it, what dates the text, what was still underway."""

from ..tables import source_spans
from ._model import Question, written


def _could_know(course, event_id: str):
    """Readings whose first day of publication is after the event's last possible day."""
    end = course.events.set_index("event_id").loc[event_id, "date_end"]
    ids = course.sources[course.sources["date_start"] > end]["source_id"]
    return str(ids.iloc[0]) if len(ids) == 1 else set(ids)


def _dating_meeting(course):
    """The event Lukyanov's column calls 'this week's' meeting: the ¶1 event whose date falls in the column's window."""
    src = course.sources.set_index("source_id").loc["lukyanov2011"]
    ids = course.mentions[(course.mentions["source_id"] == "lukyanov2011") & (course.mentions["paragraph"] == 1)][
        "event_id"
    ]
    ev = course.events[course.events["event_id"].isin(ids)]
    hit = ev[(ev["date_start"] >= src["date_start"]) & (ev["date_end"] <= src["date_end"])]["event_id"]
    return str(hit.iloc[0]) if len(hit) == 1 else set(hit)


def _under_way(course):
    """Readings that mention an event whose record date runs past their first day of publication."""
    spans = source_spans(course)
    ids = spans[spans["last_event"] > spans["published_start"]]["source_id"]
    return set(ids)


QUESTIONS = [
    Question(
        "q1_1",
        "Medvedev's televised statement on NATO missile defense in Europe was made on 23 November 2011. Which reading"
        " could have reported it? Give its source id.",
        lambda course: _could_know(course, "E130"),
        "Only a text published after the statement can report it. Compare each reading's `published` window with the"
        " event's date, not with the year on the reading's name.",
        wrong={
            "lukyanov2011": (
                "The column was published in June 2011, five months before the statement: it can anticipate a hard"
                " line, not report this one."
            ),
            "blog2007": "The blog post was written in June 2007, four years earlier.",
        },
    ),
    Question(
        "q1_2",
        "The course dates Lukyanov's column from the meeting it calls 'this week's'. Find that meeting in the course's"
        " events (use the search cell) and give its event id.",
        _dating_meeting,
        "The NATO-Russia Council met at defence-minister level in Brussels in the week the course gives for the column;"
        " its reference is a record you could check. A date inferred this way is only as good as the identification of"
        " the meeting.",
        wrong={
            "E301": (
                "That is the Lisbon summit of November 2010, which the column looks back on ('six months' earlier)."
                " 'This week's' meeting must fall in the column's own week."
            ),
            "E113": (
                "That is the Putin-Bush meeting at Kennebunkport in July 2007, four years before the column. Look for a"
                " NATO-Russia Council meeting in June 2011."
            ),
            "E901": "That is the founding of the NATO-Russia Council in 2002. Look for a meeting in June 2011.",
            "E305": "That is the 2003 study of theatre missile defence. Look for a meeting in June 2011.",
        },
    ),
    Question(
        "q1_3",
        "A text can mention an event that was still under way when it was written. Which reading mentions an event"
        " whose record date runs past the reading's own publication? Give its source id (if more than one, give a"
        ' list, e.g. ["a", "b"]).',
        _under_way,
        "Bars that end to the right of their diamond: the reading mentions a process (a campaign, a debate, a term of"
        " office) that had begun, and it can say nothing about how it ended.",
        hints=(
            lambda a, e: (
                "Compare the end of each bar with its diamond, not the lengths of the bars."
                if isinstance(a, str) and a.strip() not in e
                else None
            ),
        ),
        compare=lambda a, e: (
            {
                str(x).strip().casefold()
                for x in ([a] if isinstance(a, str) else a if isinstance(a, list | tuple | set) else [])
            }
            == {x.casefold() for x in e}
        ),
        wrong={
            "eir2013": (
                "EIR's bar is the longest, but length is how far back a reading reaches. Look at where each bar ends,"
                " compared with its diamond."
            ),
        },
    ),
]

QUIZ = [
    {
        "question": "The blog post's excerpt carries no date. How does the course date it?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "From the latest event the post mentions: a blog post appears on the day of the news it reacts to."
                ),
                "correct": False,
                "feedback": (
                    "The latest event gives the earliest possible day; the post could have come days later. That is why"
                    " the course gives a window."
                ),
            },
            {
                "answer": (
                    "From the day a web archive first saved the page, which records when the page was put online."
                ),
                "correct": False,
                "feedback": (
                    "An archive's first copy shows the page existed by then: a latest date, not the day it was written."
                    " The course uses the address and the news the post reacts to."
                ),
            },
            {
                "answer": "From its web address and the news it reacts to and does not yet mention: a window of days.",
                "correct": True,
                "feedback": "Right. That is an estimate from evidence; the data says so in published_basis.",
            },
        ],
    },
    {
        "question": (
            "A reading mentions an event that lies after its own publication date. What is the most likely explanation?"
        ),
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "The publication date the course gives must be wrong, since no author can mention what has not"
                    " happened."
                ),
                "correct": False,
                "feedback": (
                    "Possible, but check first whether the event is a span (a campaign, a term of office) already under"
                    " way when the text was written."
                ),
            },
            {
                "answer": (
                    "The event is a process, such as a campaign or a term of office, that had begun when the text was"
                    " written."
                ),
                "correct": True,
                "feedback": "Right: a text can mention something under way. It cannot report how it ended.",
            },
            {
                "answer": (
                    "The text was revised after it first appeared, and the later version added the event without"
                    " saying so."
                ),
                "correct": False,
                "feedback": (
                    "Possible for a web page, but look first at the event's record date: if it is a span that started"
                    " before the text, nothing needs explaining."
                ),
            },
        ],
    },
    {
        "question": (
            "Why does the genre of a text (blog post, opinion column, a political movement's chronology) matter to a"
            " historian?"
        ),
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "It tells us what the text is for and who checked it, which shapes what it selects and how it"
                    " frames it."
                ),
                "correct": True,
                "feedback": (
                    "Right. Genre does not make a text true or false; it tells you what questions to ask of it."
                ),
            },
            {
                "answer": (
                    "It tells us how far to trust the text: an edited column can be relied on, while a blog needs"
                    " checking."
                ),
                "correct": False,
                "feedback": (
                    "Editing changes who checked the text, not whether each claim is right: check each claim, whatever"
                    " the genre."
                ),
            },
            {
                "answer": (
                    "It tells us whether the text argues at all: a list of dated entries has no perspective, while a"
                    " column does."
                ),
                "correct": False,
                "feedback": (
                    "Selecting and ordering events is itself an argument (notebook 06 shows how a chronology argues)."
                ),
            },
        ],
    },
]

# Written tasks: the prompt printed beside each saved answer in the hand-in file, and the kind of feedback it gets.
WRITTEN = {
    "q1_w1": written(
        "Task 1b. Now, for each reading, write one line in your own words: who wrote it, for whom, and why, corrected"
        " where the comparison convinced you and kept where you can defend yours. Start each line with the source id"
        " (blog2007: ...).",
        kind="sourcing",
        asks=("author", "audience"),
    ),
    "q1_w2": written(
        "Task 2 (the blog's date, in depth). The blog excerpt carries no date and starts mid-article. Its web address"
        " is in section 1. Name two kinds of evidence that could date it, and say what each could and could not tell"
        " you: a day, a window, or only a latest possible date?",
        reading="blog2007",
    ),
    "q1_w3": written(
        "Task 3. Which reading reaches furthest back in time? Does any reading mention an event whose record date runs"
        " past its publication date? How can that be? Write your answer, then open the solution."
    ),
    "q1_w4": written(
        "Task 4. The EIR chronology is published by a political movement that campaigned for a joint US-Russian"
        " strategic defense programme. Name one thing this does not tell you about its dates, and one thing it does"
        " suggest you check.",
        reading="eir2013",
    ),
}
