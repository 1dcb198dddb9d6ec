"""Schools with a JupyterHub: the nbgitpuller link that clones (or updates) the course for each learner and opens
notebook 00, and `make hub-demo`: a JupyterHub on this machine (hub/jupyterhub_config.py) that starts, prints its link
and stops cleanly.

`python -m sharedshield.hub` runs the demo in the foreground; Ctrl-C stops the hub, which stops every learner's server
and the proxy; anything it started that is still alive afterwards is named and ended.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

START = "notebooks/00_start_here.ipynb"
ROOT = Path(__file__).resolve().parents[2]
HUB_DIR = ROOT / "hub"
CONFIG = HUB_DIR / "jupyterhub_config.py"
PROXY = HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
STATE = ROOT / ".hub"
DEFAULT_PORT = 8000
DEFAULT_PASSWORD = (  # the demo's shared password (HUB_PASSWORD); at least 8 characters, as JupyterHub asks
    "shared-shield-demo"
)
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


def repo_folder(repo_url: str) -> str:
    """The folder the course is cloned into: the last part of the repository's address (URL or path), without .git."""
    path = repo_url if "://" not in repo_url else urlsplit(repo_url).path
    name = path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return name[:-4] if name.endswith(".git") else name


def clonable(repo_url: str) -> bool:
    """True for an address git can clone from a hub: http(s)://HOST/..., file:///PATH, or an absolute local path."""
    parts = urlsplit(repo_url)
    if parts.scheme in ("http", "https"):
        return bool(parts.netloc)
    if parts.scheme == "file":
        return parts.path.startswith("/") and parts.netloc in ("", "localhost")
    return repo_url.startswith("/") or bool(_WINDOWS_DRIVE.match(repo_url))


def nbgitpuller_link(
    hub_url: str, repo_url: str, branch: str = "main", notebook: str = START, interface: str = "lab"
) -> str:
    """The link to share: the hub pulls the course into the learner's home, opens `notebook` in JupyterLab or 'tree'."""
    hub = urlsplit(hub_url)
    if hub.scheme not in ("http", "https") or not hub.netloc:
        raise ValueError(f"the hub address must start with https:// (got {hub_url!r})")
    if not clonable(repo_url) or not repo_folder(repo_url) or repo_folder(repo_url) in (".", ".."):
        raise ValueError(
            "the repository address must be one the hub can clone: a web address such as"
            " https://github.com/OWNER/NAME, a file:///PATH address, or an absolute path on the hub's machine (got"
            f" {repo_url!r})"
        )
    if interface not in ("lab", "tree"):
        raise ValueError("interface must be 'lab' (JupyterLab) or 'tree' (classic notebook)")
    folder = repo_folder(repo_url)
    target = f"{interface}/tree/{folder}/{notebook}"
    # targetpath is given so the clone's folder is the one the link opens
    # (nbgitpuller's own default keeps a trailing .git)
    return (
        f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?repo={quote(repo_url, safe='')}"
        f"&urlpath={quote(target, safe='')}&branch={quote(branch, safe='')}&targetpath={quote(folder, safe='')}"
    )


# ---------------------------------------------------------------- the demo hub on this machine


def stack_missing(python: str = sys.executable) -> list[str]:
    """What `make hub-demo` needs and this clone lacks (empty when the hub stack is installed)."""
    missing = []
    scripts = Path(python).parent
    for name in ("jupyterhub", "jupyterhub-singleuser"):
        if not (scripts / name).exists():
            missing.append(f"{scripts / name} (install requirements-hub.txt: make hub-demo does)")
    if not PROXY.exists():
        missing.append(f"{PROXY} (npm ci --prefix hub: make hub-demo does)")
    return missing


def hub_environment(
    state: Path,
    port: int,
    password: str,
    api_port: int | None = None,
    proxy_api_port: int | None = None,
    base: dict[str, str] | None = None,
) -> dict[str, str]:
    """The environment hub/jupyterhub_config.py reads: state folder, ports, the shared password."""
    env = dict(os.environ if base is None else base)
    env.update(
        HUB_STATE=str(state),
        HUB_PORT=str(port),
        HUB_PASSWORD=password,
        HUB_API_PORT=str(api_port or port + 2),
        HUB_PROXY_API_PORT=str(proxy_api_port or port + 1),
    )
    return env


def start_hub(env: dict[str, str], python: str = sys.executable, log: Path | None = None) -> subprocess.Popen:
    """Start JupyterHub with the course's config (its output goes to `log`, or to this terminal)."""
    state = Path(env["HUB_STATE"])
    state.mkdir(mode=0o700, parents=True, exist_ok=True)
    out = open(log, "ab") if log else None  # noqa: SIM115 (closed by the child's end; the file stays for reading)
    return subprocess.Popen(
        [python, "-m", "jupyterhub", "-f", str(CONFIG)],
        cwd=state,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT if out else None,
        start_new_session=True,
    )  # Ctrl-C reaches this program only


def wait_ready(url: str, proc: subprocess.Popen, timeout: float = 60) -> dict:
    """Wait until the hub answers at `url` (its /hub/api reports the version); raise if it exits or takes too long."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"JupyterHub stopped while starting (exit code {proc.returncode}): see its log")
        try:
            with urllib.request.urlopen(f"{url.rstrip('/')}/hub/api", timeout=2) as answer:
                return json.load(answer)
        except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
            time.sleep(0.3)
    raise RuntimeError(f"JupyterHub did not answer at {url} within {timeout:.0f} s")


def _processes() -> dict[int, tuple[int, str]]:
    """Every live process on this machine: pid -> (parent pid, state letter), read from /proc (zombies left out)."""
    found: dict[int, tuple[int, str]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        if fields[0] != "Z":
            found[int(entry.name)] = (int(fields[1]), fields[0])
    return found


def descendants(pid: int) -> set[int]:
    """The live processes started by `pid`, its children's children included."""
    table = _processes()
    children: dict[int, list[int]] = {}
    for child, (parent, _) in table.items():
        children.setdefault(parent, []).append(child)
    out: set[int] = set()
    todo = list(children.get(pid, []))
    while todo:
        child = todo.pop()
        if child not in out:
            out.add(child)
            todo += children.get(child, [])
    return out


def alive(pids: set[int]) -> set[int]:
    """Those of `pids` that are still running (not zombies)."""
    return set(pids) & set(_processes())


def command_line(pid: int) -> str:
    """A process's command line, for messages."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return "(gone)"


@dataclass(frozen=True)
class Stopped:
    """How the hub stopped: its exit code, the processes it had started, and those left behind (ended by force)."""

    returncode: int
    started: frozenset[int]
    left_behind: tuple[str, ...]


def stop_hub(
    proc: subprocess.Popen, timeout: float = 60, signum: int = signal.SIGTERM, known: set[int] | None = None
) -> Stopped:
    """Ask the hub to stop (it stops learners' servers and the proxy), wait, then end and name anything left behind."""
    started = descendants(proc.pid) | set(known or ())
    if proc.poll() is None:
        proc.send_signal(signum)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)
    deadline = time.monotonic() + 10
    while alive(started) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = sorted(alive(started))
    names = tuple(f"{pid}: {command_line(pid)}" for pid in left)
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return Stopped(proc.returncode, frozenset(started), names)


def current_branch(repo: Path = ROOT) -> str:
    """The branch this clone is on ('main' when git cannot tell)."""
    try:
        name = subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "--abbrev-ref", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "main"
    return name if name and name != "HEAD" else "main"


def demo(port: int, password: str, state: Path = STATE) -> int:
    """Run the demo hub in the foreground until Ctrl-C; print its address and this clone's nbgitpuller link."""
    missing = stack_missing()
    if missing:
        print("The hub stack is not installed:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 2
    url = f"http://127.0.0.1:{port}"
    proc = start_hub(hub_environment(state, port, password))
    seen: set[int] = set()
    try:
        wait_ready(url, proc, timeout=90)
        link = nbgitpuller_link(url, str(ROOT), branch=current_branch())
        print(
            f"\nShared Shield? demo hub: {url}\n  log in with any user name and the password {password!r}"
            " (HUB_PASSWORD)\n  the course's link for this clone (it clones the last commit of branch"
            f" {current_branch()!r}):\n  {link}\n  state (database, learners' homes): {state}\n  Ctrl-C stops the hub"
            " and every learner's server.\n",
            flush=True,
        )
        while proc.poll() is None:
            seen |= descendants(proc.pid)
            time.sleep(1)
    except KeyboardInterrupt:
        print("\nStopping the hub ...", flush=True)
    except RuntimeError as err:
        print(err, file=sys.stderr)
    result = stop_hub(proc, known=seen)
    if result.left_behind:
        print(
            "These were still running after the hub stopped, and were ended:\n  " + "\n  ".join(result.left_behind),
            file=sys.stderr,
        )
        return 1
    print(f"The hub stopped; none of the {len(result.started)} process(es) it started is left running.")
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # a `kill` stops the demo as cleanly as Ctrl-C
    sys.exit(demo(int(os.environ.get("HUB_PORT", DEFAULT_PORT)), os.environ.get("HUB_PASSWORD", DEFAULT_PASSWORD)))
