"""Helpers for the hub tests and `make bench-hub`: start the demo hub on free loopback ports, log learners in with
Chromium, and run code in a learner's kernel through their single-user server's REST and kernel-websocket API."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import secrets
import socket
import stat
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

from sharedshield import hub

PASSWORD = "learners-password-42"
FOLDER = "shared-shield"  # the source repository's folder name: the learners' clone gets the same


def free_ports(n: int) -> list[int]:
    """`n` distinct ports free on 127.0.0.1 right now."""
    socks = [socket.socket() for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def source_repo(folder: Path) -> Path:
    """A clone of this repository's last commit, as the teacher's course repository (git identity set for commits)."""
    repo = folder / FOLDER
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(hub.ROOT), str(repo)], check=True)
    for key, value in (("user.name", "Teacher"), ("user.email", "teacher@example.org")):
        subprocess.run(["git", "-C", str(repo), "config", key, value], check=True)
    return repo


def branch_of(repo: Path) -> str:
    """The checked-out branch of a clone."""
    return hub.current_branch(repo)


@dataclass
class Hub:
    """A running demo hub: its address, process, state folder, log and service token."""

    url: str
    proc: subprocess.Popen
    state: Path
    log: Path
    token: str
    seen: set[int] = field(default_factory=set)

    def home(self, user: str) -> Path:
        """A learner's home folder."""
        return self.state / "home" / user

    def api(self, path: str, method: str = "GET", body: Any = None) -> Any:
        """Call the hub's (/hub/api/...) or a learner server's (/user/NAME/api/...) REST API with the service token."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.url}{path}",
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as answer:
            raw = answer.read()
        return json.loads(raw) if raw else None

    def log_text(self) -> str:
        """The hub's log so far (for failure messages)."""
        return self.log.read_text(errors="replace")[-6000:] if self.log.is_file() else ""


def start(folder: Path) -> Hub:
    """Start the demo hub on free ports with its state in `folder`; wait until it answers."""
    port, proxy_api, api = free_ports(3)
    token = secrets.token_hex(32)
    env = hub.hub_environment(folder / "state", port, PASSWORD, api_port=api, proxy_api_port=proxy_api)
    env["HUB_SERVICE_TOKEN"] = token
    log = folder / "hub.log"
    proc = hub.start_hub(env, python=sys.executable, log=log)
    url = f"http://127.0.0.1:{port}"
    try:
        hub.wait_ready(url, proc, timeout=90)
    except RuntimeError as err:
        hub.stop_hub(proc)
        raise RuntimeError(f"{err}\n{log.read_text(errors='replace')[-4000:]}") from err
    return Hub(url, proc, folder / "state", log, token)


def log_in(context: Any, link: str, user: str) -> Any:
    """In a new browser context: follow the link, log in as `user` (the hub starts the server and pulls the course)."""
    page = context.new_page()
    page.goto(link)
    page.wait_for_selector("#username_input", timeout=30_000)
    page.fill("#username_input", user)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit")
    return page


def wait_for_lab(page: Any, user: str, timeout_ms: int = 120_000) -> None:
    """Wait until the page is JupyterLab at notebook 00 of the learner's clone, with the notebook drawn."""
    page.wait_for_url(f"**/user/{user}/lab/tree/{FOLDER}/notebooks/00_start_here.ipynb*", timeout=timeout_ms)
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=timeout_ms)
    page.wait_for_selector(".jp-RenderedMarkdown h1", timeout=timeout_ms)


@dataclass
class Reply:
    """What a cell's execution produced: its status, text output, MIME types shown, and error (if any)."""

    status: str
    text: str
    mimetypes: list[str]
    error: str


async def execute_async(
    the_hub: Hub, user: str, path: str, codes: list[str], timeout: float = 120, keep: bool = False
) -> list[Reply]:
    """Start a kernel for `path` in the learner's server (a session, as JupyterLab does), run `codes` in order, then
    shut it down (or, with keep=True, leave it running as an open notebook's kernel is)."""
    session = await asyncio.to_thread(
        the_hub.api,
        f"/user/{user}/api/sessions",
        "POST",
        {"path": path, "type": "notebook", "name": Path(path).name, "kernel": {"name": "python3"}},
    )
    kernel = session["kernel"]["id"]
    ws_url = (
        the_hub.url.replace("http://", "ws://")
        + f"/user/{user}/api/kernels/{kernel}/channels?session_id={uuid.uuid4().hex}"
    )
    conn = await websocket_connect(
        HTTPRequest(ws_url, headers={"Authorization": f"token {the_hub.token}"}), max_message_size=64 << 20
    )
    replies = []
    try:
        for code in codes:
            msg_id = uuid.uuid4().hex
            conn.write_message(
                json.dumps(
                    {
                        "header": {
                            "msg_id": msg_id,
                            "msg_type": "execute_request",
                            "username": user,
                            "session": uuid.uuid4().hex,
                            "version": "5.3",
                            "date": "",
                        },
                        "parent_header": {},
                        "metadata": {},
                        "channel": "shell",
                        "buffers": [],
                        "content": {
                            "code": code,
                            "silent": False,
                            "store_history": True,
                            "user_expressions": {},
                            "allow_stdin": False,
                            "stop_on_error": True,
                        },
                    }
                )
            )
            text, mimes, error, status, idle = [], [], "", "", False
            deadline = time.monotonic() + timeout
            while not (status and idle):
                raw = await asyncio.wait_for(conn.read_message(), max(1.0, deadline - time.monotonic()))
                if raw is None:
                    raise RuntimeError("the kernel's websocket closed")
                msg = json.loads(raw)
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind, content = msg["msg_type"], msg["content"]
                if kind == "stream":
                    text.append(content["text"])
                elif kind in ("execute_result", "display_data"):
                    mimes += list(content["data"])
                    text.append(content["data"].get("text/plain", ""))
                elif kind == "error":
                    error = f"{content['ename']}: {content['evalue']}"
                elif kind == "status" and content["execution_state"] == "idle":
                    idle = True
                elif kind == "execute_reply":
                    status = content["status"]
            replies.append(Reply(status, "".join(text), mimes, error))
    finally:
        conn.close()
        if not keep:
            await asyncio.to_thread(the_hub.api, f"/user/{user}/api/sessions/{session['id']}", "DELETE")
    return replies


def execute(the_hub: Hub, user: str, path: str, codes: list[str], timeout: float = 120) -> list[Reply]:
    """Run code in a new kernel of the learner's server (own thread: Playwright's sync API owns this one's loop)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, execute_async(the_hub, user, path, codes, timeout)).result()


def modes(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder` (itself included) -> its permission bits, as '0700'."""
    out = {".": oct(stat.S_IMODE(folder.stat().st_mode))[2:].zfill(4)}
    for path in sorted(folder.rglob("*")):
        out[str(path.relative_to(folder))] = oct(stat.S_IMODE(path.lstat().st_mode))[2:].zfill(4)
    return out


def not_private(folder: Path) -> list[str]:
    """The files under `folder` not mode 0600 and the folders not 0700 (empty when all is owner-only)."""
    wrong = []
    for name, mode in modes(folder).items():
        path = folder / name
        want = "0700" if path.is_dir() else "0600"
        if mode != want:
            wrong.append(f"{name}: {mode} (want {want})")
    return wrong


def server_pids(the_hub: Hub) -> dict[int, str]:
    """The hub's live descendants (proxy, learners' servers, kernels) -> command line."""
    return {pid: hub.command_line(pid) for pid in hub.descendants(the_hub.proc.pid)}


def memory_kb(pid: int) -> tuple[int, int]:
    """A process's resident memory in KiB: (RSS, PSS), PSS splitting pages shared with others; (0, 0) if it is gone."""
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return 0, 0
    values = {line.split(":")[0]: int(line.split()[1]) for line in lines if line.startswith(("Rss:", "Pss:"))}
    return values.get("Rss", 0), values.get("Pss", 0)


def ci() -> bool:
    """True in CI (CI=true), where a missing hub stack fails the tests instead of skipping them."""
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")
