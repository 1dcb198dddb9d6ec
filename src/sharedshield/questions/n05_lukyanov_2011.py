"""Self-checks for 05_lukyanov_2011: sourcing, contextualisation, close reading, corroboration (letter answers)."""

from ._choice import choice
from ._model import written

SPEC = [
    dict(
        qid="q5_1",
        correct="a",
        prompt="Close reading. In ¶11, whose attempt does the column call 'probably doomed to fail'?",
        options={
            "a": "Moscow's: the Russian president's high-profile proposal to share missile defence with NATO.",
            "b": "NATO's: its effort to build a missile-defence system of its own over Russian objections.",
            "c": "Both sides' attempts equally, since the column blames the missing trust on Russia and the US alike.",
        },
        explain=(
            "The sentence is about 'Moscow's resounding attempt'. The column explains its failure by the missing trust"
            " between Russia and the US; it does not apply the phrase to NATO's plans."
        ),
        wrong={
            "b": (
                "Read the subject of the sentence: whose 'resounding attempt' is it? NATO's system is discussed"
                " elsewhere (¶2, ¶5)."
            ),
            "c": (
                "The column spreads the reasons for failure (missing mutual trust), but the phrase itself names one"
                " attempt. Read who makes the 'resounding attempt'."
            ),
        },
    ),
    dict(
        qid="q5_2",
        correct="c",
        prompt="Close reading. How does the column weigh Russian and Western reluctance?",
        options={
            "a": (
                "Equally: ¶9 says that both Moscow and Washington cling to their old picture of the world, and no more."
            ),
            "b": "Against NATO alone: it presents Russia as open to cooperation and finds no reluctance in Moscow.",
            "c": "Unequally: more objections in the West (¶10), though ¶9 calls both capitals reluctant to change.",
        },
        explain=(
            "¶10 weighs the two sides unequally: more objections in the West. But ¶9 names both capitals as reluctant,"
            " and ¶4 mentions that most Russians still see NATO as a threat. A careful summary keeps both."
        ),
        wrong={
            "a": (
                "Look at ¶10: the column says one side had more objections than the other. Saying that 'both Moscow and"
                " Washington are reluctant' (¶9) is not the same as blaming them equally."
            ),
            "b": (
                "¶9 names Moscow as well as Washington, and ¶4 mentions Russian resistance to sharing defenses with"
                " NATO. Reread before you summarise."
            ),
        },
    ),
    dict(
        qid="q5_3",
        correct="b",
        prompt=(
            "Sourcing. ¶12 predicts that the debate will look different 'in a couple of years' as Asia replaces Europe."
            " When can a historian judge that prediction?"
        ),
        options={
            "a": (
                "Now, against the events the column itself reports, since a forecast rests on what its author already"
                " knew."
            ),
            "b": "Only with sources from two or more years after the column, which its author could not have seen.",
            "c": "Never, since a forecast is an opinion about the future that no later evidence can confirm or refute.",
        },
        explain=(
            "A prediction is judged at the horizon it names, with later evidence. What the author could know in June"
            " 2011 does not settle it either way."
        ),
        wrong={
            "a": (
                "The events the column mentions are all earlier than the column; a prediction is about what comes"
                " after it."
            ),
            "c": "A prediction can turn out right or wrong; that is what separates it from a value judgement.",
        },
    ),
    dict(
        qid="q5_4",
        correct="c",
        prompt="Close reading. ¶4 calls NATO 'the bloc'. What does the word choice do?",
        options={
            "a": (
                "Little: 'bloc' is a neutral, technical word for any alliance, used here only to avoid repeating"
                " 'NATO'."
            ),
            "b": "It praises NATO's strength and unity, as an alliance whose members act together with one voice.",
            "c": "It recalls the Cold War's two military blocs, presenting NATO as the grouping it was then.",
        },
        explain=(
            "'Bloc' was the Cold War word for NATO and the Warsaw Pact. Used in 2011 it suggests NATO is still that"
            " grouping; a neutral text would say 'the alliance'."
        ),
        wrong={
            "a": (
                "Compare it with the column's other word for NATO in the same paragraph ('the alliance'). Why choose"
                " 'bloc' next to 'perceive as a threat'?"
            ),
            "b": (
                "The word links NATO to the Cold War; nothing in the paragraph praises the alliance, which it calls a"
                " body most Russians 'perceive as a threat'."
            ),
        },
    ),
    dict(
        qid="q5_5",
        correct="a",
        prompt=(
            "Corroboration. ¶6 says NATO's offer of two linked systems was not new: versions had been voiced 'since the"
            " early 2000s'. How would you test that?"
        ),
        options={
            "a": (
                "Look for dated NATO-Russia documents from the early 2000s on missile-defence cooperation, independent"
                " of the column."
            ),
            "b": (
                "Accept it as it stands: the author edits a foreign-policy journal and would know the history of the"
                " talks."
            ),
            "c": "See whether the 2007 blog post, written from the other side of the debate, says the same thing.",
        },
        explain=(
            "A claim about earlier proposals is tested against dated documents from that time, independent of the"
            " column (the course's record has one: E305, the NATO-Russia Council's study of 2003)."
        ),
        wrong={
            "b": "Expertise makes a claim worth checking, not true. Where would the expert's evidence be?",
            "c": (
                "The blog is about a different offer in 2007, and it is another partisan text: agreement with it would"
                " be weak corroboration."
            ),
        },
    ),
]

QUESTIONS = [choice(**s) for s in SPEC]

QUIZ = [
    {
        "question": "Lukyanov wrote for RIA Novosti, a Russian state news agency. What follows?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "The column states the official Russian position, since a state agency prints only what the"
                    " government approves."
                ),
                "correct": False,
                "feedback": (
                    "A signed opinion column is the author's view; it is not a government statement, whoever"
                    " publishes it."
                ),
            },
            {
                "answer": (
                    "We note the outlet as part of his perspective and audience, and check his claims as we would any"
                    " other source's."
                ),
                "correct": True,
                "feedback": (
                    "Right. The outlet tells us about audience and possible constraints; it does not by itself make a"
                    " claim true or false."
                ),
            },
            {
                "answer": (
                    "The column is propaganda and can be set aside: a state agency's writer cannot criticise his own"
                    " side."
                ),
                "correct": False,
                "feedback": (
                    "The column also names Russian resistance to cooperation (¶4) and says Moscow, too, is reluctant to"
                    " change its view (¶9). Setting a source aside for its outlet throws away evidence."
                ),
            },
        ],
    },
    {
        "question": "The column never names Iran. What is the best way to use that silence?",
        "type": "multiple_choice",
        "answers": [
            {
                "answer": (
                    "Conclude that Iran no longer mattered to missile defence by 2011, or an informed editor would have"
                    " named it."
                ),
                "correct": False,
                "feedback": "One source's silence cannot show that; the other readings and the record say otherwise.",
            },
            {
                "answer": (
                    "Conclude that Lukyanov left Iran out on purpose, because naming it would make NATO's plans look"
                    " reasonable."
                ),
                "correct": False,
                "feedback": (
                    "Maybe, maybe not: a short column must select. Ask what the selection does before inferring"
                    " motives."
                ),
            },
            {
                "answer": (
                    "Note that it leaves out the purpose the US and NATO gave for the system, and ask how that shapes"
                    " its story."
                ),
                "correct": True,
                "feedback": "Right: a silence is a question to ask, not a proof of bad faith.",
            },
        ],
    },
]

# Written tasks: the prompt printed beside each saved answer in the hand-in file, and the kind of feedback it gets.
WRITTEN = {
    "q5_w1": written(
        "Task 1 (sourcing and context). The column appeared in English, on the site of a Russian state news agency, in"
        " the week NATO and Russia met. Who was it most likely written for, and what might such readers already believe"
        " about who blocked cooperation? Write your answer in the cell below before you read on.",
        kind="sourcing",
        reading="lukyanov2011",
        asks=("audience",),
    ),
    "q5_w2": written(
        "Task 4 (written). ¶9 and ¶10 both speak of reluctance. In two or three sentences, say how the column weighs"
        " Russian and Western reluctance, quoting the words that show it.",
        reading="lukyanov2011",
    ),
    "q5_w3": written(
        "Task 5. Follow each dashed line. Which attacks are concessions (the column admitting something that cuts"
        " against its own hopes), and which are the column rebutting a point?",
        reading="lukyanov2011",
    ),
    "q5_w4": written(
        'Task 6. The column calls NATO "the bloc" (¶4). What does that word suggest to a reader, and where does it come'
        " from? Then look at the describes column: whom do the column's loaded terms target?",
        reading="lukyanov2011",
    ),
    "q5_w5": written(
        "Challenge. The blog (notebook 04) and the column both explain why cooperation failed. In two sentences, say"
        " whom each holds mainly responsible, in neutral words.",
        reading="lukyanov2011",
    ),
}
