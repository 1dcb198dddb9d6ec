"""Self-checks: `check("q2_1", answer)` explains what is wrong (Data 8 style); `quiz("02")` shows multiple-choice questions."""

from __future__ import annotations

import importlib
import pkgutil
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from IPython.display import Markdown, display

from .data import Course, load_course

Hint = Callable[[Any, Any], str | None]


@dataclass(frozen=True)
class Question:
    """A computed-answer question: the right answer comes from the data, hints explain common mistakes."""

    qid: str
    prompt: str
    expected: Callable[[Course], Any]
    explain: str
    hints: tuple[Hint, ...] = field(default_factory=tuple)
    compare: Callable[[Any, Any], bool] | None = None
    wrong: dict[str, str] = field(default_factory=dict)  # a likely wrong answer (compared after `normalize`) -> its own feedback
    normalize: Callable[[Any], str] | None = None  # how an answer is spelled before it is matched to `wrong` (default: trimmed, case-blind)


def spelled(q: Question, answer: Any) -> str:
    """An answer as the question matches it against its `wrong` table."""
    return q.normalize(answer) if q.normalize is not None else str(answer).strip().casefold()


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one answer, and the feedback shown to the student."""

    qid: str
    correct: bool
    feedback: str

    def _repr_markdown_(self) -> str:
        """Shown in the notebook under the check cell."""
        return ("✓ **Correct.** " if self.correct else "✗ **Not yet.** ") + self.feedback

    def __repr__(self) -> str:
        return ("Correct. " if self.correct else "Not yet. ") + self.feedback


def all_questions() -> dict[str, Question]:
    """Every computed-answer question of every notebook, by id."""
    from . import questions

    out: dict[str, Question] = {}
    for info in pkgutil.iter_modules(questions.__path__):
        module = importlib.import_module(f"{questions.__name__}.{info.name}")
        for q in getattr(module, "QUESTIONS", []):
            if q.qid in out:
                raise ValueError(f"question id {q.qid} is defined twice")
            out[q.qid] = q
    return out


def _same(answer: Any, expected: Any) -> bool:
    """Equality that forgives case and surrounding spaces in text, order in sets, and float rounding."""
    if isinstance(expected, str) and isinstance(answer, str):
        return answer.strip().casefold() == expected.strip().casefold()
    if isinstance(expected, float) and isinstance(answer, int | float):
        return abs(answer - expected) < 1e-6 * max(1.0, abs(expected))
    if isinstance(expected, set | frozenset) and isinstance(answer, list | tuple | set | frozenset):
        return {str(a).strip().casefold() for a in answer} == {str(e).strip().casefold() for e in expected}
    return answer == expected


def check(qid: str, answer: Any, course: Course | None = None) -> CheckResult:
    """Check one answer against the value computed from the data, explain what is wrong, and save the attempt."""
    questions = all_questions()
    if qid not in questions:
        close = sorted(q for q in questions if q.split("_")[0] == qid.split("_")[0])
        return CheckResult(qid, False, f"There is no question `{qid}`. Questions of this notebook: {', '.join(close) or 'none'}.")
    if answer is ... or answer is None:
        return CheckResult(qid, False, "Replace the `...` with your answer, then run the cell again.")
    result = _verdict(questions[qid], answer, course)
    from . import work

    work.record(qid, answer, "correct" if result.correct else "not yet", result.feedback)
    return result


def _verdict(q: Question, answer: Any, course: Course | None) -> CheckResult:
    """The verdict and feedback on one filled-in answer (its own feedback for a likely wrong answer)."""
    qid = q.qid
    expected = q.expected(course if course is not None else load_course())
    ok = (q.compare or _same)(answer, expected)
    if ok:
        return CheckResult(qid, True, q.explain)
    key = spelled(q, answer)
    for wrong_answer, message in q.wrong.items():
        if spelled(q, wrong_answer) == key:
            return CheckResult(qid, False, message)
    for hint in q.hints:
        message = hint(answer, expected)
        if message:
            return CheckResult(qid, False, message)
    kind = type(expected).__name__
    shape = f" The answer should be a {kind}." if type(answer) is not type(expected) and not isinstance(expected, set | frozenset) else ""
    return CheckResult(qid, False, f"That is not it.{shape} Re-read the question and look again at the table above.")


def quiz(questions: list[dict], seed: str) -> None:
    """Show multiple-choice questions with instant feedback (jupyterquiz; works on the static site too)."""
    from jupyterquiz import display_quiz

    state = random.getstate()
    random.seed(seed)  # jupyterquiz names its container randomly: a fixed seed keeps outputs identical run to run
    try:
        display_quiz(questions, shuffle_answers=False, colors="fdsp")
    finally:
        random.setstate(state)


def show(text: str) -> None:
    """Display Markdown text (used for computed sentences under charts and tables)."""
    display(Markdown(text))
