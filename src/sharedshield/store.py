"""Storage of the learner's attempts: the work folder, atomic writes, loading, recording, damaged files, reset.

One folder per user (platformdirs' user data folder, or $SHAREDSHIELD_WORK_DIR), private to the user (mode 0700,
every file 0600). Each running kernel writes its own JSON-lines file (`attempts-HOST-PID.jsonl`), rewritten
atomically (temporary file + os.replace) on every record, so two notebooks recording at once never lose each
other's lines. A file that cannot be read is renamed (never deleted), with one message, and its readable lines are kept.
"""

from __future__ import annotations

import json
import os
import re
import socket
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from platformdirs import user_data_path

from .display import SITE_ENV
from .questions import prompt_of

ENV = "SHAREDSHIELD_WORK_DIR"
KIND = "sharedshield-work"  # every saved line says what it is, so a foreign file is recognised
VERSION = 1
VERDICTS = ("correct", "defensible", "not yet", "compared", "written")
PATTERN = "attempts-*.jsonl"


# ---------------------------------------------------------------- where and how the work is stored


def work_dir() -> Path:
    """The folder that holds this user's saved work ($SHAREDSHIELD_WORK_DIR, else the user data folder)."""
    value = os.environ.get(ENV)
    if value:
        return Path(value).expanduser()
    return user_data_path("sharedshield", appauthor=False) / "work"


def private_dir(folder: Path) -> Path:
    """Create the work folder (or a folder inside it) readable by its owner only (mode 0700), and return it."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.stat().st_mode & 0o077:
        folder.chmod(0o700)
    return folder


def make_private(folder: Path) -> Path:
    """Make a folder the course saved, and everything in it, readable by its owner only (folders 0700, files 0600)."""
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o700 if path.is_dir() else 0o600)
    return folder


def own_file(folder: Path | None = None) -> Path:
    """This process's attempts file (one per kernel: host and process id in the name)."""
    host = re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname())[:40] or "host"
    return (folder or work_dir()) / f"attempts-{host}-{os.getpid()}.jsonl"


def now_utc() -> str:
    """The current time, UTC, to the second, ISO 8601."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def stamp() -> str:
    """A time stamp usable in a file name."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S")


def atomic_write(path: Path, text: str) -> None:
    """Write `text` to `path` (mode 0600, via mkstemp) so a reader sees the old or the new file, never half of it."""
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
        return f'it is not a Shared Shield work record (no "kind": "{KIND}")'
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
        done = (
            f"It was set aside as {self.moved_to.name} (nothing was deleted)"
            if self.moved_to
            else "Another notebook has already set it aside"
        )
        kept = f"; its {self.kept} readable record(s) were kept in your work" if self.kept else ""
        return (
            f"Saved work: {self.path}: {self.what}. {done}{kept}, and recording goes on in a new file. To fix: nothing"
            " is needed; if you edited or copied that file by hand, compare it with the set-aside copy, and delete the"
            " copy once you no longer need it."
        )


def set_aside(path: Path, what: str, good: list[dict]) -> FileProblem:
    """Rename a damaged or foreign file (never delete it); keep its readable records in a new file."""
    target = path.with_name(f"{path.name}.set-aside-{stamp()}-{os.getpid()}")
    try:
        os.rename(path, target)
    except FileNotFoundError:  # another process got there first
        return FileProblem(path, what, None, 0)
    if good:
        atomic_write(
            path.with_name(f"attempts-recovered-{stamp()}-{os.getpid()}.jsonl"),
            "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in good),
        )
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
        return [], set_aside(path, f"it is not UTF-8 text (byte {err.start})", [])
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
    return [], set_aside(path, problem, good)


def report_problems(problems: list[FileProblem]) -> None:
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
    report_problems(problems)
    return sorted(records, key=lambda r: r["time"])


def record(qid: str, answer: Any, verdict: str, feedback: str) -> None:
    """Save one attempt at question `qid` (verdict: 'correct', 'defensible', 'not yet', 'compared' or 'written')."""
    if verdict not in VERDICTS:
        raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    if os.environ.get(SITE_ENV) == "1":  # the static site's build runs the notebooks: not a learner's work
        return
    entry = {
        "kind": KIND,
        "version": VERSION,
        "time": now_utc(),
        "qid": str(qid),
        "answer": _jsonable(answer),
        "verdict": verdict,
        "feedback": str(feedback),
    }
    prompt = prompt_of(str(qid))
    if prompt:
        entry["prompt"] = prompt
    path = own_file()
    try:
        private_dir(path.parent)
        old, problem = _read_file(path)
        if problem:
            report_problems([problem])
            old = []
            path = own_file()
        atomic_write(path, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in [*old, entry]))
    except OSError as err:
        print(
            f"Saved work: could not save your answer to {path}: {err.strerror or err}. Your checks still work, but this"
            f" attempt is not saved. To fix: make that folder writable, or set {ENV} to a folder you can write to.",
            file=sys.stderr,
        )


def reset(folder: Path, confirm: bool) -> Path | None:
    """Move every saved-work file into a dated backup folder (never deletes); return the backup folder."""
    files = (
        sorted(p for p in folder.glob("*") if p.is_file() and not p.name.startswith(".tmp-")) if folder.is_dir() else []
    )
    if not files or not confirm:
        return None
    backup = private_dir(private_dir(folder / "backups") / f"reset-{stamp()}-{os.getpid()}")
    for path in files:
        os.replace(path, backup / path.name)
    return backup
