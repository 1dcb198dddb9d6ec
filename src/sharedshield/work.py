"""Placeholder for the learner's saved work (being built): the interface other modules call."""

from __future__ import annotations

from typing import Any


def record(qid: str, answer: Any, verdict: str, feedback: str) -> None:
    """Save one attempt at question `qid` (verdict: 'correct', 'not yet', 'compared' or 'written'); a no-op for now."""
    return None


def answer(qid: str, text: str) -> str:
    """Save a written answer (placeholder: the real feedback arrives with the work store)."""
    if text is ... or not str(text).strip() or str(text).strip() == "...":
        return "Write your answer between the triple quotes, then run the cell again."
    record(qid, text, "written", "")
    return "Saved."


def main(argv: list[str]) -> int:
    """Say that the command is not available yet."""
    print("This command is not available yet.")
    return 2
