"""Read the three readings (kept outside the project) paragraph by paragraph."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .errors import ReadingsUnavailable

ENV = "SHAREDSHIELD_READINGS"
_PARA = re.compile(r"^\[(\d+)\] (.*)$")


def readings_folder(folder: str | Path | None = None) -> Path | None:
    """The readings folder: the argument, else $SHAREDSHIELD_READINGS, else None; never guessed."""
    value = folder if folder is not None else os.environ.get(ENV)
    if not value:
        return None
    return Path(value).expanduser().resolve()


def parse_reading(text: str) -> dict[int, str]:
    """Paragraphs of one reading by number; header (# ) and heading (## ) lines are skipped."""
    paragraphs: dict[int, str] = {}
    for line in text.splitlines():
        m = _PARA.match(line.strip())
        if m:
            paragraphs[int(m.group(1))] = m.group(2).strip()
    return paragraphs


def reading_id(text: str, fallback: str) -> str:
    """The id from a reading's '# id: ...' header line, or the fallback (the file name without .txt)."""
    for line in text.splitlines():
        if line.startswith("# id:"):
            return line.split(":", 1)[1].strip()
    return fallback


def readings(folder: str | Path | None = None) -> dict[str, dict[int, str]]:
    """Paragraphs of each reading by number, keyed by source id, from the folder or $SHAREDSHIELD_READINGS."""
    path = readings_folder(folder)
    if path is None:
        raise ReadingsUnavailable(
            "The readings are not part of this project (they are others' copyrighted work). If you have them, "
            f"set the environment variable {ENV} to their folder, e.g. in a notebook cell:\n"
            f"    import os; os.environ['{ENV}'] = '/path/to/readings'\n"
            "Everything else in the course works without them."
        )
    if not path.is_dir():
        raise ReadingsUnavailable(f"{ENV} points to {path}, which is not a folder — set it to the folder holding blog2007.txt, lukyanov2011.txt and eir2013.txt")
    out: dict[str, dict[int, str]] = {}
    for file in sorted(path.glob("*.txt")):
        text = file.read_text(encoding="utf-8")
        out[reading_id(text, file.stem)] = parse_reading(text)
    if not out:
        raise ReadingsUnavailable(f"{path} holds no .txt readings — set {ENV} to the folder holding the three readings")
    return out


def readings_available(folder: str | Path | None = None) -> bool:
    """True when the readings folder is set and holds readings."""
    try:
        readings(folder)
    except ReadingsUnavailable:
        return False
    return True
