"""The learner's saved work: every check and written answer, kept outside the repository, exported as one HTML file.

Storage: one folder per user (platformdirs' user data folder, or $SHAREDSHIELD_WORK_DIR). Each running
kernel writes its own JSON-lines file (`attempts-HOST-PID.jsonl`), rewritten atomically (temporary file +
os.replace) on every record, so two notebooks recording at once never lose each other's lines. A file that
cannot be read is renamed (never deleted), with one message, and its readable lines are kept.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import re
import socket
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ENV = "SHAREDSHIELD_WORK_DIR"
KIND = "sharedshield-work"  # every saved line says what it is, so a foreign file is recognised
VERSION = 1
VERDICTS = ("correct", "not yet", "compared", "written")
LEARNER_FILE = "learner.json"
PATTERN = "attempts-*.jsonl"
RUBRIC = "teacher/rubric.md"


# ---------------------------------------------------------------- where and how the work is stored

def work_dir() -> Path:
    """The folder that holds this user's saved work ($SHAREDSHIELD_WORK_DIR, else the user data folder)."""
    value = os.environ.get(ENV)
    if value:
        return Path(value).expanduser()
    from platformdirs import user_data_path

    return user_data_path("sharedshield", appauthor=False) / "work"


def _test_run_without_folder() -> bool:
    """True inside a pytest run (and the notebook kernels it starts) that did not choose a work folder: never write to a real learner's."""
    return "PYTEST_CURRENT_TEST" in os.environ and not os.environ.get(ENV)


def own_file(folder: Path | None = None) -> Path:
    """This process's attempts file (one per kernel: host and process id in the name)."""
    host = re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname())[:40] or "host"
    return (folder or work_dir()) / f"attempts-{host}-{os.getpid()}.jsonl"


def _now() -> str:
    """The current time, UTC, to the second, ISO 8601."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _stamp() -> str:
    """A time stamp usable in a file name."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S")


def atomic_write(path: Path, text: str) -> None:
    """Write `text` to `path` so that a reader sees the old file or the new one, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _jsonable(value: Any) -> Any:
    """The answer as JSON can hold it: text, numbers, lists; sets sorted; anything else as its repr."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else repr(value)
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((_jsonable(v) for v in value), key=str)
    if hasattr(value, "item") and callable(value.item):  # numpy scalars
        try:
            return _jsonable(value.item())
        except (TypeError, ValueError):
            pass
    return repr(value)


def _valid(entry: Any) -> str | None:
    """What is wrong with one saved line, or None when it is a well-formed record."""
    if not isinstance(entry, dict) or entry.get("kind") != KIND:
        return f"it is not a Shared Shield work record (no \"kind\": \"{KIND}\")"
    for key in ("time", "qid", "verdict", "feedback"):
        if not isinstance(entry.get(key), str):
            return f"the field {key!r} is missing or not text"
    if entry["verdict"] not in VERDICTS:
        return f"the verdict {entry['verdict']!r} is not one of {', '.join(VERDICTS)}"
    return None


@dataclass(frozen=True)
class FileProblem:
    """A saved-work file that could not be read, and what was done about it."""

    path: Path
    what: str
    moved_to: Path | None
    kept: int

    def __str__(self) -> str:
        done = f"It was set aside as {self.moved_to.name} (nothing was deleted)" if self.moved_to else "Another notebook has already set it aside"
        kept = f"; its {self.kept} readable record(s) were kept in your work" if self.kept else ""
        return (f"Saved work: {self.path}: {self.what}. {done}{kept}, and recording goes on in a new file. "
                f"To fix: nothing is needed; if you edited or copied that file by hand, compare it with the set-aside copy, "
                f"and delete the copy once you no longer need it.")


def _set_aside(path: Path, what: str, good: list[dict]) -> FileProblem:
    """Rename a damaged or foreign file (never delete it); keep its readable records in a new file."""
    target = path.with_name(f"{path.name}.set-aside-{_stamp()}-{os.getpid()}")
    try:
        os.rename(path, target)
    except FileNotFoundError:  # another process got there first
        return FileProblem(path, what, None, 0)
    if good:
        atomic_write(path.with_name(f"attempts-recovered-{_stamp()}-{os.getpid()}.jsonl"), "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in good))
    return FileProblem(path, what, target, len(good))


def _read_file(path: Path) -> tuple[list[dict], FileProblem | None]:
    """The records of one attempts file; a damaged or foreign file is set aside and reported."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return [], None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return [], _set_aside(path, f"it is not UTF-8 text (byte {err.start})", [])
    good: list[dict] = []
    problem: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as err:
            problem = problem or f"line {number} is not valid JSON ({err.msg})"
            continue
        wrong = _valid(entry)
        if wrong:
            problem = problem or f"line {number}: {wrong}"
            continue
        good.append(entry)
    if problem is None:
        return good, None
    return [], _set_aside(path, problem, good)


def _report(problems: list[FileProblem]) -> None:
    """Print one message per file that was set aside."""
    for problem in problems:
        print(problem, file=sys.stderr)


def load_work(folder: Path | None = None) -> list[dict]:
    """Every saved record, oldest first (damaged or foreign files are set aside, with one message each)."""
    folder = folder or work_dir()
    records: list[dict] = []
    problems: list[FileProblem] = []
    done: set[Path] = set()
    while folder.is_dir():  # a second round reads the files that kept the readable lines of a set-aside file
        new = [path for path in sorted(folder.glob(PATTERN)) if path not in done]
        if not new:
            break
        for path in new:
            done.add(path)
            got, problem = _read_file(path)
            records += got
            if problem:
                problems.append(problem)
    _report(problems)
    return sorted(records, key=lambda r: r["time"])


def record(qid: str, answer: Any, verdict: str, feedback: str) -> None:
    """Save one attempt at question `qid` (verdict: 'correct', 'not yet', 'compared' or 'written')."""
    if verdict not in VERDICTS:
        raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    if os.environ.get("SHAREDSHIELD_SITE") == "1" or _test_run_without_folder():  # not a learner's work
        return
    entry = {"kind": KIND, "version": VERSION, "time": _now(), "qid": str(qid), "answer": _jsonable(answer),
             "verdict": verdict, "feedback": str(feedback)}
    prompt = prompt_for(str(qid))
    if prompt:
        entry["prompt"] = prompt
    path = own_file()
    try:
        old, problem = _read_file(path)
        if problem:
            _report([problem])
            old = []
            path = own_file()
        atomic_write(path, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in [*old, entry]))
    except OSError as err:
        print(f"Saved work: could not save your answer to {path}: {err.strerror or err}. Your checks still work, but this attempt "
              f"is not saved. To fix: make that folder writable, or set {ENV} to a folder you can write to.", file=sys.stderr)


# ---------------------------------------------------------------- the learner's name

def whoami(name: str | None = None) -> str:
    """Store the learner's name (shown in the export); without a name, return the stored one."""
    path = work_dir() / LEARNER_FILE
    if name is None:
        return _stored_name(path)
    name = "" if name is ... else " ".join(str(name).split())
    if not name or name == "...":
        stored = _stored_name(path)
        print(f"Your work is saved under the name {stored!r}." if stored else 'Write your name between the quotes, e.g. ss.whoami("Ada Lovelace"), and run the cell again.')
        return stored
    if not _test_run_without_folder():
        atomic_write(path, json.dumps({"kind": KIND, "name": name[:120], "time": _now()}, ensure_ascii=False) + "\n")
    print(f"Hello, {name[:120]}. Your answers are saved in {work_dir()} and will carry your name when you export them.")
    return name[:120]


def _stored_name(path: Path) -> str:
    """The stored name, or '' (a damaged name file is set aside with one message)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ""
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        _report([_set_aside(path, f"it is not valid JSON ({err})", [])])
        return ""
    if not isinstance(data, dict) or data.get("kind") != KIND or not isinstance(data.get("name"), str):
        _report([_set_aside(path, f"it is not a Shared Shield name file (no \"kind\": \"{KIND}\" and \"name\")", [])])
        return ""
    return data["name"]


# ---------------------------------------------------------------- written answers

def written_prompts() -> dict[str, str]:
    """Every written-answer prompt, by question id: the `WRITTEN` dicts of the questions modules."""
    from . import questions

    out: dict[str, str] = {}
    for info in pkgutil.iter_modules(questions.__path__):
        module = importlib.import_module(f"{questions.__name__}.{info.name}")
        out.update(getattr(module, "WRITTEN", {}))
    return out


def prompt_for(qid: str) -> str:
    """The prompt of a written answer or computed question, or '' when the course does not define one."""
    prompts = written_prompts()
    if qid in prompts:
        return prompts[qid]
    from .checks import all_questions

    question = all_questions().get(qid)
    return question.prompt if question else ""


SOURCES = {
    "blog2007": r"blog2007|blog(?:\s+post)?|tpm\s*cafe|mike7woodson|the\s+post",
    "lukyanov2011": r"lukyanov2011|lukyanov(?:'s|’s)?|the\s+column",
    "eir2013": r"eir2013|eir|executive\s+intelligence\s+review|the\s+timeline",
}
PARA = r"(?:¶|§|\bparagraphs?\b|\bparas?\b\.?|\bpar\.)\s*(\d{1,2})"
VERBS = r"(?:states?|says?|argues?|claims?|writes?|suggests?|presents?|calls?|describes?|reports?|asserts?|insists?|contends?|maintains?|implies|frames?|blames?|portrays?|sees?|holds?|lists?|notes?)"
DIFF_WORDS = r"\b(?:record|actually|in\s+fact|differs?|different|discrepanc\w*|contradict\w*|wrong|mistak\w*|incorrect|not\s+until|earlier\s+than|later\s+than|slip\w*)\b"


def citations(text: str) -> list[tuple[str, int]]:
    """The (reading id, paragraph) pairs a text cites, e.g. 'eir2013 ¶10', 'EIR ¶10', 'Lukyanov, para 3'."""
    found: list[tuple[str, int]] = []
    for source, alias in SOURCES.items():
        for m in re.finditer(rf"(?:{alias})\b[^.;\n¶]{{0,25}}?{PARA}((?:\s*(?:,|and|&|-|–)\s*\d{{1,2}})*)", text, flags=re.IGNORECASE):
            for number in [m.group(1), *re.findall(r"\d{1,2}", m.group(2) or "")]:
                if (source, int(number)) not in found:
                    found.append((source, int(number)))
    return found


def attributions(text: str) -> list[str]:
    """Phrases that attribute a claim to a reading ('EIR states', 'according to Lukyanov', 'the blog argues')."""
    names = "|".join(SOURCES.values()) + r"|the\s+author|the\s+writer|the\s+magazine"
    between = r"(?:\s*\([^)]{0,25}\))?(?:\s*,[^,.;]{1,90},)?\s+(?:also\s+|clearly\s+|openly\s+|then\s+)?"
    out = [m.group(0) for m in re.finditer(rf"\b(?:{names})\b{between}{VERBS}\b", text, flags=re.IGNORECASE)]
    out += [m.group(0) for m in re.finditer(r"\b(?:it|he|she)\s+(?:also\s+)?(?:argues|claims|states|reports|writes|says|presents|places|asserts|suggests)\b", text, flags=re.IGNORECASE)]
    out += [m.group(0) for m in re.finditer(rf"\b(?:according\s+to|in\s+the\s+words\s+of|as\s+(?:{names})\s+puts\s+it)\s+(?:{names})", text, flags=re.IGNORECASE)]
    return out


def record_differences(text: str) -> tuple[list[str], list[str], list[str]]:
    """Event ids and dates a text names, and the words with which it compares them to the record."""
    events = sorted(set(re.findall(r"\bE\d{3}\b", text)))
    dates = re.findall(r"\b(?:1[89]|20)\d{2}(?:-\d{2}(?:-\d{2})?)?\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b", text)
    words = sorted({w.lower() for w in re.findall(DIFF_WORDS, text, flags=re.IGNORECASE)})
    return events, dates, words


@dataclass(frozen=True)
class WrittenFeedback:
    """What a program can see in a written answer; never a grade."""

    qid: str
    recorded: bool
    lines: tuple[str, ...]

    def _repr_markdown_(self) -> str:
        """Shown under the answer cell."""
        head = f"✎ **Saved: your answer to {self.qid}.** What a program can see in it:\n\n" if self.recorded else ""
        return head + "\n".join(self.lines)

    def __repr__(self) -> str:
        return re.sub(r"[*`]", "", self._repr_markdown_())


def _known_events() -> set[str]:
    """Event ids of the course data (empty when the data cannot be loaded)."""
    try:
        from .data import load_course

        return set(load_course().events["event_id"])
    except Exception:  # noqa: BLE001  (feedback on writing must not fail on a data problem)
        return set()


def written_feedback(text: str) -> list[str]:
    """Observations on a written answer: citations, a difference from the record, attribution, length."""
    lines: list[str] = []
    cited = citations(text)
    readings = sorted({s for s, _ in cited})
    shown = ", ".join(f"`{s} ¶{p}`" for s, p in cited)
    if len(readings) >= 2:
        lines.append(f"* **Citations:** you cite {len(readings)} readings by paragraph ({shown}).")
    elif cited:
        lines.append(f"* **Citations:** you cite one reading by paragraph ({shown}). The task asks for at least two: add a place in another reading, as id + ¶ (e.g. `lukyanov2011 ¶3`).")
    else:
        lines.append("* **Citations:** I found no place cited as reading + paragraph. Cite each point, e.g. `eir2013 ¶10` or `Lukyanov, para 3`.")
    events, dates, words = record_differences(text)
    unknown = sorted(set(events) - _known_events()) if events else []
    if (events or dates) and words:
        named = ", ".join(events[:6] + dates[:3 if not events else 0])
        lines.append(f"* **The record:** you name {named} and write {', '.join(repr(w) for w in words[:4])}: it looks as if you compare a reading with the record. Check that you say what differs and cite the event id.")
    elif events or dates:
        lines.append("* **The record:** you name events or dates, but I see no comparison with the record (words such as 'the record', 'actually', 'differs'). Where a reading differs from the record, say so and how.")
    else:
        lines.append("* **The record:** I found no event id (e.g. `E113`) or date. Name at least one place where a reading differs from the record, with the event id.")
    if unknown:
        lines.append(f"* **Event ids:** {', '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} not in the course's events table: check the id.")
    attributed = attributions(text)
    if attributed:
        lines.append(f"* **Attribution:** you attribute claims to their sources {len(attributed)} time(s) (e.g. “{attributed[0]}”).")
    else:
        lines.append("* **Attribution:** I found no attributed claim. Say whose claim it is: “EIR states …”, “according to Lukyanov …”, “the blog argues …”.")
    words_n = len(re.findall(r"\w+(?:['’-]\w+)*", text))
    lines.append(f"* **Length:** {words_n} words." + (" That is short for a claim with evidence from two readings and the record." if words_n < 80 else ""))
    lines.append(f"\n*This is what a program can see, not a grade.* It does not judge your argument: whether your claim answers the question, whether your evidence supports it, or whether you read the sources fairly. That is for you, your classmates and your teacher, with the rubric (`{RUBRIC}`).")
    return lines


def answer(qid: str, text: Any) -> WrittenFeedback:
    """Save a written answer and say what a program can see in it (citations, the record, attribution, length)."""
    if text is ... or text is None or not str(text).strip() or str(text).strip() in ("...", "…"):
        return WrittenFeedback(qid, False, (f'Write your answer between the triple quotes, in place of the `...`: `ss.answer("{qid}", """Your answer here.""")`, then run the cell again. Nothing was saved yet.',))
    text = str(text).strip()
    lines = written_feedback(text)
    record(qid, text, "written", "\n".join(lines))
    return WrittenFeedback(qid, True, tuple(lines))


# ---------------------------------------------------------------- progress and export

def notebook_of(qid: str) -> str:
    """The two-digit notebook number of a question id ('q7_w1' -> '07'), or '??'."""
    m = re.match(r"^q(\d+)_", qid)
    return f"{int(m.group(1)):02d}" if m else "??"


MOVED = ("export_html", "export_work", "_inline", "progress", "my_work")  # the hand-in functions now live in sharedshield.handin


def __getattr__(name: str) -> Any:
    """`work.export_work` and the other hand-in functions, re-exported from sharedshield.handin (loaded lazily: no import cycle)."""
    if name in MOVED:
        return getattr(importlib.import_module(".handin", __package__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ---------------------------------------------------------------- command line

def reset(folder: Path, confirm: bool) -> Path | None:
    """Move every saved-work file into a dated backup folder (never deletes); return the backup folder."""
    files = sorted(p for p in folder.glob("*") if p.is_file() and not p.name.startswith(".tmp-")) if folder.is_dir() else []
    if not files or not confirm:
        return None
    backup = folder / "backups" / f"reset-{_stamp()}-{os.getpid()}"
    backup.mkdir(parents=True)
    for path in files:
        os.replace(path, backup / path.name)
    return backup


WORK_USAGE = """usage: python -m sharedshield work COMMAND

  show                 print your progress per notebook
  export OUT.html      write your name, progress, every attempt and written answer to one HTML file to hand in
  reset [--yes]        move your saved answers into a dated backup folder (asks first)"""


def main(argv: list[str]) -> int:
    """`python -m sharedshield work show | export OUT.html | reset [--yes]`."""
    if argv[:1] == ["show"]:
        records = load_work()
        print(f"Saved work of {whoami() or '(no name yet)'} in {work_dir()}: {len(records)} attempt(s)")
        print(__getattr__("progress")(records).to_string(index=False))
        return 0
    if argv[:1] == ["export"] and len(argv) == 2:
        return 0 if __getattr__("export_work")(argv[1]) else 1
    if argv[:1] == ["reset"] and set(argv[1:]) <= {"--yes"}:
        folder = work_dir()
        if not (folder.is_dir() and any(p.is_file() for p in folder.glob("*"))):
            print(f"Nothing to reset: no saved work in {folder}.")
            return 0
        if "--yes" in argv:
            ok = True
        elif not sys.stdin.isatty():
            print("work reset asks for confirmation, and input is not a terminal. Run it in a terminal, or add --yes to confirm.", file=sys.stderr)
            return 1
        else:
            ok = input(f"Move all saved work in {folder} into a backup folder? Your progress will start again from zero. [y/N] ").strip().lower() in ("y", "yes")
        backup = reset(folder, ok)
        print(f"Moved your saved work to {backup} (nothing was deleted)." if backup else "Nothing was changed.")
        return 0
    print(WORK_USAGE)
    return 2
