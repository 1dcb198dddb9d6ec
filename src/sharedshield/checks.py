"""Self-checks: `check("q2_1", answer)` judges an answer, explains what is wrong (Data 8 style) and saves the attempt.

The questions come from the registry (`sharedshield.questions`); `judge` decides; `check` judges and then saves
the attempt with `sharedshield.store` (which the hand-in reads). `quiz("04")` shows notebook 04's multiple-choice items.
"""

from __future__ import annotations

import ast
import random
import re
from dataclasses import dataclass
from typing import Any

from jupyterquiz import display_quiz

from .data import Course, load_course
from .questions import Question, all_questions, quiz_items, spelled
from .readings import fold
from .store import record

__all__ = ["CheckResult", "Question", "all_questions", "as_list", "check", "judge", "quiz", "spelled"]


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one answer, and the feedback shown to the student."""

    qid: str
    correct: bool
    feedback: str
    defensible: bool = False  # not the course's answer, but one that can be defended (the feedback says how)

    @property
    def verdict(self) -> str:
        """'correct', 'defensible' or 'not yet': the verdict saved with the attempt."""
        return "correct" if self.correct else "defensible" if self.defensible else "not yet"

    def _repr_markdown_(self) -> str:
        """Shown in the notebook under the check cell."""
        return {"correct": "✓ **Correct.** ", "defensible": "◇ **Defensible.** ", "not yet": "✗ **Not yet.** "}[
            self.verdict
        ] + self.feedback

    def __repr__(self) -> str:
        return {"correct": "Correct. ", "defensible": "Defensible. ", "not yet": "Not yet. "}[
            self.verdict
        ] + self.feedback


def _same(answer: Any, expected: Any) -> bool:
    """Equality forgiving case, spacing and typographic quotes in text (`fold`), order in sets, and float rounding."""
    if isinstance(expected, str) and isinstance(answer, str):
        return fold(answer) == fold(expected)
    if isinstance(expected, float) and isinstance(answer, int | float):
        return abs(answer - expected) < 1e-6 * max(1.0, abs(expected))
    if isinstance(expected, set | frozenset) and isinstance(answer, list | tuple | set | frozenset):
        return {fold(str(a)) for a in answer} == {fold(str(e)) for e in expected}
    return answer == expected


def as_list(text: str) -> list[str] | None:
    """The list a string names ('lukyanov2011, eir2013', '["a", "b"]', 'a and b'), or None for one item."""
    body = text.strip()
    if body.startswith(("[", "(", "{")):
        try:
            value = ast.literal_eval(body)
        except (ValueError, SyntaxError):
            body = body.strip("[](){}")
        else:
            if isinstance(value, list | tuple | set):
                return [str(v).strip() for v in value]
    items = [p.strip(" '\"") for p in re.split(r"\s*(?:,|;|\band\b|&)\s*", body) if p.strip(" '\"")]
    if len(items) == 1 and all(re.fullmatch(r"[A-Za-z]+\d+", w) for w in items[0].split()):
        items = items[0].split()  # "lukyanov2011 eir2013": ids separated by spaces only
    return items if len(items) > 1 else None


def unknown_ids(answer: Any, expected: Any, course: Course) -> str | None:
    """When the right answer is a set of reading or event ids, a message naming what typed is not one, else None."""
    if (
        not isinstance(expected, set | frozenset)
        or not expected
        or not isinstance(answer, str | list | tuple | set | frozenset)
    ):
        return None
    given = [answer] if isinstance(answer, str) else list(answer)
    for kind, ids in (("reading id", set(course.sources["source_id"])), ("event id", set(course.events["event_id"]))):
        if {str(e) for e in expected} <= ids:
            folded = {fold(i): i for i in ids}
            wrong = [str(g) for g in given if fold(str(g)) not in folded]
            if wrong:
                known = (
                    f": the readings are {', '.join(sorted(ids))}"
                    if kind == "reading id"
                    else " (event ids look like E113)"
                )
                return (
                    f"{', '.join(repr(w) for w in wrong)}"
                    f" {'is not ' + ('an' if kind[0] in 'aeiou' else 'a') if len(wrong) == 1 else 'are not'}"
                    f" {kind}{'s' if len(wrong) > 1 else ''} of the course{known}. Check the spelling."
                )
    return None


def judge(q: Question, answer: Any, course: Course | None = None) -> CheckResult:
    """The verdict and feedback on one filled-in answer (its own feedback for a likely wrong answer)."""
    qid = q.qid
    course = course if course is not None else load_course()
    expected = q.expected(course)
    read_as = ""
    if isinstance(expected, set | frozenset) and isinstance(answer, str) and (items := as_list(answer)) is not None:
        answer = items  # a list typed as one string is read as the list it names
        read_as = f" (I read your text as the list {items!r}; next time write it as a list, e.g. {items!r}.)"
    ok = (q.compare or _same)(answer, expected)
    if ok:
        return CheckResult(qid, True, q.explain + read_as)
    key = spelled(q, answer)
    for other, why in q.defensible.items():
        if spelled(q, other) == key:
            return CheckResult(qid, False, why + read_as, defensible=True)
    for wrong_answer, message in q.wrong.items():
        if spelled(q, wrong_answer) == key:
            return CheckResult(qid, False, message + read_as)
    message = unknown_ids(answer, expected, course)
    if message:
        return CheckResult(qid, False, message + read_as)
    for hint in q.hints:
        message = hint(answer, expected)
        if message:
            return CheckResult(qid, False, message + read_as)
    if read_as:
        return CheckResult(
            qid,
            False,
            f"That list is not it.{read_as} Re-read the question and look again at the table or chart above.",
        )
    kind = type(expected).__name__
    if isinstance(expected, set | frozenset) and not isinstance(answer, list | tuple | set | frozenset):
        shape = ' The answer is a list: give a list in square brackets, e.g. ["first_id", "second_id"].'
    else:
        shape = (
            f" The answer should be a {kind}."
            if type(answer) is not type(expected) and not isinstance(expected, set | frozenset)
            else ""
        )
    return CheckResult(qid, False, f"That is not it.{shape} Re-read the question and look again at the table above.")


def check(qid: str, answer: Any, course: Course | None = None) -> CheckResult:
    """Check one answer against the value computed from the data, explain what is wrong, and save the attempt."""
    questions = all_questions()
    if qid not in questions:
        close = sorted(q for q in questions if q.split("_")[0] == qid.split("_")[0])
        return CheckResult(
            qid, False, f"There is no question `{qid}`. Questions of this notebook: {', '.join(close) or 'none'}."
        )
    if answer is ... or answer is None:
        return CheckResult(qid, False, "Replace the `...` with your answer, then run the cell again.")
    result = judge(questions[qid], answer, course)
    record(qid, answer, result.verdict, result.feedback)
    return result


def quiz(items: str | list[dict], seed: str | None = None) -> None:
    """Show a notebook's multiple-choice items with instant feedback: `quiz("04")` (jupyterquiz; static site too)."""
    if isinstance(items, str):
        items, seed = quiz_items(items), seed or items
    state = random.getstate()
    random.seed(seed)  # jupyterquiz names its container randomly: a fixed seed keeps outputs identical run to run
    try:
        display_quiz(items, shuffle_answers=False, colors="fdsp")
    finally:
        random.setstate(state)
