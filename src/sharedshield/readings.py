"""Read the three readings (kept outside the project) paragraph by paragraph."""

from __future__ import annotations

import os
import re
from pathlib import Path

from platformdirs import user_data_dir

from .errors import ReadingsUnavailable

ENV = "SHAREDSHIELD_READINGS"
APP = "sharedshield"
_PARA = re.compile(r"^\[(\d+)\] (.*)$")
FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u00ad": "",
    }
)


def fold(text: str, words: bool = False) -> str:
    """Text with typographic quotes, dashes, spaces made plain, whitespace collapsed, case folded (for matching only).

    The course's one text normaliser: anchors, answers, codes and phrases are all compared after `fold`. With
    words=True only the words (letters, digits, hyphens) are kept, one space apart.
    """
    plain = re.sub(r"\s+", " ", str(text).translate(FOLD)).strip().casefold()
    return " ".join(re.findall(r"[\w-]+", plain)) if words else plain


def reading_store() -> Path:
    """The per-user folder where `python -m sharedshield readings import` keeps a reader's own copies."""
    return Path(user_data_dir(APP, appauthor=False)) / "readings"


def readings_folder(folder: str | Path | None = None) -> Path | None:
    """Readings folder: the argument, else $SHAREDSHIELD_READINGS, else the user folder if it has any; never guessed."""
    value = folder if folder is not None else os.environ.get(ENV)
    if value:
        return Path(value).expanduser().resolve()
    store = reading_store()
    return store if store.is_dir() and any(store.glob("*.txt")) else None


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
            "The readings are not part of this project (they are others' copyrighted work). To use your own copy, save"
            " each reading's web page (the addresses are on the sourcing cards in notebook 01) and run once, in a"
            " terminal:\n    python -m sharedshield readings import blog2007 saved-page.html\nEvery notebook then"
            f" finds it. (Or set the environment variable {ENV} to a folder of readings in the course's format before"
            " starting Jupyter.) Everything else in the course works without them."
        )
    if not path.is_dir():
        raise ReadingsUnavailable(
            f"{ENV} points to {path}, which is not a folder — set it to the folder holding blog2007.txt,"
            " lukyanov2011.txt and eir2013.txt"
        )
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


def reading_text(source_id: str, folder: str | Path | None = None) -> dict[int, str] | None:
    """One reading's paragraphs by number if your copy is installed, else None (notebooks show the analysis alone)."""
    try:
        return readings(folder).get(source_id)
    except ReadingsUnavailable:
        return None
