"""HTML from Jinja2 templates (package data in sharedshield/templates/), every value escaped unless marked safe."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape


@cache
def environment() -> Environment:
    """The course's template environment: autoescaped HTML, undefined names an error, no stray whitespace."""
    return Environment(
        loader=PackageLoader("sharedshield", "templates"),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render(name: str, **values: Any) -> str:
    """Render the template `name` (e.g. 'table.html') with the given values."""
    return environment().get_template(name).render(**values).strip()
