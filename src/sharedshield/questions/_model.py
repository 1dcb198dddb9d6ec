"""What a self-check is: a computed or letter-answer `Question`; a `Written` task with the kind of feedback it gets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from ..data import Course
from ..readings import fold

Hint = Callable[[Any, Any], str | None]
TaskKind = Literal["sourcing", "rewrite", "claim", "short"]
TASK_KINDS: tuple[str, ...] = ("sourcing", "rewrite", "claim", "short")
SOURCING_PARTS: tuple[str, ...] = ("author", "outlet", "date", "audience")


@dataclass(frozen=True)
class Question:
    """A computed-answer question: the right answer comes from the data, hints explain common mistakes."""

    qid: str
    prompt: str
    expected: Callable[[Course], Any]
    explain: str
    hints: tuple[Hint, ...] = field(default_factory=tuple)
    compare: Callable[[Any, Any], bool] | None = None
    wrong: dict[str, str] = field(
        default_factory=dict
    )  # a likely wrong answer (compared after `normalize`) -> its own feedback
    normalize: Callable[[Any], str] | None = (
        None  # how an answer is spelled before it is matched to `wrong` (default: `fold`)
    )
    options: dict[str, str] = field(
        default_factory=dict
    )  # a letter question's options, by letter, in the order they are listed
    defensible: dict[str, str] = field(
        default_factory=dict
    )  # an answer that differs from the course's but can be defended -> why (spelled as for `wrong`)


def spelled(q: Question, answer: Any) -> str:
    """An answer as the question matches it against its `wrong` table."""
    return q.normalize(answer) if q.normalize is not None else fold(str(answer))


@dataclass(frozen=True)
class Written:
    """A written task: its prompt and its kind (which decides what a program can honestly see in an answer).

    sourcing: author (or that the author is unknown), outlet, date, audience; rewrite: which loaded phrases of
    `reading` ¶`paragraph` are still in it; claim: citations, the record, attribution, length; short: the save only.
    """

    prompt: str
    kind: TaskKind = "short"
    reading: str | None = None  # the one reading the task is about (a bare "¶4" then cites it)
    paragraph: int | None = None  # for a rewrite: the paragraph rewritten
    asks: tuple[str, ...] = (
        SOURCING_PARTS  # for sourcing: the parts the task asks for (the feedback names only these as missing)
    )
    model: str = ""  # what a good answer covers: shown only once the learner has saved an answer (reveal.good_answer)

    def __post_init__(self) -> None:
        if self.kind not in TASK_KINDS:
            raise ValueError(f"written task kind {self.kind!r} is not one of {', '.join(TASK_KINDS)}")
        if self.kind == "rewrite" and (self.reading is None or self.paragraph is None):
            raise ValueError("a rewrite task names the reading and the paragraph rewritten")
        if not set(self.asks) <= set(SOURCING_PARTS):
            raise ValueError(
                f"a sourcing task asks for some of {', '.join(SOURCING_PARTS)}, not"
                f" {', '.join(sorted(set(self.asks) - set(SOURCING_PARTS)))}"
            )


def written(
    prompt: str,
    kind: TaskKind = "short",
    reading: str | None = None,
    paragraph: int | None = None,
    asks: tuple[str, ...] = SOURCING_PARTS,
    model: str = "",
) -> Written:
    """A written task of the given kind (see `Written`)."""
    return Written(prompt, kind, reading, paragraph, tuple(asks), model)
