"""The hand-in: the learner's progress and every saved attempt, exported as one HTML file.

Where the rest went: storage of attempts is `store.py`, the learner's name `learner.py`, feedback on written
answers `feedback.py`, the command line `cli.py`. The names re-exported below keep older callers working.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd

from .course import COURSE_MAP
from .feedback import answer, attributions, citations, written_feedback  # noqa: F401  (re-exported for older callers)
from .learner import whoami
from .questions import all_questions, notebook_of, prompt_of
from .store import ENV, atomic_write, load_work, record, work_dir  # noqa: F401  (ENV, record: re-exported for older callers)
from .store import now_utc as _now

# ---------------------------------------------------------------- progress and export

def progress(records: list[dict]) -> pd.DataFrame:
    """Per notebook: questions in the course, questions attempted, answered correctly, written answers saved."""
    questions = all_questions()
    rows = []
    numbers = [lesson.notebook[:2] for lesson in COURSE_MAP]
    extra = sorted({notebook_of(r["qid"]) for r in records} - set(numbers))
    titles = {lesson.notebook[:2]: lesson.title for lesson in COURSE_MAP}
    for number in numbers + extra:
        mine = [r for r in records if notebook_of(r["qid"]) == number]
        checked = {r["qid"] for r in mine if r["verdict"] in ("correct", "not yet", "compared")}
        rows.append({
            "notebook": number, "title": titles.get(number, "(not in the course map)"),
            "questions": sum(1 for q in questions if notebook_of(q) == number),
            "attempted": len(checked), "correct": len({r["qid"] for r in mine if r["verdict"] == "correct"}),
            "written answers": len({r["qid"] for r in mine if r["verdict"] == "written"}),
        })
    return pd.DataFrame(rows)


def my_work() -> pd.DataFrame:
    """Your progress per notebook, as a table (questions attempted and correct, written answers)."""
    records = load_work()
    name = whoami()
    who = name or 'no name yet: run ss.whoami("Your Name")'
    print(f"Saved work of {who}: {len(records)} attempt(s), kept in {work_dir()}")
    return progress(records)


CSS = """body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#1a1a1a}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#eee}.correct{color:#006b3c}.notyet{color:#9a3b00}
.written{border:1px solid #bbb;padding:.7rem 1rem;margin:1rem 0;border-radius:4px}.text{white-space:pre-wrap;background:#f6f6f6;padding:.6rem}
.fb{white-space:pre-wrap;font-size:.92rem;color:#333}.muted{color:#555;font-size:.9rem}"""


def _inline(text: str) -> str:
    """Escape text, then render the feedback's own Markdown marks: **bold**, *italic* and `code`."""
    out = html.escape(text)
    out = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", out)
    out = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", out)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    return re.sub(r"(?m)^\* ", "• ", out)


def export_html(records: list[dict], name: str) -> str:
    """One self-contained HTML page (inline CSS, no external requests, all text escaped) of the learner's work."""
    e = html.escape
    table = progress(records)
    head = "".join(f"<th>{e(str(c))}</th>" for c in table.columns)
    body = "".join("<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in row) + "</tr>" for row in table.itertuples(index=False))
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Shared Shield? Work of {e(name or 'a learner')}</title><style>{CSS}</style></head><body>",
        "<h1>Shared Shield? My work</h1>",
        f"<p><strong>Name:</strong> {e(name or '(no name given: use ss.whoami)')}<br><strong>Exported:</strong> {e(_now())} (UTC)<br>"
        f"<strong>Attempts saved:</strong> {len(records)}</p>",
        "<p class=\"muted\">Course question: <em>Could Russia and the West share a missile shield, and why did the offers fail?</em> "
        "Feedback on written answers reports what a program can see (citations, attribution, length); it is not a grade.</p>",
        f"<h2>Progress</h2><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>",
    ]
    written = [r for r in records if r["verdict"] == "written"]
    parts.append("<h2>Written answers</h2>")
    if not written:
        parts.append("<p>No written answers saved yet.</p>")
    for r in written:
        prompt = prompt_of(r["qid"]) or r.get("prompt") or ""
        parts.append(f'<div class="written"><p><strong>{e(r["qid"])}</strong> <span class="muted">({e(r["time"])})</span></p>'
                     + (f"<p><em>Prompt:</em> {e(prompt)}</p>" if prompt else "<p class=\"muted\">(no prompt text in the course for this id)</p>")
                     + f'<div class="text">{e(str(r["answer"]))}</div><p class="muted">What a program could see:</p><div class="fb">{_inline(r["feedback"])}</div></div>')
    checks = [r for r in records if r["verdict"] != "written"]
    parts.append("<h2>Every check, in order</h2>")
    if not checks:
        parts.append("<p>No checks saved yet.</p>")
    else:
        rows = "".join(
            f'<tr><td>{e(r["time"])}</td><td>{e(r["qid"])}</td><td>{_inline(r.get("prompt", ""))}</td><td>{e(json.dumps(r.get("answer"), ensure_ascii=False))}</td>'
            f'<td class="{"correct" if r["verdict"] == "correct" else "notyet"}">{e(r["verdict"])}</td><td>{_inline(r["feedback"])}</td></tr>' for r in checks)
        parts.append(f"<table><thead><tr><th>time (UTC)</th><th>question</th><th>prompt</th><th>your answer</th><th>verdict</th><th>feedback</th></tr></thead><tbody>{rows}</tbody></table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def export_work(path: Any = "my-work.html") -> Path | None:
    """Write your work (name, progress, every attempt, every written answer) to one HTML file to hand in."""
    if path is ... or not str(path).strip():
        print('Give a file name, e.g. ss.export_work("my-work.html"), and run the cell again.')
        return None
    out = Path(str(path)).expanduser()
    if out.suffix.lower() not in (".html", ".htm"):
        out = out.with_name(out.name + ".html")
    records = load_work()
    atomic_write(out, export_html(records, whoami()))
    out.chmod(0o644)  # an ordinary file to upload (temporary files are created private)
    print(f"Wrote {out.resolve()} ({len(records)} attempt(s)). Upload this one file to your course page.")
    return out
