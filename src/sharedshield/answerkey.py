"""The answer key to the self-checks, computed from the question registry and the data.

One source for the teacher pack's answer key (`handouts.answer_key`) and section 5 of teacher/guide.md (`make docs`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .data import Course
from .lessons import COURSE_MAP, ROOT, replace_between
from .questions import all_questions, choice_items, spelled, written_tasks

GUIDE_START = "<!-- answer-key:start (made by make docs from src/sharedshield/questions and the data) -->"
GUIDE_END = "<!-- answer-key:end -->"


@dataclass(frozen=True)
class Entry:
    """One self-check as the key shows it: its answer today, why, and the likely wrong answers with their feedback."""

    qid: str
    notebook: str  # "04 · Close reading: the 2007 blog post"
    prompt: str
    answer: str | None  # None: the answer needs the readings or a student's own file, so it is computed in the notebook
    why: str
    wrong: tuple[tuple[str, str], ...]  # (answer, feedback)
    defensible: tuple[tuple[str, str], ...]  # (answer, why it can be defended)


def shown(value: Any) -> str:
    """An expected answer as a teacher would read it."""
    if isinstance(value, set | frozenset | list | tuple):
        return ", ".join(sorted(str(v) for v in value))
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def notebook_title(qid: str) -> str:
    """The notebook a question belongs to (q3_2 → 03 · Event density)."""
    match = re.match(r"q(\d+)_", qid)
    number = int(match[1]) if match else -1
    for lesson in COURSE_MAP:
        if lesson.notebook[:2].isdigit() and int(lesson.notebook[:2]) == number:
            return f"{lesson.notebook[:2]} · {lesson.title}"
    return f"Notebook {number:02d}" if number >= 0 else "Other questions"


def question_order(qid: str) -> tuple[int, ...]:
    """A sort key that puts q2_10 after q2_9 and written tasks (q2_w1) after the checks."""
    return tuple(int(n) if n.isdigit() else 999 for n in re.findall(r"[0-9]+|[a-z]+", qid[1:]))


def _one_per_message(answers: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Answers that share one message, joined ('none / no event'), so each message is given once."""
    by_message: dict[str, list[str]] = {}
    for answer, message in answers.items():
        by_message.setdefault(message, []).append(answer)
    return tuple((" / ".join(spellings), message) for message, spellings in by_message.items())


def entries(course: Course) -> list[Entry]:
    """Every computed and letter self-check, in notebook order, with its answer computed from `course`."""
    out = []
    for qid, q in sorted(all_questions().items(), key=lambda kv: question_order(kv[0])):
        try:
            value = q.expected(course)
            answer: str | None = shown(value)
        except Exception:  # an answer that needs the readings or a student's file is computed in the notebook
            value, answer = None, None
        right = spelled(q, value)  # a computed two-way answer keeps feedback for both outcomes: list only the wrong one
        wrong = tuple((a, m) for a, m in q.wrong.items() if spelled(q, a) != right)
        out.append(Entry(qid, notebook_title(qid), q.prompt, answer, q.explain, wrong, _one_per_message(q.defensible)))
    return out


def _cell(text: str) -> str:
    """Text for one cell of a Markdown table: one line, pipes escaped."""
    return re.sub(r"\s+", " ", text).replace("|", "\\|").strip()


def _stem(qid: str) -> str:
    """A letter question's prompt without its listed options (the options are long; the answer names the right one)."""
    for item in choice_items():
        if item.key == qid:
            return item.stem
    return all_questions()[qid].prompt


def _answer_cell(entry: Entry) -> str:
    """The answer as the guide's table shows it: a letter with its option's text, or the computed value."""
    if entry.answer is None:
        return "computed in the notebook"
    q = all_questions()[entry.qid]
    if q.options and entry.answer in q.options:
        return f"`{entry.answer}` ({_cell(q.options[entry.answer])})"
    return f"`{_cell(entry.answer)}`"


def guide_section(course: Course) -> str:
    """Guide section 5 in Markdown: per notebook, answers and why, likely wrong answers, written tasks, quiz answers."""
    by_notebook: dict[str, list[Entry]] = {}
    for entry in entries(course):
        by_notebook.setdefault(entry.notebook, []).append(entry)
    written = sorted(written_tasks().items(), key=lambda kv: question_order(kv[0]))
    quizzes: dict[str, list[tuple[str, str]]] = {}
    for item in choice_items():
        if item.key.startswith("quiz "):
            quizzes.setdefault(item.key.split()[1], []).append((item.stem, item.options[item.right]))
    blocks = []
    for lesson in COURSE_MAP:
        number = lesson.notebook[:2]
        title = f"{number} · {lesson.title}"
        rows = by_notebook.get(title, [])
        tasks = [(qid, task) for qid, task in written if re.match(rf"q{int(number)}_w", qid)]
        quiz = quizzes.get(number, [])
        if not (rows or tasks or quiz):
            continue
        part = [f"### {title}", ""]
        if rows:
            part += ["| id | question | answer |", "|---|---|---|"]
            part += [f"| {e.qid} | {_cell(_stem(e.qid))} | {_answer_cell(e)} |" for e in rows]
            part += [
                "",
                (
                    "Why, and the likely wrong answers that get their own feedback (the feedback itself is in the"
                    " teacher pack):"
                ),
                "",
            ]
            for e in rows:
                wrong = ", ".join(f"`{_cell(a)}`" for a, _ in e.wrong) or "none listed"
                defensible = (
                    f" Defensible: {', '.join(f'`{_cell(a)}`' for a, _ in e.defensible)}." if e.defensible else ""
                )
                part.append(f"* **{e.qid}** {_cell(e.why)} *Likely wrong:* {wrong}.{defensible}")
            part.append("")
        if tasks:
            part += [
                (
                    "Written tasks (a program only says what it can see in them; the rubric and section 6 help to read"
                    " them):"
                ),
                "",
            ]
            part += [f"* **{qid}** ({task.kind}) {_cell(task.prompt)}" for qid, task in tasks]
            part.append("")
        if quiz:
            part += ["Quiz, the option marked right:", ""]
            part += [f"{k}. {_cell(stem)} **{_cell(right)}**" for k, (stem, right) in enumerate(quiz, start=1)]
            part.append("")
        blocks.append("\n".join(part).rstrip())
    return "\n\n".join(blocks)


def write_guide(course: Course, root: Path = ROOT) -> bool:
    """Rewrite section 5 of teacher/guide.md from the registry and the data; True when the file changed."""
    path = root / "teacher" / "guide.md"
    old = path.read_text(encoding="utf-8")
    new = replace_between(old, GUIDE_START, GUIDE_END, guide_section(course))
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new != old
