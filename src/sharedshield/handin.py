"""The hand-in: the learner's saved work as one self-contained HTML file that people read and programs check.

The page carries its data as readable JSON in `<script type="application/json" id="sharedshield-handin">`, with a
SHA-256 checksum of that data: evidence of an accidental or casual edit, not a security seal.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import pandas as pd

from . import coding
from .data import load_course
from .learner import whoami
from .lessons import COURSE_MAP
from .questions import all_questions, notebook_of, written_tasks
from .store import atomic_write, load_work, work_dir
from .store import now_utc as _now
from .templates import render

SCHEMA = "sharedshield-handin"
SCHEMA_VERSION = 1
DATA_ID = "sharedshield-handin"
CHECKED = ("correct", "defensible", "not yet")
NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def coded_readings() -> dict[str, str]:
    """The question id under which each reading's coding (notebooks 04-06) is saved -> the reading's id."""
    readings = sorted({task.reading for task in written_tasks().values() if task.reading})
    return {coding.code_qid(source): source for source in readings}


FIELDS = ("kind", "attitude", "expectation", "loaded")


def course_version() -> str:
    """The installed course's version (pyproject's), or '0' when it is not installed."""
    try:
        return version("sharedshield")
    except PackageNotFoundError:
        return "0"


def split_names(name: str) -> list[str]:
    """One name, or the names of a pair handing in one file ('Ada Lovelace & Alan Turing')."""
    parts = [p.strip() for p in re.split(r"\s*(?:&|\+|/|;|\band\b)\s*", name or "") if p.strip()]
    return parts or []


def _prompt_cells(path: Path) -> dict[str, str]:
    """Prompts of the written answers of one notebook: the Markdown cell above each `ss.answer("qid", ...)` cell."""
    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        return {}
    out: dict[str, str] = {}
    last = ""
    for cell in cells:
        source = "".join(cell.get("source", ""))
        if cell.get("cell_type") == "markdown":
            last = source
            continue
        for qid in re.findall(r"""ss\.answer\(\s*["'](q\d+_w\w+)["']""", source):
            text = re.sub(r"<[^>]+>", "", last)
            text = re.sub(r"\*\*(Written answer|Task \d+)[^*]*\*\*\s*", "", text).strip()
            out.setdefault(qid, " ".join(text.split()))
    return out


def all_prompts() -> dict[str, str]:
    """Every written task's prompt: the questions modules' `WRITTEN`, else the notebook's text above the answer cell."""
    found: dict[str, str] = {}
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")) if NOTEBOOKS.is_dir() else []:
        found.update(_prompt_cells(path))
    return {**found, **{qid: task.prompt for qid, task in written_tasks().items()}}


def _literal(node: ast.AST) -> Any:
    """A Python literal as JSON can hold it (Ellipsis, the placeholder `...`, becomes None)."""
    if isinstance(node, ast.Constant):
        return None if node.value is Ellipsis else node.value
    if isinstance(node, ast.Name) and node.id in ("Ellipsis", "None"):
        return None
    if isinstance(node, ast.Dict):
        return {str(_literal(k)): _literal(v) for k, v in zip(node.keys, node.values, strict=True)}
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return [_literal(e) for e in node.elts]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict":
        return {kw.arg: _literal(kw.value) for kw in node.keywords}
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_literal(node.operand)
    raise ValueError("not a literal")


def saved_coding(answer: Any) -> dict:
    """The learner's coding saved by `coding.compare` ({"coding": {...}, "thesis": ...}, or its repr), as plain data."""
    if isinstance(answer, str):
        try:
            answer = _literal(ast.parse(answer, mode="eval").body)
        except (SyntaxError, ValueError, TypeError):
            return {"coding": {}, "thesis": None}
    if not isinstance(answer, dict):
        return {"coding": {}, "thesis": None}
    mine = answer.get("coding") if isinstance(answer.get("coding"), dict) else {}
    return {"coding": {str(k): v for k, v in mine.items()}, "thesis": answer.get("thesis")}


def coding_table(source_id: str, answer: Any) -> dict:
    """Per coded paragraph and field: the learner's value, the course's, and agree/defensible/different/not coded."""
    saved = saved_coding(answer)
    course = load_course()
    rows = coding.coding_of(course, source_id)
    mine_by_p = {}
    for key, value in saved["coding"].items():
        try:
            mine_by_p[int(str(key).strip().lstrip("¶"))] = value if isinstance(value, dict) else {}
        except ValueError:
            continue
    paragraphs = []
    for row in rows.itertuples():
        n = int(row.paragraph)
        mine = {k: ... if v is None else v for k, v in mine_by_p.get(n, {}).items()}
        alts = coding._alternatives(row)
        results = [coding._compare_value(f, mine.get(f, ...), getattr(row, f), alts.get(f, set())) for f in FIELDS[:3]]
        results.append(
            coding._compare_loaded(
                mine.get("loaded", ...), [w.strip() for w in str(row.loaded).split(";") if w.strip()]
            )
        )
        paragraphs.append(
            {
                "paragraph": n,
                "fields": {
                    f: {"mine": r.yours, "course": r.course, "verdict": r.verdict}
                    for f, r in zip(FIELDS, results, strict=True)
                },
            }
        )
    return {"source": source_id, "thesis": saved["thesis"], "paragraphs": paragraphs}


def progress(records: list[dict]) -> pd.DataFrame:
    """Per notebook: course questions, attempted (never more than it has), answered correctly, written answers saved."""
    questions = all_questions()
    numbers = [lesson.notebook[:2] for lesson in COURSE_MAP]
    extra = sorted({notebook_of(r["qid"]) for r in records} - set(numbers))
    titles = {lesson.notebook[:2]: lesson.title for lesson in COURSE_MAP}
    rows = []
    for number in numbers + extra:
        mine = [r for r in records if notebook_of(r["qid"]) == number]
        asked = {q for q in questions if notebook_of(q) == number}
        rows.append(
            {
                "notebook": number,
                "title": titles.get(number, "(not in the course map)"),
                "questions": len(asked),
                "attempted": len({r["qid"] for r in mine if r["verdict"] in CHECKED} & asked),
                "correct": len({r["qid"] for r in mine if r["verdict"] == "correct"} & asked),
                "written answers": len({r["qid"] for r in mine if r["verdict"] == "written"}),
            }
        )
    return pd.DataFrame(rows)


def first_attempts(records: list[dict]) -> dict[str, dict]:
    """Per checked question: the first answer and verdict, the number of attempts, and the final answer and verdict."""
    out: dict[str, dict] = {}
    for r in records:
        if r["verdict"] not in CHECKED:
            continue
        item = out.setdefault(
            r["qid"],
            {"first_answer": r.get("answer"), "first_verdict": r["verdict"], "first_time": r["time"], "attempts": 0},
        )
        item["attempts"] += 1
        item.update(final_answer=r.get("answer"), final_verdict=r["verdict"], final_time=r["time"])
    return out


def canonical(data: dict) -> str:
    """The canonical JSON of the data (sorted keys, no spaces): what the checksum is taken of."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def checksum(data: dict) -> str:
    """SHA-256 of the canonical JSON of the data without its checksum field."""
    body = {k: v for k, v in data.items() if k != "checksum"}
    return hashlib.sha256(canonical(body).encode("utf-8")).hexdigest()


def handin_data(records: list[dict], name: str, created: str | None = None) -> dict:
    """The hand-in as data: names, every attempt, first attempts, written answers with prompts, codings, progress."""
    prompts = all_prompts()
    questions = all_questions()
    written: dict[str, dict] = {}
    codings: dict[str, dict] = {}
    coded = coded_readings()
    for r in records:
        if r["verdict"] == "written":
            written[r["qid"]] = {
                "qid": r["qid"],
                "notebook": notebook_of(r["qid"]),
                "prompt": prompts.get(r["qid"]) or r.get("prompt") or "",
                "answer": r.get("answer"),
                "time": r["time"],
                "feedback": r.get("feedback", ""),
            }
        elif r["verdict"] == "compared" and r["qid"] in coded:
            codings[coded[r["qid"]]] = {
                "qid": r["qid"],
                "time": r["time"],
                **coding_table(coded[r["qid"]], r.get("answer")),
            }
    attempts = [
        {
            "qid": r["qid"],
            "notebook": notebook_of(r["qid"]),
            "prompt": questions[r["qid"]].prompt if r["qid"] in questions else r.get("prompt", ""),
            "answer": (
                saved_coding(r.get("answer")) if r["verdict"] == "compared" and r["qid"] in coded else r.get("answer")
            ),
            "verdict": r["verdict"],
            "time": r["time"],
            "feedback": r.get("feedback", ""),
        }
        for r in records
    ]
    data = {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "course_version": course_version(),
        "name": name or "",
        "students": split_names(name),
        "created": created or _now(),
        "attempts": attempts,
        "first_attempts": first_attempts(records),
        "written": list(written.values()),
        "coding": codings,
        "progress": progress(records).to_dict(orient="records"),
    }
    return {
        **data,
        "checksum": {
            "algorithm": "sha256",
            "of": "canonical JSON of this object without 'checksum'",
            "value": checksum(data),
        },
    }


def export_html(records: list[dict], name: str) -> str:
    """One HTML page of the learner's work (inline CSS, no external requests, text escaped), with its data as JSON."""
    data = handin_data(records, name)
    table = pd.DataFrame(data["progress"])
    return render(
        "handin.html.j2", data=data, columns=list(table.columns), rows=table.to_dict(orient="records"), data_id=DATA_ID
    )


def my_work() -> pd.DataFrame:
    """Your progress per notebook, as a table (questions attempted and correct, written answers)."""
    records = load_work()
    name = whoami()
    who = name or 'no name yet: run ss.whoami("Your Name")'
    print(f"Saved work of {who}: {len(records)} attempt(s), kept in {work_dir()}")
    return progress(records)


def export_work(path: Any = "my-work.html") -> Path | None:
    """Write your work (name, progress, every attempt and written answer, your coding) to one HTML file to hand in."""
    if path is ... or not str(path).strip():
        print('Give a file name, e.g. ss.export_work("my-work.html"), and run the cell again.')
        return None
    out = Path(str(path)).expanduser()
    if out.suffix.lower() not in (".html", ".htm"):
        out = out.with_name(out.name + ".html")
    records = load_work()
    atomic_write(out, export_html(records, whoami()))
    # left owner-only (0600), like all the work the course saves: the learner who uploads it can read it, nobody else
    print(f"Wrote {out.resolve()} ({len(records)} attempt(s)). Upload this one file to your course page.")
    return out
