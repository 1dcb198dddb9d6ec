"""The hub route for real, on loopback: the demo hub (hub/jupyterhub_config.py), two learners in Chromium following the
course's nbgitpuller link, their saved work private and apart, a teacher's change merged with a learner's edit, and a
clean stop.

The learners log in and open the course by the link in the browser; their self-check and written answer run in a kernel
of their own single-user server, started through that server's REST API and driven over its kernel websocket (as
JupyterLab does), with a hub service token: sturdier than typing into the lab's cells.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_markdown_cell
from playwright.sync_api import sync_playwright

import hubkit
from sharedshield import hub, printing

pytestmark = [pytest.mark.hub, pytest.mark.browser, pytest.mark.slow]

LEARNERS = ("ada", "grace")
WORK = Path(".local/share/sharedshield/work")  # inside a learner's home: where platformdirs puts the saved work
NB00 = f"{hubkit.FOLDER}/notebooks/00_start_here.ipynb"
TEACHER_NB = "notebooks/02_timeline.ipynb"
LEARNER_NB = "notebooks/01_meet_the_sources.ipynb"
SHOTS = Path(__file__).resolve().parents[1] / ".hub" / "screenshots"  # git-ignored; the PNGs to look at


def _missing() -> list[str]:
    """What the hub tests need and this machine lacks."""
    missing = hub.stack_missing()
    if not printing.CHROMIUM.is_file():
        missing.append(f"{printing.CHROMIUM} (apt-get install chromium)")
    return missing


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    """The teacher's repository, a running demo hub, and Chromium; the hub is stopped at the end whatever happened."""
    missing = _missing()
    if missing:
        message = "the hub stack is not installed here (make hub-demo or .ci/run installs it): " + "; ".join(missing)
        if hubkit.ci():
            pytest.fail(message)
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("hub")
    repo = hubkit.source_repo(folder / "teacher")
    the_hub = hubkit.start(folder)
    state = {
        "repo": repo,
        "hub": the_hub,
        "link": hub.nbgitpuller_link(the_hub.url, str(repo), branch=hubkit.branch_of(repo)),
        "pages": {},
        "stopped": None,
    }
    with sync_playwright() as pw:
        browser = printing.launch(pw)
        state["browser"] = browser
        try:
            yield state
        finally:
            browser.close()
            if state["stopped"] is None:
                hub.stop_hub(the_hub.proc)


def test_the_login_page_is_the_hubs(scene):
    page = scene["browser"].new_context(viewport={"width": 1200, "height": 800}).new_page()
    page.goto(scene["link"])
    page.wait_for_selector("#username_input")
    assert "/hub/login" in page.url and "git-pull" in page.url  # the link survives the login as its `next`
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "hub-login.png"))
    page.context.close()


def test_each_learner_gets_the_course_and_saves_privately_in_their_own_folder(scene):
    the_hub = scene["hub"]
    for user in LEARNERS:  # both log in at once, as a class does: two servers start side by side
        scene["pages"][user] = hubkit.log_in(
            scene["browser"].new_context(viewport={"width": 1280, "height": 860}), scene["link"], user
        )
    for user in LEARNERS:
        hubkit.wait_for_lab(scene["pages"][user], user)
    scene["pages"][LEARNERS[0]].screenshot(path=str(SHOTS / "hub-course-in-lab.png"))
    for user in LEARNERS:
        clone = the_hub.home(user) / hubkit.FOLDER
        assert (clone / "notebooks" / "00_start_here.ipynb").is_file() and (clone / ".git").is_dir()
        replies = hubkit.execute(
            the_hub,
            user,
            NB00,
            [
                (
                    "import os, sharedshield as ss\nss.setup()\ncourse = ss.load_course()\nprint(os.getcwd(),"
                    " ss.store.work_dir())"
                ),
                f'ss.whoami("{user.title()} Learner")',
                'ss.check("q0_1", "not the right kind of answer")',
                (
                    f'ss.answer("q0_w1", """{user} thinks a text\'s date limits what its author could know about later'
                    ' offers.""")'
                ),
                'ss.export_work("my-work.html")',
            ],
        )
        assert [r.error for r in replies] == [""] * 5, replies
        cwd, work = replies[0].text.split()
        assert cwd == str(clone / "notebooks") and work == str(the_hub.home(user) / WORK)
    for user in LEARNERS:
        home = the_hub.home(user)
        records = [
            json.loads(line)
            for path in (home / WORK).glob("attempts-*.jsonl")
            for line in path.read_text().splitlines()
        ]
        assert {r["qid"] for r in records} == {"q0_1", "q0_w1"}, records
        assert all(user in r["answer"] for r in records if r["qid"] == "q0_w1")
        assert json.loads((home / WORK / "learner.json").read_text())["name"] == f"{user.title()} Learner"
        # every file the course saved (attempts, name) 0600 in 0700 folders, the hand-in 0600 too, the home 0700
        assert sorted(p.name for p in (home / WORK).iterdir()) == sorted(
            ["learner.json", *(p.name for p in (home / WORK).glob("attempts-*.jsonl"))]
        )
        assert hubkit.not_private(home / ".local/share/sharedshield") == []
        assert hubkit.modes(home / hubkit.FOLDER / "notebooks")["my-work.html"] == "0600"
        assert hubkit.modes(home)["."] == "0700"
        other = the_hub.home(LEARNERS[1] if user == LEARNERS[0] else LEARNERS[0])
        assert not any(str(other) in r["answer"] for r in records)


def test_a_teachers_change_merges_with_a_learners_own_edit(scene):
    the_hub, repo, user = scene["hub"], scene["repo"], LEARNERS[0]
    # the learner edits an answer cell of notebook 01 and saves it, as JupyterLab does (PUT through the contents API)
    api_path = f"/user/{user}/api/contents/{hubkit.FOLDER}/{LEARNER_NB}"
    model = the_hub.api(api_path)
    cells = model["content"]["cells"]
    answer_cell = next(c for c in cells if c["cell_type"] == "code" and "ss.answer(" in "".join(c["source"]))
    answer_cell["source"] = "".join(answer_cell["source"]).replace(
        "...", "My own reading: the blog's date frames its view.", 1
    )
    the_hub.api(api_path, "PUT", {"type": "notebook", "format": "json", "content": model["content"]})
    # the teacher adds a note to notebook 02 in the course repository and commits it
    nb = nbformat.read(repo / TEACHER_NB, as_version=4)
    nb.cells.insert(
        1, new_markdown_cell("**Teacher's note:** read the timeline's legend first.", id="hub-teacher-note")
    )
    nbformat.write(nb, repo / TEACHER_NB)
    subprocess.run(["git", "-C", str(repo), "commit", "-qam", "Teacher's note on the timeline"], check=True)
    # the learner follows the link again: nbgitpuller merges, and the lab opens on 00 again
    page = scene["pages"][user]
    page.goto(scene["link"])
    hubkit.wait_for_lab(page, user)
    clone = the_hub.home(user) / hubkit.FOLDER
    theirs = nbformat.read(clone / TEACHER_NB, as_version=4)
    mine = nbformat.read(clone / LEARNER_NB, as_version=4)
    assert any(c.id == "hub-teacher-note" for c in theirs.cells)
    assert any("My own reading: the blog's date frames its view." in c.source for c in mine.cells)
    log = subprocess.run(
        ["git", "-C", str(clone), "log", "--format=%s"], capture_output=True, text=True, check=True
    ).stdout
    assert "Teacher's note on the timeline" in log
    # the other learner, who did not follow the link again, still has the course as first cloned
    assert not any(
        c.id == "hub-teacher-note"
        for c in nbformat.read(the_hub.home(LEARNERS[1]) / hubkit.FOLDER / TEACHER_NB, as_version=4).cells
    )


def test_the_hub_stops_with_no_process_left_behind(scene):
    the_hub = scene["hub"]
    running = hubkit.server_pids(the_hub)
    servers = [pid for pid, cmd in running.items() if "jupyterhub-singleuser" in cmd]
    proxies = [pid for pid, cmd in running.items() if "configurable-http-proxy" in cmd]
    assert len(servers) == len(LEARNERS) and len(proxies) == 1, running
    stopped = hub.stop_hub(the_hub.proc)
    scene["stopped"] = stopped
    assert stopped.returncode == 0, the_hub.log_text()
    assert stopped.left_behind == (), stopped.left_behind
    assert set(running) <= stopped.started and hub.alive(set(running)) == set()
