"""ss.show: one call for Markdown text, a plotly figure (with its text alternative) and a table."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import pytest
from IPython.display import HTML, Markdown

import sharedshield as ss
from conftest import ROOT
from sharedshield import display, figkit


@pytest.fixture
def shown(monkeypatch):
    """Everything display.show passes to IPython's display."""
    out: list = []
    monkeypatch.setattr(display, "display", lambda obj, raw=False: out.append(obj))
    monkeypatch.setattr("sharedshield.tables.display", lambda obj, raw=False: out.append(obj))
    return out


def test_text_is_shown_as_markdown(shown):
    display.show("**Bold** words")
    assert len(shown) == 1 and isinstance(shown[0], Markdown) and shown[0].data == "**Bold** words"


def test_a_figure_is_shown_with_plotlys_mimetype_and_its_text_alternative(shown, monkeypatch):
    monkeypatch.delenv(display.SITE_ENV, raising=False)
    fig = figkit.finish(go.Figure(go.Bar(x=[1, 2], y=[3, 4])), "Two bars", "x", "y", "Two bars <of> data.")
    display.show(fig)
    bundle, alt = shown
    assert display.PLOTLY_MIME in bundle and "sharedshield-chart-" in bundle["text/html"]
    assert isinstance(alt, Markdown) and alt.data == "*Text alternative:* Two bars &lt;of&gt; data."


def test_a_figure_without_a_text_alternative_is_refused(shown):
    with pytest.raises(ValueError, match="text alternative"):
        display.show(go.Figure())


def test_a_table_is_shown_in_full_and_escaped(shown):
    display.show(pd.DataFrame({"title": ["<b>" + "x" * 120]}))
    assert isinstance(shown[0], HTML) and "x" * 120 in shown[0].data and "&lt;b&gt;" in shown[0].data


def test_learners_call_one_display_function():
    assert ss.show is display.show and figkit.show is display.show and not hasattr(ss, "show_figure")
    calls = {
        p.name: re.findall(r"\bss\.(?:show_figure|figkit\.show)\(", p.read_text(encoding="utf-8"))
        for p in (ROOT / "notebooks").glob("*.ipynb")
    }
    assert not {k: v for k, v in calls.items() if v}, f"notebooks that show with another name than ss.show: {calls}"
