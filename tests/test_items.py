"""Multiple-choice items cannot be passed by test-wiseness: no surface strategy wins over 40% of them (issue 14 §1).

The items are every letter question (a Question with `options`) and every quiz item (QUIZ), taken together from the
registry (`sharedshield.questions.choice_items`). Three strategies a student could use without reading:

* longest: pick the option with the most characters;
* first: pick the option listed first (the quiz does not shuffle, so the listing is what the learner sees);
* echo: pick the option that shares the most distinct lower-cased words with the question.

Rule for ties: a strategy that ties between k options scores 1/k on the item when the right option is among them
(the expected score of breaking the tie at random), else 0. Each strategy's score over all items must be at most 40%.
`python tests/test_items.py` prints the figures.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence

import pytest

from conftest import ROOT
from sharedshield import handin, load_course, store
from sharedshield.checks import check
from sharedshield.questions import ChoiceItem, all_questions, choice_items, notebook_of

LIMIT = 0.40
ABSURD = re.compile(r"\b(?:all|none|both) of the (?:above|options)\b", re.I)


def words(text: str) -> set[str]:
    """The distinct lower-cased words of a text (letters, digits, inner apostrophes and hyphens)."""
    return set(re.findall(r"[a-z0-9]+(?:['’-][a-z0-9]+)*", text.casefold()))


def tie_score(values: Sequence[float], right: int) -> float:
    """1/k when the right option is one of the k options with the highest value, else 0."""
    best = max(values)
    tied = [i for i, v in enumerate(values) if v == best]
    return 1 / len(tied) if right in tied else 0.0


STRATEGIES: dict[str, Callable[[ChoiceItem], float]] = {
    "longest": lambda item: tie_score([len(o) for o in item.options], item.right),
    "first": lambda item: 1.0 if item.right == 0 else 0.0,
    "echo": lambda item: tie_score([len(words(o) & words(item.stem)) for o in item.options], item.right),
}


def measure(items: list[ChoiceItem]) -> dict[str, float]:
    """The share of items each strategy wins."""
    return {name: sum(strategy(item) for item in items) / len(items) for name, strategy in STRATEGIES.items()}


def letter_balance(items: list[ChoiceItem]) -> Counter:
    """How often each letter is the right one among the letter questions."""
    return Counter(item.letters[item.right] for item in items if item.letters)


def report(items: list[ChoiceItem]) -> str:
    """The figures, one line."""
    shares = measure(items)
    letters = letter_balance(items)
    n_letter = sum(letters.values())
    return (
        f"{len(items)} items ({n_letter} letter questions, {len(items) - n_letter} quiz items): "
        + ", ".join(f"{name} wins {share:.0%}" for name, share in shares.items())
        + "; right letters "
        + ", ".join(f"{k} {v}" for k, v in sorted(letters.items()))
    )


ITEMS = choice_items()


def test_the_registry_holds_every_multiple_choice_item():
    keys = {item.key for item in ITEMS}
    letter = {qid for qid, q in all_questions().items() if q.options}
    assert letter <= keys and len(letter) >= 19, (
        "every letter question is built with its options (see questions/_choice.py)"
    )
    assert sum(1 for item in ITEMS if not item.letters) >= 28, "the quiz items of notebooks 00-09 are collected"
    # a question that asks for one letter must list its options, or the item test cannot see it
    asks_letter = {qid for qid, q in all_questions().items() if re.search(r"\bone letter\b|\ba, b, c or d\b", q.prompt)}
    assert asks_letter <= letter, f"letter questions without structured options: {sorted(asks_letter - letter)}"


@pytest.mark.parametrize("strategy", sorted(STRATEGIES))
def test_no_surface_strategy_wins_more_than_40_percent(strategy):
    share = measure(ITEMS)[strategy]
    winners = [item.key for item in ITEMS if STRATEGIES[strategy](item) == 1.0]
    assert share <= LIMIT, (
        f"picking the {strategy} option wins {share:.0%} of {len(ITEMS)} items (limit {LIMIT:.0%}); it wins outright on"
        f" {winners}"
    )


def test_no_letter_is_right_in_more_than_half_of_the_letter_questions():
    letters = letter_balance(ITEMS)
    total = sum(letters.values())
    assert max(letters.values()) <= total / 2, f"right letters: {dict(letters)} of {total}"


def test_no_single_position_carries_the_right_option_in_most_quiz_items():
    quiz = [item for item in ITEMS if not item.letters]
    positions = Counter(item.right for item in quiz)
    assert max(positions.values()) <= len(quiz) / 2, f"right option's position in the quiz listings: {dict(positions)}"


@pytest.mark.parametrize("item", ITEMS, ids=[item.key for item in ITEMS])
def test_every_option_has_its_own_feedback_and_none_is_a_catch_all(item):
    assert len(item.options) >= 3, f"{item.key}: at least three options"
    assert len(set(item.options)) == len(item.options), f"{item.key}: two options read the same"
    for text, feedback in zip(item.options, item.feedback, strict=True):
        assert not ABSURD.search(text), f"{item.key}: no 'all/none of the above' ({text!r})"
        assert feedback.strip(), f"{item.key}: the option {text!r} has no feedback"
    wrong = [f for i, f in enumerate(item.feedback) if i != item.right]
    assert len(set(wrong)) == len(wrong), f"{item.key}: each wrong option keeps its own feedback"


@pytest.mark.parametrize("item", ITEMS, ids=[item.key for item in ITEMS])
def test_distractors_are_about_as_long_as_the_right_option(item):
    right = len(item.options[item.right])
    wrong = [len(o) for i, o in enumerate(item.options) if i != item.right]
    assert max(wrong) >= 0.7 * right, (
        f"{item.key}: every distractor is much shorter than the right option ({wrong} against {right} characters)"
    )


def test_a_notebook_lists_a_letter_questions_options_as_the_registry_does():
    """Where a notebook's markdown prints a letter question's options, they are the registry's, in its order."""
    shown = {}
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            text = "".join(cell["source"])
            m = re.match(r"\*\*(q\d+_\d+)\.\*\*", text)
            if cell["cell_type"] == "markdown" and m and re.search(r"^\* \*\*\(a\)\*\*", text, re.M):
                shown[m.group(1)] = (path.name, re.findall(r"^\* \*\*\(([a-h])\)\*\* (.*)$", text, re.M))
    letter = {qid: q for qid, q in all_questions().items() if q.options}
    assert {qid for qid in shown} <= set(letter), (
        "a notebook prints lettered options for a question the registry does not build with options"
    )
    assert set(letter) - {"q9_5"} <= set(shown), (  # 09 shows q9_5's with assessment.show_perspectives()
        f"letter questions whose options no notebook prints: {sorted(set(letter) - {'q9_5'} - set(shown))}"
    )
    for qid, (name, options) in shown.items():
        assert name[:2] == notebook_of(qid), f"{qid} is printed in {name}"
        assert options == list(letter[qid].options.items()), (
            f"{name}: the options printed for {qid} differ from the registry's"
        )


def test_calling_lukyanovs_span_undated_gets_a_defensible_verdict_that_the_hand_in_keeps(tmp_path, monkeypatch):
    """q7_1: coding 'the past two and a half years' (lukyanov2011 ¶11) undated finds no event two readings agree on."""
    monkeypatch.setenv(store.ENV, str(tmp_path / "work"))
    monkeypatch.delenv("SHAREDSHIELD_SITE", raising=False)
    course = load_course()
    assert all_questions()["q7_1"].expected(course) == "E120"
    none = check("q7_1", "None", course)
    assert none.defensible and not none.correct and none.verdict == "defensible"
    assert (
        "past two and a half years" in none.feedback
        and "E120" in none.feedback
        and "◇ **Defensible.**" in none._repr_markdown_()
    )
    assert check("q7_1", "E200", course).verdict == "not yet" and check("q7_1", "E120", course).verdict == "correct"
    saved = store.load_work()
    assert [r["verdict"] for r in saved] == ["defensible", "not yet", "correct"]
    first = handin.first_attempts(saved)["q7_1"]
    assert (first["first_verdict"], first["attempts"], first["final_verdict"]) == ("defensible", 3, "correct")
    assert re.search(
        r'<tr><td>q7_1</td><td class="defensible">None \(defensible\)</td>\s*<td>3</td><td class="correct">E120'
        r" \(correct\)</td>",
        handin.export_html(saved, "Ada"),
    )


if __name__ == "__main__":
    print(report(ITEMS))
