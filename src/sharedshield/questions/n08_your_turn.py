"""Self-checks for 08_your_turn: honest EDTF dates, keeping a reading's words, what a validator can and cannot check."""

from ._model import Question, written


def _letters(answer) -> set[str]:
    """The letters of an answer such as 'a, d' or ['a', 'd']."""
    text = "".join(answer) if isinstance(answer, list | tuple | set) else str(answer)
    return {ch for ch in text.casefold() if ch.isalpha()}


QUESTIONS = [
    Question(
        "q8_1",
        "A source you found says an offer was made 'in the autumn of 2010', and nothing more precise. What do you write"
        " in the `date` column (EDTF)?",
        lambda course: "2010-23",
        "EDTF season codes: 21 spring, 22 summer, 23 autumn, 24 winter. The date is exactly as precise as the evidence:"
        " no invented month.",
        wrong={
            "2010-09": "That says September: more precise than your source. Autumn is the season code 23.",
            "2010-10": "That says October: more precise than your source. Autumn is the season code 23.",
            "2010": "True, but less precise than your source: EDTF has a code for the season.",
            "2010-21": "21 is spring. Autumn is 23.",
            "2010-03": "That is March. Seasons use the codes 21-24 in the month place.",
        },
    ),
    Question(
        "q8_2",
        "Suppose a reading says Putin made his offer 'last week', and the record dates the offer to 7 June 2007. What"
        " goes in that mention's `date_as_stated` column?",
        lambda course: "last week",
        "The reading's own words. The record date is already in events.csv; keeping both, with matches_record, lets a"
        " reader see what the reading said and whether it fits.",
        wrong={
            "2007-06-07": (
                "That is the record's date: it belongs in events.csv. date_as_stated keeps the reading's own words, so"
                " nothing is silently corrected."
            ),
            "7 june 2007": "That is the record's date in words. date_as_stated keeps the reading's own words.",
            "june 2007": (
                "That is your translation of the reading's words into a date (it goes in date_as_stated_edtf)."
                " date_as_stated keeps the words."
            ),
        },
    ),
    Question(
        "q8_3",
        "Which of these can the validator catch? (a) a date with month 13; (b) a title that takes one side's view; (c)"
        " a date_reference that does not actually support the date; (d) an anchor of fifteen words. Answer with the"
        ' letters, e.g. "ad".',
        lambda course: "ad",
        "A program can check form (a real date, a known code, at most 12 words). Whether a title is neutral or a"
        " reference supports a date is a judgement: you, your teacher and your readers make it.",
        compare=lambda a, e: _letters(a) == set(e),
        hints=(
            lambda a, e: (
                "Can a program tell whether wording takes sides? That is a judgement about language."
                if "b" in _letters(a)
                else None
            ),
            lambda a, e: (
                "The validator checks that a reference is there, not what it says: someone has to follow it."
                if "c" in _letters(a)
                else None
            ),
            lambda a, e: "Anchors have a maximum length that the validator counts." if _letters(a) == {"a"} else None,
            lambda a, e: (
                "A month 13 is a malformed date: the validator parses every date." if _letters(a) == {"d"} else None
            ),
        ),
        wrong={
            "abcd": (
                "Two of these are judgements no program makes: whether wording takes sides, and whether a reference"
                " says what it is cited for."
            )
        },
    ),
]

QUIZ = [
    {
        "question": "You add an event that no reading mentions. What should its origin be?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": "reading, because you found it by reading about it in a source of your own",
                "correct": False,
                "feedback": (
                    "In this course 'reading' means one of the studied readings mentions it; the validator refuses it"
                    " without a mention."
                ),
            },
            {
                "answer": "background, with a date_reference that a reader can follow and check",
                "correct": True,
                "feedback": (
                    "Right. 'reading' needs at least one mention in the readings; 'record' is for events the published"
                    " chronologies list."
                ),
            },
            {
                "answer": "record, because it happened and the source you found documents it",
                "correct": False,
                "feedback": (
                    "'record' marks events listed by the published chronologies in chronologies.csv; an event you add"
                    " yourself is background."
                ),
            },
        ],
    },
    {
        "question": "A reading gives a date that you believe is wrong. Where does the reading's date go?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "Into events.csv, in place of the record date, since the course is about the readings and the dates"
                    " they give."
                ),
                "correct": False,
                "feedback": (
                    "events.csv holds the record's date, with its reference; the reading's words go with the mention."
                ),
            },
            {
                "answer": (
                    "Nowhere: a date you believe is wrong would mislead, so the mention is kept without its date."
                ),
                "correct": False,
                "feedback": "Errors are evidence; keep them and explain them.",
            },
            {
                "answer": (
                    "Into mentions.csv, in its own words, with matches_record and a note; events.csv keeps the record"
                    " date."
                ),
                "correct": True,
                "feedback": "Right: never correct a source silently.",
            },
        ],
    },
    {
        "question": "Why does the notebook edit a copy of the data rather than data/ itself?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "So that experiments cannot damage the data every notebook reads; you can delete the copy at any"
                    " time."
                ),
                "correct": True,
                "feedback": "Right. Delete the copy any time.",
            },
            {
                "answer": "Because data/ is read-only on school computers, so a change to it would stop with an error.",
                "correct": False,
                "feedback": "It is usually writable; the copy protects it anyway.",
            },
            {
                "answer": (
                    "Because the validator can check only a copy, not the folder that the course reads its data from."
                ),
                "correct": False,
                "feedback": "It checks any folder; the copy keeps your experiments separate.",
            },
        ],
    },
]

# Written tasks: the prompt printed beside each saved answer in the hand-in file, and the kind of feedback it gets.
WRITTEN = {
    "q8_w1": written(
        "Task 1. In your own words: what would you change to fix each of the three mistakes? And what could the"
        " validator not have caught in your own event?"
    ),
    "q8_w2": written("Your project: its question and plan (which source, which rows, which chart)."),
}
