"""The learner's name, kept in the work folder beside the attempts and shown in the hand-in."""

from __future__ import annotations

import json
from pathlib import Path

from .store import KIND, atomic_write, now_utc, private_dir, report_problems, set_aside, work_dir

LEARNER_FILE = "learner.json"


def whoami(name: str | None = None) -> str:
    """Store the learner's name (shown in the export); without a name, return the stored one."""
    path = work_dir() / LEARNER_FILE
    if name is None:
        return _stored_name(path)
    name = "" if name is ... else " ".join(str(name).split())
    if not name or name == "...":
        stored = _stored_name(path)
        print(
            f"Your work is saved under the name {stored!r}."
            if stored
            else 'Write your name between the quotes, e.g. ss.whoami("Ada Lovelace"), and run the cell again.'
        )
        return stored
    private_dir(path.parent)
    atomic_write(path, json.dumps({"kind": KIND, "name": name[:120], "time": now_utc()}, ensure_ascii=False) + "\n")
    print(f"Hello, {name[:120]}. Your answers are saved in {work_dir()} and will carry your name when you export them.")
    return name[:120]


def _stored_name(path: Path) -> str:
    """The stored name, or '' (a damaged name file is set aside with one message)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ""
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        report_problems([set_aside(path, f"it is not valid JSON ({err})", [])])
        return ""
    if not isinstance(data, dict) or data.get("kind") != KIND or not isinstance(data.get("name"), str):
        report_problems([set_aside(path, f'it is not a Shared Shield name file (no "kind": "{KIND}" and "name")', [])])
        return ""
    return data["name"]
