"""Learning first, measured: no self-check may be answerable by copying a value printed above it.

Every notebook is executed once per test run (conftest.executed_notebooks, shared with the export tests). For each
`ss.check("qid", ...)` cell the question's expected value is computed from the data; if it is a number of 5 or more
(years included), an event id (E123) or a claim id (blog2007-c01), we look for it in the prose shown before the check:
Markdown cells, and the stream, text/markdown and text/plain outputs of earlier cells. The share of checks answerable
that way must stay at or below 10%.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest

from conftest import ROOT
from sharedshield import load_course
from sharedshield.checks import Question, all_questions, spelled

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CHECK = re.compile(r'ss\.check\(\s*"(q\d+_\d+)"')
EVENT_ID = re.compile(r"^E\d{3}$")
CLAIM_ID = re.compile(r"^[a-z]+\d{4}-c\d{2}$")
MAX_SHARE = 0.10
MINE = ("00_", "01_", "07_", "08_")


@dataclass(frozen=True)
class CheckSite:
    """One self-check in an executed notebook: its id and the prose a learner has seen before it."""

    notebook: str
    qid: str
    prose_before: str


def copyable_values(expected: object) -> list[str]:
    """Forms of an expected answer counting as 'copyable' if printed: numbers >= 5 (years too), event and claim ids."""
    values = expected if isinstance(expected, set | frozenset | list | tuple) else [expected]
    out = []
    for v in values:
        if isinstance(v, bool):
            continue
        if isinstance(v, int | float) and v >= 5:
            out.append(str(int(v)) if float(v).is_integer() else str(round(v, 2)))
        elif isinstance(v, str) and (
            EVENT_ID.match(v.strip()) or CLAIM_ID.match(v.strip()) or re.fullmatch(r"(19|20)\d\d", v.strip())
        ):
            out.append(v.strip())
    return out


def printed(value: str, prose: str) -> bool:
    """Whether a value appears in prose as a whole token (12 is not found inside 120 or 1.12)."""
    return re.search(rf"(?<![\w.]){re.escape(value)}(?![\w]|\.\d)", prose) is not None


def _prose_of_outputs(cell: dict) -> str:
    """Stream, text/markdown and text/plain outputs of a code cell."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append("".join(out.get("text", "")))
        data = out.get("data", {})
        for mime in ("text/markdown", "text/plain"):
            if mime in data:
                parts.append("".join(data[mime]))
    return "\n".join(parts)


def check_sites(nb: dict, name: str) -> list[CheckSite]:
    """Every ss.check cell of an executed notebook, with the prose shown before it."""
    seen: list[str] = []
    sites = []
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            seen.append(source)
            continue
        if cell["cell_type"] != "code":
            continue
        for qid in CHECK.findall(source):
            sites.append(CheckSite(name, qid, "\n".join(seen)))
        seen.append(_prose_of_outputs(cell))
    return sites


@pytest.fixture(scope="session")
def executed(executed_notebooks) -> dict[str, dict]:
    """Every notebook executed once for the whole run (conftest.executed_notebooks), errors kept in the outputs."""
    return executed_notebooks


def measure(
    executed: dict[str, dict], questions: dict[str, Question], names: tuple[str, ...] | None = None
) -> tuple[list[CheckSite], list[CheckSite]]:
    """(all checks, checks whose expected value is printed above), over notebooks whose names start with `names`."""
    course = load_course()
    sites = [
        s for name, nb in executed.items() if names is None or name.startswith(names) for s in check_sites(nb, name)
    ]
    copyable = [
        s
        for s in sites
        if s.qid in questions
        and any(printed(v, s.prose_before) for v in copyable_values(questions[s.qid].expected(course)))
    ]
    return sites, copyable


def test_printed_finds_whole_tokens_only():
    assert printed("12", "at most 12 words")
    assert not printed("12", "120 events") and not printed("12", "ratio 1.12") and not printed("12", "12.5 years")
    assert printed("E120", "the reset (E120) in 2009") and not printed("E120", "E1201")
    assert copyable_values(3) == [] and copyable_values(2007) == ["2007"] and copyable_values({"E120", "x"}) == ["E120"]
    assert copyable_values("blog2007-c03") == ["blog2007-c03"] and copyable_values("blog2007") == []


def test_check_sites_see_only_what_comes_before():
    nb = {
        "cells": [
            {"cell_type": "markdown", "source": ["The answer is E200."]},
            {
                "cell_type": "code",
                "source": ['ss.check("q9_1", answer)'],
                "outputs": [{"output_type": "stream", "text": "E300"}],
            },
            {"cell_type": "code", "source": ['ss.check("q9_2", answer)'], "outputs": []},
        ]
    }
    first, second = check_sites(nb, "x")
    assert "E200" in first.prose_before and "E300" not in first.prose_before
    assert "E300" in second.prose_before


@pytest.mark.slow
def test_share_of_copyable_checks_is_at_most_ten_percent(executed):
    questions = all_questions()
    sites, copyable = measure(executed, questions)
    mine_sites, mine_copyable = measure(executed, questions, MINE)
    share = len(copyable) / len(sites) if sites else 0.0
    print(
        f"\ncopyable self-checks: {len(copyable)} of {len(sites)} ({share:.0%}) over all notebooks; "
        f"{len(mine_copyable)} of {len(mine_sites)} in 00, 01, 07, 08"
    )
    for s in copyable:
        print(f"  {s.notebook} {s.qid}: expected value printed above the check")
    assert share <= MAX_SHARE, (
        f"{share:.0%} of self-checks can be answered by copying a value printed above them: "
        + ", ".join(f"{s.notebook}:{s.qid}" for s in copyable)
    )


@pytest.mark.slow
def test_every_notebook_runs_without_an_error(executed):
    assert len(executed) == len(NOTEBOOKS), f"executed {sorted(executed)}, but notebooks/ holds {len(NOTEBOOKS)}"
    errors = [
        f"{name} cell {i}: {o['ename']}: {o['evalue']}"
        for name, nb in executed.items()
        for i, c in enumerate(nb["cells"])
        for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]
    assert not errors, "\n".join(errors)


def test_every_check_used_in_a_notebook_exists():
    known = all_questions()
    missing = []
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                missing += [f"{path.name}: {q}" for q in CHECK.findall("".join(cell["source"])) if q not in known]
    assert not missing, f"checks with no question defined: {missing}"


def test_every_question_used_in_a_notebook_has_feedback_for_likely_wrong_answers():
    used = {q for path in NOTEBOOKS for q in CHECK.findall(path.read_text(encoding="utf-8").replace('\\"', '"'))}
    questions = all_questions()
    # A list answer (q9_2, q9_4) cannot be keyed in `wrong`; its hints give each likely wrong list its own feedback.
    bare = sorted(q for q in used if q in questions and not questions[q].wrong and not questions[q].hints)
    empty = sorted(
        q for q in used if q in questions for k, v in questions[q].wrong.items() if not (k.strip() and v.strip())
    )
    assert not bare, f"questions with no `wrong` feedback (Question(..., wrong={{answer: feedback}})): {bare}"
    assert not empty, f"questions with an empty wrong answer or feedback: {empty}"


def test_wrong_answers_get_their_own_feedback_not_the_generic_one():
    course = load_course()
    from sharedshield.checks import check

    for qid, q in all_questions().items():
        expected = q.expected(course)
        for answer, message in q.wrong.items():
            if spelled(q, expected) == spelled(q, answer):
                # an answer computed from the data keeps feedback for both outcomes; the right one is never shown
                continue
            result = check(qid, answer, course)
            assert not result.correct, f"{qid}: the 'wrong' answer {answer!r} is accepted as correct"
            assert result.feedback == message, f"{qid}: {answer!r} gets {result.feedback!r}, not its own feedback"


def test_my_questions_are_not_counts_of_rows():
    """The rewritten notebooks' checks have a 'wrong' table and are answered by reasoning, not by a printed number."""
    course = load_course()
    for qid, q in all_questions().items():
        if qid.split("_")[0] in ("q0", "q1", "q7", "q8"):
            assert q.wrong, f"{qid} has no feedback for likely wrong answers"
            expected = q.expected(course)
            values = expected if isinstance(expected, set | frozenset | list | tuple) else [expected]
            counts = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool) and v >= 5]
            assert not counts, f"{qid} expects a count ({counts}), which a learner can read off a table"
