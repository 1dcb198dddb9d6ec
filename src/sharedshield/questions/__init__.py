"""The question registry: every self-check of the course, one module per notebook (nNN_name.py).

Each module may define QUESTIONS (computed or letter answers, judged by `sharedshield.checks`), WRITTEN (written
tasks by id, each a `Written` with its kind, answered with `ss.answer` and given feedback by `sharedshield.feedback`)
and QUIZ (jupyterquiz items). The modules are found once per process; everything that needs a question (checks,
saved work, the hand-in, the answer key, the teacher guide) reads it from here.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from ._model import SOURCING_PARTS, TASK_KINDS, Hint, Question, Written, spelled, written

__all__ = [
    "SOURCING_PARTS",
    "TASK_KINDS",
    "ChoiceItem",
    "Hint",
    "Question",
    "Written",
    "all_questions",
    "choice_items",
    "notebook_of",
    "prompt_of",
    "quiz_items",
    "spelled",
    "written",
    "written_tasks",
]


@cache
def _modules() -> tuple[ModuleType, ...]:
    """The notebook modules (nNN_*.py) of this package, imported once."""
    return tuple(
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if re.match(r"n\d\d_", info.name)
    )


@cache
def all_questions() -> dict[str, Question]:
    """Every computed and letter-answer question of every notebook, by id."""
    out: dict[str, Question] = {}
    for module in _modules():
        for q in getattr(module, "QUESTIONS", []):
            if q.qid in out:
                raise ValueError(f"question id {q.qid} is defined twice")
            out[q.qid] = q
    return out


@cache
def written_tasks() -> dict[str, Written]:
    """Every written task of every notebook, by id (a bare prompt string counts as a short task)."""
    out: dict[str, Written] = {}
    for module in _modules():
        for qid, task in getattr(module, "WRITTEN", {}).items():
            if qid in out or qid in all_questions():
                raise ValueError(f"question id {qid} is defined twice")
            out[qid] = task if isinstance(task, Written) else Written(str(task))
    return out


def quiz_items(notebook: str) -> list[dict]:
    """The jupyterquiz items (QUIZ) of one notebook, by its two-digit number ('04'); [] when it has none."""
    for module in _modules():
        if module.__name__.rsplit(".", 1)[-1].startswith(f"n{notebook}_"):
            return list(getattr(module, "QUIZ", []))
    raise LookupError(
        f"no questions module for notebook {notebook!r}: the modules are"
        f" {', '.join(m.__name__.rsplit('.', 1)[-1] for m in _modules())}"
    )


@dataclass(frozen=True)
class ChoiceItem:
    """One multiple-choice item as a learner meets it: the question, its options in listed order and which is right."""

    key: str  # the question id of a letter question ('q4_1'), or 'quiz NN #k' for the k-th quiz item of notebook NN
    stem: str  # the question without its options
    options: tuple[str, ...]
    right: int  # the position of the right option in `options`
    feedback: tuple[str, ...]  # the feedback on each option, in the same order
    letters: tuple[str, ...] = ()  # a letter question's letters, in the same order; () for a quiz item


def _letter_item(q: Question) -> ChoiceItem:
    """A letter question (one with `options`) as a ChoiceItem: its stem is the prompt before the listed options."""
    letters = tuple(q.options)
    right = q.expected(None)
    listed = " ".join(f"({k}) {v}" for k, v in q.options.items())
    stem = q.prompt[: -len(listed)].strip() if q.prompt.endswith(listed) else q.prompt
    feedback = tuple(q.explain if k == right else q.wrong.get(k, "") for k in letters)
    return ChoiceItem(q.qid, stem, tuple(q.options.values()), letters.index(right), feedback, letters)


def choice_items() -> list[ChoiceItem]:
    """The course's multiple-choice items: the letter questions (by id), then each notebook's quiz items in order."""
    out = [_letter_item(q) for q in all_questions().values() if q.options]
    for module in _modules():
        number = module.__name__.rsplit(".", 1)[-1][1:3]
        for k, item in enumerate(getattr(module, "QUIZ", []), start=1):
            answers = item["answers"]
            right = [i for i, a in enumerate(answers) if a.get("correct")]
            if len(right) != 1:
                raise ValueError(
                    f"quiz {number} #{k}: a multiple-choice item needs exactly one right answer, not {len(right)}"
                )
            out.append(
                ChoiceItem(
                    f"quiz {number} #{k}",
                    item["question"],
                    tuple(a["answer"] for a in answers),
                    right[0],
                    tuple(a.get("feedback", "") for a in answers),
                )
            )
    return out


def prompt_of(qid: str) -> str:
    """The prompt of a written task or a computed/letter question, or '' when the course does not define one."""
    if qid in written_tasks():
        return written_tasks()[qid].prompt
    question = all_questions().get(qid)
    return question.prompt if question else ""


def notebook_of(qid: str) -> str:
    """The two-digit notebook number of a question id ('q7_w1' -> '07'), or '??'."""
    m = re.match(r"^q(\d+)_", qid)
    return f"{int(m.group(1)):02d}" if m else "??"
