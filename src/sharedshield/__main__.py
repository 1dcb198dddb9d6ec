"""`python -m sharedshield COMMAND ...`: check the data, manage your copy of the readings, and your saved work."""

from __future__ import annotations

import importlib
import sys

from .data import load_course
from .errors import CourseDataError

USAGE = """usage: python -m sharedshield COMMAND ...

  check [DATA_DIR]                  validate the course data and list every problem
  readings import SOURCE_ID FILE    add your own copy of a reading (a saved web page or text file)
  readings list                     show which readings are installed, and from which file
  work export OUT.html              write your answers and progress to one file you can hand in
  work show                         print your progress per notebook
  work reset                        start again: moves your saved answers to a backup (asks first)
  print NOTEBOOK.ipynb OUT.pdf      run a notebook and print it to PDF, charts drawn (A4; --letter for US Letter)
  class report FOLDER --out R.html  the teacher's class report of the students' hand-ins (--json, --marks, --anonymous)
  class feedback marks.csv --out D  one printable feedback page per student from a filled marking sheet"""

# Each further command lives in its own module, whose main(argv) returns the exit code.
COMMANDS = {"readings": "sharedshield.readings_import", "work": "sharedshield.work", "print": "sharedshield.printing", "class": "sharedshield.classreport"}


def check(args: list[str]) -> int:
    """Validate the data folder; print the problems or a one-line summary; return the exit code."""
    try:
        course = load_course(args[0] if args else None)
    except CourseDataError as err:
        print(err)
        return 1
    counts = ", ".join(f"{len(course.table(t))} {t}" for t in ("sources", "events", "mentions", "claims", "claim_links", "paragraph_coding", "loaded_terms", "chronologies", "listings", "glossary"))
    print(f"OK: {course.data_dir} — {counts}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the command named first; print the usage for anything else."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "check":
        return check(args[1:])
    if args and args[0] in COMMANDS:
        return int(importlib.import_module(COMMANDS[args[0]]).main(args[1:]))
    print(USAGE)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
