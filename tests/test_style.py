"""One style for the code: ruff's lint rules with lines of at most 120 characters, and ruff's formatter."""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the venv's ruff from the course root."""
    return subprocess.run([sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_the_line_limit_is_120_and_checked() -> None:
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]
    assert conf["line-length"] == 120
    assert "E" in conf["lint"]["select"]
    assert "E501" not in conf["lint"].get("ignore", [])


def test_ruff_finds_nothing_in_the_code_and_the_notebooks() -> None:
    run = _ruff("check", "--output-format", "concise", ".")
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruffs_formatter_would_change_nothing() -> None:
    run = _ruff("format", "--check", ".")
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_check_sees_a_long_line(tmp_path: Path) -> None:
    """Positive control: a 122-character line in a file under the course's settings is reported."""
    probe = tmp_path / "probe.py"
    probe.write_text(f'TEXT = "{"x" * 113}"\n', encoding="utf-8")
    run = _ruff("check", "--config", str(ROOT / "pyproject.toml"), "--output-format", "concise", str(probe))
    assert run.returncode == 1 and "E501" in run.stdout, run.stdout + run.stderr
