"""Self-checks for 00_start_here."""

from ..checks import Question
from ..course import COURSE_MAP, total_minutes

QUESTIONS = [
    Question(
        "q0_1",
        "How many notebooks does the course have, this one included?",
        lambda course: len(COURSE_MAP),
        "Nine notebooks, numbered 00 to 08.",
        hints=(lambda a, e: "Count 00 as well: the numbering starts at zero." if a == e - 1 else None,),
    ),
    Question(
        "q0_2",
        "How many minutes does the whole course take, by the course map?",
        lambda course: total_minutes(),
        "Add up the minutes column: `course_map().minutes.sum()`.",
        hints=(lambda a, e: "Did you add the minutes of every row, 00 included?" if isinstance(a, int) and abs(a - e) <= 30 else None,),
    ),
    Question(
        "q0_3",
        "How many readings does the course study?",
        lambda course: len(course.sources),
        "Three: a 2007 blog post, a 2011 column and a 2013 timeline (`len(course.sources)`).",
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
             "feedback": "Right. If you have the texts, the notebooks can show each paragraph next to the analysis."},
            {"answer": "The readings are too long to load.", "correct": False, "feedback": "They are short; the reason is copyright."},
            {"answer": "Quotes would make the charts slower.", "correct": False, "feedback": "Quotes do not affect charts; the reason is copyright."},
        ],
    },
    {
        "question": "The date 1993-21 in the data means…",
        "type": "multiple_choice",
        "answers": [
            {"answer": "spring 1993 (EDTF season code 21)", "correct": True, "feedback": "Right: 21 spring, 22 summer, 23 autumn, 24 winter."},
            {"answer": "21 January 1993", "correct": False, "feedback": "A day needs three parts (1993-01-21). 21 in the month place is a season code."},
            {"answer": "the 21st week of 1993", "correct": False, "feedback": "EDTF has no week numbers; 21 in the month place is spring."},
        ],
    },
]
