"""HTML from Jinja2 templates: shipped as package data, every value escaped."""

from __future__ import annotations

import ast
import re
import tomllib
from importlib.resources import files
from pathlib import Path

import pandas as pd

from conftest import ROOT
from sharedshield import coding, load_course, tables
from sharedshield.templates import render

EVIL = "<script>alert('x')</script> & <b>"


def test_the_templates_are_package_data():
    shipped = {p.name for p in files("sharedshield").joinpath("templates").iterdir() if p.name.endswith(".html")}
    assert {"table.html", "pack_macros.html", "coding_comparison.html", "coding_to_code.html"} <= shipped
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "templates/*.html" in config["tool"]["setuptools"]["package-data"]["sharedshield"]


def test_a_table_escapes_every_header_and_value_and_says_what_is_cut():
    out = tables.table_html(pd.DataFrame({EVIL: [EVIL, None]}), caption=EVIL, more=3)
    assert "<script>" not in out and "<b>" not in out and out.count("&lt;script&gt;") == 3
    assert "<p><em>3 more rows not shown.</em></p>" in out and out.startswith("<table")


def test_a_missing_template_value_is_an_error_not_an_empty_cell():
    try:
        render("table.html", columns=[], rows=[])
    except Exception as err:  # noqa: BLE001  (jinja2's UndefinedError)
        assert "caption" in str(err) or "index" in str(err)
    else:
        raise AssertionError("a template rendered with a missing value")


def test_coding_comparison_escapes_the_learners_words(demo_data, demo_readings):
    course = load_course(demo_data, demo_readings)
    result = coding.compare(course, "demo", {2: dict(kind=EVIL, loaded=[EVIL])})
    out = result._repr_html_()
    assert "<script>" not in out and "&lt;script&gt;" in out and "<table" in out


ELEMENT = re.compile(r"<(table|thead|tbody|tr|td|th|div|section|p|ul|ol|li|h[1-6]|figure|script|span|details|em)\b")
REGEX_CALLS = {"compile", "sub", "search", "match", "findall", "fullmatch", "split", "finditer"}


def _markup_in_strings(path: Path) -> list[str]:
    """Lines of `path` whose string constants (not docstrings, not regex patterns) open an HTML element."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            skip.add(id(first.value))  # a docstring
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in REGEX_CALLS:
            for arg in node.args[:2]:
                skip.update(id(n) for n in ast.walk(arg))  # a pattern or a replacement: parsing, not building
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if ELEMENT.search(node.value):
                found.append(f"{path.name}:{node.lineno}: {node.value[:60]!r}")
    return found


def test_the_library_builds_no_html_in_python_strings():
    """Markup lives in src/sharedshield/templates/; Python modules pass data to them."""
    modules = sorted((ROOT / "src" / "sharedshield").rglob("*.py"))
    found = [line for path in modules for line in _markup_in_strings(path)]
    assert not found, "HTML built in Python strings (move it to a template):\n" + "\n".join(found)


def test_the_markup_check_sees_an_html_string(tmp_path):
    """Positive control: an f-string table cell is reported; a regex that parses HTML is not."""
    probe = tmp_path / "probe.py"
    probe.write_text('import re\nCELL = re.compile(r"<td>(.*?)</td>")\nROW = f"<tr><td>{1}</td></tr>"\n')
    found = _markup_in_strings(probe)
    assert len(found) == 1 and ":3:" in found[0], found


def test_one_template_environment_for_the_whole_library():
    """Only templates.py makes a jinja2 Environment: one set of escaping rules and filters."""
    makers = [
        p.name
        for p in sorted((ROOT / "src" / "sharedshield").rglob("*.py"))
        if "Environment(" in p.read_text(encoding="utf-8")
    ]
    assert makers == ["templates.py"]
