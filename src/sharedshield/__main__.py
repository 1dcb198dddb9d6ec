"""`python -m sharedshield check [DATA_DIR]`: validate the course data and list every problem."""

from __future__ import annotations

import sys

from .data import load_course
from .errors import CourseDataError


def main(argv: list[str] | None = None) -> int:
    """Validate the data folder; print the problems or a one-line summary; return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] != "check":
        print("usage: python -m sharedshield check [DATA_DIR]")
        return 2
    try:
        course = load_course(args[1] if len(args) > 1 else None)
    except CourseDataError as err:
        print(err)
        return 1
    counts = ", ".join(f"{len(course.table(t))} {t}" for t in ("sources", "events", "mentions", "claims", "claim_links", "loaded_terms", "glossary"))
    print(f"OK: {course.data_dir} — {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
