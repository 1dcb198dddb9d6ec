"""Every command the README and the notebooks tell a student to type works, exactly as written, from a fresh clone.

The clone is `git clone` of this checkout's last commit. Its `.venv` is this checkout's environment, linked in (its
packages, with sharedshield installed in editable mode from this checkout): what is tested is that each command works
from where a student types it (a plain terminal in the course folder, a notebook cell, JupyterLab's own terminal).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from tornado.websocket import websocket_connect

import sharedshield as ss
from conftest import ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="make, git and the lab terminal are the Unix route")


@dataclass(frozen=True)
class Command:
    """One documented command: exactly as written, where it is typed, and what it must leave behind or print."""

    text: str
    # where: "terminal" (a plain terminal in the course folder), "lab terminal" (JupyterLab's, after make lab)
    # or "cell" (a notebook cell in notebooks/)
    where: str
    expect: str  # a file it must write (relative to where it runs), or text its output must contain
    input: str = ""


# The student-facing commands of README.md and the notebooks, each exactly as written there.
COMMANDS = (
    Command("make readings ID=lukyanov2011 FILE=~/Downloads/epilogue.html", "terminal", "Imported lukyanov2011"),
    Command("make readings", "terminal", "lukyanov2011"),
    Command("make readings ID=eir2013 FILE=eir.html", "terminal", "Imported eir2013"),
    Command('ss.install_reading("lukyanov2011", "epilogue.html")', "cell", "Imported lukyanov2011"),
    Command('ss.install_reading("eir2013", "eir.html")', "cell", "Imported eir2013"),
    Command(
        "python -m sharedshield readings import lukyanov2011 epilogue.html", "lab terminal", "Imported lukyanov2011"
    ),
    Command("python -m sharedshield readings import eir2013 eir.html", "lab terminal", "Imported eir2013"),
    Command("python -m sharedshield readings list", "lab terminal", "lukyanov2011"),
    Command("make hand-in", "terminal", "file:my-work.html"),
    Command("make hand-in OUT=other-name.html", "terminal", "file:other-name.html"),
    Command('ss.export_work("my-work.html")', "cell", "file:my-work.html"),
    Command("python -m sharedshield work export my-work.html", "lab terminal", "file:my-work.html"),
    Command("python -m sharedshield work show", "lab terminal", "Saved work of"),
    Command("python -m sharedshield work reset", "lab terminal", "", input="n\n"),
)

# Commands as they appear in the student-facing text: `python -m sharedshield …`, `make readings …`, `make hand-in …`,
# `ss.install_reading(…)`
DOCUMENTED = re.compile(
    r"`((?:python -m sharedshield (?:readings|work)|make"
    r" (?:readings|hand-in)|ss\.install_reading\(|ss\.export_work\()[^`]*)`"
)
FENCED_MAKE = re.compile(r"^\s*(make (?:readings|hand-in)[^#\n]*?)\s*(?:#.*)?$", re.M)


def documented_commands() -> dict[str, set[str]]:
    """Each student-facing command written in README.md or a notebook, with the files that write it."""
    found: dict[str, set[str]] = {}
    texts = {"README.md": (ROOT / "README.md").read_text(encoding="utf-8")}
    for nb in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        texts[nb.name] = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    for name, text in texts.items():
        for command in [*DOCUMENTED.findall(text), *FENCED_MAKE.findall(text)]:
            if (
                "SOURCE_ID" not in command and "..." not in command
            ):  # placeholders a student fills in are not typed as they stand
                found.setdefault(command.strip(), set()).add(name)
    return found


def test_every_documented_student_command_is_in_the_table():
    table = {c.text for c in COMMANDS}
    missing = {command: sorted(files) for command, files in documented_commands().items() if command not in table}
    assert not missing, f"documented commands with no test (add them to COMMANDS): {missing}"
    assert len(documented_commands()) >= 8


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A fresh clone of HEAD, with this checkout's environment linked in as its .venv (as after make lab's setup)."""
    work = tmp_path_factory.mktemp("clone")
    course = work / "course"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(course)], check=True, timeout=120)
    venv = course / ".venv"
    venv.mkdir()
    for part in ("bin", "lib", "include", "etc", "share"):
        if (ROOT / ".venv" / part).exists():
            (venv / part).symlink_to(ROOT / ".venv" / part)
    shutil.copy(ROOT / ".venv" / "pyvenv.cfg", venv / "pyvenv.cfg")
    for stamp in (".student", ".dev"):
        (venv / stamp).touch()  # newer than the clone's requirements: make does not reinstall
    return course


@pytest.fixture
def student(clone, tmp_path) -> dict[str, str]:
    """A student's environment: an empty home with a saved reading in Downloads, fresh user data and saved work."""
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    readings = Path(os.environ.get("SHAREDSHIELD_READINGS", ""))
    if not (readings / "lukyanov2011.txt").is_file():
        pytest.skip("needs SHAREDSHIELD_READINGS with the readings, to stand for a student's saved copy")
    copies = {"lukyanov2011.txt": ["Downloads/epilogue.html", "epilogue.html"], "eir2013.txt": ["eir.html"]}
    for name, targets in copies.items():
        for target in targets:
            for folder in (
                home,
                clone,
                clone / "notebooks",
            ):  # a file saved in Downloads, or uploaded beside the notebook / at the root
                dest = folder / target
                if target.startswith("Downloads") and folder != home:
                    continue
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(readings / name, dest)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "SHAREDSHIELD_READINGS", "PYTHONPATH")}
    path = [p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p]
    env.update(
        HOME=str(home),
        PATH=os.pathsep.join(path),
        XDG_DATA_HOME=str(tmp_path / "userdata"),
        SHAREDSHIELD_WORK_DIR=str(tmp_path / "work"),
    )
    return env


def run(command: Command, clone: Path, env: dict[str, str]) -> tuple[Path, subprocess.CompletedProcess]:
    """Run one command where a student types it; returns the folder it ran in and the result."""
    if command.where == "terminal":
        cwd, argv = clone, ["bash", "-c", command.text]  # a plain terminal: no environment activated
    elif command.where == "lab terminal":
        cwd = clone  # the environment make lab gives its terminals (lab-config/shrc after the user's own setup)
        env = dict(env, VIRTUAL_ENV=str(clone / ".venv"))
        argv = ["bash", "-c", f". lab-config/shrc && {command.text}"]
    else:
        cwd = clone / "notebooks"  # a kernel started for a notebook runs in the notebook's folder
        argv = [str(clone / ".venv" / "bin" / "python"), "-c", f"import sharedshield as ss\n{command.text}"]
    result = subprocess.run(argv, cwd=cwd, env=env, input=command.input, capture_output=True, text=True, timeout=180)
    return cwd, result


@pytest.mark.parametrize("command", COMMANDS, ids=[f"{c.where}: {c.text}" for c in COMMANDS])
def test_documented_command_works_as_written_from_a_fresh_clone(command, clone, student):
    if "list" in command.text or command.text == "make readings" or "work show" in command.text:
        run(
            Command("make readings ID=lukyanov2011 FILE=~/Downloads/epilogue.html", "terminal", ""), clone, student
        )  # something to list
    cwd, result = run(command, clone, student)
    out = result.stdout + result.stderr
    assert result.returncode == 0, f"{command.text!r} ({command.where}) failed:\n{out[-2000:]}"
    assert "No module named" not in out and "Traceback" not in out, out[-2000:]
    if command.expect.startswith("file:"):
        written = cwd / command.expect[5:]
        assert written.is_file() and "<html" in written.read_text(encoding="utf-8").lower(), (
            f"{command.text!r} wrote no {written}"
        )
        written.unlink()
    else:
        assert command.expect in out, f"{command.text!r} printed:\n{out[-2000:]}"


def test_make_readings_without_an_id_says_how(clone, student):
    result = subprocess.run(
        ["bash", "-c", "make readings FILE=eir.html"],
        cwd=clone,
        env=student,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "make readings ID=" in result.stdout + result.stderr


def test_install_reading_in_a_cell_without_arguments_explains_the_upload_route(clone, student):
    _, result = run(Command("ss.install_reading(..., ...)", "cell", ""), clone, student)
    assert result.returncode == 0 and "upload" in result.stdout and "ss.install_reading(" in result.stdout


SERVING = re.compile(r"(http://(?:127\.0\.0\.1|localhost):\d+)/")


def test_make_lab_opens_the_course_root_on_00_with_a_course_terminal_and_quiet_kernels(clone, student, tmp_path):
    """make lab's own command, from the clone: the file browser shows data/ and teacher/, 00 opens, the terminal runs
    `python -m sharedshield`, and a kernel starts over IPC with no 'running over TCP without encryption' warning."""
    lab = subprocess.run(
        [
            "make",
            "-s",
            "--no-print-directory",
            "lab-command",
            "LAB_ARGS=--no-browser --port=0 --ServerApp.port_retries=0 --IdentityProvider.token=probe",
        ],
        cwd=clone,
        env=student,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    runtime = Path(tempfile.mkdtemp(prefix="jr-", dir="/tmp"))  # IPC socket paths must stay under ~100 characters
    env = dict(student, JUPYTER_RUNTIME_DIR=str(runtime))
    proc = subprocess.Popen(
        [*shlex.split(lab), "notebooks/00_start_here.ipynb"],
        cwd=clone,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(line.rstrip() for line in proc.stdout), daemon=True)
    reader.start()
    try:
        url = None
        for _ in range(180):
            url = next((m[1] for m in map(SERVING.search, list(lines)) if m), None)
            if url or proc.poll() is not None:
                break
            time.sleep(0.5)
        assert url, "JupyterLab did not start:\n" + "\n".join(lines[-20:])

        def api(method: str, path: str, body: object = None) -> dict:
            data = json.dumps(body).encode() if body is not None else None
            request = urllib.request.Request(
                f"{url}{path}?token=probe", method=method, data=data, headers={"Content-Type": "application/json"}
            )
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.load(response)

        root = {item["name"] for item in api("GET", "/api/contents/")["content"]}
        assert {
            "data",
            "teacher",
            "notebooks",
        } <= root, f"the file browser does not open at the course root: {sorted(root)}"
        opens = "".join(f.read_text(encoding="utf-8") for f in runtime.glob("jpserver-file-to-run-*-open.html"))
        assert "/lab/tree/notebooks/00_start_here.ipynb" in opens, (
            f"make lab does not land on notebook 00 under the course root: {opens[:500]}"
        )

        kernel = api("POST", "/api/kernels", {"name": "python3"})
        out = tmp_path / "terminal-out.txt"
        terminal = api("POST", "/api/terminals")
        asyncio.run(
            type_in_terminal(url, terminal["name"], f"python -m sharedshield readings list > {out} 2>&1\r", out)
        )
        connection = json.loads((runtime / f"kernel-{kernel['id']}.json").read_text(encoding="utf-8"))
        time.sleep(3)  # the kernel's start-up messages reach the log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        reader.join(timeout=10)
        shutil.rmtree(runtime, ignore_errors=True)
    said = out.read_text(encoding="utf-8") if out.is_file() else "(no output)"
    assert "readings folder" in said.lower() and "No module named" not in said, (
        f"JupyterLab's terminal cannot run the course's command:\n{said}"
    )
    assert connection["transport"] == "ipc", connection
    log = "\n".join(lines)
    assert "without encryption" not in log and "Kernel started" in log, log[-3000:]


async def type_in_terminal(url: str, name: str, keys: str, out: Path) -> None:
    """Type `keys` into a JupyterLab terminal and wait (up to 60 s) until `out` has been written."""
    socket = await websocket_connect(f"{url.replace('http', 'ws', 1)}/terminals/websocket/{name}?token=probe")
    await asyncio.sleep(1)  # the shell starts and reads its setup
    socket.write_message(json.dumps(["stdin", keys]))
    for _ in range(120):
        await asyncio.sleep(0.5)
        if out.is_file() and out.read_text(encoding="utf-8").strip():
            await asyncio.sleep(0.5)
            break
    socket.close()


def test_every_ss_name_the_documents_use_exists():
    """`ss.x` in a notebook, the README or a guide must work after `import sharedshield as ss` (no module left out)."""
    places = [ROOT / "README.md", ROOT / "hub" / "README.md", *ROOT.glob("teacher/*.md")]
    places += sorted(ROOT.glob("notebooks/*.ipynb"))
    used = {
        (p.relative_to(ROOT).as_posix(), name)
        for p in places
        for name in re.findall(r"\bss\.([a-z_]+)\b", p.read_text(encoding="utf-8"))
    }
    assert len({m for _, m in used}) > 20  # the scan sees the course's calls
    missing = sorted(f"{place}: ss.{name}" for place, name in used if not hasattr(ss, name))
    assert not missing, "names that `import sharedshield as ss` does not give:\n" + "\n".join(missing)
