"""Self-checks for 01_meet_the_sources."""

from ..checks import Question
from ..dates import parse_date
from ..tables import source_spans


def _last_published(course):
    """Source id of the reading published last."""
    return str(course.sources.sort_values("date_start")["source_id"].iloc[-1])


def _first_published(course):
    """Source id of the reading published first."""
    return str(course.sources.sort_values("date_start")["source_id"].iloc[0])


def _longest_span(course):
    """Source id of the reading whose mentioned events span the most years."""
    spans = source_spans(course).dropna(subset=["years_covered"])
    return str(spans.loc[spans["years_covered"].idxmax(), "source_id"])


QUESTIONS = [
    Question(
        "q1_1",
        "Which reading was published last? Give its source id, e.g. \"blog2007\".",
        _last_published,
        "Sort the readings by their publication date (`date_start`): the last one can look back on all the others' events.",
        hints=(lambda a, e: None if not isinstance(a, str) else "That reading was published first, not last." if a.strip() == "blog2007" else None,),
    ),
    Question(
        "q1_2",
        "Which reading covers the longest span of events, from the earliest to the latest event it mentions? Give its source id.",
        _longest_span,
        "Look at the `years_covered` column (or the longest bar in the chart): a chronology that starts in the Cold War reaches furthest back.",
        hints=(lambda a, e: "Compare the bars, not the diamonds: the question is about the events mentioned, not the publication date." if isinstance(a, str) and a.strip() != e else None,),
    ),
    Question(
        "q1_3",
        "In how many days could the blog post have been published, on the best evidence the course has (its `published` window, first and last day included)?",
        lambda course: parse_date(course.sources.set_index("source_id").loc["blog2007", "published"]).days,
        "The window runs from the first to the last possible day, both included: `ss.parse_date(published).days` counts them.",
        hints=(lambda a, e: "Count both the first and the last day of the window." if isinstance(a, int) and a == e - 1 else None,),
    ),
    Question(
        "q1_4",
        "How many of the readings have a publication date known only as a window of days, not one exact day?",
        lambda course: int((course.sources["precision"] != "day").sum()),
        "Count the readings whose `precision` is not `day`: their dates come from a page path or internal evidence, not a printed date (see `published_basis`).",
        hints=(lambda a, e: "Read the `published` column: a slash (/) marks a window of days." if isinstance(a, int) else None,),
    ),
]

QUIZ = [
    {
        "question": "The blog post's excerpt carries no date. How does the course date it?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "From the page address and from what the post reacts to and does not yet mention, giving a window of days.", "correct": True,
             "feedback": "Right. That is an estimate from evidence; the data says so in published_basis."},
            {"answer": "From the date printed at the top of the post.", "correct": False, "feedback": "The excerpt has no printed date; read published_basis."},
            {"answer": "It guesses a year.", "correct": False, "feedback": "It reasons from evidence to a window of days, and records how."},
        ],
    },
    {
        "question": "A reading mentions an event that lies after its own publication date. What is the most likely explanation?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "The event is a longer process (a campaign, a term of office) that had begun when the text was written.", "correct": True,
             "feedback": "Right: a text can mention something under way. It cannot report how it ended."},
            {"answer": "The author could see the future.", "correct": False, "feedback": "No. Check the event's date: is it a span that started earlier?"},
            {"answer": "The publication date must be wrong.", "correct": False, "feedback": "Possible, but check first whether the event is a span already under way."},
        ],
    },
    {
        "question": "Why does the genre of a text (blog post, opinion column, a political movement's chronology) matter to a historian?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "It tells us what the text is for and who checked it, which shapes what it selects and how it frames it.", "correct": True,
             "feedback": "Right. Genre does not make a text true or false; it tells you what questions to ask of it."},
            {"answer": "Some genres are always reliable and others never are.", "correct": False, "feedback": "Any genre can be accurate or not; check each claim."},
            {"answer": "It does not matter if the facts are right.", "correct": False, "feedback": "Even with right facts, selection and framing depend on purpose and audience."},
        ],
    },
]
