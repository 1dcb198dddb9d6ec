"""Answer first: a written task's model answer ("what a good answer covers") shows only once the learner saved one."""

from __future__ import annotations

from dataclasses import dataclass

from .questions import written_tasks
from .store import load_work


@dataclass(frozen=True)
class GoodAnswer:
    """What a good answer to a written task covers, or, before the learner saved an answer, only how to unlock it."""

    qid: str
    saved: bool
    text: str

    def _repr_markdown_(self) -> str:
        """Shown under the cell."""
        if not self.saved:
            return (
                f"*What a good answer covers* stays hidden until you have saved your own answer to {self.qid}: write it"
                " in the cell above, run that cell, then run this one again."
            )
        return (
            f"**What a good answer covers ({self.qid}).** {self.text}\n\nCompare it with yours; the course's answer is"
            " not the only good one."
        )

    def __repr__(self) -> str:
        return self._repr_markdown_().replace("*", "")


def has_saved(qid: str) -> bool:
    """True when the learner has saved a written answer to the task."""
    return any(r["qid"] == qid and r["verdict"] == "written" for r in load_work())


def good_answer(qid: str) -> GoodAnswer:
    """The task's model answer once the learner has saved an answer to it; until then, only how to see it."""
    task = written_tasks().get(qid)
    if task is None or not task.model:
        raise KeyError(f"no model answer for {qid!r}")
    saved = has_saved(qid)
    return GoodAnswer(qid, saved, task.model if saved else "")
