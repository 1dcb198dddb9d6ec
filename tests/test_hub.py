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
    assert query == {"repo": ["https://github.com/owner/shared-shield.git"], "branch": ["main"],
                     "urlpath": ["lab/tree/shared-shield/notebooks/00_start_here.ipynb"]}
    assert " " not in link and "//hub/" not in link


def test_the_notebook_the_link_opens_exists():
    query = parse_qs(urlsplit(nbgitpuller_link("https://hub.example", "https://github.com/o/r")).query)
    assert (ROOT / query["urlpath"][0].split("/", 3)[3]).is_file()


def test_repo_folder_and_bad_addresses():
    assert repo_folder("https://github.com/o/name/") == "name" and repo_folder("https://gitlab.com/g/sub/name.git") == "name"
    with pytest.raises(ValueError, match="hub address"):
        nbgitpuller_link("hub.example", "https://github.com/o/r")
    with pytest.raises(ValueError, match="repository address"):
        nbgitpuller_link("https://hub.example", "git@github.com:o/r.git")
    with pytest.raises(ValueError, match="interface"):
        nbgitpuller_link("https://hub.example", "https://github.com/o/r", interface="voila")
