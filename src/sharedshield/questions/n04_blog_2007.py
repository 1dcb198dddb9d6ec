"""Self-checks for 04_blog_2007 (by letter): sourcing, contextualisation, close reading, corroboration of the post."""

from ._choice import choice
from ._model import written

SPEC = [
    dict(
        qid="q4_1",
        correct="c",
        prompt=(
            "Close reading. ¶1 calls Putin's radar offer 'a sort of sunny offer of cooperation'. What does 'sunny' most"
            " likely do in the post's argument?"
        ),
        options={
            "a": (
                "It tells the reader that the author welcomes the offer, as a friendly gesture the US would be wise to"
                " take up."
            ),
            "b": (
                "It reports a fact about the offer, its friendly tone at the summit, which reports of the time could"
                " confirm."
            ),
            "c": (
                "It hints, with some irony, that a friendly surface may hide a tactic; ¶2's 'bad cop, good cop' fits"
                " that."
            ),
        },
        explain=(
            "A loaded word carries a judgement. Read it together with its neighbours: ¶2 turns the friendliness into"
            " part of a negotiating method, so 'sunny' reads as at least partly ironic."
        ),
        wrong={
            "a": (
                "Read on before you decide: ¶2 calls the method 'bad cop, good cop'. Does an author who welcomes an"
                " offer without reservation describe it as a tactic?"
            ),
            "b": (
                "No record can confirm that an offer was 'sunny': the word is the author's judgement, not a checkable"
                " fact. Separate what happened (an offer with a condition) from how it is described."
            ),
        },
    ),
    dict(
        qid="q4_2",
        correct="a",
        prompt=(
            "Sourcing. The author is a pseudonymous TPMCafe user. Which of these can we NOT tell from the post itself?"
        ),
        options={
            "a": (
                "The author's nationality, profession and expertise: the pseudonym hides them, and the post never"
                " states them."
            ),
            "b": (
                "Whether the author followed the news of Putin's G8 offer, since a blogger may only repeat what others"
                " wrote."
            ),
            "c": (
                "How the author views the Russian government, since the post reports the offers rather than judging"
                " them."
            ),
        },
        explain=(
            "A pseudonym hides who the author was: the post shows what they knew and thought, not who they were. We"
            " know where it was posted (a reader-blog section of an American political site) and roughly when; that"
            " tells us about its likely readers, not about the writer's nationality or expertise."
        ),
        wrong={
            "b": (
                "The post reports the radar offer and its condition in detail (¶1) and asks how the G8 will turn out"
                " (¶8): the text itself shows the author was following that news."
            ),
            "c": (
                "The post's labels ('KGB state', 'bad cop, good cop') show the author's view plainly. A view is visible"
                " in the words; an identity is not."
            ),
        },
    ),
    dict(
        qid="q4_3",
        correct="b",
        prompt=(
            "Contextualisation. ¶8 asks whether the G8 is 'an upsound date, or a downsound date'. What does that tell a"
            " historian about when the post was written?"
        ),
        options={
            "a": (
                "Some months later, once the outcome was known: the author asks the question in order to look back"
                " on it."
            ),
            "b": (
                "In the days around the summit, while its outcome, good or bad for relations between Russia and the"
                " West, still looked open."
            ),
            "c": "Nothing about its date: a blog post that prints no date cannot be dated from its own words.",
        },
        explain=(
            "The question looks forward: the author does not yet know how the summit will turn out. Together with the"
            " offer reported in ¶1, which Putin made at the summit, it places the post in the days around the G8"
            " meeting: internal evidence of the kind notebook 01 uses to date it."
        ),
        wrong={
            "a": (
                "Someone writing months later could say how the summit turned out. Asking whether it is a good or bad"
                " 'date' treats the outcome as still open."
            ),
            "c": (
                "Undated is not the same as undatable: what a text reports, and what it does not yet know, is internal"
                " evidence of when it was written."
            ),
        },
    ),
    dict(
        qid="q4_4",
        correct="c",
        prompt=(
            "Corroboration. ¶4 says Russia 'has refused an opened door' to take part in the planned US system. Which"
            " source would best test that claim?"
        ),
        options={
            "a": (
                "Another blog post from June 2007 that makes the same claim, written by a different author on another"
                " site."
            ),
            "b": "The post's own later paragraphs, which return to the US offer and say what Russia refused.",
            "c": (
                "Russian officials' answers to the US invitation, in news reports of spring 2007, before the G8 summit."
            ),
        },
        explain=(
            "Corroboration needs a source that is independent of the claim and close to the event: what Russian"
            " officials said, reported at the time (the course's record has one such event), and what the US side"
            " offered."
        ),
        wrong={
            "a": (
                "A second partisan post may repeat the first, or share its source. Agreement between texts that are not"
                " independent proves little."
            ),
            "b": "A text cannot corroborate itself: repeating a claim in ¶7 does not test the claim made in ¶4.",
        },
    ),
    dict(
        qid="q4_5",
        correct="b",
        prompt=(
            "Close reading. ¶4 calls Putin's protest 'disingenuine', 'as one editorial put it'. What does 'as one"
            " editorial put it' do?"
        ),
        options={
            "a": (
                "It shows that Putin's protest was insincere, since an editorial is checked by editors before it"
                " appears."
            ),
            "b": "It borrows authority from a source it does not name, so the reader cannot check who said it.",
            "c": (
                "It keeps the author at a distance from the word: the post reports the editorial's view without"
                " sharing it."
            ),
        },
        explain=(
            "Citing an unnamed editorial lends the judgement the weight of the press without letting the reader check"
            " who said it or why. It is weak evidence for a claim about motives."
        ),
        wrong={
            "a": (
                "A quoted opinion is still an opinion. Who wrote the editorial, and what evidence did they have? The"
                " post does not say."
            ),
            "c": (
                "The author adopts the word: the sentence uses it to dismiss Putin's protest, and cites the editorial"
                " in support, not at a distance."
            ),
        },
    ),
]

QUESTIONS = [choice(**s) for s in SPEC]


QUIZ = [
    {
        "question": "On the argument map, a dashed line from claim A to claim B means…",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": "…A is a weak claim: the text offers it with less evidence than the claims on solid lines.",
                "correct": False,
                "feedback": "The line style shows the relation between two claims, not the strength of either.",
            },
            {
                "answer": "…A speaks against cooperation: dashed lines mark the claims opposed to a shared shield.",
                "correct": False,
                "feedback": (
                    "The attitude to cooperation is shown by the marker's shape and colour; the dashed line shows that"
                    " A argues against B."
                ),
            },
            {
                "answer": "…A attacks B: the text gives A as a reason against B (solid lines are supports).",
                "correct": True,
                "feedback": "Right. Solid lines are supports, dashed lines attacks.",
            },
        ],
    },
    {
        "question": (
            "The blog does not mention the Bush-Putin meeting at Kennebunkport. What is the best historical conclusion?"
        ),
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "The author left the meeting out because it showed a cooperative Putin and did not fit the"
                    " argument."
                ),
                "correct": False,
                "feedback": (
                    "Compare the meeting's record date with the post's publication window before you infer a motive."
                ),
            },
            {
                "answer": (
                    "Check the dates first: if the post came before the meeting, its silence says nothing of the"
                    " author's choices."
                ),
                "correct": True,
                "feedback": "Right. An absence only means something if the author could have known.",
            },
            {
                "answer": (
                    "The meeting mattered less than the G8 summit, or a well-informed blogger would surely have written"
                    " about it as well."
                ),
                "correct": False,
                "feedback": (
                    "Importance cannot be read off one text's silence: first ask whether the author could have known of"
                    " the meeting at all."
                ),
            },
        ],
    },
    {
        "question": "Which describes the blog's perspective neutrally?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "An American defence expert who sees through the tactics behind Putin's offers and warns readers"
                    " about them."
                ),
                "correct": False,
                "feedback": (
                    "That adopts the blog's own slant ('tactics') and claims what we do not know (nationality,"
                    " expertise). Describe the view; do not take it over."
                ),
            },
            {
                "answer": (
                    "A biased amateur whose post can be set aside as evidence, since a pseudonymous blogger answers to"
                    " no editor."
                ),
                "correct": False,
                "feedback": (
                    "A perspective does not make a text worthless: it is evidence of how one participant in an American"
                    " political forum argued in 2007."
                ),
            },
            {
                "answer": (
                    "A pseudonymous TPMCafe user who doubts the Russian government's motives and favours the planned US"
                    " system."
                ),
                "correct": True,
                "feedback": (
                    "Right: it says whose view it is without agreeing or disagreeing, and claims no more about the"
                    " author than we know."
                ),
            },
        ],
    },
]

# Written tasks: the prompt printed beside each saved answer in the hand-in file, and the kind of feedback it gets.
WRITTEN = {
    "q4_w1": written(
        "Task 1 (sourcing). Write two lists: what the post lets us know about its author, and what it does not. Which"
        " of the unknowns would change how much weight you give its claims about Russian motives?",
        kind="sourcing",
        reading="blog2007",
        asks=("author", "outlet", "date"),
    ),
    "q4_w2": written(
        "Task 4 (written). Choose one field where you and the course differ, or where your answer was *defensible*. In"
        " two or three sentences, defend your coding or explain why you changed it, quoting the words of the paragraph"
        " that decide it. Write it in the cell below.",
        reading="blog2007",
    ),
    "q4_w3": written(
        "Task 5. Follow each dashed line. Is the attack an objection the post raises against its own case? Does the"
        " post answer it?",
        reading="blog2007",
    ),
    "q4_w4": written(
        "Task 6. Take ¶8. Rewrite its main statement in neutral words, using the neutral alternatives. What is left of"
        " the argument?",
        kind="rewrite",
        reading="blog2007",
        paragraph=8,
    ),
    "q4_w5": written(
        "Challenge. Write a four-sentence summary of the post for a classmate who has not read it: one sentence on who"
        " wrote it and where, one on its thesis, one on its main evidence, one on its loaded language. Use neutral"
        " words.",
        reading="blog2007",
    ),
}
