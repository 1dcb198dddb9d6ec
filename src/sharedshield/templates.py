"""HTML from Jinja2 templates (package data in sharedshield/templates/), every value escaped unless marked safe."""

from __future__ import annotations

import html
import json
import re
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

# Inside <script>, JSON must not be able to close the tag or open a comment: escape the three characters that could.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_safe(json_text: str) -> Markup:
    """JSON text made safe inside a <script> element (every '<', '>' and '&' written as a \\u escape), as markup."""
    return Markup(json_text.translate(_SCRIPT_SAFE))


def script_json(data: Any) -> Markup:
    """`data` as readable JSON that is safe inside a <script> element."""
    return script_safe(json.dumps(data, ensure_ascii=False, indent=1))


def inline(text: object) -> Markup:
    """Escape text, then render the feedback's own Markdown marks: **bold**, *italic* and `code`."""
    out = html.escape(str(text or ""))
    out = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", out)
    out = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", out)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    return Markup(re.sub(r"(?m)^\* ", "• ", out))


def shown(value: Any) -> str:
    """An answer as a learner would read it: text as is, anything else as compact JSON."""
    if value is None:
        return "(not filled in)"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@cache
def environment() -> Environment:
    """The course's one template environment: autoescaped HTML, undefined names an error, no stray whitespace."""
    env = Environment(
        loader=PackageLoader("sharedshield", "templates"),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(inline=inline, shown=shown, script_json=script_json)
    return env


def render(name: str, **values: Any) -> str:
    """Render the template `name` (e.g. 'table.html') with the given values."""
    return environment().get_template(name).render(**values).strip()
