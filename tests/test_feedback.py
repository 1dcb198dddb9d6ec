"""Written answers: feedback by task (sourcing, rewrite, claim, short); list answers typed as text; unquoted answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from IPython.testing.globalipapp import start_ipython

from sharedshield import feedback, notebook, store
from sharedshield.checks import as_list, check, quiz
from sharedshield.questions import (
    TASK_KINDS,
    Written,
    all_questions,
    n04_blog_2007,
    prompt_of,
    quiz_items,
    written,
    written_tasks,
)


@pytest.fixture(autouse=True)
def work_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private saved-work folder for each test."""
    monkeypatch.setenv(store.ENV, str(tmp_path / "work"))
    return tmp_path / "work"


def md(qid: str, text: str) -> str:
    """The feedback shown under an answer cell."""
    return feedback.answer(qid, text)._repr_markdown_()


def test_every_written_task_in_the_notebooks_declares_a_kind_and_has_a_prompt():
    root = Path(__file__).resolve().parents[1] / "notebooks"
    used = {
        qid
        for nb in root.glob("*.ipynb")
        for qid in re.findall(r'ss\.answer\(\\"(q\d+_w\d+)', nb.read_text(encoding="utf-8"))
    }
    tasks = written_tasks()
    assert used and used <= set(tasks), f"answer cells without a WRITTEN entry: {sorted(used - set(tasks))}"
    assert all(t.kind in TASK_KINDS and len(t.prompt) > 20 for t in tasks.values())
    assert {t.kind for t in tasks.values()} == set(TASK_KINDS)
    assert prompt_of("q0_w1").startswith("Written answer.") and prompt_of("q9_1") == all_questions()["q9_1"].prompt
    assert not set(tasks) & set(all_questions())


def test_a_task_kind_must_be_known_and_a_rewrite_names_its_paragraph():
    with pytest.raises(ValueError, match="kind"):
        written("Do it.", kind="essay")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="paragraph"):
        written("Rewrite it.", kind="rewrite", reading="blog2007")
    with pytest.raises(ValueError, match="motive"):
        written("Source it.", kind="sourcing", asks=("author", "motive"))


def test_a_good_sourcing_answer_is_told_what_it_names_not_that_it_lacks_event_ids():
    text = (
        "The author is mike7woodson, a pseudonymous community blogger, writing on TPMCafe, the reader blogs of Talking"
        " Points Memo, in June 2007. The readers were politically engaged Americans. We do not know the author's job or"
        " whether he had inside knowledge."
    )
    out = md("q4_w1", text)
    assert (
        "author (“mike7woodson”)" in out
        and "outlet (“TPMCafe”)" in out
        and "date (“2007”)" in out
        and "audience" in out
    )
    assert "I do not see" not in out and "event id" not in out and "Citations" not in out and "not a grade" in out


def test_a_sourcing_answer_that_says_the_author_is_unknown_is_credited_for_it():
    out = md(
        "q6_w1",
        "Unsigned, so the author is unknown; an American magazine of a movement. Good for what the movement wanted"
        " readers to think.",
    )
    missing = out.split("I do not see:")[1].split(".")[0]
    assert (
        "author (“Unsigned”)" in out and "outlet" in missing and "date" not in missing
    )  # q6_w1 asks for author and outlet only


def test_a_sourcing_answer_about_every_reading_is_read_line_by_line():
    text = (
        "blog2007: mike7woodson, a pseudonymous blogger, for TPMCafe readers, June 2007, to doubt Putin's offer.\n"
        "lukyanov2011: Fyodor Lukyanov, in RIA Novosti, 2011, for diplomats and analysts."
    )
    out = md("q1_w1", text)
    assert "**blog2007:** I see the author" in out and "**lukyanov2011:** I see the author" in out
    assert "no line names eir2013" in out


def test_a_rewrite_is_told_which_loaded_phrases_of_its_paragraph_remain():
    kept = md(
        "q4_w4",
        "Russia's KGB state may become a cooperative member of the international community, provided there is no"
        " nuclear conflict.",
    )
    assert "“KGB state”" in kept and "1 of the 6" in kept and "blog2007 ¶8" in kept
    clean = md(
        "q4_w4",
        "The Russian government may become a cooperative member of the international community, if there is no nuclear"
        " conflict.",
    )
    assert "none of the 6" in clean and "Citations" not in clean


def test_a_claim_gets_the_checklist():
    out = md(
        "q9_w1",
        "EIR states that the offers were rebuffed (eir2013 ¶10); according to Lukyanov, para 3, distrust ran both ways."
        " The record (E301) actually dates Lisbon to November 2010.",
    )
    assert "cite 2 readings" in out and "E301" in out and "Attribution" in out and "does not judge your argument" in out


def test_a_short_task_confirms_the_save_and_points_to_the_solution(work_dir):
    out = md("q7_w1", "Mostly the same story, told from different sides.")
    assert "Saved" in out and "solution" in out and "Citations" not in out and "event id" not in out
    assert [r["qid"] for r in store.load_work(work_dir)] == ["q7_w1"]


@pytest.mark.parametrize("cite", ["¶4", "para 4", "paragraph 4", "Para. 4"])
def test_a_bare_paragraph_cites_the_reading_of_a_one_reading_notebook(cite):
    assert feedback.citations(f"The attack is in {cite}.", reading="eir2013") == [("eir2013", 4)]
    assert "`eir2013 ¶4`" in md("q6_w2", f"It attacks the war party ({cite}), not cooperation.")
    assert feedback.citations(f"The attack is in {cite}.") == []  # without a reading, a bare ¶ names no reading
    assert feedback.citations("Lukyanov ¶3 and ¶4", reading="eir2013") == [("lukyanov2011", 3), ("eir2013", 4)]


def test_written_feedback_without_a_task_is_the_claim_checklist():
    assert "no place cited" in feedback.written_feedback("Russia and the West could never cooperate.")[0]
    assert feedback.written_feedback("x", Written("Say it.", "short"))[-1].startswith("\nCompare")


@pytest.mark.parametrize(
    "typed",
    ["lukyanov2011, eir2013", "eir2013 and lukyanov2011", "['lukyanov2011', 'eir2013']", "lukyanov2011; eir2013"],
)
def test_a_list_typed_as_one_string_is_read_as_the_list_it_names(typed):
    assert sorted(as_list(typed)) == ["eir2013", "lukyanov2011"]
    result = check("q2_1", typed)
    assert result.correct and "I read your text as the list" in result.feedback


def test_a_wrong_list_typed_as_text_is_never_told_something_false():
    result = check("q2_1", "blog2007, eir2013")
    assert not result.correct and "I read your text as the list ['blog2007', 'eir2013']" in result.feedback
    assert as_list("eir2013") is None and as_list("  E106 ") is None
    single = check("q2_1", "eir2013")
    assert not single.correct and "not the only one" in single.feedback
    spaced = check(
        "q2_1", "lukyanov 2011, eir 2013"
    )  # never "its dashed line lies to the left" for what is not a reading
    assert (
        not spaced.correct
        and "'lukyanov 2011', 'eir 2013' are not reading ids" in spaced.feedback
        and "dashed line" not in spaced.feedback
    )
    event = check("q2_1", "E904")
    assert "'E904' is not a reading id" in event.feedback and "dashed line" not in event.feedback
    assert "'E999' is not an event id" in check("q2_2", "E999").feedback


@pytest.mark.parametrize("name", ["blog2007", "E106", "b", "favours", "not_said", "lukyanov2011"])
def test_an_unquoted_course_answer_gets_one_line_saying_put_it_in_quotes(name):
    assert notebook.answer_like(name)
    assert notebook.unquoted_message(name).startswith(f'Put your answer in quotes: "{name}"')


@pytest.mark.parametrize("name", ["course", "SID", "my_folder", "pd"])
def test_other_undefined_names_get_a_short_plain_line(name):
    assert not notebook.answer_like(name)
    message = notebook.unquoted_message(name)
    assert "\n" not in message and "Run All Above" in message and "quotes" in message


def test_the_name_error_handler_prints_one_line_and_other_errors_keep_their_traceback(capsys):
    shell = start_ipython()
    notebook.setup()
    shell.run_cell("answer = blog2007")
    err = capsys.readouterr()
    assert 'Put your answer in quotes: "blog2007"' in err.err and "Traceback" not in err.out + err.err
    shell.run_cell("1 / 0")
    assert "ZeroDivisionError" in "".join(capsys.readouterr())


def test_a_notebooks_quiz_is_found_by_its_number(monkeypatch):
    assert quiz_items("04") == n04_blog_2007.QUIZ
    with pytest.raises(LookupError, match="n04_blog_2007"):
        quiz_items("42")
    shown = []
    monkeypatch.setattr("sharedshield.checks.display_quiz", lambda items, **kw: shown.append(items))
    quiz("04")
    assert shown == [n04_blog_2007.QUIZ]
