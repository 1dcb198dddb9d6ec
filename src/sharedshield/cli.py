"""`python -m sharedshield COMMAND ...`: one argparse parser, a subcommand per job, one error style.

Errors: one line on stderr; exit 2 for a usage error (a missing or wrong argument), 1 for a data problem (a file
that cannot be read, course data with problems), 0 when done.

Adding a command group from another module: give that module `def register(subparsers) -> None`, which adds its
parsers with `subparsers.add_parser(...)` and gives each `set_defaults(run=FUNCTION)`, where FUNCTION takes the
parsed `argparse.Namespace` and returns the exit code; then add the module to `EXTENSIONS` below.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import NoReturn

from . import classreport
from .data import TABLES, load_course
from .errors import CourseDataError
from .handin import export_work, progress
from .learner import whoami
from .readings import reading_store, readings_folder
from .readings_import import ImportRefused, import_reading, installed
from .store import load_work, reset, work_dir

PROG = "python -m sharedshield"
# Modules that add their own subcommands (see the module docstring).
EXTENSIONS: tuple[ModuleType, ...] = (classreport,)  # `class report` / `class feedback`: the teacher's side


class Parser(argparse.ArgumentParser):
    """argparse with the course's error style: one line on stderr, exit 2."""

    def error(self, message: str) -> NoReturn:
        """Print one line naming the command and the problem, and how to get help; exit 2."""
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _check(args: argparse.Namespace) -> int:
    """Validate the data folder; print the problems or a one-line summary."""
    try:
        course = load_course(args.data_dir)
    except CourseDataError as err:
        print(err, file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(course.table(t))} {t}" for t in TABLES)
    print(f"OK: {course.data_dir} — {counts}")
    return 0


def _print(args: argparse.Namespace) -> int:
    """Run a notebook and print it to PDF."""
    if not args.notebook.lower().endswith(".ipynb"):
        return _usage(args, f"{args.notebook}: the input must be a notebook (.ipynb)")
    if not args.pdf.lower().endswith(".pdf"):
        return _usage(args, f"{args.pdf}: the output must be a .pdf file")
    paper = "letter" if args.letter else "a4"
    # Loaded only for this command, on purpose: printing needs nbformat/nbconvert/Playwright, whose import costs ~2.5 s
    # that every other command (check, readings, work) would pay at start-up.
    printing = importlib.import_module("sharedshield.printing")
    try:
        counts = printing.print_notebook(Path(args.notebook), Path(args.pdf), paper, args.execute, args.template)
    except printing.PrintError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"Wrote {args.pdf} ({printing.PAPER[paper][0]}): {counts['drawn']} of {counts['charts']} charts drawn.")
    return 0


def _readings_import(args: argparse.Namespace) -> int:
    """Import the learner's own copy of a reading."""
    try:
        print(import_reading(args.source_id, args.file))
    except ImportRefused as err:
        print(f"Not imported: {err}", file=sys.stderr)
        return 1
    return 0


def _readings_list(args: argparse.Namespace) -> int:
    """List the installed readings, and which folder the notebooks use."""
    rows = installed()
    folder = reading_store()
    active = readings_folder()
    print(f"Your readings folder: {folder}")
    if active is not None and active != folder:
        print(f"(SHAREDSHIELD_READINGS is set, so the notebooks use {active} instead)")
    if not rows:
        print(f"No readings installed yet. Save a reading's web page, then: {PROG} readings import SOURCE_ID FILE")
    for r in rows:
        print(f"  {r['id']}: {r['paragraphs']} paragraphs, imported on {r['on']} from {r['from']}")
    return 0


def _work_show(args: argparse.Namespace) -> int:
    """Print the learner's progress per notebook."""
    records = load_work()
    print(f"Saved work of {whoami() or '(no name yet)'} in {work_dir()}: {len(records)} attempt(s)")
    print(progress(records).to_string(index=False))
    return 0


def _work_export(args: argparse.Namespace) -> int:
    """Write the hand-in file."""
    return 0 if export_work(args.out) else 1


def _work_reset(args: argparse.Namespace) -> int:
    """Move the saved work into a dated backup folder, after asking."""
    folder = work_dir()
    if not (folder.is_dir() and any(p.is_file() for p in folder.glob("*"))):
        print(f"Nothing to reset: no saved work in {folder}.")
        return 0
    if args.yes:
        ok = True
    elif not sys.stdin.isatty():
        print(
            f"{PROG} work reset: asks for confirmation, and input is not a terminal; run it in a terminal, or add --yes"
            " to confirm.",
            file=sys.stderr,
        )
        return 1
    else:
        ok = input(
            f"Move all saved work in {folder} into a backup folder? Your progress will start again from zero. [y/N] "
        ).strip().lower() in ("y", "yes")
    backup = reset(folder, ok)
    print(f"Moved your saved work to {backup} (nothing was deleted)." if backup else "Nothing was changed.")
    return 0


def _usage(args: argparse.Namespace, message: str) -> int:
    """A usage error found after parsing: one line, exit code 2."""
    print(f"{args.prog}: {message} (see {args.prog} --help)", file=sys.stderr)
    return 2


def _group(subparsers: argparse._SubParsersAction, name: str, help: str) -> argparse._SubParsersAction:
    """A command with subcommands of its own (e.g. `readings import`)."""
    parser = subparsers.add_parser(name, help=help, description=help)
    parser.set_defaults(run=lambda args, p=parser: _missing(p))
    return parser.add_subparsers(title="commands", metavar="COMMAND")


def _missing(parser: argparse.ArgumentParser) -> int:
    """A group named without its subcommand: the group's usage, exit 2."""
    print(f"{parser.prog}: give a command (see {parser.prog} --help)", file=sys.stderr)
    return 2


def _add(subparsers: argparse._SubParsersAction, name: str, help: str, run: object) -> argparse.ArgumentParser:
    """A subcommand that runs `run(args)`."""
    parser = subparsers.add_parser(name, help=help, description=help)
    parser.set_defaults(run=run, prog=parser.prog)
    return parser


def build_parser() -> Parser:
    """The whole command line: check, print, readings, work, and the commands of EXTENSIONS."""
    parser = Parser(
        prog=PROG,
        description=(
            "Shared Shield?: check the course data, print a notebook, manage your copy of the readings and your saved"
            " work."
        ),
    )
    parser.set_defaults(run=lambda args: _missing(parser))
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    check = _add(sub, "check", "validate the course data and list every problem", _check)
    check.add_argument(
        "data_dir", nargs="?", default=None, metavar="DATA_DIR", help="the data folder (default: the course's data/)"
    )

    pdf = _add(sub, "print", "run a notebook and print it to PDF, charts drawn", _print)
    pdf.add_argument("notebook", metavar="NOTEBOOK.ipynb")
    pdf.add_argument("pdf", metavar="OUT.pdf")
    pdf.add_argument("--letter", action="store_true", help="US Letter paper (default A4)")
    pdf.add_argument("--execute", action="store_true", help="run the notebook even if it already has outputs")
    pdf.add_argument(
        "--template", choices=("lab", "classic"), default="lab", help="nbconvert's HTML template (default lab)"
    )

    readings = _group(sub, "readings", "your own copy of the readings")
    imp = _add(readings, "import", "add your own copy of a reading (a saved web page or text file)", _readings_import)
    imp.add_argument("source_id", metavar="SOURCE_ID", help="the reading's id, e.g. lukyanov2011")
    imp.add_argument("file", metavar="FILE", help="the saved web page (.html) or text file")
    _add(readings, "list", "show which readings are installed, and from which file", _readings_list)

    work = _group(sub, "work", "your saved answers: progress, the hand-in file, starting again")
    _add(work, "show", "print your progress per notebook", _work_show)
    export = _add(
        work,
        "export",
        "write your name, progress, every attempt and written answer to one HTML file to hand in",
        _work_export,
    )
    export.add_argument("out", metavar="OUT.html")
    again = _add(work, "reset", "move your saved answers into a dated backup folder (asks first)", _work_reset)
    again.add_argument("--yes", action="store_true", help="do not ask")

    for module in EXTENSIONS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run the command; return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as stop:  # --help (0) or a usage error (2), already printed
        return int(stop.code or 0)
    if not hasattr(args, "prog"):
        args.prog = PROG
    return int(args.run(args))
