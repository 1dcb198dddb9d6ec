"""Saved work: atomic writes, survival across processes, concurrent writers, damaged files set aside, export, reset."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from sharedshield import cli, feedback, handin, learner, store
from sharedshield.checks import all_questions, check


@pytest.fixture
def work_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private saved-work folder for one test."""
    folder = tmp_path / "work"
    monkeypatch.setenv(store.ENV, str(folder))
    monkeypatch.delenv("SHAREDSHIELD_SITE", raising=False)
    return folder


def _env(folder: Path) -> dict[str, str]:
    """Environment for a child Python process using this checkout and `folder`."""
    return {**os.environ, "PYTHONPATH": str(ROOT / "src"), store.ENV: str(folder)}


def _writer(folder: str, tag: str, n: int) -> None:
    """Record n attempts from a separate process (multiprocessing target)."""
    os.environ[store.ENV] = folder
    for i in range(n):
        store.record(f"q7_{i % 4 + 1}", f"{tag}-{i}", "not yet", f"feedback {tag} {i}")


def test_work_dir_is_outside_the_repository_unless_overridden(monkeypatch):
    monkeypatch.delenv(store.ENV, raising=False)
    folder = store.work_dir()
    assert ROOT.resolve() not in folder.resolve().parents and folder.name == "work" and "sharedshield" in str(folder)


def test_record_writes_atomically_and_leaves_no_temporary_file(work_dir, monkeypatch):
    store.record("q7_1", 3, "correct", "ok")
    path = store.own_file()
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "replace", broken_replace)
    store.record("q7_1", 4, "not yet", "no")  # the write fails: the old file must be intact, no partial file left
    assert path.read_bytes() == before
    assert [p.name for p in work_dir.iterdir() if p.name.startswith(".tmp-")] == []
    monkeypatch.undo()
    assert [r["answer"] for r in store.load_work(work_dir)] == [3]


def test_check_records_every_filled_in_attempt_but_not_the_placeholder(work_dir):
    check("q7_2", "eir2013")
    check("q7_2", "blog2007")
    check("q7_2", ...)
    records = store.load_work(work_dir)
    assert [(r["qid"], r["answer"], r["verdict"]) for r in records] == [
        ("q7_2", "eir2013", "not yet"),
        ("q7_2", "blog2007", "correct"),
    ]
    assert records[0]["prompt"].startswith("In your grid, which reading's silence")


def test_work_survives_a_restart(work_dir):
    code = "from sharedshield import store, whoami; whoami('Ada'); store.record('q2_1', 8, 'correct', 'well done')"
    subprocess.run([sys.executable, "-c", code], env=_env(work_dir), check=True, capture_output=True)
    out = subprocess.run(
        [sys.executable, "-m", "sharedshield", "work", "show"],
        env=_env(work_dir),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "Saved work of Ada" in out and "1 attempt(s)" in out
    row = next(line for line in out.splitlines() if line.strip().startswith("02"))
    assert row.split()[-3:] == ["1", "1", "0"]  # attempted, correct, written


def test_two_processes_recording_at_once_keep_both(work_dir):
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(work_dir), tag, 25)) for tag in ("a", "b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    assert [p.exitcode for p in procs] == [0, 0]
    answers = {r["answer"] for r in store.load_work(work_dir)}
    assert answers == {f"{tag}-{i}" for tag in "ab" for i in range(25)}


def test_damaged_file_is_set_aside_with_one_message_and_recording_continues(work_dir, capsys):
    store.record("q7_1", 3, "correct", "ok")
    store.record("q7_3", 0.8, "correct", "ok")
    path = store.own_file()
    damaged = (
        path.read_text(encoding="utf-8") + '{"kind": "sharedshield-work", "qid": "q7_4", "verd'
    )  # a cut-off last line
    path.write_text(damaged, encoding="utf-8")
    records = store.load_work(work_dir)
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert (
        str(path) in err[0] and "line 3 is not valid JSON" in err[0] and "set aside as" in err[0] and "To fix" in err[0]
    )
    assert [r["qid"] for r in records] == ["q7_1", "q7_3"]  # the readable lines are kept
    aside = [p for p in work_dir.iterdir() if ".set-aside-" in p.name]
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == damaged  # nothing lost, nothing overwritten
    store.record("q7_4", "lukyanov2011", "correct", "ok")
    assert [r["qid"] for r in store.load_work(work_dir)] == ["q7_1", "q7_3", "q7_4"]
    assert capsys.readouterr().err == ""  # reported once, not on every load


def test_foreign_json_file_is_set_aside(work_dir, capsys):
    work_dir.mkdir(parents=True)
    foreign = work_dir / "attempts-other-program.jsonl"
    foreign.write_text('{"score": 10, "user": "someone"}\n', encoding="utf-8")
    assert store.load_work(work_dir) == []
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a Shared Shield work record" in err[0] and foreign.name in err[0]
    assert not foreign.exists()
    assert [p.read_text(encoding="utf-8") for p in work_dir.iterdir() if ".set-aside-" in p.name] == [
        '{"score": 10, "user": "someone"}\n'
    ]
    store.record("q7_1", 3, "correct", "ok")
    assert len(store.load_work(work_dir)) == 1


def test_damaged_name_file_is_set_aside(work_dir, capsys):
    work_dir.mkdir(parents=True)
    (work_dir / learner.LEARNER_FILE).write_text("[1, 2", encoding="utf-8")
    assert learner.whoami() == ""
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and learner.LEARNER_FILE in err[0]
    assert learner.whoami("Grace Hopper") == "Grace Hopper" and learner.whoami() == "Grace Hopper"


def test_written_answer_feedback_sees_citations_record_attribution_and_never_grades(work_dir):
    text = (
        "EIR states that the offers were rebuffed (eir2013 ¶10), while according to Lukyanov, para 3, distrust ran both"
        " ways. The op-ed puts the Lisbon summit in 2011, but the record (E301) actually dates it to 20 November 2010."
    )
    fb = feedback.answer("q9_w1", text)
    md = fb._repr_markdown_()
    assert fb.recorded and "cite 2 readings" in md and "`eir2013 ¶10`" in md and "`lukyanov2011 ¶3`" in md
    assert "E301" in md and "EIR states" in md and "words" in md
    assert "not a grade" in md and "does not judge your argument" in md and "rubric" in md
    saved = store.load_work(work_dir)
    assert [(r["qid"], r["verdict"], r["answer"]) for r in saved] == [("q9_w1", "written", text)]
    assert saved[0]["prompt"]  # q9_w1's prompt is in the registry


def test_written_answer_without_evidence_says_what_is_missing(work_dir):
    md = feedback.answer("q4_w9", "Russia and the West could never cooperate.")._repr_markdown_()
    assert "no place cited" in md and "no event id" in md and "no attributed claim" in md
    assert store.load_work(work_dir)[0].get("prompt") is None  # any qid is usable; unknown prompts are fine


@pytest.mark.parametrize("text", [..., "", "   ", "..."])
def test_unfilled_written_answer_gets_an_instruction_and_is_not_saved(work_dir, text):
    fb = feedback.answer("q9_w1", text)
    assert not fb.recorded and "Write your answer" in fb._repr_markdown_()
    assert store.load_work(work_dir) == []


def test_citations_accept_reasonable_forms():
    found = set(feedback.citations("see EIR ¶10 and Lukyanov, para 3; the blog (¶7), eir2013 paragraphs 4 and 5"))
    assert found == {("eir2013", 10), ("lukyanov2011", 3), ("blog2007", 7), ("eir2013", 4), ("eir2013", 5)}
    assert feedback.citations("In 2007 the offer was made.") == []


def test_export_is_one_self_contained_escaped_file(work_dir, tmp_path):
    learner.whoami("Ada <b>Lovelace</b>")
    check("q7_2", "<script>alert(1)</script>")
    feedback.answer("q9_w1", "EIR states <i>much</i> (eir2013 ¶10) & Lukyanov ¶3 says less; the record (E200) differs.")
    feedback.answer(
        "q4_w1", "The blog **<img src=x onerror=alert(1)>** argues (blog2007 ¶7)"
    )  # learner text quoted inside the feedback
    out = tmp_path / "my-work.html"
    assert cli.main(["work", "export", str(out)]) == 0
    full = out.read_text(encoding="utf-8")
    data_block = re.findall(r'<script type="application/json" id="sharedshield-handin">.*?</script>', full, flags=re.S)
    assert (
        len(data_block) == 1 and "<" not in data_block[0][60:-9]
    )  # the hand-in's data (sharedshield.handin): no markup inside
    page = full.replace(data_block[0], "")
    assert "Ada &lt;b&gt;Lovelace&lt;/b&gt;" in page and "<b>Lovelace" not in page
    assert "&lt;script&gt;" in page and "<script" not in page
    assert "EIR states &lt;i&gt;much&lt;/i&gt;" in page and "&amp; Lukyanov" in page
    assert "Could Russia and the West share a missile shield" in page  # q9_w1's prompt is printed with the answer
    assert "not yet" in page and "In your grid, which reading&#x27;s silence" in page
    assert "<img" not in page and "&lt;img src=x" in page and "<strong>Citations:</strong>" in page
    tags = re.findall(r"<[^>]+>", page)
    assert "<style>" in tags and not [t for t in tags if re.search(r"\b(?:src|href)=|http|<link|<script|@import", t)]
    assert "http://" not in page and "https://" not in page and "url(" not in page


def test_reset_asks_first_refuses_without_a_terminal_and_backs_up(work_dir, monkeypatch, capsys):
    store.record("q7_1", 3, "correct", "ok")
    files = sorted(p.name for p in work_dir.iterdir())
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    assert cli.main(["work", "reset"]) == 1 and "--yes" in capsys.readouterr().err
    assert sorted(p.name for p in work_dir.iterdir()) == files
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert cli.main(["work", "reset"]) == 0 and len(store.load_work(work_dir)) == 1
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    assert cli.main(["work", "reset"]) == 0
    assert store.load_work(work_dir) == []
    backups = list((work_dir / "backups").iterdir())
    assert len(backups) == 1 and sorted(p.name for p in backups[0].iterdir()) == files
    assert json.loads((backups[0] / files[0]).read_text(encoding="utf-8").splitlines()[0])["qid"] == "q7_1"


def test_reset_with_yes_needs_no_terminal(work_dir, monkeypatch):
    store.record("q7_1", 3, "correct", "ok")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    assert cli.main(["work", "reset", "--yes"]) == 0 and store.load_work(work_dir) == []
    assert len(list((work_dir / "backups").iterdir())) == 1


def test_my_work_counts_per_notebook(work_dir):
    check("q7_2", "blog2007")
    check("q7_2", "eir2013")
    check("q7_1", 99)
    feedback.answer("q7_w1", "A note.")
    table = handin.my_work().set_index("notebook")
    assert table.loc["07", ["attempted", "correct", "written answers"]].tolist() == [2, 1, 1]
    assert table.loc["01", "attempted"] == 0 and table.loc["07", "questions"] == sum(
        q.startswith("q7_") for q in all_questions()
    )


def test_saved_work_is_private_to_its_owner(work_dir):
    check("q7_2", "eir2013")
    learner.whoami("Grace Hopper")
    feedback.answer("q7_w1", "A note.")
    store.reset(work_dir, True)
    store.record("q7_1", 3, "correct", "ok")
    folders = [work_dir, *[p for p in work_dir.rglob("*") if p.is_dir()]]
    files = [p for p in work_dir.rglob("*") if p.is_file()]
    assert len(files) == 3 and {p.stat().st_mode & 0o777 for p in files} == {
        0o600
    }  # name, attempts, attempts in the backup
    assert {p.stat().st_mode & 0o777 for p in folders} == {0o700}


def test_a_work_folder_opened_by_others_is_made_private_again(work_dir):
    work_dir.mkdir(mode=0o755)
    work_dir.chmod(0o755)
    store.record("q7_1", 3, "correct", "ok")
    assert work_dir.stat().st_mode & 0o777 == 0o700


def test_the_library_knows_nothing_of_the_test_runner():
    sources = [p.read_text(encoding="utf-8") for p in (ROOT / "src" / "sharedshield").rglob("*.py")]
    assert not [s for s in sources if "PYTEST_CURRENT_TEST" in s or "import pytest" in s]
    assert (
        os.environ.get(store.ENV) and Path(os.environ[store.ENV]).resolve() != store.work_dir().home()
    )  # conftest chose the folder
