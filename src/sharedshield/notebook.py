"""One call at the top of every notebook: short messages for data problems, charts that render everywhere."""

from __future__ import annotations

import os
import sys
import warnings
from typing import Any

from .errors import CourseDataError, ReadingsUnavailable


def _short_message(shell: Any, etype: type, evalue: BaseException, tb: Any, tb_offset: int | None = None) -> None:
    """Print a course error as its message only: no traceback wall for a student who edited a CSV."""
    print(f"{etype.__name__}: {evalue}", file=sys.stderr)


def setup() -> None:
    """Prepare the running notebook (safe to call twice; does nothing outside IPython)."""
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python
        return
    if os.environ.get("SHAREDSHIELD_STRICT") == "1":  # the test suite: any warning in a notebook fails it
        warnings.simplefilter("error")
    shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc((CourseDataError, ReadingsUnavailable), _short_message)
