"""A synthetic class for the teacher's report: seeded learners answer via the course's API and export their hand-ins.

Used by the tests, the benchmark and teacher/class_report.ipynb's demo. Each learner works in a private saved-work
folder (SHAREDSHIELD_WORK_DIR, restored afterwards), exactly as a student on their own computer would.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import coding, feedback, handin, learner, store
from .argmap import ATTITUDES, EXPECTATIONS, KINDS
from .checks import _same, check
from .data import load_course
from .questions import Question, all_questions

FIRST = (
    "Ada",
    "Bilal",
    "Chen",
    "Dana",
    "Emeka",
    "Farah",
    "Goran",
    "Hana",
    "Ivo",
    "Jana",
    "Kofi",
    "Lena",
    "Mateo",
    "Nia",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sami",
    "Tara",
    "Umar",
    "Vera",
    "Wen",
    "Xena",
    "Yusuf",
    "Zoe",
)
LAST = (
    "Adler",
    "Berg",
    "Costa",
    "Diaz",
    "Eze",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kim",
    "Lopez",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
)
CLAIM = (
    "The offers could not become a shared shield: EIR states that Russia offered cooperation (eir2013 ¶10), while"
    " Lukyanov argues that each side wanted its own system (lukyanov2011 ¶3). The record (E200) differs from the blog's"
    " date."
)


@dataclass
class Learner:
    """What one synthetic learner did: name, every answer given in order, the exported file."""

    name: str
    answers: list[tuple[str, Any]] = field(default_factory=list)
    path: Path | None = None


@contextlib.contextmanager
def work_folder(folder: Path) -> Iterator[None]:
    """Save work in `folder` for the time of the block (the environment variable is restored afterwards)."""
    old = os.environ.get(store.ENV)
    os.environ[store.ENV] = str(folder)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(store.ENV, None)
        else:
            os.environ[store.ENV] = old


def _plain(q: Question, value: Any) -> Any:
    """A right answer as a learner types it: the value itself, or for a set the list or a member the check accepts."""
    if not isinstance(value, set | frozenset):
        return value
    accepts = q.compare or _same
    return next((c for c in (sorted(value), *sorted(value)) if accepts(c, value)), sorted(value))


def _coding(rng: random.Random, paragraphs: list[int]) -> dict[int, dict]:
    """A seeded coding of some paragraphs, as a learner fills it in 04–06."""
    return {
        p: {
            "kind": rng.choice(KINDS),
            "attitude": rng.choice(ATTITUDES),
            "expectation": rng.choice(EXPECTATIONS),
            "loaded": rng.sample(["shield", "offer", "brushed aside", "cooperation", "threat"], k=rng.randint(0, 2)),
        }
        for p in paragraphs
        if rng.random() < 0.8
    }


def build_class(folder: Path, n: int = 30, seed: int = 16, skill: float = 0.6, quiet: bool = False) -> list[Learner]:
    """Make `n` learners answer the checks (seeded), write answers and codings, and export `folder/NAME.html` each."""
    if quiet:
        with contextlib.redirect_stdout(io.StringIO()):
            return build_class(folder, n, seed, skill)
    rng = random.Random(seed)
    course = load_course()
    questions = all_questions()
    right = {qid: _plain(q, q.expected(course)) for qid, q in questions.items()}
    folder.mkdir(parents=True, exist_ok=True)
    learners = []
    for i in range(n):
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST) + i) % len(LAST)]}" + (
            f" {i // (len(FIRST) * len(LAST)) + 1}" if i >= len(FIRST) * len(LAST) else ""
        )
        learner = Learner(name)
        with work_folder(folder / ".work" / f"student-{i:03d}"):
            _name(name)
            for qid, q in questions.items():
                if rng.random() < 0.15:
                    continue  # not attempted
                wrong = list(q.wrong)
                first = right[qid] if rng.random() < skill or not wrong else rng.choice(wrong)
                for given in [first] + ([right[qid]] if first != right[qid] and rng.random() < 0.6 else []):
                    check(qid, given, course)
                    learner.answers.append((qid, given))
            for source in ("blog2007", "lukyanov2011", "eir2013"):
                if rng.random() < 0.8:
                    coding.compare(course, source, _coding(rng, coding.coded_paragraphs(course, source)), thesis=None)
            if rng.random() < 0.9:
                feedback.answer("q9_w1", CLAIM if i % 2 else "Both sides share the blame. " + CLAIM)
            if rng.random() < 0.7:
                feedback.answer("q4_w1", f"The blog argues that the offer was real (blog2007 ¶{rng.randint(1, 9)}).")
            path = folder / f"{name.replace(' ', '_')}.html"
            path.write_text(handin.export_html(store.load_work(), name), encoding="utf-8")
            learner.path = path
        learners.append(learner)
    return learners


def _name(name: str) -> None:
    """Store the learner's name quietly (as ss.whoami does)."""
    with contextlib.redirect_stdout(None):
        learner.whoami(name)
