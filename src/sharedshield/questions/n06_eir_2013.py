"""Self-checks for 06_eir_2013 (close reading of the 2013 EIR timeline)."""

from ..argmap import links_of, map_summary, thesis_of
from ..checks import Question
from ..closereading import busiest_paragraphs, left_out_elsewhere, phrase_for

SID = "eir2013"


def _direct_supports(course) -> int:
    links = links_of(course, SID)
    thesis = thesis_of(course, SID).claim_id
    return int(links[(links.to_claim == thesis) & (links.relation == "supports")].from_claim.nunique())


def _all_claims(a, e):
    if isinstance(a, int) and a == e + 1:
        return "Leave out the thesis itself: it cannot support itself."
    if isinstance(a, int) and a != e:
        return "Count only the claims in layer 1 (a line straight to the thesis); a claim in layer 2 supports the thesis only through another claim."
    return None


def _no_attacks(a, e):
    if isinstance(a, int) and a != e:
        return "Look for dashed lines on the map. How many are there? The legend gives the count of each kind of link."
    return None


def _framing_hint(a, e):
    if isinstance(a, str) and "cheney" in a.casefold():
        return "That is the course's neutral description. Which phrase does EIR itself use (¶4)? Copy it from the loaded-language table."
    return None


def _in_set_int(a, e) -> bool:
    return isinstance(a, int) and a in e


def _busiest_hint(a, e):
    return "Count the rows of the loaded-language table per ¶ (or read the sentence above the table)." if isinstance(a, int) else "Give the paragraph number as a whole number."


def _left_out_count(a, e):
    if isinstance(a, int) and a != e:
        return "Count the rows with 'before publication' in 'when' and another reading (not 'no reading (background)') in 'mentioned by', in the full table (all themes)."
    return None


QUESTIONS = [
    Question("q6_1", "How many claims of eir2013 link directly to the thesis as support?",
             _direct_supports,
             "Layer 1 of the map: nearly every entry of the timeline is presented as another instance of the thesis.",
             hints=(_all_claims,)),
    Question("q6_2", "How many links in the EIR argument map attack another claim?",
             lambda course: int(map_summary(course, SID)["attacks"]),
             "The timeline raises no objection against its own story: every link is a support.",
             hints=(_no_attacks,)),
    Question("q6_3", "Which phrase does EIR use for the officials around Vice President Cheney?",
             lambda course: phrase_for(course, SID, "Cheney"),
             "The loaded-language table, ¶4. Describe it as the movement's framing; the neutral alternative is in the same row.",
             hints=(_framing_hint,)),
    Question("q6_4", "Which paragraph of eir2013 has the most loaded terms?",
             lambda course: busiest_paragraphs(course, SID),
             "`ss.closereading.loaded_language(course, SID)['¶'].value_counts()` (any paragraph tied for the top counts).",
             hints=(_busiest_hint,), compare=_in_set_int),
    Question("q6_5", "How many events before EIR's publication does EIR leave out although another reading mentions them (all themes)?",
             lambda course: len(left_out_elsewhere(course, SID)),
             "`ss.closereading.left_out_elsewhere(course, SID)` lists them: they come from the blog and from Lukyanov.",
             hints=(_left_out_count,)),
]

QUIZ = [
    {
        "question": "How is EIR best described in a history class?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "The magazine of the political movement around Lyndon LaRouche, which promoted its own programmes and often framed events as conspiracies.", "correct": True,
             "feedback": "Right: who publishes it and how it frames events, stated without mockery and without endorsement."},
            {"answer": "A neutral news magazine.", "correct": False, "feedback": "It is a political movement's magazine with a declared programme; the course's source card says so."},
            {"answer": "Crackpot nonsense not worth reading.", "correct": False, "feedback": "Ridicule is not analysis. The timeline collects real statements that can be checked, and shows how one movement told the story."},
        ],
    },
    {
        "question": "Most of EIR's dates agree with the record. Does that show its interpretation is right?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "No: accurate dates can be selected and arranged to tell a one-sided story.", "correct": True,
             "feedback": "Right: accuracy of details and soundness of the overall argument are separate questions."},
            {"answer": "Yes: if the facts are right, the conclusion is right.", "correct": False, "feedback": "What is left out (section 7) and how entries are juxtaposed shape the conclusion as much as the dates do."},
            {"answer": "No: if it is partisan, its dates must be wrong too.", "correct": False, "feedback": "Partisan sources can be accurate on details; check each claim."},
        ],
    },
    {
        "question": "EIR puts the US notice of withdrawal from the ABM Treaty in brackets right after Putin's 9/11 call. What does that placement do?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "It invites the reader to contrast Russian help with a US rebuff, without stating a causal link.", "correct": True,
             "feedback": "Right: juxtaposition argues without arguing. Ask whether the text gives evidence for the link it implies."},
            {"answer": "It proves the withdrawal was a response to Putin's call.", "correct": False, "feedback": "Placement is not proof; the text gives no evidence of a causal link."},
            {"answer": "Nothing: the order of a timeline is just the order of dates.", "correct": False, "feedback": "The aside is placed by the author; choosing what to put next to what is an argument."},
        ],
    },
]
