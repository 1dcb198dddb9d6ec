"""Shared fixtures: a private copy of the small test dataset, and the real readings folder when set."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_configure(config: pytest.Config) -> None:
    """Point the per-user data folder (platformdirs honours XDG_DATA_HOME) at a fresh temporary folder for the whole run.

    Tests and the notebooks they execute then never read or write the real user's saved work or imported readings.
    """
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="sharedshield-test-userdata-")
    os.environ["SHAREDSHIELD_WORK_DIR"] = tempfile.mkdtemp(prefix="sharedshield-test-work-")  # saved work, on every OS


@pytest.fixture
def demo_data(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/data (a tiny consistent dataset)."""
    dest = tmp_path / "data"
    shutil.copytree(FIXTURES / "data", dest)
    return dest


@pytest.fixture
def demo_readings() -> Path:
    """The made-up reading that the tiny dataset cites."""
    return FIXTURES / "readings"


@pytest.fixture
def real_readings() -> Path:
    """The real readings folder from $SHAREDSHIELD_READINGS; skips with the reason when not set."""
    value = os.environ.get("SHAREDSHIELD_READINGS")
    if not value:
        pytest.skip("SHAREDSHIELD_READINGS is not set: the readings are not part of the project (CI sets it to ../shared/readings)")
    path = Path(value)
    if not path.is_dir():
        pytest.fail(f"SHAREDSHIELD_READINGS={value} is not a folder")
    return path


def tree_hash(folder: Path) -> str:
    """One hash over every file's name and bytes, to prove nothing was written."""
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()
