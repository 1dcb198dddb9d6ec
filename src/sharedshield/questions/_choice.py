"""Multiple-choice self-checks answered with a letter: every distractor is a real misconception with its own feedback."""

from __future__ import annotations

from ..checks import Question


def _letter_hint(letters: tuple[str, ...]):
    """A hint for an answer that is not one of the letters."""
    def hint(a, e):
        return f"Answer with one letter in quotes: {', '.join(repr(x) for x in letters)}." if str(a).strip().strip("()").casefold() not in letters else None
    return hint


def choice(qid: str, prompt: str, options: dict[str, str], correct: str, explain: str, wrong: dict[str, str]) -> Question:
    """A letter-answer question; `wrong` gives each distractor its own feedback."""
    letters = tuple(options)
    assert correct in options and set(wrong) == set(options) - {correct}, qid
    text = prompt + " " + " ".join(f"({k}) {v}" for k, v in options.items())
    variants = {f"({k})": v for k, v in wrong.items()} | {f"{k})": v for k, v in wrong.items()} | dict(wrong)
    return Question(qid, text, lambda course, c=correct: c, explain, hints=(_letter_hint(letters),), wrong=variants,
                    compare=lambda a, e: isinstance(a, str) and a.strip().strip("()").rstrip(")").casefold() == e)



def options_markdown(options: dict[str, str]) -> str:
    """The options of a letter question as a Markdown list (for the notebook)."""
    return "\n".join(f"* **({k})** {v}" for k, v in options.items())
