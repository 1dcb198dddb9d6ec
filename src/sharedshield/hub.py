"""Schools with a JupyterHub: an nbgitpuller link that clones (or updates) the course for each student and opens notebook 00."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

START = "notebooks/00_start_here.ipynb"


def repo_folder(repo_url: str) -> str:
    """The folder nbgitpuller clones a repository into by default: the last part of its address, without .git."""
    name = urlsplit(repo_url).path.rstrip("/").rsplit("/", 1)[-1]
    return name[:-4] if name.endswith(".git") else name


def nbgitpuller_link(hub_url: str, repo_url: str, branch: str = "main", notebook: str = START, interface: str = "lab") -> str:
    """The link a teacher shares: the hub pulls the course into the student's home and opens `notebook` in JupyterLab (or 'tree')."""
    hub = urlsplit(hub_url)
    repo = urlsplit(repo_url)
    if hub.scheme not in ("http", "https") or not hub.netloc:
        raise ValueError(f"the hub address must start with https:// (got {hub_url!r})")
    if repo.scheme not in ("http", "https") or not repo.netloc or not repo_folder(repo_url):
        raise ValueError(f"the repository address must be a web address such as https://github.com/OWNER/NAME (got {repo_url!r})")
    if interface not in ("lab", "tree"):
        raise ValueError("interface must be 'lab' (JupyterLab) or 'tree' (classic notebook)")
    target = f"{interface}/tree/{repo_folder(repo_url)}/{notebook}"
    return (f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?repo={quote(repo_url, safe='')}"
            f"&urlpath={quote(target, safe='')}&branch={quote(branch, safe='')}")
