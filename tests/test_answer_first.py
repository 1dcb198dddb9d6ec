"""Answer first, measured: no notebook shows a course answer before the learner's own attempt.

Each notebook with a course answer to hide is executed once in a fresh kernel with every learner cell left as it is
shipped (`...`), in a fresh folder of saved work. For each kind of answer (a sourcing card's fields, the corroboration
grid's verdicts, the course's coding reasons, a model answer) we name the cell where the learner first gives theirs
and the cell that compares; no output up to and including the comparison may contain the course's answer, and no
Markdown cell may carry a model answer at all. Positive controls show the same texts do appear once the learner has
answered, so the search can find them.
"""

from __future__ import annotations

import json
import os

import pytest

from conftest import ROOT
from sharedshield import load_course
from sharedshield.corroborate import GRID_EVENTS, MEANING, compare_grid, course_grid
from sharedshield.questions import written_tasks

CARD_TEXT = ("audience", "purpose", "perspective", "published_basis")
# notebook -> (the learner's first attempt cell, the last cell that must still hide the answer,
#              the readings whose cards it hides)
CARDS = {
    "01_meet_the_sources.ipynb": ("nb01-card-blog", "nb01-compare", ("blog2007", "lukyanov2011", "eir2013")),
    "04_blog_2007.ipynb": ("4", "nb04-card-compare", ("blog2007",)),
    "05_lukyanov_2011.ipynb": ("4", "nb05-card-compare", ("lukyanov2011",)),
    "06_eir_2013.ipynb": ("4", "nb06-card-compare", ("eir2013",)),
}
CODING = {
    "04_blog_2007.ipynb": ("11", "13", "blog2007"),
    "05_lukyanov_2011.ipynb": ("11", "13", "lukyanov2011"),
    "06_eir_2013.ipynb": ("11", "13", "eir2013"),
}
GRID = ("07_corroboration.ipynb", "nb07-06", "nb07-12")
MODELS = {
    "q9_w2": ("nb09-q9_w2", "nb09-q9_w2-model"),
    "q9_w3": ("nb09-q9_w3", "nb09-q9_w3-model"),
    "q9_w4": ("nb09-q9_w4", "nb09-q9_w4-model"),
}
NOTEBOOKS = sorted({*CARDS, *CODING, GRID[0], "09_assessment.ipynb"})


def snippet(text: str, size: int = 60) -> str:
    """A distinctive piece of a course answer: its first `size` chars (findable, short enough to survive wrapping)."""
    return " ".join(str(text).split())[:size]


def outputs_text(cell: dict) -> str:
    """Every text a code cell shows: streams, errors and every text-like mime type (HTML, Markdown, plain)."""
    parts = []
    for out in cell.get("outputs", []):
        parts.append("".join(out.get("text", "")))
        parts.append("\n".join(out.get("traceback", [])))
        for mime, value in out.get("data", {}).items():
            if mime.startswith("text/"):
                parts.append("".join(value))
    return " ".join(" ".join(parts).replace("&#39;", "'").replace("&quot;", '"').replace("&amp;", "&").split())


def shown_until(nb: dict, last_id: str) -> str:
    """All outputs from the top of the notebook down to and including the cell `last_id`."""
    seen = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            seen.append(outputs_text(cell))
        if cell.get("id") == last_id:
            return "\n".join(seen)
    raise AssertionError(f"no cell {last_id!r}")


def cell_ids(nb: dict) -> list[str]:
    """The ids of the cells, in order."""
    return [c.get("id") for c in nb["cells"]]


@pytest.fixture(scope="module")
def executed(tmp_path_factory) -> dict[str, dict]:
    """Notebooks with answers to hide, run once with every learner cell as shipped, in a fresh folder of saved work."""
    import nbformat
    from nbclient import NotebookClient

    saved = {k: os.environ.get(k) for k in ("SHAREDSHIELD_WORK_DIR", "SHAREDSHIELD_MY_DATA")}
    os.environ["SHAREDSHIELD_WORK_DIR"] = str(tmp_path_factory.mktemp("work"))
    os.environ["SHAREDSHIELD_MY_DATA"] = str(tmp_path_factory.mktemp("my_data") / "my_data")
    out = {}
    try:
        for name in NOTEBOOKS:
            path = ROOT / "notebooks" / name
            nb = nbformat.read(path, as_version=4)
            NotebookClient(
                nb,
                timeout=300,
                kernel_name="python3",
                allow_errors=True,
                resources={"metadata": {"path": str(path.parent)}},
            ).execute()
            out[name] = json.loads(nbformat.writes(nb))
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return out


def card_snippets(source_id: str) -> list[str]:
    """The course card's free-text fields of one reading, as snippets."""
    row = load_course().sources.set_index("source_id").loc[source_id]
    return [snippet(row[f]) for f in CARD_TEXT]


@pytest.mark.parametrize("name", sorted(CARDS))
def test_no_card_field_is_shown_before_the_learner_fills_a_card(executed, name):
    first, last, readings = CARDS[name]
    nb = executed[name]
    assert cell_ids(nb).index(first) <= cell_ids(nb).index(last)
    shown = shown_until(nb, last)
    leaks = [(s, t) for s in readings for t in card_snippets(s) if t in shown]
    assert not leaks, f"{name} shows the course's card before the learner's: {leaks}"


@pytest.mark.parametrize("name", sorted(CODING))
def test_no_coding_reason_is_shown_before_the_learner_codes(executed, name):
    first, last, source_id = CODING[name]
    nb = executed[name]
    assert cell_ids(nb).index(first) < cell_ids(nb).index(last)
    rows = load_course().paragraph_coding
    reasons = [snippet(r) for r in rows[rows.source_id == source_id]["reason"]]
    shown = shown_until(nb, last)
    assert not [r for r in reasons if r in shown], f"{name} shows the course's coding reasons before the learner codes"


def test_no_grid_verdict_is_shown_before_the_learner_fills_a_row(executed):
    name, first, last = GRID
    nb = executed[name]
    assert cell_ids(nb).index(first) < cell_ids(nb).index(last)
    shown = shown_until(nb, last)
    assert "stays hidden until you have filled at least one row" in shown
    assert not [m for m in MEANING.values() if m in shown], (
        "07 shows a grid verdict's meaning before the learner's grid has a row"
    )
    assert "agree on" not in shown


def test_no_model_answer_is_shown_before_the_learner_saves_one(executed):
    nb = executed["09_assessment.ipynb"]
    tasks = written_tasks()
    markdown = " ".join(" ".join("".join(c["source"]).split()) for c in nb["cells"] if c["cell_type"] == "markdown")
    for qid, (answer_cell, model_cell) in MODELS.items():
        model = snippet(tasks[qid].model)
        assert model and model not in markdown, f"09 prints the model answer of {qid} in a Markdown cell"
        assert cell_ids(nb).index(answer_cell) < cell_ids(nb).index(model_cell)
        shown = shown_until(nb, model_cell)
        assert model not in shown, f"09 shows the model answer of {qid} before the learner has saved an answer"
        assert "stays hidden until you have saved your own answer" in outputs_text(
            nb["cells"][cell_ids(nb).index(model_cell)]
        )


def test_controls_the_hidden_answers_appear_once_the_learner_has_answered(tmp_path, monkeypatch):
    """The texts searched for above do appear after an attempt, so the searches above can fail."""
    from sharedshield import reveal, sourcing
    from sharedshield.feedback import answer

    monkeypatch.setenv("SHAREDSHIELD_WORK_DIR", str(tmp_path))
    course = load_course()
    card = sourcing.compare_card(course, "eir2013", {f: "a guess" for f in sourcing.CARD}, qid="q1_card_eir2013")
    html = " ".join(card._repr_html_().replace("&#39;", "'").replace("&quot;", '"').replace("&amp;", "&").split())
    assert all(s in html for s in card_snippets("eir2013"))
    assert "stays hidden" in reveal.good_answer("q9_w2")._repr_markdown_()
    answer("q9_w2", "1. An unsigned op-ed of 2012. 2. For a general public. 3. It could know the 2011 column.")
    assert snippet(written_tasks()["q9_w2"].model) in " ".join(reveal.good_answer("q9_w2")._repr_markdown_().split())
    grid = {e: dict(course_grid(course)[e]) for e in GRID_EVENTS[:1]}
    assert set(compare_grid(course, grid)["why"]) & set(MEANING.values())


def test_the_notebooks_under_test_exist():
    for name in NOTEBOOKS:
        assert (ROOT / "notebooks" / name).exists(), name


def test_a_card_is_saved_as_text_the_hand_in_shows(tmp_path, monkeypatch):
    from sharedshield import handin, sourcing, store

    monkeypatch.setenv("SHAREDSHIELD_WORK_DIR", str(tmp_path))
    sourcing.compare_card(
        load_course(), "blog2007", {"author": "a pseudonym", "date": "June 2007"}, qid="q1_card_blog2007"
    )
    sourcing.compare_card(
        load_course(), "eir2013", sourcing.blank_card(), qid="q1_card_eir2013"
    )  # nothing filled: nothing saved
    records = store.load_work()
    assert [r["qid"] for r in records] == ["q1_card_blog2007"]
    assert records[0]["answer"] == "blog2007 card: author: a pseudonym; date: June 2007"
    assert "blog2007 card: author: a pseudonym; date: June 2007" in handin.export_html(records, "Test")


@pytest.mark.parametrize(
    "source_id, author, verdict",
    [
        ("eir2013", "EIR staff", "defensible"),
        ("eir2013", "unsigned, no byline", "same"),
        ("eir2013", "Lyndon LaRouche", "different"),
        ("blog2007", "mike7woodson, a pseudonym; the real name is unknown", "same"),
        ("blog2007", "unknown", "defensible"),
        ("lukyanov2011", "Fyodor Lukyanov", "same"),
        ("lukyanov2011", "anonymous", "different"),
    ],
)
def test_the_author_field_says_what_a_program_can_see(tmp_path, monkeypatch, source_id, author, verdict):
    from sharedshield import sourcing

    monkeypatch.setenv("SHAREDSHIELD_WORK_DIR", str(tmp_path))
    field = sourcing.compare_card(load_course(), source_id, {"author": author}).fields[0]
    assert (field.name, field.verdict) == ("author", verdict), field.seen
