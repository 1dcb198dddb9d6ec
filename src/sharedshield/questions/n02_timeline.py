"""Self-checks for 02_timeline."""

from ..checks import Question
from ..tables import MISMATCH

QUESTIONS = [
    Question(
        "q2_1",
        "How many events on the timeline did the course add from outside the readings (origin 'record' or 'background'; no reading mentions them)?",
        lambda course: int(course.events["origin"].isin(["record", "background"]).sum()),
        "Count the rows with origin 'record' or 'background': `course.events.origin.isin([\"record\", \"background\"]).sum()`.",
        hints=(lambda a, e: "That is the number of events the readings mention; the question asks for the others." if isinstance(a, int) and a > e else None,),
    ),
    Question(
        "q2_2",
        "In how many mentions does a reading's date or account differ from the record, in whole or in part (matches_record 'no' or 'partly')?",
        lambda course: int(course.mentions["matches_record"].isin(MISMATCH).sum()),
        "Every row of the discrepancy table is one such mention: `len(ss.tables.discrepancies(course))`.",
        hints=(
            lambda a, e: "Count 'partly' as well as 'no'." if isinstance(a, int) and a < e else None,
            lambda a, e: "Do not count 'undated' mentions: a reading that gives no date does not contradict the record." if isinstance(a, int) and a > e else None,
        ),
    ),
    Question(
        "q2_3",
        "Which event is the earliest on the timeline? Give its event id, e.g. \"E100\".",
        lambda course: str(course.events.sort_values(["date_start", "event_id"])["event_id"].iloc[0]),
        "Sort by date_start: the earliest event is older than the period the course is about, because one reading reaches back to it.",
        hints=(lambda a, e: "Look at the top of the timeline (or sort `course.events` by `date_start`)." if isinstance(a, str) else None,),
    ),
    Question(
        "q2_4",
        "How many events have a record date that is not a single day (precision month, season, year or range)?",
        lambda course: int((course.events["precision"] != "day").sum()),
        "`(course.events.precision != \"day\").sum()`. Not all of them are drawn as bars: a two-day summit is too short to see on a twenty-year axis.",
        hints=(lambda a, e: "Count every precision except 'day' — month, season, year and range." if isinstance(a, int) else None,),
    ),
]

QUIZ = [
    {
        "question": "An event is drawn as a long bar on the timeline. What does the bar mean?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "We know only that it happened somewhere in that window (or that it lasted that long), not on one exact day.", "correct": True,
             "feedback": "Right. The bar shows the honest uncertainty or duration; hover to see which."},
            {"answer": "The event was more important.", "correct": False, "feedback": "Length shows time, not importance."},
            {"answer": "Several readings mention it.", "correct": False, "feedback": "The bar's length comes from the record date alone; the hover lists the readings."},
        ],
    },
    {
        "question": "A reading gives a date that differs from the record. What does the course do?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "It keeps the reading's own words in mentions.csv, the record date in events.csv, and explains the difference.", "correct": True,
             "feedback": "Right: the data never silently corrects a reading."},
            {"answer": "It corrects the reading's date.", "correct": False, "feedback": "No: the reading's words are evidence of what the author believed or wanted to say."},
            {"answer": "It deletes the mention.", "correct": False, "feedback": "No: differences are evidence too, and the discrepancy table lists them."},
        ],
    },
    {
        "question": "Why are background events marked differently?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "No reading mentions them: the course added them for context, so they show what the readings leave out.", "correct": True,
             "feedback": "Right. A reading's silences can be as telling as its statements."},
            {"answer": "They are less certain.", "correct": False, "feedback": "Their dates are as well referenced as any; the difference is that no reading mentions them."},
            {"answer": "They happened outside Europe.", "correct": False, "feedback": "Place has nothing to do with it."},
        ],
    },
]
