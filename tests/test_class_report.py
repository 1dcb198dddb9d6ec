"""The teacher's class report: a synthetic class answers via the course's API; the report counts exactly what it did."""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import io
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import FIXTURES, ROOT
from sharedshield import classreport, cli, democlass, handin, templates
from sharedshield.__main__ import main as course_main
from sharedshield.checks import all_questions, spelled

N = 12


@pytest.fixture(scope="module")
def klass(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[democlass.Learner]]:
    """A class of 12 seeded learners, each working in their own saved-work folder, and their exported hand-ins."""
    folder = tmp_path_factory.mktemp("class")
    with contextlib.redirect_stdout(io.StringIO()):
        learners = democlass.build_class(folder / "handins", N, seed=7)
    return folder / "handins", learners


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under `folder`: its SHA-256 and modification time in ns."""
    return {
        str(p): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _edit(path: Path, dest: Path) -> Path:
    """A hand-in copy whose first answer was changed by hand (the JSON stays valid; the checksum no longer matches)."""
    text = path.read_text(encoding="utf-8")
    block = classreport.DATA_BLOCK.search(text)
    data = json.loads(block.group(1))
    qid = next(iter(data["first_attempts"]))
    data["first_attempts"][qid]["first_answer"] = "tampered"
    dest.write_text(text.replace(block.group(1), str(templates.script_json(data))), encoding="utf-8")
    return dest


def test_first_answer_counts_equal_what_the_class_did_for_every_question(klass):
    folder, learners = klass
    handins, messages = classreport.collect([folder])
    assert messages == [] and sorted(h.name for h in handins) == sorted(lr.name for lr in learners)
    result = classreport.summary(handins, messages)
    questions = all_questions()
    for qid, q in questions.items():
        firsts = Counter()
        attempts = 0
        for learner in learners:
            given = [a for k, a in learner.answers if k == qid]
            attempts += len(given)
            if given:
                firsts[spelled(q, given[0])] += 1
        got = result["questions"][qid]
        assert got["first_answers"] == dict(firsts), qid
        assert got["students_answered"] == sum(firsts.values()) and got["attempts"] == attempts, qid
    assert result["students"] == sorted((lr.name for lr in learners), key=str.casefold)
    assert sum(result["written"].values()) == sum(len(h.data["written"]) for h in handins)


def test_letter_questions_show_every_option_with_its_feedback(klass):
    folder, _ = klass
    handins, _ = classreport.collect([folder])
    q = all_questions()["q4_1"]
    info = classreport.question_summary(handins)["q4_1"]
    assert set(classreport.options_of(q)) <= set(info["answers"])
    for letter, text in q.wrong.items():
        assert info["answers"][letter]["feedback"] == text and not info["answers"][letter]["correct"]


def test_cli_writes_report_json_and_marks_and_changes_no_hand_in(klass, tmp_path):
    folder, learners = klass
    before = _snapshot(folder)
    out, js, marks = tmp_path / "r.html", tmp_path / "s.json", tmp_path / "m.csv"
    assert cli.main(["class", "report", str(folder), "--out", str(out), "--json", str(js), "--marks", str(marks)]) == 0
    assert _snapshot(folder) == before
    page = out.read_text(encoding="utf-8")
    assert (
        page.count("Plotly.newPlot") == 1
        and "<script src" not in page
        and "https://" not in page.split("<script>", 2)[0]
    )
    for learner in learners:
        assert learner.name in page
    with marks.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert [r["student"] for r in rows] == json.loads(js.read_text(encoding="utf-8"))["students"]
    assert set(rows[0]) == set(classreport.MARK_COLUMNS) and {
        "sourcing",
        "corroboration",
        "close reading",
        "use of evidence",
    } <= set(classreport.rubric())
    anon = tmp_path / "anon.html"
    assert cli.main(["class", "report", str(folder), "--out", str(anon), "--anonymous"]) == 0
    text = anon.read_text(encoding="utf-8")
    assert "Student 1" in text and not [lr.name for lr in learners if lr.name in text]


def test_edited_foreign_duplicate_and_older_files_one_line_each(klass, tmp_path, capsys):
    folder, learners = klass
    mixed = tmp_path / "mixed"
    shutil.copytree(folder, mixed, ignore=shutil.ignore_patterns(".work"))
    edited = _edit(mixed / f"{learners[0].name.replace(' ', '_')}.html", mixed / "zz-edited.html")
    (mixed / f"{learners[0].name.replace(' ', '_')}.html").unlink()
    (mixed / "notes.html").write_text("<html><body>My holiday</body></html>", encoding="utf-8")
    (mixed / "photo.htm").write_bytes(b"\x89PNG\x00\xff\xfe")
    twin = mixed / learners[1].path.name
    data = json.loads(classreport.DATA_BLOCK.search(twin.read_text(encoding="utf-8")).group(1))
    data["created"] = "2001-01-01T00:00:00+00:00"
    data["checksum"]["value"] = handin.checksum(data)
    (mixed / "old-copy.html").write_text(
        twin.read_text(encoding="utf-8").replace(
            classreport.DATA_BLOCK.search(twin.read_text(encoding="utf-8")).group(1), str(templates.script_json(data))
        ),
        encoding="utf-8",
    )
    older = json.loads(
        classreport.DATA_BLOCK.search((mixed / learners[2].path.name).read_text(encoding="utf-8")).group(1)
    )
    older.update(course_version="0.9.0", students=["Old Version"], name="Old Version")
    older["checksum"]["value"] = handin.checksum(older)
    (mixed / "older.html").write_text(
        f'<html><script type="application/json" id="{handin.DATA_ID}">{templates.script_json(older)}</script></html>',
        encoding="utf-8",
    )
    (mixed / "legacy.html").write_text(
        "<!DOCTYPE html><html><head><title>Shared Shield? Work of Lea"
        " Gacy</title></head><body><p><strong>Name:</strong> Lea Gacy<br><strong>Exported:</strong>"
        " 2026-01-01T10:00:00+00:00"
        " (UTC)<br></p><table><tbody><tr><td>2026-01-01T09:00:00+00:00</td>"
        "<td>q4_1</td><td>p</td><td>&quot;c&quot;</td><td"
        ' class="notyet">not'
        " yet</td><td>f</td></tr><tr><td>2026-01-01T09:01:00+00:00</td><td>q4_1</td><td>p</td><td>&quot;b&quot;</td><td"
        ' class="correct">correct</td><td>f</td></tr></tbody></table></body></html>',
        encoding="utf-8",
    )
    before = _snapshot(mixed)
    out = tmp_path / "r.html"
    assert cli.main(["class", "report", str(mixed), "--out", str(out), "--json", str(tmp_path / "s.json")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert _snapshot(mixed) == before
    assert len([e for e in err if "notes.html" in e]) == 1 and "not a Shared Shield hand-in" in next(
        e for e in err if "notes.html" in e
    )
    assert len([e for e in err if "photo.htm" in e]) == 1
    line = next(e for e in err if "zz-edited.html" in e)
    assert "EDITED" in line and "kept out of the counts" in line
    assert any("old-copy.html" in e and "handed in twice" in e and learners[1].path.name in e for e in err)
    assert any("older.html" in e and "0.9.0" in e for e in err) and any(
        "legacy.html" in e and "older course version" in e for e in err
    )
    result = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert (
        learners[0].name not in result["students"]
        and "Old Version" in result["students"]
        and "Lea Gacy" in result["students"]
    )
    assert result["students"].count(learners[1].name) == 1
    assert result["questions"]["q4_1"]["first_answers"].get("c", 0) >= 1  # the legacy file's first answer is counted
    assert "tampered" not in json.dumps(result)
    assert (
        cli.main(
            ["class", "report", str(mixed), "--out", str(out), "--json", str(tmp_path / "s2.json"), "--include-edited"]
        )
        == 0
    )
    assert learners[0].name in json.loads((tmp_path / "s2.json").read_text(encoding="utf-8"))["students"]
    assert "counted" in next(e for e in capsys.readouterr().err.splitlines() if "zz-edited.html" in e)
    assert edited.exists()


def test_no_readable_hand_in_writes_nothing(tmp_path, capsys):
    (tmp_path / "a.html").write_text("<p>hi</p>", encoding="utf-8")
    assert cli.main(["class", "report", str(tmp_path), "--out", str(tmp_path / "r.html")]) == 1
    assert not (tmp_path / "r.html").exists() and "nothing was written" in capsys.readouterr().err


def test_feedback_pages_from_a_filled_marking_sheet(klass, tmp_path, capsys):
    folder, learners = klass
    marks = tmp_path / "m.csv"
    assert cli.main(["class", "report", str(folder), "--out", str(tmp_path / "r.html"), "--marks", str(marks)]) == 0
    with marks.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    rows[0].update(
        {
            "sourcing": "proficient",
            "corroboration": "Emergent",
            "close reading": "basic",
            "use of evidence": "emergent",
            "comment": "Cite <EIR> ¶ for each point.",
        }
    )
    rows[1].update({"sourcing": "excellent"})
    with marks.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    out = tmp_path / "feedback"
    assert cli.main(["class", "feedback", str(marks), "--out", str(out)]) == 0
    assert len(list(out.glob("feedback-*.html"))) == len(learners)
    assert any(
        "row 3, column 'sourcing': 'excellent' is not a level" in e for e in capsys.readouterr().err.splitlines()
    )
    stem = re.sub(r"[^\w-]+", "-", rows[0]["student"]).strip("-").lower()
    page = (out / f"feedback-{stem}.html").read_text(encoding="utf-8")
    skills = classreport.rubric()
    assert skills["sourcing"]["proficient"][:60] in page and "Cite &lt;EIR&gt; ¶ for each point." in page
    assert page.count('class="mine"') == 4
    if rows[0]["written claim (q9_w1)"]:
        assert rows[0]["written claim (q9_w1)"][:40] in page


def test_teacher_notebook_runs_on_its_demo_class_without_error_or_warning(tmp_path):
    nb = nbformat.read(ROOT / "teacher" / "class_report.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")  # stripped in git
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    streams = [
        o
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "stream" and o.name == "stderr"
    ]
    assert streams == []
    text = "".join(
        o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "stream"
    )
    assert "8 hand-in(s) read." in text and "Wrote " in text and "class-report.html (8 student(s))" in text


def test_the_class_commands_plug_into_an_argparse_cli_and_the_course_command(klass, tmp_path):
    folder, learners = klass
    parser = argparse.ArgumentParser(prog="x")
    classreport.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["class", "report", str(folder), "--out", str(tmp_path / "r.html"), "--anonymous"])
    assert args.anonymous and args.run is classreport.run_report
    assert (
        course_main(["class", "report", str(folder), "--out", str(tmp_path / "c.html")]) == 0
        and (tmp_path / "c.html").stat().st_size > 10**6
    )


def test_a_marking_sheet_without_its_columns_is_refused_with_one_line(tmp_path, capsys):
    sheet = tmp_path / "m.csv"
    sheet.write_text("name,grade\nAda,A\n", encoding="utf-8")
    assert cli.main(["class", "feedback", str(sheet), "--out", str(tmp_path / "fb")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "student, file, sourcing" in err[0] and not (tmp_path / "fb").exists()


def test_a_hand_in_exported_before_hand_ins_carried_data_is_read_and_said(tmp_path, capsys):
    legacy = FIXTURES / "handin-before-json.html"  # written by the course's export at commit 6e0dd8c (no data block)
    before = _snapshot(FIXTURES)
    got = classreport.read_handin(legacy)
    assert got.name == "Lea Gacy" and "older course version" in got.notes[0]
    assert got.data["first_attempts"]["q4_1"] == {
        **got.data["first_attempts"]["q4_1"],
        "first_answer": "c",
        "attempts": 2,
        "final_answer": "b",
        "final_verdict": "correct",
    }
    assert [w["qid"] for w in got.data["written"]] == ["q9_w1"] and "<much>" in got.data["written"][0]["answer"]
    assert (
        cli.main(["class", "report", str(legacy), "--out", str(tmp_path / "r.html")]) == 0
        and _snapshot(FIXTURES) == before
    )
