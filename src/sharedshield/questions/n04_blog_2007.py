"""Self-checks for 04_blog_2007: sourcing, contextualisation, close reading and corroboration of the 2007 blog post (letter answers)."""

from ._choice import choice
from ._model import written

SPEC = [
    dict(qid="q4_1", correct="b",
         prompt="Close reading. ¶1 calls Putin's radar offer 'a sort of sunny offer of cooperation'. What does 'sunny' most likely do in the post's argument?",
         options={"a": "It tells the reader that the author welcomes the offer without reservation.",
                  "b": "It hints, with some irony, that the friendly surface may hide a tactic; the next paragraph's 'bad cop, good cop' supports that reading.",
                  "c": "It is a fact about the offer that the record can confirm or refute."},
         explain="A loaded word carries a judgement. Read it together with its neighbours: ¶2 turns the friendliness into part of a negotiating method, so 'sunny' reads as at least partly ironic.",
         wrong={"a": "Read on before you decide: ¶2 calls the method 'bad cop, good cop'. Does an author who welcomes an offer without reservation describe it as a tactic?",
                "c": "No record can confirm that an offer was 'sunny': the word is the author's judgement, not a checkable fact. Separate what happened (an offer with a condition) from how it is described."}),
    dict(qid="q4_2", correct="c",
         prompt="Sourcing. The author is a pseudonymous TPMCafe user. Which of these can we NOT tell from the post itself?",
         options={"a": "That the author followed the news of Putin's offer at the G8 summit.",
                  "b": "How the author views the Russian government.",
                  "c": "The author's nationality, profession and expertise."},
         explain="A pseudonym hides who the author was: the post shows what they knew and thought, not who they were. We know where it was posted (a reader-blog section of an American political site) and roughly when; that tells us about its likely readers, not about the writer's nationality or expertise.",
         wrong={"a": "The post reports the radar offer and its condition in detail (¶1) and asks how the G8 will turn out (¶8): the text itself shows the author was following that news.",
                "b": "The post's labels ('KGB state', 'bad cop, good cop') show the author's view plainly. A view is visible in the words; an identity is not."}),
    dict(qid="q4_3", correct="a",
         prompt="Contextualisation. ¶8 asks whether the G8 is 'an upsound date, or a downsound date'. What does that tell a historian about when the post was written?",
         options={"a": "In the days around the summit, while its outcome (good or bad for relations) still looked open.",
                  "b": "Months later, looking back on how the summit turned out.",
                  "c": "Nothing: a blog post without a date on it cannot be dated."},
         explain="The question looks forward: the author does not yet know how the summit will turn out. Together with the offer reported in ¶1, which Putin made at the summit, it places the post in the days around the G8 meeting: internal evidence of the kind notebook 01 uses to date it.",
         wrong={"b": "Someone writing months later could say how the summit turned out. Asking whether it is a good or bad 'date' treats the outcome as still open.",
                "c": "Undated is not the same as undatable: what a text reports, and what it does not yet know, is internal evidence of when it was written."}),
    dict(qid="q4_4", correct="b",
         prompt="Corroboration. ¶4 says Russia 'has refused an opened door' to take part in the planned US system. Which source would best test that claim?",
         options={"a": "Another blog post from June 2007 that says the same.",
                  "b": "Statements by Russian officials from spring 2007, in reports of the time, answering the US invitation.",
                  "c": "The post's own later paragraphs, which return to the offer."},
         explain="Corroboration needs a source that is independent of the claim and close to the event: what Russian officials said, reported at the time (the course's record has one such event), and what the US side offered.",
         wrong={"a": "A second partisan post may repeat the first, or share its source. Agreement between texts that are not independent proves little.",
                "c": "A text cannot corroborate itself: repeating a claim in ¶7 does not test the claim made in ¶4."}),
    dict(qid="q4_5", correct="a",
         prompt="Close reading. ¶4 calls Putin's protest 'disingenuine', 'as one editorial put it'. What does 'as one editorial put it' do?",
         options={"a": "It borrows authority from a source that it does not name, so the reader cannot check it.",
                  "b": "It shows that Putin's protest was insincere.",
                  "c": "It signals that the author disagrees with the editorial."},
         explain="Citing an unnamed editorial lends the judgement the weight of the press without letting the reader check who said it or why. It is weak evidence for a claim about motives.",
         wrong={"b": "A quoted opinion is still an opinion. Who wrote the editorial, and what evidence did they have? The post does not say.",
                "c": "The author adopts the word: the editorial is cited in support, not in disagreement."}),
]

QUESTIONS = [choice(**s) for s in SPEC]


QUIZ = [
    {
        "question": "On the argument map, a dashed line from claim A to claim B means…",
        "type": "multiple_choice",
        "answers": [
            {"answer": "A attacks B: it is a reason the text gives against B.", "correct": True, "feedback": "Right. Solid lines are supports, dashed lines attacks."},
            {"answer": "A is a weak claim.", "correct": False, "feedback": "The line style shows the relation between two claims, not the strength of either."},
            {"answer": "A opposes cooperation.", "correct": False, "feedback": "The attitude to cooperation is shown by the marker's shape and colour; the dashed line shows that A argues against B."},
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
            {"answer": "A pseudonymous TPMCafe user who doubts the Russian government's motives and favours the planned US system in Europe.", "correct": True,
             "feedback": "Right: it says whose view it is without agreeing or disagreeing, and claims no more about the author than we know."},
            {"answer": "An American expert who sees through Putin's tricks.", "correct": False, "feedback": "That adopts the blog's own slant ('tricks') and claims what we do not know (nationality, expertise). Describe the view; do not take it over."},
            {"answer": "A biased amateur whose post is worthless.", "correct": False, "feedback": "A perspective does not make a text worthless: it is evidence of how one participant in an American political forum argued in 2007."},
        ],
    },
]

# Written tasks: the prompt printed beside each saved answer in the hand-in file, and the kind of feedback it gets.
WRITTEN = {
    'q4_w1': written('Task 1 (sourcing). Write two lists: what the post lets us know about its author, and what it does not. Which of the unknowns would change how much weight you give its claims about Russian motives?', kind="sourcing", reading="blog2007", asks=("author", "outlet", "date")),
    'q4_w2': written('Task 4 (written). Choose one field where you and the course differ, or where your answer was *defensible*. In two or three sentences, defend your coding or explain why you changed it, quoting the words of the paragraph that decide it. Write it in the cell below.', reading="blog2007"),
    'q4_w3': written('Task 5. Follow each dashed line. Is the attack an objection the post raises against its own case? Does the post answer it?', reading="blog2007"),
    'q4_w4': written('Task 6. Take ¶8. Rewrite its main statement in neutral words, using the neutral alternatives. What is left of the argument?', kind="rewrite", reading="blog2007", paragraph=8),
    'q4_w5': written('Challenge. Write a four-sentence summary of the post for a classmate who has not read it: one sentence on who wrote it and where, one on its thesis, one on its main evidence, one on its loaded language. Use neutral words.', reading="blog2007"),
}
