"""Shared Shield? — helper library for the course notebooks."""

from .data import Course, find_data_dir, load_course
from .dates import DateError, ParsedDate, describe_date, parse_date
from .errors import CourseDataError, Problem, ReadingsUnavailable
from .readings import readings, readings_available

__all__ = [
    "Course", "CourseDataError", "DateError", "ParsedDate", "Problem", "ReadingsUnavailable",
    "describe_date", "find_data_dir", "load_course", "parse_date", "readings", "readings_available",
]
__version__ = "1.0.0"

from .checks import check, quiz, show  # noqa: E402
from .course import COURSE_MAP, course_map  # noqa: E402
from .notebook import setup  # noqa: E402

__all__ += ["COURSE_MAP", "check", "course_map", "quiz", "setup", "show"]

from . import argmap, closereading, coding  # noqa: E402  (close readings, notebooks 04-06)

__all__ += ["argmap", "closereading", "coding"]

from . import density, export, figkit, figures, record, tables  # noqa: E402  (charts, tables and the record, notebooks 01-03, 07, 08)
from .figkit import show as show_figure  # noqa: E402

__all__ += ["density", "export", "figkit", "figures", "record", "show_figure", "tables"]

from . import work  # noqa: E402  (saved work: every check and written answer, the hand-in export)
from .handin import export_work, my_work  # noqa: E402  (the hand-in)
from .work import answer, whoami  # noqa: E402

__all__ += ["answer", "export_work", "my_work", "whoami", "work"]

from . import corroborate, retrieval, yourturn  # noqa: E402  (corroboration grid 07, retrieval sheet 00-01, your turn 08)

__all__ += ["corroborate", "retrieval", "yourturn"]
