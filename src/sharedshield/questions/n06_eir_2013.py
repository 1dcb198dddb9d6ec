"""Self-checks for 06_eir_2013: sourcing, contextualisation, close reading and corroboration of the EIR timeline (letter answers)."""

from ._choice import choice
from ._model import written

SPEC = [
    dict(qid="q6_1", correct="b",
         prompt="Close reading. EIR puts the US notice of withdrawal from the ABM Treaty in brackets right after Putin's 9/11 call (¶3-¶4). What does that placement do?",
         options={"a": "It proves the withdrawal was a response to Putin's call.",
                  "b": "It invites the reader to contrast Russian help with a US rebuff, without stating or showing a causal link.",
                  "c": "Nothing: a timeline's order is simply the order of dates."},
         explain="Juxtaposition argues without arguing. Ask whether the text gives any evidence for the link it implies; here it gives none.",
         wrong={"a": "Placement is not proof: the entry gives no evidence that one event answered the other.",
                "c": "The author chose what to put in brackets and where. Entries three months apart are placed side by side: that choice is part of the argument."}),
    dict(qid="q6_2", correct="a",
         prompt="Close reading. ¶13 calls a NASA official's Mars proposal 'The only known U.S. offer to Russia (!)' on space work. What do 'known' and '(!)' do?",
         options={"a": "'Known' limits the claim to what EIR knows, so it stays true even if other offers existed, while '(!)' invites the reader to conclude there were none.",
                  "b": "Together they prove that the US made no other offers.",
                  "c": "They are a neutral way of citing a source."},
         explain="A hedge plus an exclamation mark: the literal claim is modest, the suggested conclusion is not. Close reading separates what a sentence says from what it invites you to believe.",
         wrong={"b": "'Only known' is about EIR's knowledge, not about the world. Absence from one timeline is not absence from the record.",
                "c": "A neutral citation would name the source. An exclamation mark expresses the author's feeling: it is a loaded sign, not a reference."}),
    dict(qid="q6_3", correct="c",
         prompt="Sourcing. ¶23 reports Rogozin's letter to Medvedev, citing the Russian daily Izvestia as its source. What kind of source is EIR for this event?",
         options={"a": "A primary source: EIR saw the letter itself.",
                  "b": "An eyewitness account by EIR's correspondent.",
                  "c": "A second-hand report: EIR relays a newspaper's account, so a historian looks for the Izvestia report (or the letter)."},
         explain="EIR names its source, which is good practice, and tells us it did not see the letter. The historian goes one step closer: the newspaper report, or an official text of the letter.",
         wrong={"a": "The entry itself says where the information came from: a newspaper. Nothing suggests EIR saw the letter.",
                "b": "No correspondent is named and the entry cites a newspaper: EIR is passing on a report, not witnessing."}),
    dict(qid="q6_4", correct="b",
         prompt="Corroboration. The timeline implies that the US side seldom offered cooperation. Which evidence would best test that?",
         options={"a": "Other publications of the same movement.",
                  "b": "Chronologies and archives from other perspectives (for example NATO's or the US government's) that list US or NATO offers, such as Gates's invitation in Moscow or the Lisbon agreement.",
                  "c": "Counting how many Russian offers EIR lists."},
         explain="To test a pattern built by selection, compare it with selections made by others: sources with a different perspective that list what this one leaves out.",
         wrong={"a": "Sources that share EIR's perspective and editors are not independent of it: they may repeat the same selection.",
                "c": "Counting EIR's own entries measures its selection, not the world. The question is what it leaves out."}),
    dict(qid="q6_5", correct="a",
         prompt="Contextualisation. The timeline ends with calls for asteroid defence after the Chelyabinsk meteorite (¶22-¶24). How does that context help explain the timeline and its title?",
         options={"a": "The meteorite made planetary defence news in February 2013, and EIR joined missile-defence offers to a story about defence in space that its movement promoted.",
                  "b": "It shows that EIR is a publication of a space agency.",
                  "c": "It shows that the meteorite ended US-Russian talks on missile defense."},
         explain="A text answers the moment it was written in: the meteorite gave the movement's long-standing 'Strategic Defense of Earth' idea a news hook, and the timeline was assembled weeks later.",
         wrong={"b": "The source card names the publisher: the magazine of a political movement, not a space agency.",
                "c": "Nothing in the timeline links the meteorite to the end of any talks; it is used as the occasion for new calls for cooperation."}),
]

QUESTIONS = [choice(**s) for s in SPEC]

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
]

# Written tasks: the prompt printed beside each saved answer in the hand-in file, and the kind of feedback it gets.
WRITTEN = {
    'q6_w1': written("Task 1 (sourcing). A timeline looks like a list of facts. Before you read it: what could an unsigned chronology in a political movement's magazine be good evidence for, and what not?", kind="sourcing", reading="eir2013", asks=("author", "outlet")),
    'q6_w2': written('Task 4 (written). ¶4 is hostile in tone. Is it against cooperation, or against something else? In two or three sentences, say what it attacks, quoting the words that show it.', reading="eir2013"),
    'q6_w3': written('Task 5. The map is wide and flat, and the count above shows how many attacks it has. What does that tell you about how a chronology argues, and what does it leave for the reader to do?', reading="eir2013"),
    'q6_w4': written('Task 6. Find the phrase EIR uses for the officials around Vice President Cheney (¶4). Describe it in one neutral sentence, as a historian would in a footnote, without endorsing it and without mocking it.', kind="rewrite", reading="eir2013", paragraph=4),
    'q6_w5': written("Challenge. Write the entry EIR might have added for one of the US or NATO offers it leaves out, in the timeline's format (date, who, what), but in neutral words. Then say how the entry changes the timeline's story.", reading="eir2013"),
}
