"""Self-checks for 08_your_turn."""

from ..checks import Question
from ..validate import MAX_ANCHOR_WORDS

QUESTIONS = [
    Question(
        "q8_1",
        "After you have added one background event to your copy, how many events does your copy have? Use `len(my_course.events)`.",
        lambda course: len(course.events) + 1,
        "One more than the course data: your copy has your event, and data/ is unchanged.",
        hints=(
            lambda a, e: "That is the number in the course data: did the cell that adds your event run, and did the copy load without problems?" if a == e - 1 else None,
            lambda a, e: "Did you add more than one event, or run the add cell twice? Start again from a fresh copy." if isinstance(a, int) and a > e else None,
        ),
    ),
    Question(
        "q8_2",
        "When a date has month 13, which column does the validator name in its message?",
        lambda course: "date",
        "The message names file, row and column (date), says what is wrong, and how to fix it.",
        hints=(lambda a, e: "Give the column name only, as the message spells it." if isinstance(a, str) else None,),
    ),
    Question(
        "q8_3",
        "At most how many words may an anchor (a quoted phrase that locates a mention) have?",
        lambda course: MAX_ANCHOR_WORDS,
        "Anchors are short on purpose: just enough to find the place, because the readings are others' copyrighted work.",
    ),
]

QUIZ = [
    {
        "question": "You add an event that no reading mentions. What should its origin be?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "background, with a date_reference a reader can follow", "correct": True, "feedback": "Right. 'reading' needs at least one mention."},
            {"answer": "reading", "correct": False, "feedback": "The validator refuses 'reading' when no mention exists."},
            {"answer": "leave it empty", "correct": False, "feedback": "origin is required: reading or background."},
        ],
    },
    {
        "question": "A reading gives a date that you believe is wrong. Where does the reading's date go?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "In mentions.csv (date_as_stated, its own words), with matches_record and a discrepancy note; the record date stays in events.csv.", "correct": True,
             "feedback": "Right: never correct a source silently."},
            {"answer": "In events.csv, replacing the record date.", "correct": False, "feedback": "events.csv holds the record's date, with a reference."},
            {"answer": "Nowhere: wrong dates are left out.", "correct": False, "feedback": "Errors are evidence; keep them and explain them."},
        ],
    },
    {
        "question": "Why does the notebook edit a copy of the data rather than data/ itself?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "So that experiments cannot damage the course data that every notebook reads.", "correct": True, "feedback": "Right. Delete the copy any time."},
            {"answer": "Because data/ is read-only on every computer.", "correct": False, "feedback": "It usually is writable; the copy protects it anyway."},
            {"answer": "Because the validator works only on copies.", "correct": False, "feedback": "It checks any folder; the copy keeps your experiments separate."},
        ],
    },
]
