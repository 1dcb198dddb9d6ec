"""Your turn (08): add an event to a COPY of the course data through a fill-in form, or edit the copy in a spreadsheet.

The course's own data/ folder is never written. A form is a plain dict of values; `add_event` checks it in a
scratch copy first and changes your folder only when the validator accepts the new row, so running a cell twice
or fixing a mistake never leaves a half-written or duplicate row behind.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
from IPython.display import Markdown, display
from platformdirs import user_data_dir

from .data import Course, find_data_dir, load_course
from .errors import CourseDataError
from .store import make_private
from .tables import add_row, next_event_id, show_table
from .tables import copy_data as _copy

FORM_FIELDS = (
    "title",
    "summary",
    "date",
    "date_confidence",
    "date_reference",
    "actor1",
    "actor1_code",
    "actor2",
    "actor2_code",
    "event_class",
    "cameo_code",
    "theme",
)
OPTIONAL = ("actor2", "actor2_code", "cameo_code", "notes")
MY_DATA_ENV = "SHAREDSHIELD_MY_DATA"


def field_help(
    table: str = "events", fields: tuple[str, ...] = FORM_FIELDS, data_dir: str | Path | None = None
) -> pd.DataFrame:
    """Codebook help for a form, from datapackage.json: field, required, what it holds, allowed values or pattern."""
    package = json.loads((find_data_dir(data_dir) / "datapackage.json").read_text(encoding="utf-8"))
    resource = next((r for r in package["resources"] if r["name"] == table), None)
    if resource is None:
        raise KeyError(f"datapackage.json has no table {table!r}")
    by_name = {f["name"]: f for f in resource["schema"]["fields"]}
    examples = _examples(find_data_dir(data_dir) / resource["path"], fields)
    rows = []
    for name in fields:
        f = by_name.get(name, {})
        c = f.get("constraints", {})
        allowed = ", ".join(c["enum"]) if "enum" in c else f"text matching {c['pattern']}" if "pattern" in c else ""
        if "maxLength" in c:
            allowed = (allowed + "; " if allowed else "") + f"at most {c['maxLength']} characters"
        rows.append(
            {
                "field": name,
                "required": "yes" if c.get("required") else "no",
                "what it holds": f.get("description", ""),
                "allowed values": allowed,
                "example from the course data": examples.get(name, ""),
            }
        )
    return pd.DataFrame(rows)


def _examples(csv_path: Path, fields: tuple[str, ...]) -> dict[str, str]:
    """For each field, the most common non-empty value in the course's CSV (the first one on a tie)."""
    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = {}
    for name in fields:
        values = [r[name] for r in rows if r.get(name)]
        if values:
            out[name] = max(dict.fromkeys(values), key=values.count)
    return out


def show_form_help(table: str = "events", fields: tuple[str, ...] = FORM_FIELDS) -> None:
    """Display the codebook's help for the form as a table."""
    show_table(field_help(table, fields))


def form_problems(form: dict) -> list[str]:
    """What is missing or unknown in a filled-in form, one line per problem (empty when it is complete)."""
    missing = [
        k for k in FORM_FIELDS if k not in OPTIONAL and (form.get(k, ...) is ... or not str(form.get(k) or "").strip())
    ]
    if len(missing) == len([k for k in FORM_FIELDS if k not in OPTIONAL]):
        return ["the form is empty: replace each ... with a value (the help table above says what each field holds)"]
    problems = []
    allowed = set(FORM_FIELDS) | set(OPTIONAL)
    for key in form:
        if key not in allowed:
            problems.append(
                f"'{key}' is not a field of the form; the fields are {', '.join(FORM_FIELDS)} (and optional notes)"
            )
    for key in FORM_FIELDS:
        value = form.get(key, ...)
        if key not in OPTIONAL and (value is ... or value is None or not str(value).strip()):
            problems.append(f"'{key}' is not filled in: replace the ... with a value (see the help table above)")
    return problems


def _clean(form: dict) -> dict[str, str]:
    """The form's values as CSV text: ... and None become empty, everything else is stripped text."""
    return {k: "" if v is ... or v is None else str(v).strip() for k, v in form.items()}


def add_event(form: dict, data_dir: str | Path, origin: str = "background") -> Course | None:
    """Add a filled-in form's event to your copy of the data; print every problem and change nothing if there is one."""
    folder = Path(data_dir).expanduser().resolve()
    problems = form_problems(form)
    if problems:
        print(
            "Your event was not added. Fix these, then run the cell again:\n" + "\n".join(f"  - {p}" for p in problems)
        )
        return None
    values = _clean(form)
    try:
        course = load_course(folder)
    except CourseDataError as err:
        print(
            f"Your copy in {folder} has problems already; fix them first, or start a fresh copy with "
            f"ss.yourturn.my_copy(fresh=True):\n{err}"
        )
        return None
    same = course.events[(course.events["title"] == values["title"]) & (course.events["date"] == values["date"])]
    if len(same):
        print(f"Your copy already has this event as {same['event_id'].iloc[0]}; nothing added.")
        return course
    event_id = next_event_id(course)
    with tempfile.TemporaryDirectory(prefix="sharedshield-check-") as tmp:
        trial = Path(tmp) / "data"
        shutil.copytree(folder, trial)
        add_row(trial, "events", event_id=event_id, origin=origin, **values)
        try:
            load_course(trial)
        except CourseDataError as err:
            print(
                f"Your event was not added: the validator found problems (row {len(course.events) + 2} is your"
                f" event).\n{err}"
            )
            return None
    add_row(folder, "events", event_id=event_id, origin=origin, **values)
    print(f"Added {event_id} to your copy in {folder}.")
    return load_course(folder)


def default_folder() -> Path:
    """Where my_copy puts your copy: $SHAREDSHIELD_MY_DATA, else the user data folder (platformdirs)."""
    if os.environ.get(MY_DATA_ENV):
        return Path(os.environ[MY_DATA_ENV]).expanduser().resolve()
    return Path(user_data_dir("sharedshield", appauthor=False)) / "my_data"


def my_copy(to: str | Path | None = None, fresh: bool = False) -> Path:
    """Your lasting copy of the course data, spreadsheet-ready; keeps an existing one; fresh=True adds one beside it."""
    dest = Path(to).expanduser().resolve() if to is not None else default_folder()
    if dest.exists() and any(dest.iterdir()):
        if not fresh:
            return dest
        n = 2
        while (dest.parent / f"{dest.name}-{n}").exists():
            n += 1
        dest = dest.parent / f"{dest.name}-{n}"
    dest.parent.mkdir(parents=True, exist_ok=True)
    return make_private(
        _copy(dest)
    )  # the learner's copy is theirs only (folders 0700, files 0600), like their saved work


def spreadsheet_steps(folder: str | Path) -> str:
    """What to do with the copy in a spreadsheet, as Markdown naming the folder."""
    return (
        f"Your copy is in `{folder}`.\n\n1. Open `events.csv` from that folder in a spreadsheet (LibreOffice Calc,"
        " Excel, Google Sheets: import as CSV, UTF-8, comma-separated).\n2. Add your row at the bottom. Keep every"
        " column; leave optional cells empty; type codes such as `0312` as text so the leading zero stays.\n3. Save as"
        " CSV (UTF-8) under the same name, in the same folder.\n4. Run the reload cell below:"
        " `ss.load_course(my_folder)` checks your copy and lists every problem on one line."
    )


def show_spreadsheet_steps(folder: str | Path) -> None:
    """Display the spreadsheet route's steps for this folder."""
    display(Markdown(spreadsheet_steps(folder)))
