"""HTML from Jinja2 templates: shipped as package data, every value escaped."""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pandas as pd

from conftest import ROOT
from sharedshield import coding, load_course, tables
from sharedshield.templates import render

EVIL = "<script>alert('x')</script> & <b>"


def test_the_templates_are_package_data():
    shipped = {p.name for p in files("sharedshield").joinpath("templates").iterdir() if p.name.endswith(".html")}
    assert {"table.html", "sourcing_cards.html", "coding_comparison.html", "coding_to_code.html"} <= shipped
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
    cards = tables.sourcing_cards(course)
    assert cards.count("<div style=") == len(course.sources)
