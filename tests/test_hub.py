"""The nbgitpuller link for schools with a hub is well-formed and opens notebook 00 in the cloned folder."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import ROOT
from sharedshield.hub import nbgitpuller_link, repo_folder


def test_link_has_the_hub_endpoint_and_round_trips_its_parameters():
    link = nbgitpuller_link("https://hub.school.example/", "https://github.com/owner/shared-shield.git", branch="main")
    parts = urlsplit(link)
    assert parts.scheme == "https" and parts.netloc == "hub.school.example"
    assert parts.path == "/hub/user-redirect/git-pull"
    query = parse_qs(parts.query, strict_parsing=True)
    assert query == {
        "repo": ["https://github.com/owner/shared-shield.git"],
        "branch": ["main"],
        "urlpath": ["lab/tree/shared-shield/notebooks/00_start_here.ipynb"],
        "targetpath": ["shared-shield"],
    }
    assert " " not in link and "//hub/" not in link


def test_the_notebook_the_link_opens_exists():
    query = parse_qs(urlsplit(nbgitpuller_link("https://hub.example", "https://github.com/o/r")).query)
    assert (ROOT / query["urlpath"][0].split("/", 3)[3]).is_file()


def test_repo_folder_and_bad_addresses():
    assert (
        repo_folder("https://github.com/o/name/") == "name"
        and repo_folder("https://gitlab.com/g/sub/name.git") == "name"
    )
    with pytest.raises(ValueError, match="hub address"):
        nbgitpuller_link("hub.example", "https://github.com/o/r")
    for bad in ("git@github.com:o/r.git", "relative/path", "file://otherhost/srv/r", "/", "ftp://example.org/r"):
        with pytest.raises(ValueError, match="repository address"):
            nbgitpuller_link("https://hub.example", bad)
    with pytest.raises(ValueError, match="interface"):
        nbgitpuller_link("https://hub.example", "https://github.com/o/r", interface="voila")


@pytest.mark.parametrize(
    "repo",
    [
        "/srv/course/shared-shield",
        "/srv/course/shared-shield/",
        "file:///srv/course/shared-shield.git",
        "file://localhost/srv/course/shared-shield",
    ],
)
def test_a_local_repository_is_accepted_and_cloned_into_its_own_name(repo):
    query = parse_qs(urlsplit(nbgitpuller_link("http://127.0.0.1:8000", repo, branch="hub")).query, strict_parsing=True)
    assert query["repo"] == [repo] and query["branch"] == ["hub"] and query["targetpath"] == ["shared-shield"]
    assert query["urlpath"] == ["lab/tree/shared-shield/notebooks/00_start_here.ipynb"]


def test_the_clone_folder_drops_dot_git_where_nbgitpuller_would_keep_it():
    # nbgitpuller's own default folder is the address's last part as is ("r.git"); the link names the folder it opens
    query = parse_qs(urlsplit(nbgitpuller_link("https://hub.example", "https://github.com/o/r.git")).query)
    assert query["targetpath"] == ["r"] and query["urlpath"][0].startswith("lab/tree/r/")
