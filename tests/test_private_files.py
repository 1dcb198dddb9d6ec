"""Every file the course saves for a learner is readable by its owner only: files 0600, in folders 0700.

On a shared machine or a hub whose learners share an OS user's reach (and on any machine whose umask is the usual 022),
the saved work, the learner's name, a set-aside damaged file's recovered lines, reset backups, the hand-in and the copy
of the data made in notebook 08 must not be readable by others.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from sharedshield import handin, learner, store, yourturn


def mode(path: Path) -> int:
    """A path's permission bits."""
    return stat.S_IMODE(path.stat().st_mode)


def not_private(folder: Path) -> list[str]:
    """Files under `folder` not 0600 and folders (itself included) not 0700."""
    return [f"{p}: {oct(mode(p))}" for p in [folder, *folder.rglob("*")] if mode(p) != (0o700 if p.is_dir() else 0o600)]


@pytest.fixture
def work(tmp_path, monkeypatch):
    """An empty work folder under the usual umask 022 (so nothing is private by accident)."""
    folder = tmp_path / "home" / "work"
    monkeypatch.setenv(store.ENV, str(folder))
    old = os.umask(0o022)
    yield folder
    os.umask(old)


def test_attempts_and_name_are_owner_only_even_in_a_folder_that_was_open(work):
    work.mkdir(parents=True, mode=0o755)
    work.chmod(0o755)
    store.record("q0_1", "an answer", "not yet", "feedback")
    learner.whoami("Ada Learner")
    store.record("q0_w1", "a written answer", "written", "what the program sees")
    assert sorted(p.name.split("-")[0] for p in work.iterdir()) == ["attempts", "learner.json"]
    assert not_private(work) == []


def test_recovered_lines_of_a_damaged_file_and_reset_backups_are_owner_only(work, capsys):
    store.record("q0_1", "an answer", "not yet", "feedback")
    damaged = work / "attempts-otherhost-1.jsonl"
    good = json.dumps(
        {"kind": store.KIND, "time": "2026-01-01T00:00:00+00:00", "qid": "q0_1", "verdict": "correct", "feedback": ""}
    )
    damaged.write_text(good + "\n{not json\n", encoding="utf-8")
    damaged.chmod(0o600)
    assert len(store.load_work()) == 2
    assert "set aside" in capsys.readouterr().err
    assert any(p.name.startswith("attempts-recovered-") for p in work.iterdir())
    assert not_private(work) == []
    backup = store.reset(work, confirm=True)
    assert backup is not None and backup.parent.name == "backups" and any(backup.iterdir())
    assert not_private(work) == []


def test_the_hand_in_is_owner_only(work, tmp_path):
    store.record("q0_1", "an answer", "not yet", "feedback")
    out = handin.export_work(tmp_path / "my-work.html")
    assert out is not None and out.is_file() and mode(out) == 0o600


def test_the_learners_copy_of_the_data_is_owner_only(work, tmp_path, monkeypatch):
    monkeypatch.setenv(yourturn.MY_DATA_ENV, str(tmp_path / "my_data"))
    folder = yourturn.my_copy()
    assert (folder / "events.csv").is_file()
    assert not_private(folder) == []


def test_make_private_closes_an_open_tree(tmp_path):
    tree = tmp_path / "t"
    (tree / "sub").mkdir(parents=True, mode=0o755)
    (tree / "sub" / "f.txt").write_text("x")
    (tree / "sub" / "f.txt").chmod(0o644)
    assert not_private(tree) != []
    store.make_private(tree)
    assert not_private(tree) == []
