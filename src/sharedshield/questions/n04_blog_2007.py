"""Self-checks for 04_blog_2007 (close reading of the 2007 blog post)."""

from ..argmap import claims_of, links_of, thesis_of
from ..checks import Question
from ..closereading import connotation_counts, left_out_elsewhere, loaded_language, phrase_for

SID = "blog2007"


def _not_claim_id(a, e):
    return "Give the paragraph number (a whole number such as 3), not the claim id." if isinstance(a, str) else None


def _not_first(a, e):
    return ("Paragraph 1 opens the excerpt, but the thesis is the claim the others lead to: look for the row whose layer is 'thesis'."
            if a == 1 and e != 1 else None)


def _c():
    """The course, loaded lazily for hints that need it."""
    from ..data import load_course
    return load_course()


def _skeptical_is_not_attack(a, e):
    if isinstance(a, int) and a != e and a == int((claims_of(_c(), SID).stance == "skeptical").sum()):
        return "That is the number of skeptical claims. A stance is about cooperation; an attack is a link between claims (a dashed line)."
    return None


def _all_links(a, e):
    return "Count only the dashed lines (attacks), not every link." if isinstance(a, int) and a > e + 5 else None


def _neutral_not_loaded(a, e):
    return "That is the neutral alternative the course suggests; the question asks for the blog's own phrase." if isinstance(a, str) and a.strip().casefold() == "soviet-built" else None


def _in_set(a, e) -> bool:
    return isinstance(a, str) and a.strip().upper() in e


def _event_hint(a, e):
    if not isinstance(a, str):
        return "Give an event id as text, e.g. \"E100\"."
    if a.strip().upper() == "E113":
        return "E113 (Kennebunkport) came after the blog was published: its absence is not the author's choice. Pick an event 'before publication'."
    return "Pick a row of the table of left-out events whose 'when' is 'before publication' and whose 'mentioned by' names another reading."


QUESTIONS = [
    Question("q4_1", "In which paragraph of blog2007 is the thesis?",
             lambda course: int(thesis_of(course, SID).paragraph),
             "The thesis is the claim that every chain of links ends at; the claims table marks its layer as 'thesis'.",
             hints=(_not_claim_id, _not_first)),
    Question("q4_2", "How many links in the blog's argument map attack another claim?",
             lambda course: int((links_of(course, SID).relation == "attacks").sum()),
             "Attacks are the dashed lines: `(ss.argmap.links_of(course, SID).relation == 'attacks').sum()`.",
             hints=(_skeptical_is_not_attack, _all_links)),
    Question("q4_3", "Which loaded phrase does the blog use for the Gabala radar station in Azerbaijan?",
             lambda course: phrase_for(course, SID, "Gabala"),
             "The loaded-language table: the row whose 'describes' column names the Gabala radar station.",
             hints=(_neutral_not_loaded,)),
    Question("q4_4", "How many of the blog's loaded terms have a negative connotation?",
             lambda course: int(connotation_counts(course, SID)["negative"]),
             "`ss.closereading.connotation_counts(course, SID)` counts them.",
             hints=(lambda a, e: "That is the number of all loaded terms; count only the negative ones." if isinstance(a, int) and a != e and a == len(loaded_language(_c(), SID)) else None,)),
    Question("q4_5", "Give the id of one event that happened before the blog was published and that another reading mentions but the blog does not.",
             lambda course: left_out_elsewhere(course, SID),
             "Any row of the left-out table with 'before publication' and another reading under 'mentioned by' is right.",
             hints=(_event_hint,), compare=_in_set),
]


QUIZ = [
    {
        "question": "On the argument map, a dashed line from claim A to claim B means…",
        "type": "multiple_choice",
        "answers": [
            {"answer": "A attacks B: it is a reason the text gives against B.", "correct": True, "feedback": "Right. Solid lines are supports, dashed lines attacks."},
            {"answer": "A is a weak claim.", "correct": False, "feedback": "The line style shows the relation between two claims, not the strength of either."},
            {"answer": "A is skeptical about cooperation.", "correct": False, "feedback": "Stance (shown by the marker) is about cooperation; the dashed line shows that A argues against B."},
        ],
    },
    {
        "question": "The blog does not mention the Bush-Putin meeting at Kennebunkport. What is the best historical conclusion?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "Check the dates first: if the post was written before the meeting, the silence says nothing about the author's choices.", "correct": True,
             "feedback": "Right. An absence only means something if the author could have known."},
            {"answer": "The author hid the meeting because it did not fit the argument.", "correct": False, "feedback": "Compare the meeting's record date with the post's publication window before you infer a motive."},
            {"answer": "The meeting did not happen.", "correct": False, "feedback": "One text's silence cannot show that an event did not happen; the record has it."},
        ],
    },
    {
        "question": "Which describes the blog's perspective neutrally?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "A US reader-blogger who doubts the Russian government's motives and favours the planned US system in Europe.", "correct": True,
             "feedback": "Right: it says whose view it is without agreeing or disagreeing."},
            {"answer": "An American who sees through Putin's tricks.", "correct": False, "feedback": "That adopts the blog's own slant ('tricks'). Describe the view; do not take it over."},
            {"answer": "A biased amateur whose post is worthless.", "correct": False, "feedback": "A perspective does not make a text worthless: it is evidence of how some Americans argued in 2007."},
        ],
    },
]
