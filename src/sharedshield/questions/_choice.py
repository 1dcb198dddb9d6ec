"""Multiple-choice self-checks answered by letter: every distractor is a real misconception with its own feedback."""

from __future__ import annotations

from ._model import Question


def _letter(answer: object) -> str:
    """'(B).' -> 'b': the letter a learner meant."""
    return str(answer).strip().rstrip(".").strip("()").casefold()


def _letter_hint(letters: tuple[str, ...]):
    """A hint for an answer that is not one of the letters."""

    def hint(a, e):
        return (
            f"Answer with one letter in quotes: {', '.join(repr(x) for x in letters)}."
            if _letter(a) not in letters
            else None
        )

    return hint


def choice(
    qid: str, prompt: str, options: dict[str, str], correct: str, explain: str, wrong: dict[str, str]
) -> Question:
    """A letter-answer question; `wrong` gives each distractor its own feedback."""
    letters = tuple(options)
    if correct not in options or set(wrong) != set(options) - {correct}:
        raise ValueError(f"{qid}: the right letter must be an option and every other option needs its own feedback")
    text = prompt + " " + " ".join(f"({k}) {v}" for k, v in options.items())
    return Question(
        qid,
        text,
        lambda course, c=correct: c,
        explain,
        hints=(_letter_hint(letters),),
        wrong=dict(wrong),
        compare=lambda a, e: isinstance(a, str) and _letter(a) == e,
        normalize=_letter,  # "(b)." is matched as "b"
        options=dict(options),
    )
