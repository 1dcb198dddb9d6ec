"""Self-checks for 06_eir_2013: sourcing, contextualisation, close reading and corroboration (letter answers)."""

from ._choice import choice
from ._model import written

SPEC = [
    dict(
        qid="q6_1",
        correct="b",
        prompt=(
            "Close reading. EIR puts the US notice of withdrawal from the ABM Treaty in brackets right after Putin's"
            " 9/11 call (¶3-¶4). What does that placement do?"
        ),
        options={
            "a": (
                "It shows that the withdrawal answered Putin's call, since a timeline puts an event beside the one that"
                " caused it."
            ),
            "b": "It invites the reader to contrast Russian help with a US rebuff, without showing any causal link.",
            "c": (
                "Nothing beyond dating: a timeline lists events in the order of their dates, and these came in that"
                " order."
            ),
        },
        explain=(
            "Juxtaposition argues without arguing. Ask whether the text gives any evidence for the link it implies;"
            " here it gives none."
        ),
        wrong={
            "a": "Placement is not proof: the entry gives no evidence that one event answered the other.",
            "c": (
                "The author chose what to put in brackets and how to open it ('Nonetheless, three months later'). That"
                " choice is part of the argument."
            ),
        },
    ),
    dict(
        qid="q6_2",
        correct="c",
        prompt=(
            "Close reading. ¶13 calls a NASA official's Mars proposal 'The only known U.S. offer to Russia (!)' on"
            " space work. What do 'known' and '(!)' do?"
        ),
        options={
            "a": (
                "Together they show that the US made no other offer, since EIR followed this subject closely and would"
                " know."
            ),
            "b": "They cite a source in the usual neutral way: 'known' points to the record, '(!)' marks a quotation.",
            "c": (
                "'Known' limits the claim to what EIR knows; '(!)' invites the reader to conclude there were no others."
            ),
        },
        explain=(
            "A hedge plus an exclamation mark: the literal claim is modest, the suggested conclusion is not. Close"
            " reading separates what a sentence says from what it invites you to believe."
        ),
        wrong={
            "a": (
                "'Only known' is about EIR's knowledge, not about the world. Absence from one timeline is not absence"
                " from the record."
            ),
            "b": (
                "A neutral citation would name the source. An exclamation mark expresses the author's feeling: it is a"
                " loaded sign, not a reference."
            ),
        },
    ),
    dict(
        qid="q6_3",
        correct="a",
        prompt=(
            "Sourcing. ¶23 reports Rogozin's letter to Medvedev, citing the Russian daily Izvestia as its source. What"
            " kind of source is EIR for this event?"
        ),
        options={
            "a": (
                "A second-hand report: it relays a newspaper's account, so the next step is Izvestia or the letter"
                " itself."
            ),
            "b": "A primary source: EIR gives what the letter proposed, and a report of a document is evidence of it.",
            "c": (
                "An eyewitness account: EIR followed Rogozin's proposals closely as they were made in Moscow (¶16,"
                " ¶22)."
            ),
        },
        explain=(
            "EIR names its source, which is good practice, and tells us it did not see the letter. The historian goes"
            " one step closer: the newspaper report, or an official text of the letter."
        ),
        wrong={
            "b": (
                "The entry itself says where the information came from: a newspaper. Reporting what a document said is"
                " not the document; nothing suggests EIR saw the letter."
            ),
            "c": (
                "Following a story is not witnessing it: no correspondent is named, and the entry cites a newspaper."
                " EIR is passing on a report."
            ),
        },
    ),
    dict(
        qid="q6_4",
        correct="a",
        prompt=(
            "Corroboration. The timeline implies that the US side seldom offered cooperation. Which evidence would best"
            " test that?"
        ),
        options={
            "a": (
                "Chronologies from other perspectives, such as NATO's or the US government's, that list US or NATO"
                " offers."
            ),
            "b": (
                "Other publications of the same movement, which follow the same story over more years and in greater"
                " detail."
            ),
            "c": "A count of the Russian offers EIR lists, set against the one US offer it names (¶13).",
        },
        explain=(
            "To test a pattern built by selection, compare it with selections made by others: sources with a different"
            " perspective that list what this one leaves out, such as Gates's invitation in Moscow (E203) or the Lisbon"
            " agreement (E301)."
        ),
        wrong={
            "b": (
                "Sources that share EIR's perspective and editors are not independent of it: they may repeat the same"
                " selection."
            ),
            "c": (
                "Counting EIR's own entries measures its selection, not the world. The question is what it leaves out."
            ),
        },
    ),
    dict(
        qid="q6_5",
        correct="b",
        prompt=(
            "Contextualisation. The timeline ends with calls for asteroid defence after the Chelyabinsk meteorite"
            " (¶22-¶24). How does that context help explain the timeline and its title?"
        ),
        options={
            "a": (
                "The meteorite ended the talks on missile defence: after February 2013 both sides turned to defence"
                " against asteroids."
            ),
            "b": (
                "The meteorite put defence against objects from space in the news, and EIR tied the offers to a plan"
                " its movement promoted."
            ),
            "c": (
                "The title shows that the timeline is about cooperation in space alone, and its entries on missile"
                " defence are background to that."
            ),
        },
        explain=(
            "A text answers the moment it was written in: the meteorite gave the movement's long-standing 'Strategic"
            " Defense of Earth' idea a news hook, and the timeline was assembled weeks later."
        ),
        wrong={
            "a": (
                "Nothing in the timeline links the meteorite to the end of any talks; it is used as the occasion for"
                " new calls for cooperation. The missile-defence talks had stalled long before (Lukyanov wrote in June"
                " 2011 that the idea 'has fallen through')."
            ),
            "c": (
                "Most entries (¶1-¶12, ¶17, ¶20) are about missile defence. The title joins them to the space story:"
                " that joining is the point to explain."
            ),
        },
    ),
]

QUESTIONS = [choice(**s) for s in SPEC]

QUIZ = [
    {
        "question": "How is EIR best described in a history class?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "A news magazine that reports events from no particular standpoint, as its list of dated entries"
                    " suggests."
                ),
                "correct": False,
                "feedback": (
                    "It is a political movement's magazine with a declared programme; the course's source card says so."
                    " A list of dates can argue too."
                ),
            },
            {
                "answer": (
                    "The magazine of Lyndon LaRouche's political movement, which promoted its own programmes and often"
                    " framed events as plots."
                ),
                "correct": True,
                "feedback": (
                    "Right: who publishes it and how it frames events, stated without mockery and without endorsement."
                ),
            },
            {
                "answer": (
                    "A fringe publication whose claims are not worth the time it takes to check them, since its"
                    " movement is known for conspiracy theories."
                ),
                "correct": False,
                "feedback": (
                    "Dismissal is not analysis. The timeline collects real statements that can be checked, and shows"
                    " how one movement told the story."
                ),
            },
        ],
    },
    {
        "question": "Most of EIR's dates agree with the record. Does that show its interpretation is right?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": "No: accurate dates can still be selected and arranged to tell a one-sided story.",
                "correct": True,
                "feedback": "Right: accuracy of details and soundness of the overall argument are separate questions.",
            },
            {
                "answer": "Yes: if the facts it lists are right, the conclusion it draws from them is right as well.",
                "correct": False,
                "feedback": (
                    "What is left out (section 7) and how entries are juxtaposed shape the conclusion as much as the"
                    " dates do."
                ),
            },
            {
                "answer": (
                    "No: a partisan source's dates cannot be trusted, so their agreement is likely a coincidence."
                ),
                "correct": False,
                "feedback": "Partisan sources can be accurate on details; check each claim rather than the label.",
            },
        ],
    },
]

# Written tasks: the prompt printed beside each saved answer in the hand-in file, and the kind of feedback it gets.
WRITTEN = {
    "q6_w1": written(
        "Task 1 (sourcing). A timeline looks like a list of facts. Before you read it: what could an unsigned"
        " chronology in a political movement's magazine be good evidence for, and what not?",
        kind="sourcing",
        reading="eir2013",
        asks=("author", "outlet"),
    ),
    "q6_w2": written(
        "Task 4 (written). ¶4 is hostile in tone. Is it against cooperation, or against something else? In two or three"
        " sentences, say what it attacks, quoting the words that show it.",
        reading="eir2013",
    ),
    "q6_w3": written(
        "Task 5. The map is wide and flat, and the count above shows how many attacks it has. What does that tell you"
        " about how a chronology argues, and what does it leave for the reader to do?",
        reading="eir2013",
    ),
    "q6_w4": written(
        "Task 6. Find the phrase EIR uses for the officials around Vice President Cheney (¶4). Describe it in one"
        " neutral sentence, as a historian would in a footnote, without endorsing it and without mocking it.",
        kind="rewrite",
        reading="eir2013",
        paragraph=4,
    ),
    "q6_w5": written(
        "Challenge. Write the entry EIR might have added for one of the US or NATO offers it leaves out, in the"
        " timeline's format (date, who, what), but in neutral words. Then say how the entry changes the timeline's"
        " story.",
        reading="eir2013",
    ),
}
