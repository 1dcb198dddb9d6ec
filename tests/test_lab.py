"""`make lab` starts JupyterLab wherever the course runs, as root too (containers): the Makefile's own command, started for real."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time

import pytest

from conftest import ROOT

NO_BROWSER = "--no-browser --port=0 --ServerApp.port_retries=0"


def lab_command() -> list[str]:
    """The command `make lab` runs, as the Makefile builds it, with no browser and a free port."""
    out = subprocess.run(["make", "-s", "--no-print-directory", "lab-command", f"LAB_ARGS={NO_BROWSER}"], cwd=ROOT,
                         capture_output=True, text=True, check=True, timeout=60)
    return shlex.split(out.stdout.strip())


@pytest.mark.skipif(sys.platform == "win32", reason="make and id are the Unix route; Windows follows README's plain-pip steps")
def test_make_lab_runs_the_same_command_and_allows_root_only_as_root():
    command = lab_command()
    assert command[0].endswith("jupyter") and command[1] == "lab"
    assert ("--allow-root" in command) == (os.getuid() == 0), f"--allow-root must be there exactly when running as root: {command}"
    dry = subprocess.run(["make", "-n", "--no-print-directory", "lab", f"LAB_ARGS={NO_BROWSER}"], cwd=ROOT,
                         capture_output=True, text=True, check=True, timeout=60).stdout.strip().splitlines()
    assert shlex.split(dry[-1]) == [*command, "notebooks/00_start_here.ipynb"], "make lab runs something other than lab-command"


@pytest.mark.skipif(sys.platform == "win32", reason="make and id are the Unix route")
def test_make_lab_command_starts_jupyterlab_as_the_current_user(tmp_path):
    command = lab_command()
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    proc = subprocess.Popen([*command, "notebooks/00_start_here.ipynb"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:  # the server exited
                break
            lines.append(line.rstrip())
            if "is running at" in line:
                break
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    log = "\n".join(lines[-15:])
    assert any("is running at" in line for line in lines), f"JupyterLab did not start:\n{log}"
    assert not any("Running as root is not recommended" in line for line in lines)
