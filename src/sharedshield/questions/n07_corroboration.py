"""Self-checks for 07_corroboration."""

from ..checks import Question
from ..tables import MISMATCH, coverage


def _most_mismatches(course):
    """Source id with the most mentions marked no or partly."""
    bad = course.mentions[course.mentions["matches_record"].isin(MISMATCH)]
    return str(bad["source_id"].value_counts().idxmax())


def _fact_share(course):
    """Share of eir2013's claims that are of kind 'fact'."""
    claims = course.claims[course.claims["source_id"] == "eir2013"]
    return round(float((claims["kind"] == "fact").mean()), 2)


def _most_favouring(course):
    """Source id with the most claims whose attitude to cooperation is 'favours'."""
    return str(course.claims[course.claims["attitude"] == "favours"]["source_id"].value_counts().idxmax())


QUESTIONS = [
    Question(
        "q7_1",
        "How many events are mentioned by two or more readings?",
        lambda course: int((coverage(course)["readings"] >= 2).sum()),
        "`(ss.tables.coverage(course).readings >= 2).sum()`: columns of the dot matrix with more than one dot. Few shared events means little direct corroboration.",
        hints=(lambda a, e: "Count events, not mentions: an event mentioned twice by one reading counts once." if isinstance(a, int) and a > e else None,),
    ),
    Question(
        "q7_2",
        "Which reading has the most mentions that differ from the record in whole or in part ('no' or 'partly')? Give its source id.",
        _most_mismatches,
        "Count orange diamonds and red crosses per row of the dot matrix. A reading that mentions more events also has more chances to differ: compare shares too.",
    ),
    Question(
        "q7_3",
        "What share of eir2013's claims are of kind 'fact'? Give a number between 0 and 1 (two decimals are enough).",
        _fact_share,
        "Facts divided by all of eir2013's claims. A chronology is mostly statements of fact; its argument lies in which facts it selects.",
        hints=(lambda a, e: "Give a share between 0 and 1, not a count or a percentage." if isinstance(a, int | float) and a > 1 else None,),
        compare=lambda a, e: isinstance(a, int | float) and abs(a - e) <= 0.01,
    ),
    Question(
        "q7_4",
        "Which reading makes the most claims whose attitude to US/NATO-Russian missile-defense cooperation is 'favours'? Give its source id.",
        _most_favouring,
        "Read the right-hand panel of the claims chart. Favouring cooperation is not the same as favouring either country.",
    ),
]

QUIZ = [
    {
        "question": "Two readings give the same date for an event. Does that prove the date?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "Not by itself: they may share a source or a mistake; check the record and its reference.", "correct": True,
             "feedback": "Right. Corroboration needs independent sources."},
            {"answer": "Yes, two sources always settle it.", "correct": False, "feedback": "Two texts can copy the same error; ask whether they are independent."},
            {"answer": "No, dates can never be proved.", "correct": False, "feedback": "Many dates are well documented; the record gives a reference you can follow."},
        ],
    },
    {
        "question": "A reading says nothing about an event that the others treat as central. What is the best first step?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "Check whether the event happened before the reading was written, then ask why its author might leave it out.", "correct": True,
             "feedback": "Right: first could it know, then why might it be silent."},
            {"answer": "Conclude the author was hiding it.", "correct": False, "feedback": "Maybe, but the event might be later than the text, or outside its topic."},
            {"answer": "Ignore the silence.", "correct": False, "feedback": "Silences are evidence too; they need explaining."},
        ],
    },
    {
        "question": "Two readings frame the same event differently. What does that tell you?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "How each author's purpose and audience shape the meaning they give it, even when they agree on what happened.", "correct": True,
             "feedback": "Right. Framing is interpretation; compare it with the facts both accept."},
            {"answer": "That one of them must have the facts wrong.", "correct": False, "feedback": "Framing can differ while the facts agree; check matches_record."},
            {"answer": "Nothing: framing is just style.", "correct": False, "feedback": "Framing steers the reader's judgement; it is part of the argument."},
        ],
    },
]
