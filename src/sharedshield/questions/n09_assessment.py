"""Self-checks and the written claim of 09_assessment (the practice text is in sharedshield.assessment)."""

from __future__ import annotations

import re
from typing import Any

from ..assessment import LOADED, NEUTRAL, PERSPECTIVES, in_text, match_loaded, slipped_events
from ._choice import choice
from ._model import Question, written

WRITTEN = {
    "q9_w2": written(
        "Task 1 (sourcing). 1. What kind of text is it presented as, when, and by whom? What can you not know about its"
        " author? 2. For whom might such a text be written, and what does it want its readers to think or do? 3. What"
        " does its date of writing let it know, and not know? (Which of the course's readings could its author have"
        " read?)",
        model=(
            "It is presented as an unsigned opinion piece of spring 2012 (and the label says it is really written for"
            " this exercise). An unnamed author means we cannot check expertise or affiliation: we judge the text by"
            " its claims and evidence. An op-ed argues for a view to a general audience; this one wants readers to see"
            " the failure of cooperation as the West's doing. Written in 2012, it could know the 2007 blog post and"
            " Lukyanov's 2011 column, but not the 2013 EIR timeline, nor anything after spring 2012."
        ),
    ),
    "q9_w3": written(
        "Task 2. For one slipped date, suggest how the slip could have happened (an announcement and its effect, two"
        " meetings close together, a year remembered wrong). Does the slip help the op-ed's argument, or is it just a"
        " mistake? How could you tell?",
        model=(
            "A good answer names one slipped date and the record date beside it, offers a mechanism that fits that slip"
            " (for the ABM Treaty: the notice and the withdrawal taking effect six months later are two events; for"
            " Lisbon: a year remembered wrong), and asks what the slip does to the op-ed's sequence of 'offer, then"
            " refusal'. It keeps 'helps the argument' apart from 'was made on purpose': the text alone cannot show"
            " intent, and a good answer says what would (other texts by the same author, a correction, whether the"
            " slips all lean one way)."
        ),
    ),
    "q9_w4": written(
        "Task 3. For two of your loaded phrases, write a neutral alternative. Then say in one sentence what the op-ed's"
        " argument loses, if anything, when its words are neutral.",
        model=(
            "Each neutral alternative keeps what the phrase reports and drops the judgement (for example 'Russian"
            " proposals' for 'open hands', 'did not accept the offers' for 'brushed both offers aside'). Neutral"
            " wording leaves the sequence of events and the dates, which can be checked against the record; what it"
            " loses is the verdict on motives (generous Russia, dismissive West) that the loaded words supplied without"
            " evidence."
        ),
    ),
    "q9_w1": written(
        "Could Russia and the West share a missile shield, and why did the offers fail? Write a claim that answers the"
        " course question (150-300 words). Support it with evidence from at least two readings, cited as id + ¶ (e.g."
        " eir2013 ¶10), and from the record, cited by event id; name at least one place where a reading differs from"
        " the record, and attribute each reading's claims to it.",
        kind="claim",
    ),
}

_SLIP_FEEDBACK = {
    "E200": (
        "Look again at E200: put the op-ed's 'June 2007' beside the record date as two intervals. Do they overlap? A"
        " date slips only when they do not overlap at all."
    ),
    "E903": (
        "Look again at E903: put the op-ed's 'September 2009' beside the record date as two intervals. Do they overlap?"
        " A date slips only when they do not overlap at all."
    ),
    "E902": (
        "E902 is the withdrawal taking effect, not what ¶1 describes: the op-ed says Bush 'announced' the withdrawal."
        " Find the announcement in the record and compare its date with the op-ed's."
    ),
    "E303": (
        "E303 is Medvedev's own proposal; ¶4 describes the summit where NATO's leaders invited him. Find that summit in"
        " the record and compare its date with the op-ed's."
    ),
}
_MISSED = {
    "E106": "Look again at ¶1: when did Bush announce the withdrawal, by the record? Search the events for 'ABM'.",
    "E113": (
        "Look again at ¶2's second offer, at the Bush family estate in Maine: search the events for 'Kennebunkport'."
    ),
    "E301": "Look again at ¶4: in which year, by the record, was the NATO-Russia Council summit in Lisbon?",
}


def _ids(answer: Any) -> set[str] | None:
    """An answer as a set of upper-case event ids, or None when it is not a list or set."""
    if isinstance(answer, str):
        answer = re.findall(r"[A-Za-z]\d{3}", answer)
    if not isinstance(answer, list | tuple | set | frozenset):
        return None
    return {str(a).strip().upper() for a in answer}


def _slip_hint(answer: Any, expected: set[str]) -> str | None:
    """Feedback naming each event given in error, then each event missed."""
    given = _ids(answer)
    if given is None:
        return 'Give a list of event ids, e.g. ["E100", "E101"].'
    for event_id in sorted(given - expected):
        return _SLIP_FEEDBACK.get(
            event_id,
            f"{event_id} is not an event the op-ed dates wrongly: is it in the op-ed at all? Find each event with"
            " assessment.find_events.",
        )
    for event_id in sorted(expected - given):
        return _MISSED.get(
            event_id,
            "At least one slipped date is missing: compare every date the op-ed states with the record date of its"
            " event.",
        )
    return None


def _same_ids(answer: Any, expected: set[str]) -> bool:
    """Set equality of event ids, case-blind."""
    return _ids(answer) == expected


_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def _month(answer: Any) -> str | None:
    """'2007-07', 'July 2007', '2007-07-01' or '2007-07-01/2007-07-02' as 'YYYY-MM'."""
    text = str(answer).strip().casefold()
    m = re.match(r"^(\d{4})-(\d{2})", text)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    m = re.search(r"(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+)?([a-z]+)\s+(\d{4})", text)
    if m and m.group(1) in _MONTHS:
        return f"{m.group(2)}-{_MONTHS.index(m.group(1)) + 1:02d}"
    return None


def _loaded_terms(answer: Any) -> list[str] | None:
    """An answer as a list of phrases, or None."""
    if isinstance(answer, str):
        answer = [answer]
    if not isinstance(answer, list | tuple | set | frozenset):
        return None
    return [str(a) for a in answer]


def _enough_loaded(answer: Any, expected: set[str]) -> bool:
    """At least three different loaded terms of the key, and nothing neutral or absent from the text."""
    terms = _loaded_terms(answer)
    if not terms:
        return False
    found = {match_loaded(t) for t in terms}
    return None not in found and len(found) >= 3


def _loaded_hint(answer: Any, expected: set[str]) -> str | None:
    """Feedback on the first phrase that is not in the text, or neutral, or on too few phrases."""
    terms = _loaded_terms(answer)
    if terms is None:
        return 'Give a list of phrases copied from the op-ed, e.g. ["first phrase", "second phrase", "third phrase"].'
    for term in terms:
        key = " ".join(re.findall(r"[\w-]+", term.casefold()))
        if key in NEUTRAL:
            return NEUTRAL[key] + " A loaded term carries a judgement the reader is invited to share."
        if not in_text(term):
            return f"'{term}' is not in the op-ed: copy the words as they appear in the text."
        if match_loaded(term) is None:
            return (
                f"'{term}' is in the text, but it does not carry a judgement on its own. Which words around it tell the"
                " reader what to think?"
            )
    found = {match_loaded(t) for t in terms}
    if len(found) < 3:
        return (
            f"You found {len(found)} different loaded term(s); find at least three (two that point at the same phrase"
            " count once). Try each paragraph in turn."
        )
    return None


QUESTIONS = [
    Question(
        "q9_1",
        "¶1 says that Bush 'announced' the US would leave the ABM Treaty. Which event of the record is that? Give its"
        " event id.",
        lambda course: "E106",
        "E106: the notice of withdrawal, 13 December 2001. The op-ed puts the announcement in the summer of 2002, when"
        " the withdrawal took effect (E902): a likely source of its slip.",
        wrong={
            "E902": (
                "E902 is the withdrawal taking effect, six months after the notice. The op-ed says Bush 'announced' it:"
                " find the announcement."
            ),
            "E107": "E107 is the signing of the ABM Treaty in 1972, not the US withdrawal from it.",
            "E108": "E108 is Reagan's Strategic Defense Initiative speech of 1983.",
        },
        hints=(
            lambda a, e: (
                "Give an event id such as E100, as text in quotes."
                if not (isinstance(a, str) and re.fullmatch(r"\s*[Ee]\d{3}\s*", a))
                else None
            ),
        ),
        compare=lambda a, e: isinstance(a, str) and a.strip().upper() == e,
    ),
    Question(
        "q9_2",
        "Which events does the op-ed date in a way that does not overlap the record date at all? Give a list of event"
        " ids.",
        slipped_events,
        "Three of the five dated events slip: the ABM announcement (E106), Kennebunkport (E113) and the Lisbon summit"
        " (E301). The other two agree with the record. A text can be mostly right on dates and still slip where its"
        " argument needs a neat sequence.",
        hints=(_slip_hint,),
        compare=_same_ids,
    ),
    Question(
        "q9_3",
        "By the record, in which month did Putin make his wider offer at the Bush family estate in Maine? Answer as"
        " YYYY-MM.",
        lambda course: str(course.events.set_index("event_id").loc["E113", "date"])[:7],
        "July 2007: the Kennebunkport talks of 1-2 July 2007 (E113). The op-ed says August.",
        wrong={
            "2007-08": (
                "That is the op-ed's month. The task is to date the event by the record: search the events for"
                " 'Kennebunkport'."
            ),
            "2007-06": (
                "June 2007 is the month of another meeting, the G8 summit. Find the meeting at the Bush family estate"
                " in Maine in the record and read its own date."
            ),
        },
        hints=(
            lambda a, e: "Answer as YYYY-MM, e.g. 2001-09." if _month(a) is None else None,
            lambda a, e: (
                "Right month? Check the year too: read the record date of the meeting in Maine, not the op-ed's."
                if _month(a) and _month(a)[5:] == e[5:]
                else None
            ),
        ),
        compare=lambda a, e: _month(a) == e,
    ),
    Question(
        "q9_4",
        "Name at least three loaded words or phrases in the op-ed. Give a list of phrases copied from the text.",
        lambda course: {t.phrase for t in LOADED},
        "Good: each of these carries a judgement (who is generous, who refuses, whose plan is sinister) that the reader"
        " is invited to share without evidence. Try a neutral alternative for each: the text's argument then has to"
        " stand on its facts.",
        hints=(_loaded_hint,),
        compare=_enough_loaded,
    ),
    choice(
        "q9_5",
        "Which best describes the op-ed's perspective? Answer with one letter.",
        {k: text for k, (text, _, _) in PERSPECTIVES.items()},
        next(k for k, (_, ok, _) in PERSPECTIVES.items() if ok),
        next(why for _, ok, why in PERSPECTIVES.values() if ok),
        {k: why for k, (_, ok, why) in PERSPECTIVES.items() if not ok},
    ),
]

QUIZ = [
    {
        "question": "What is the practice text in this notebook?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "A real op-ed of spring 2012 by a Russian commentator, shortened for the exercise and left"
                    " unsigned."
                ),
                "correct": False,
                "feedback": (
                    "Read the label above the text: it is written for the exercise and attributed to no real person."
                ),
            },
            {
                "answer": (
                    "A summary the course wrote of the three readings, joining their main claims into one argument."
                ),
                "correct": False,
                "feedback": (
                    "It is a separate text with its own argument and its own dates; the label says who wrote it."
                ),
            },
            {
                "answer": (
                    "A text the course's authors wrote for this exercise, imitating a 2012 op-ed: not a real source."
                ),
                "correct": True,
                "feedback": "Right. The label says so; real sourcing always starts with reading the label.",
            },
        ],
    },
    {
        "question": "Three of the op-ed's five dates slip from the record. What follows?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "Its argument is wrong: a text that cannot get its dates right cannot be trusted on who refused"
                    " whom."
                ),
                "correct": False,
                "feedback": (
                    "Wrong dates weaken its evidence, but the argument needs its own test against the record and other"
                    " sources."
                ),
            },
            {
                "answer": (
                    "Check each of its claims against the record; the slips alone do not show whether its argument"
                    " holds."
                ),
                "correct": True,
                "feedback": "Right. Accuracy and perspective are separate questions.",
            },
            {
                "answer": (
                    "Little: dates are details, and an argument about who blocked cooperation does not rest on them."
                ),
                "correct": False,
                "feedback": (
                    "Dates set the order of events, and an argument about who refused whom depends on the order."
                ),
            },
        ],
    },
    {
        "question": "What does the feedback on your written claim tell you?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "Your grade for the claim, worked out from the rubric's skills and from the evidence you cite."
                ),
                "correct": False,
                "feedback": "No program in this course grades an argument: your teacher reads it with the rubric.",
            },
            {
                "answer": (
                    "Whether your claim is true, by comparing what you wrote with the record and the three readings."
                ),
                "correct": False,
                "feedback": "A program can count citations, not weigh evidence.",
            },
            {
                "answer": (
                    "What a program can see (citations, event ids, attribution, length); it does not judge the"
                    " argument."
                ),
                "correct": True,
                "feedback": "Right. Your teacher and the rubric judge the argument.",
            },
        ],
    },
]
