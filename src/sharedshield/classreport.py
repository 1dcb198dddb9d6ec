"""The teacher's loop on files alone: read hand-ins, report the class at a glance, write a marking sheet, return marks.

`python -m sharedshield class report FILE_OR_FOLDER... --out class-report.html [--json summary.json] [--marks marks.csv]
[--anonymous] [--include-edited]` and `python -m sharedshield class feedback marks.csv --out folder/`. Hand-in files are
only ever read: never changed, moved or renamed.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from . import coding, handin
from .checks import judge
from .data import load_course
from .lessons import COURSE_MAP
from .questions import Question, all_questions, spelled
from .templates import environment, render, script_json

ROOT = Path(__file__).resolve().parents[2]
RUBRIC = ROOT / "teacher" / "rubric.md"
LEVELS = ("basic", "emergent", "proficient")
CLAIM = "q9_w1"
VERDICT_COLOURS = {
    "agree": "#009E73",
    "defensible": "#56B4E9",
    "overlap": "#CC79A7",
    "different": "#D55E00",
    "not coded": "#999999",
}  # Okabe-Ito
RIGHT, WRONG = "#0072B2", "#E69F00"
DATA_BLOCK = re.compile(r'<script type="application/json" id="' + handin.DATA_ID + r'">(.*?)</script>', re.S)
OLD_ROW = re.compile(
    r"<tr><td>([^<]*)</td><td>(q\d+_\w+)</td><td>.*?</td><td>(.*?)</td><td"
    r" class=\"(?:correct|defensible|notyet)\">([^<]*)</td>",
    re.S,
)
OLD_WRITTEN = re.compile(
    r'<div class="written"><p><strong>(q\d+_\w+)</strong> <span class="muted">\(([^)]*)\)</span></p>.*?<div'
    r' class="text">(.*?)</div>',
    re.S,
)
MARK_COLUMNS = (
    "student",
    "file",
    "sourcing",
    "corroboration",
    "close reading",
    "use of evidence",
    "comment",
    "written claim (q9_w1)",
)


@dataclass
class Handin:
    """One hand-in as read: its file, its data, and what the teacher should know about it."""

    path: Path
    data: dict
    notes: list[str] = field(default_factory=list)
    edited: bool = False

    @property
    def name(self) -> str:
        """The name(s) the learner gave, or the file name when none was given."""
        return " & ".join(self.data.get("students") or []) or self.data.get("name") or f"(no name: {self.path.name})"

    @property
    def key(self) -> str:
        """Who handed in, for finding two hand-ins of one student (or pair)."""
        names = self.data.get("students") or [self.data.get("name") or self.path.name]
        return " & ".join(sorted(" ".join(str(n).casefold().split()) for n in names))


def _old_format(text: str) -> dict | None:
    """The data of a hand-in exported before hand-ins carried JSON (its checks table and written answers), or None."""
    if "<title>Shared Shield? Work of" not in text:
        return None
    name = re.search(r"<strong>Name:</strong> (.*?)<br>", text)
    created = re.search(r"<strong>Exported:</strong> (\S+)", text)
    attempts = []
    for time, qid, answer, verdict in OLD_ROW.findall(text):
        raw = html.unescape(answer)
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        attempts.append({"qid": qid, "answer": value, "verdict": html.unescape(verdict), "time": html.unescape(time)})
    written = [
        {"qid": qid, "answer": html.unescape(answer), "time": time, "prompt": "", "feedback": ""}
        for qid, time, answer in OLD_WRITTEN.findall(text)
    ]
    attempts += [{"qid": w["qid"], "answer": w["answer"], "verdict": "written", "time": w["time"]} for w in written]
    who = html.unescape(name.group(1)) if name else ""
    who = "" if who.startswith("(no name") else who
    return {
        "schema": handin.SCHEMA,
        "schema_version": 0,
        "course_version": "before 1.1 (no data block)",
        "name": who,
        "students": handin.split_names(who),
        "created": created.group(1) if created else "",
        "attempts": sorted(attempts, key=lambda a: a["time"]),
        "first_attempts": handin.first_attempts(sorted(attempts, key=lambda a: a["time"])),
        "written": written,
        "coding": {},
    }


def read_handin(path: Path) -> Handin | str:
    """One hand-in file read (never changed), or the one-line reason it is refused."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        return f"{path}: cannot be read ({err.strerror or err}); skipped. To fix: check the file's permissions."
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return (
            f"{path}: not a Shared Shield hand-in (not UTF-8 text); refused. To fix: ask the student for the .html file"
            " written by ss.export_work."
        )
    found = DATA_BLOCK.search(text)
    if not found:
        old = _old_format(text)
        if old is None:
            return (
                f"{path}: not a Shared Shield hand-in (no hand-in data in it); refused. To fix: ask the student for the"
                " .html file written by ss.export_work."
            )
        return Handin(
            path,
            old,
            [
                f"{path}: made by an older course version (no data block): read from its tables; no checksum to verify,"
                " codings not included."
            ],
        )
    try:
        data = json.loads(found.group(1))
    except json.JSONDecodeError as err:
        return (
            f"{path}: a hand-in whose data block is not valid JSON (line {err.lineno}: {err.msg}): it was edited by"
            " hand; refused. To fix: ask the student to export it again."
        )
    if not isinstance(data, dict) or data.get("schema") != handin.SCHEMA:
        return f"{path}: not a Shared Shield hand-in (its data block is not of schema {handin.SCHEMA!r}); refused."
    item = Handin(path, data)
    stored = (data.get("checksum") or {}).get("value")
    if stored != handin.checksum(data):
        item.edited = True
        item.notes.append(f"{path}: EDITED: its data does not match its checksum (changed by hand after export)")
    if data.get("course_version") != handin.course_version() or data.get("schema_version") != handin.SCHEMA_VERSION:
        item.notes.append(
            f"{path}: made by course version {data.get('course_version')} (schema {data.get('schema_version')}); this"
            f" course is {handin.course_version()}: read as far as it can be."
        )
    return item


def files_of(paths: list[Path]) -> list[Path]:
    """The files named, and every .html/.htm file in the folders named (sorted)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in (".html", ".htm"))
        else:
            out.append(p)
    return out


def collect(
    paths: list[Path], include_edited: bool = False, skip: tuple[Path, ...] = ()
) -> tuple[list[Handin], list[str]]:
    """The hand-ins (newest per student; edited ones only if asked) and a line per file the teacher should know of."""
    messages: list[str] = []
    kept: dict[str, Handin] = {}
    skip_resolved = {s.resolve() for s in skip}
    for path in files_of(paths):
        if path.resolve() in skip_resolved:
            continue
        if not path.exists():
            messages.append(f"{path}: no such file or folder; skipped.")
            continue
        got = read_handin(path)
        if isinstance(got, str):
            messages.append(got)
            continue
        messages += got.notes
        if got.edited and not include_edited:
            messages[-len(got.notes)] += "; kept out of the counts (add --include-edited to count it)."
            continue
        if got.edited:
            messages[-len(got.notes)] += "; counted, as --include-edited asks."
        other = kept.get(got.key)
        if other is not None:
            newer, older = (
                (got, other) if str(got.data.get("created", "")) >= str(other.data.get("created", "")) else (other, got)
            )
            messages.append(
                f"{older.path.name}: {older.name} handed in twice; the newer {newer.path.name}"
                f" ({newer.data.get('created')}) is kept, this one ({older.data.get('created')}) is left out."
            )
            kept[got.key] = newer
        else:
            kept[got.key] = got
    return sorted(kept.values(), key=lambda h: h.name.casefold()), messages


def options_of(q: Question) -> dict[str, str]:
    """The lettered options of a letter question (its `options`, else '(a) ... (b) ...' in its prompt), else {}."""
    if q.options:
        return dict(q.options)
    parts = re.split(r"\s\(([a-h])\)\s", " " + q.prompt)
    return dict(zip(parts[1::2], (p.strip() for p in parts[2::2]), strict=True)) if len(parts) > 2 else {}


def _key(q: Question | None, answer: Any) -> str:
    """An answer as the checks normalise it (a letter for letter questions, trimmed and case-blind otherwise)."""
    if answer is None:
        return "(empty)"
    if q is None:
        return str(answer).strip().casefold()
    try:
        return spelled(q, answer)
    except Exception:  # noqa: BLE001  (a hand-in may hold any value a learner typed)
        return str(answer).strip().casefold()


def question_summary(handins: list[Handin]) -> dict[str, dict]:
    """Per course question: first answers (normalised) counted, right first time, attempts, each answer's feedback."""
    questions = all_questions()
    course = load_course()
    out: dict[str, dict] = {}
    for qid, q in questions.items():
        firsts = [h.data.get("first_attempts", {}).get(qid) for h in handins]
        firsts = [f for f in firsts if f]
        counts = Counter(_key(q, f.get("first_answer")) for f in firsts)
        right = Counter(_key(q, f.get("first_answer")) for f in firsts if f.get("first_verdict") == "correct")
        options = options_of(q)
        answers = {}
        for key in sorted(set(counts) | set(options), key=lambda k: (k not in options, -counts.get(k, 0), k)):
            example = next((f.get("first_answer") for f in firsts if _key(q, f.get("first_answer")) == key), key)
            try:
                verdict = judge(q, example, course)
                feedback, correct = verdict.feedback, verdict.correct
            except Exception:  # noqa: BLE001
                feedback, correct = "", key in right
            answers[key] = {
                "count": counts.get(key, 0),
                "correct": bool(correct),
                "option": options.get(key, ""),
                "feedback": feedback,
            }
        out[qid] = {
            "prompt": q.prompt,
            "notebook": handin.notebook_of(qid),
            "students_answered": len(firsts),
            "first_correct": sum(1 for f in firsts if f.get("first_verdict") == "correct"),
            "first_answers": dict(counts),
            "attempts": sum(int(f.get("attempts", 1)) for f in firsts),
            "answers": answers,
        }
    return out


def coding_summary(handins: list[Handin]) -> dict[str, dict]:
    """Per reading, paragraph, field: agree/defensible/different/not coded counts, top other codes and loaded words."""
    out: dict[str, dict] = {}
    for h in handins:
        for source, table in (h.data.get("coding") or {}).items():
            for p in table.get("paragraphs", []):
                for f, v in p.get("fields", {}).items():
                    cell = out.setdefault(source, {}).setdefault(
                        f"¶{p['paragraph']} {f}",
                        {"course": v.get("course"), "verdicts": Counter(), "alternatives": Counter()},
                    )
                    verdict = v.get("verdict") if v.get("verdict") in VERDICT_COLOURS else "not coded"
                    cell["verdicts"][verdict] += 1
                    if verdict in ("different", "defensible", "overlap") and v.get("mine"):
                        cell["alternatives"][str(v["mine"])] += 1
    course = load_course()
    values = {}
    for source in out:
        for row in coding.coding_of(course, source).itertuples():
            values |= {
                (source, f"¶{int(row.paragraph)} {f}"): "; ".join(w.strip() for w in str(getattr(row, f)).split(";"))
                for f in handin.FIELDS
            }
    return {
        s: {
            k: {
                "course": values.get((s, k), c["course"]),
                "verdicts": dict(c["verdicts"]),
                "alternatives": dict(c["alternatives"].most_common(3)),
            }
            for k, c in cells.items()
        }
        for s, cells in out.items()
    }


def progress_rows(handins: list[Handin]) -> list[dict]:
    """Per student: hand-in time and, per notebook, questions attempted of questions asked."""
    asked = Counter(handin.notebook_of(q) for q in all_questions())
    rows = []
    for h in handins:
        done = defaultdict(set)
        for qid in h.data.get("first_attempts", {}):
            done[handin.notebook_of(qid)].add(qid)
        written = Counter(handin.notebook_of(w["qid"]) for w in h.data.get("written", []))
        rows.append(
            {
                "student": h.name,
                "file": h.path.name,
                "created": h.data.get("created", ""),
                "notebooks": {
                    lesson.notebook[:2]: (
                        f"{len(done[lesson.notebook[:2]])}/{asked[lesson.notebook[:2]]}"
                        + (f" +{written[lesson.notebook[:2]]}w" if written[lesson.notebook[:2]] else "")
                    )
                    for lesson in COURSE_MAP
                },
            }
        )
    return rows


def summary(handins: list[Handin], messages: list[str]) -> dict:
    """The counts the report shows, as data (the --json file)."""
    return {
        "schema": "sharedshield-class-summary",
        "course_version": handin.course_version(),
        "students": [h.name for h in handins],
        "files": [str(h.path) for h in handins],
        "messages": messages,
        "questions": question_summary(handins),
        "coding": coding_summary(handins),
        "written": {qid: len(ws) for qid, ws in written_by_task(handins).items()},
    }


def written_by_task(handins: list[Handin]) -> dict[str, list[tuple[str, dict]]]:
    """Per written task, in course order: (student, their last saved answer)."""
    out: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for h in handins:
        for w in h.data.get("written", []):
            out[w["qid"]].append((h.name, w))
    return dict(sorted(out.items(), key=lambda kv: (handin.notebook_of(kv[0]), kv[0])))


LAYOUT = {
    "font": {"family": "system-ui, sans-serif", "size": 13, "color": "#1a1a1a"},
    "paper_bgcolor": "#ffffff",
    "plot_bgcolor": "#ffffff",
    "margin": {"l": 10, "r": 10, "t": 50, "b": 40},
    "xaxis": {"gridcolor": "#dddddd", "automargin": True},
    "yaxis": {"gridcolor": "#dddddd", "automargin": True},
}


def _figure_html(data: list[dict], layout: dict, alt: str, div_id: str) -> str:
    """One plotly chart as a JSON spec (drawn by the plotly.js inlined once per page), with its text alternative."""
    merged = {
        **LAYOUT,
        **layout,
        "xaxis": {**LAYOUT["xaxis"], **layout.get("xaxis", {})},
        "yaxis": {**LAYOUT["yaxis"], **layout.get("yaxis", {})},
    }
    spec = script_json({"data": data, "layout": merged, "config": {"displaylogo": False, "responsive": True}})
    # script_json is markup already: JSON with no '<', '>' or '&' left, safe inside the <script> element
    return render("chart_figure.html", div_id=div_id, spec=spec, alt=alt)


def _bar(name: str, x: list, y: list, colour: str | list, orientation: str = "v", hover: str = "") -> dict:
    """A plotly bar trace."""
    return {
        "type": "bar",
        "name": name,
        "x": x,
        "y": y,
        "orientation": orientation,
        "marker": {"color": colour},
        "hovertemplate": hover + "<extra>hand-ins</extra>",
    }


def class_spec(handins: list[Handin]) -> tuple[list[dict], dict, str]:
    """Class chart (plotly data, layout, alt text): per notebook, students who tried any check, and every check."""
    asked = Counter(handin.notebook_of(q) for q in all_questions())
    numbers = [lesson.notebook[:2] for lesson in COURSE_MAP if asked[lesson.notebook[:2]]]
    done = [Counter(handin.notebook_of(q) for q in h.data.get("first_attempts", {})) for h in handins]
    some = [sum(1 for d in done if d[n]) for n in numbers]
    full = [sum(1 for d in done if d[n] >= asked[n]) for n in numbers]
    data = [
        _bar("attempted at least one check", numbers, some, RIGHT, hover="notebook %{x}: %{y} students"),
        _bar("attempted every check", numbers, full, WRONG, hover="notebook %{x}: %{y} students"),
    ]
    layout = {
        "title": {"text": "Students who attempted the checks, per notebook"},
        "barmode": "group",
        "height": 380,
        "xaxis": {"title": {"text": "notebook"}, "type": "category"},
        "yaxis": {"title": {"text": "students"}},
        "legend": {"orientation": "h", "y": -0.25},
    }
    alt = (
        f"Of {len(handins)} students: "
        + "; ".join(
            f"notebook {n}: {s} attempted a check, {f} all" for n, s, f in zip(numbers, some, full, strict=True)
        )
        + "."
    )
    return data, layout, alt


def class_chart(handins: list[Handin]) -> str:
    """The class chart as HTML."""
    return _figure_html(*class_spec(handins), "chart-class")


def question_spec(qid: str, info: dict) -> tuple[list[dict], dict, str]:
    """First answers to one question, per option (right answer in blue, others in orange): data, layout, alt text."""
    items = list(info["answers"].items())[:8]
    labels = [f"({k})" if v["option"] else k[:30] for k, v in items]
    data = [
        _bar(
            "first answers",
            [v["count"] for _, v in items],
            labels,
            [RIGHT if v["correct"] else WRONG for _, v in items],
            "h",
            "%{y}: %{x} first answers",
        )
    ]
    layout = {
        "title": {"text": f"{qid}: first answers (blue: right)"},
        "height": 130 + 32 * len(items),
        "showlegend": False,
        "xaxis": {"title": {"text": "students (first attempt)"}, "rangemode": "tozero"},
        "yaxis": {"title": {"text": "answer"}, "autorange": "reversed", "type": "category"},
    }
    alt = (
        f"{qid}, first attempts of {info['students_answered']} students: "
        + "; ".join(
            f"{lab} {v['count']}{' (right)' if v['correct'] else ''}" for lab, (_, v) in zip(labels, items, strict=True)
        )
        + "."
    )
    return data, layout, alt


def question_chart(qid: str, info: dict) -> str:
    """One question's chart as HTML."""
    return _figure_html(*question_spec(qid, info), f"chart-{qid}")


def coding_spec(source: str, cells: dict) -> tuple[list[dict], dict, str]:
    """Students per paragraph/field by verdict (agree, defensible, overlap, different, not coded): data, layout, alt."""
    rows = list(cells)
    data = [
        _bar(v, [cells[r]["verdicts"].get(v, 0) for r in rows], rows, c, "h", "%{y}: %{x} students, " + v)
        for v, c in VERDICT_COLOURS.items()
    ]
    layout = {
        "title": {"text": f"{source}: the class's coding beside the course's"},
        "barmode": "stack",
        "height": 170 + 22 * len(rows),
        "xaxis": {"title": {"text": "students"}},
        "yaxis": {"title": {"text": "paragraph and field"}, "autorange": "reversed", "type": "category"},
        "legend": {"orientation": "h", "y": -0.12},
    }
    alt = (
        f"{source}: "
        + "; ".join(
            f"{r}: " + ", ".join(f"{cells[r]['verdicts'].get(v, 0)} {v}" for v in VERDICT_COLOURS) for r in rows
        )
        + "."
    )
    return data, layout, alt


def coding_chart(source: str, cells: dict) -> str:
    """One reading's coding chart as HTML."""
    return _figure_html(*coding_spec(source, cells), f"chart-coding-{source}")


def figure(spec: tuple[list[dict], dict, str]) -> go.Figure:
    """A chart spec as a plotly Figure, for the teacher's notebook (its text alternative is the spec's third part)."""
    data, layout, alt = spec
    return go.Figure(
        data=data,
        layout={
            **LAYOUT,
            **layout,
            "meta": {"alt": alt},
            "xaxis": {**LAYOUT["xaxis"], **layout.get("xaxis", {})},
            "yaxis": {**LAYOUT["yaxis"], **layout.get("yaxis", {})},
        },
    )


def progress_table(handins: list[Handin]) -> pd.DataFrame:
    """Per student: exported when, and per notebook the questions attempted of those asked (+Nw: written answers)."""
    return pd.DataFrame(
        [{"student": r["student"], "exported (UTC)": r["created"], **r["notebooks"]} for r in progress_rows(handins)]
    )


def missed_table(handins: list[Handin]) -> pd.DataFrame:
    """Per self-check, most missed first: students who answered, right first time, commonest wrong first answer."""
    rows = []
    for qid, info in question_summary(handins).items():
        wrong = [(k, a["count"]) for k, a in info["answers"].items() if not a["correct"] and a["count"]]
        top = max(wrong, key=lambda kv: kv[1]) if wrong else ("", 0)
        rows.append(
            {
                "question": qid,
                "answered": info["students_answered"],
                "right first time": info["first_correct"],
                "missed first time": info["students_answered"] - info["first_correct"],
                "commonest wrong answer": f"{top[0]} ({top[1]})" if top[1] else "",
            }
        )
    table = pd.DataFrame(rows)
    return table.sort_values(["missed first time", "question"], ascending=[False, True], ignore_index=True)


def write_report(paths: list[Path], out: Path, anonymous: bool = False, include_edited: bool = False) -> list[Handin]:
    """Read the hand-ins and write the HTML report (`class report` for a notebook); the file problems are printed."""
    handins, messages = collect(paths, include_edited=include_edited, skip=(out,))
    for line in messages:
        print(line)
    if handins:
        handin.atomic_write(out, render_report(handins, messages, anonymous=anonymous))
        out.chmod(0o644)
        print(f"Wrote {out} ({len(handins)} student(s)).")
    return handins


def render_report(handins: list[Handin], messages: list[str], anonymous: bool = False) -> str:
    """The class report: one self-contained offline HTML page (plotly.js inlined once)."""
    labels = {h.name: f"Student {i}" if anonymous else h.name for i, h in enumerate(handins, start=1)}
    questions = question_summary(handins)
    order = sorted(
        questions,
        key=lambda q: (
            -(questions[q]["students_answered"] - questions[q]["first_correct"])
            / max(1, questions[q]["students_answered"]),
            q,
        ),
    )
    coding = coding_summary(handins)
    rows = progress_rows(handins)
    for row in rows:
        row["student"] = labels[row["student"]]
        if anonymous:
            row["file"] = ""
    written = {qid: [(labels[name], w) for name, w in ws] for qid, ws in written_by_task(handins).items()}
    return render(
        "class_report.html.j2",
        created=handin._now(),
        course_version=handin.course_version(),
        handins=handins,
        messages=messages,
        anonymous=anonymous,
        progress=rows,
        notebooks=[lesson.notebook[:2] for lesson in COURSE_MAP],
        class_chart=class_chart(handins),
        questions=[
            (q, questions[q], question_chart(q, questions[q])) for q in order if questions[q]["students_answered"]
        ],
        unanswered=[q for q in order if not questions[q]["students_answered"]],
        coding=[(s, cells, coding_chart(s, cells)) for s, cells in sorted(coding.items())],
        written=written,
        prompts=handin.all_prompts(),
        plotlyjs=get_plotlyjs(),
    )


def rubric(path: Path = RUBRIC) -> dict[str, dict[str, str]]:
    """The rubric's skills and their descriptors per level, read from teacher/rubric.md's table."""
    out: dict[str, dict[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        skill = re.match(r"\*\*(.+?)\*\*", cells[0]) if len(cells) == 4 else None
        if skill:
            out[skill.group(1).casefold()] = dict(
                zip(LEVELS, (re.sub(r"\*\*(.+?)\*\*", r"\1", c) for c in cells[1:]), strict=True)
            )
    return out


def write_marks(handins: list[Handin], path: Path) -> None:
    """A marking sheet (CSV, opens in any spreadsheet): one row per student, a column per rubric skill, a comment."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(MARK_COLUMNS)
        for h in handins:
            claim = next((w.get("answer") for w in reversed(h.data.get("written", [])) if w.get("qid") == CLAIM), "")
            writer.writerow([h.name, h.path.name, "", "", "", "", "", claim or ""])


def feedback_pages(marks: Path, folder: Path) -> tuple[list[Path], list[str]]:
    """One printable feedback page per student of a filled marking sheet; and one line per problem in the sheet."""
    skills = rubric()
    problems: list[str] = []
    written: list[Path] = []
    try:
        with marks.open(encoding="utf-8-sig", newline="") as f:
            table = list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        return [], [
            f"{marks}: cannot be read as a CSV marking sheet ({err}). To fix: save it from your spreadsheet as CSV"
            " (UTF-8)."
        ]
    missing = [c for c in MARK_COLUMNS[:7] if table and c not in table[0]]
    if missing:
        return [], [
            f"{marks}: the column(s) {', '.join(missing)} are missing. To fix: keep the header row the report wrote."
        ]
    folder.mkdir(parents=True, exist_ok=True)
    template = environment().get_template("feedback.html.j2")
    used: set[str] = set()
    for number, row in enumerate(table, start=2):
        levels = {}
        for skill in skills:
            value = (row.get(skill) or "").strip().casefold()
            if value and value not in LEVELS:
                problems.append(
                    f"{marks}, row {number}, column {skill!r}: {value!r} is not a level; write basic, emergent or"
                    " proficient (or leave it empty)."
                )
                value = ""
            levels[skill] = value
        name = (row.get("student") or "").strip() or f"row {number}"
        stem = re.sub(r"[^\w-]+", "-", name).strip("-").lower() or f"row-{number}"
        while stem in used:
            stem += "-2"
        used.add(stem)
        page = folder / f"feedback-{stem}.html"
        page.write_text(
            template.render(
                student=name,
                levels=levels,
                skills=skills,
                levels_order=LEVELS,
                comment=row.get("comment", ""),
                claim=row.get("written claim (q9_w1)", ""),
            ),
            encoding="utf-8",
        )
        written.append(page)
    return written, problems


def run_report(args: argparse.Namespace) -> int:
    """`class report`: read the hand-ins, write the HTML report (and the JSON summary and marking sheet if asked)."""
    out = Path(args.out)
    own = tuple(Path(p) for p in (args.out, args.json, args.marks) if p)
    handins, messages = collect([Path(p) for p in args.paths], include_edited=args.include_edited, skip=own)
    for line in messages:
        print(line, file=sys.stderr)
    if not handins:
        print(
            "No hand-in could be read: nothing was written. To fix: name the folder or files of the students' exported"
            " .html hand-ins.",
            file=sys.stderr,
        )
        return 1
    handin.atomic_write(out, render_report(handins, messages, anonymous=args.anonymous))
    out.chmod(0o644)  # an ordinary file to open or share (temporary files are created private)
    if args.json:
        handin.atomic_write(
            Path(args.json), json.dumps(summary(handins, messages), ensure_ascii=False, indent=1) + "\n"
        )
        Path(args.json).chmod(0o644)
    if args.marks:
        write_marks(handins, Path(args.marks))
    print(
        f"Wrote {out} ({len(handins)} student(s))"
        + (f", {args.json}" if args.json else "")
        + (f", {args.marks}" if args.marks else "")
        + "."
    )
    return 0


def run_feedback(args: argparse.Namespace) -> int:
    """`class feedback`: one printable page per student of a filled marking sheet."""
    pages, problems = feedback_pages(Path(args.marks), Path(args.out))
    for line in problems:
        print(line, file=sys.stderr)
    print(f"Wrote {len(pages)} feedback page(s) to {args.out}.")
    return 0 if pages else 1


def register(subparsers: Any) -> None:
    """Add the `class` command group (report, feedback) to an argparse CLI."""
    group = subparsers.add_parser(
        "class", help="the teacher's class report and feedback pages, from the students' hand-in files"
    )
    sub = group.add_subparsers(dest="class_command", required=True)
    report = sub.add_parser("report", help="one offline HTML report of a class's hand-ins")
    report.add_argument(
        "paths", nargs="+", metavar="FILE_OR_FOLDER", help="hand-in .html files, or folders holding them"
    )
    report.add_argument("--out", default="class-report.html", help="the report to write (default: class-report.html)")
    report.add_argument("--json", help="also write the counts as JSON for other tools")
    report.add_argument(
        "--marks", help="also write a marking sheet (CSV: one row per student, the rubric's four skills, a comment)"
    )
    report.add_argument(
        "--anonymous", action="store_true", help="replace names by labels (for projecting to the class)"
    )
    report.add_argument(
        "--include-edited",
        action="store_true",
        help="count hand-ins whose data was changed by hand (flagged either way)",
    )
    report.set_defaults(run=run_report)
    feedback = sub.add_parser("feedback", help="one printable feedback page per student from a filled marking sheet")
    feedback.add_argument("marks", help="the filled marking sheet (CSV)")
    feedback.add_argument("--out", default="feedback", help="the folder for the pages (default: feedback/)")
    feedback.set_defaults(run=run_feedback)
