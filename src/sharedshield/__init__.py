"""Shared Shield? — helper library for the course notebooks.

Where a self-check goes: `ss.check` (checks.py) judges an answer against the question registry (questions/),
`ss.answer` (feedback.py) says what a program can see in a written answer; both save the attempt with store.py;
the hand-in (handin.py) reads the saved attempts back. `ss.show` (display.py) shows text, charts and tables.
All HTML is rendered from templates/ by templates.py; `python -m sharedshield` is one argparse parser (cli.py).
"""

from . import (
    argmap,
    closereading,
    coding,
    corroborate,
    density,
    figkit,
    figures,
    handin,
    record,
    retrieval,
    reveal,
    sourcing,
    tables,
    timelinejs,
    yourturn,
)
from .checks import check, quiz
from .data import Course, find_data_dir, load_course
from .dates import DateError, ParsedDate, describe_date, parse_date
from .display import show
from .errors import CourseDataError, Problem, ReadingsUnavailable
from .feedback import answer
from .handin import export_work, my_work
from .learner import whoami
from .lessons import COURSE_MAP, course_map
from .notebook import setup
from .readings import reading_text, readings, readings_available
from .readings_import import install_reading

__all__ = [
    "COURSE_MAP",
    "Course",
    "CourseDataError",
    "DateError",
    "ParsedDate",
    "Problem",
    "ReadingsUnavailable",
    "answer",
    "argmap",
    "check",
    "closereading",
    "coding",
    "corroborate",
    "course_map",
    "density",
    "describe_date",
    "export_work",
    "figkit",
    "figures",
    "find_data_dir",
    "install_reading",
    "load_course",
    "my_work",
    "parse_date",
    "quiz",
    "reading_text",
    "readings",
    "readings_available",
    "record",
    "retrieval",
    "reveal",
    "setup",
    "show",
    "sourcing",
    "tables",
    "timelinejs",
    "whoami",
    "yourturn",
    "handin",
]
__version__ = "1.0.0"
