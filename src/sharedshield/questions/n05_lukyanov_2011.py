"""Self-checks for 05_lukyanov_2011 (close reading of Lukyanov's 2011 column)."""

from ..argmap import claims_of, links_of, map_summary, thesis_of
from ..checks import Question
from ..closereading import phrase_for

SID = "lukyanov2011"


def _c():
    """The course, loaded lazily for hints that need it."""
    from ..data import load_course
    return load_course()


def _paragraph_hint(a, e):
    if isinstance(a, str):
        return "Give the paragraph number (a whole number), not the claim id."
    return "Find the row of the claims table whose layer is 'thesis', and read its ¶ column." if a != e else None


def _stance_not_attack(a, e):
    if isinstance(a, int) and a != e and a == int((claims_of(_c(), SID).stance == "skeptical").sum()):
        return "That is the number of skeptical claims. Count links (dashed lines), not stances."
    return "Count the dashed lines on the map, or the rows of the attacks table." if isinstance(a, int) and a != e else None


def _direct_hint(a, e):
    if isinstance(a, int) and a != e and a == len(claims_of(_c(), SID)) - 1:
        return "Not every claim links straight to the thesis: count only the claims in layer 1."
    return None


def _bloc_hint(a, e):
    if isinstance(a, str) and a.strip().casefold() in ("nato", "the alliance", "alliance"):
        return "That is the neutral word. Which word does the column itself use for NATO in ¶4? (See the loaded-language table.)"
    return None


def _kind_hint(a, e):
    if isinstance(a, str) and a.strip().casefold() in ("supportive", "skeptical", "mixed", "neutral"):
        return "That is a stance. The question asks for a kind: fact, interpretation, prediction, value or recommendation."
    return None


def _most_common_kind(course) -> str:
    counts = claims_of(course, SID).kind.value_counts()
    return str(sorted(counts[counts == counts.max()].index)[0])


QUESTIONS = [
    Question("q5_1", "In which paragraph of lukyanov2011 is the thesis?",
             lambda course: int(thesis_of(course, SID).paragraph),
             "The claims table marks the thesis in the layer column; its ¶ is the answer. Note that it is not the first paragraph.",
             hints=(_paragraph_hint,)),
    Question("q5_2", "How many links in the column's argument map attack another claim?",
             lambda course: int((links_of(course, SID).relation == "attacks").sum()),
             "The attacks are the dashed lines (the small table under the map lists them).",
             hints=(_stance_not_attack,)),
    Question("q5_3", "How many claims link directly to the thesis (layer 1)?",
             lambda course: int(map_summary(course, SID)["direct"]),
             "Count the claims whose layer is 1: `(ss.argmap.claims_table(course, SID).layer == '1').sum()`.",
             hints=(_direct_hint,)),
    Question("q5_4", "Which word does the column use for NATO in ¶4 (a loaded term)?",
             lambda course: phrase_for(course, SID, "NATO"),
             "The loaded-language table: the row whose 'describes' column is NATO.",
             hints=(_bloc_hint,)),
    Question("q5_5", "Which kind of claim is the most common in the column?",
             _most_common_kind,
             "The tallest bar of the kind-and-stance chart (the sentence under it names it).",
             hints=(_kind_hint,)),
]

QUIZ = [
    {
        "question": "Lukyanov wrote for RIA Novosti, a Russian state news agency. What follows?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "We note the outlet as part of his perspective and check his claims like any other source's.", "correct": True,
             "feedback": "Right. The outlet tells us about audience and possible constraints; it does not by itself make a claim true or false."},
            {"answer": "The column is the official Russian position.", "correct": False, "feedback": "A signed opinion column is the author's view; it is not a government statement, whoever publishes it."},
            {"answer": "The column must be propaganda, so we can ignore it.", "correct": False, "feedback": "The column also criticizes Russian attitudes. Ignoring a source for its outlet throws away evidence."},
        ],
    },
    {
        "question": "A claim of kind 'prediction' (as in ¶12) can be checked…",
        "type": "multiple_choice",
        "answers": [
            {"answer": "only against what happened after the column, at the horizon it names.", "correct": True, "feedback": "Right: a prediction is judged by later events, not by the record at the time of writing."},
            {"answer": "against the events the column mentions.", "correct": False, "feedback": "Those are earlier than the column; a prediction is about later events."},
            {"answer": "never: predictions are opinions.", "correct": False, "feedback": "A prediction can turn out right or wrong; that is what makes it different from a value judgement."},
        ],
    },
    {
        "question": "The column never names Iran. What is the best way to use that silence?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "Note that the column leaves out the US/NATO stated purpose of the system and ask how that shapes its story of blame.", "correct": True,
             "feedback": "Right: a silence is a question to ask, not a proof of bad faith."},
            {"answer": "Conclude that Iran was irrelevant to missile defense in 2011.", "correct": False, "feedback": "One source's silence cannot show that; the other readings and the record say otherwise."},
            {"answer": "Conclude that Lukyanov was hiding something.", "correct": False, "feedback": "Maybe, maybe not: a short column must select. Ask what the selection does before inferring motives."},
        ],
    },
]
